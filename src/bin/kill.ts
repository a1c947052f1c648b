/**
 * kill — send a signal to processes, as procps-ng's kill:
 *   kill [-s SIG | -SIG | -n NUM] PID...   (default TERM; SIG is a name, with or without SIG, or a number)
 *   kill -l [SIG]   the names, or one signal's name/number      kill -L   the names as a table
 * A PID that fails is reported in procps' words, `kill: (123): No such process`, and the status
 * is then 1. `%job` is the shell's (its builtin). -n NUM is the shells' spelling, taken too.
 */
import os, { OSError, signal } from 'posixbox/os';
import { entry, writeAll, type Tool } from './lib.js';

const COUNT = 31;
const ALIAS: ReadonlyMap<string, string> = new Map([['IO', 'POLL'], ['CLD', 'CHLD'], ['IOT', 'ABRT']]);

/** procps' names: the kernel's, with SIGIO spelled POLL. */
function nameOf(n: number): string {
  const s = signal.signalName(n).replace(/^SIG/, '');
  return s === 'IO' ? 'POLL' : s;
}

function numberOf(spec: string): number | undefined {
  if (/^\d+$/.test(spec)) {
    const n = Number(spec);
    return n >= 0 && n <= COUNT ? n : undefined;
  }
  const up = spec.toUpperCase().replace(/^SIG/, '');
  const name = ALIAS.get(up) ?? up;
  for (let n = 1; n <= COUNT; n++) if (nameOf(n) === name) return n;
  return undefined;
}

const USAGE = '\nUsage:\n kill [options] <pid> [...]\n\nOptions:\n <pid> [...]            send the signal to each <pid>\n'
  + ' -<signal>, -s, --signal <signal>\n                        the signal to send (a name or a number)\n'
  + ' -n <number>            the signal, by number\n'
  + ' -l, --list [<signal>]  list the signal names, or convert one to a name or number\n'
  + ' -L, --table            list the signal names in a table\n';

export function main(argv: string[]): number {
  return entry(argv[0] || 'kill', (t) => kill(t, argv));
}

function kill(t: Tool, argv: readonly string[]): number {
  const me = t.name;
  const err = (m: string): void => { try { writeAll(2, `${me}: ${m}\n`); } catch { /* nowhere */ } };
  const usage = (): number => { try { writeAll(2, USAGE); } catch { /* nowhere */ } return 1; };
  let sig = 15;
  let i = 1;
  const args = argv;
  for (; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') { i++; break; }
    if (a === '-l' || a === '--list' || a.startsWith('--list=')) {
      const what = a.startsWith('--list=') ? a.slice(7) : args[i + 1];
      if (what === undefined) {
        const names = Array.from({ length: COUNT }, (_, k) => nameOf(k + 1));
        t.stdout.write(`${names.slice(0, 16).join(' ')}\n${names.slice(16).join(' ')}\n`);
        return 0;
      }
      const n = numberOf(what);
      if (n === undefined || n === 0) {
        err(`unknown signal name ${what}`);
        return 1;
      }
      t.stdout.write(`${/^\d+$/.test(what) ? nameOf(n) : n}\n`);
      return 0;
    }
    if (a === '-L' || a === '--table') {
      let text = '';
      for (let n = 1; n <= COUNT; n++) text += n % 7 === 0 ? `${String(n).padStart(2)} ${nameOf(n)}\n` : `${String(n).padStart(2)} ${nameOf(n).padEnd(8)}`;
      t.stdout.write(`${text}\n`);
      return 0;
    }
    if (a === '-s' || a === '--signal' || a === '-n') {
      const v = args[++i];
      if (v === undefined) return err(`option requires an argument -- '${a.replace(/^-+/, '')}'`), usage();
      const n = a === '-n' && !/^\d+$/.test(v) ? undefined : numberOf(v);
      if (n === undefined) return err(`unknown signal name ${v}`), 1;
      sig = n;
      continue;
    }
    if (/^-\d+$/.test(a) || /^-[A-Za-z]/.test(a)) {
      const n = numberOf(a.slice(1));
      if (n === undefined) {
        err(`invalid argument ${a[1]}`);
        return usage();
      }
      sig = n;
      continue;
    }
    break;
  }
  const pids = args.slice(i);
  if (pids.length === 0) return usage();
  let status = 0;
  for (const p of pids) {
    if (!/^-?\d+$/.test(p)) {
      err(`failed to parse argument: '${p}'`);
      return 1;
    }
    try {
      os.kill(Number(p), sig);
    } catch (e) {
      if (!(e instanceof OSError)) throw e;
      err(`(${p}): ${e.strerror}`);
      status = 1;
    }
  }
  return status;
}
