/**
 * The special builtins that steer the shell (POSIX XCU 2.14): `:` break continue return exit eval
 * `.` exec shift set times trap. Errors are ShellErrors, which end a non-interactive shell.
 */
import os, { OSError } from 'posixbox/os';
import { BreakSignal, ContinueSignal, ExitSignal, OPTIONS, ReturnSignal, ShellError } from '../state.js';
import type { Shell } from '../shell.js';
import { runText } from '../exec/source.js';
import { openError } from '../exec/redir.js';
import { findCommand } from '../exec/spawn.js';
import { SIGNALS, installTrap, signalNumber } from '../exec/traps.js';
import { quote } from './quote.js';


function number(name: string, s: string, min = 0): number {
  if (!/^[0-9]+$/.test(s) || Number(s) < min) throw new ShellError(`${name}: Illegal number: ${s}`, 2);
  return Number(s);
}

export function colon(): number {
  return 0;
}

export function breakLoop(sh: Shell, argv: string[]): number {
  const n = argv[1] === undefined ? 1 : number(argv[0]!, argv[1], 1);
  if (sh.st.loopDepth === 0) return 0;
  const Sig = argv[0] === 'break' ? BreakSignal : ContinueSignal;
  throw new Sig(Math.min(n, sh.st.loopDepth));
}

export function returnBuiltin(sh: Shell, argv: string[]): number {
  const n = argv[1] === undefined ? sh.st.status : number('return', argv[1]);
  if (sh.st.funcDepth === 0 && !sh.sourcing) {
    throw new ExitSignal(n);
  }
  throw new ReturnSignal(n);
}

export function exit(sh: Shell, argv: string[]): number {
  const n = argv[1] === undefined ? (sh.inTrap ? sh.trapStatus : sh.st.status) : number('exit', argv[1]);
  throw new ExitSignal(n);
}

export function evalBuiltin(sh: Shell, argv: string[]): number {
  const text = argv.slice(1).join(' ');
  if (!text.trim()) return 0;
  return runText(sh, text, 1, 'eval: ');
}

export function dot(sh: Shell, argv: string[]): number {
  const file = argv[1];
  if (file === undefined) return 0;
  let path = file;
  if (!file.includes('/')) {
    const found = (sh.st.get('PATH') ?? '/usr/bin:/bin').split(':').map((d) => `${d || '.'}/${file}`).find(regular);
    if (found === undefined) throw new ShellError(`.: ${file}: not found`, 2);
    path = found;
  }
  let text = '';
  try {
    const fd = os.open(path, os.O_RDONLY | os.O_CLOEXEC);
    try {
      const parts: string[] = [];
      const decoder = new TextDecoder();
      for (let b = os.read(fd, 65536); b.length > 0; b = os.read(fd, 65536)) parts.push(decoder.decode(b, { stream: true }));
      text = parts.join('') + decoder.decode();
    } finally {
      os.close(fd);
    }
  } catch (e) {
    const err = openError(e, 'open', file);
    throw new ShellError(`.: ${err.message}`, 2);
  }
  const saved = sh.st.positional;
  if (argv.length > 2) sh.st.positional = argv.slice(2);
  const was = sh.sourcing;
  sh.sourcing = true;
  try {
    return runText(sh, text, 1, `${file}: `);
  } catch (e) {
    if (e instanceof ReturnSignal) return e.status;
    throw e;
  } finally {
    sh.sourcing = was;
    if (argv.length > 2) sh.st.positional = saved;
  }
}

function regular(path: string): boolean {
  try {
    return (os.stat(path).st_mode & 0o170000) === 0o100000;
  } catch {
    return false;
  }
}

export function exec(sh: Shell, argv: string[]): number {
  let args = argv.slice(1);
  if (args[0] === '--') args = args.slice(1);
  if (args.length === 0) return 0;
  const found = findCommand(sh, args[0]!);
  if ('error' in found) {
    sh.err(`exec: ${found.error}`);
    throw new ExitSignal(found.status);
  }
  const env = sh.st.environ(sh.assignEnv);
  try {
    os.execve(found.path, args, env);
  } catch (e) {
    if (!(e instanceof OSError)) throw e;
    if (e.errno === 8) {
      try { os.execve('/bin/sh', ['sh', found.path, ...args.slice(1)], env); } catch { /* reported below */ }
    }
    sh.err(`exec: ${args[0]}: ${e.errno === 2 ? 'not found' : e.strerror}`);
    throw new ExitSignal(e.errno === 2 ? 127 : 126);
  }
  return 0;
}

export function shift(sh: Shell, argv: string[]): number {
  const n = argv[1] === undefined ? 1 : number('shift', argv[1]);
  if (n > sh.st.positional.length) throw new ShellError("shift: can't shift that many", 2);
  sh.st.positional = sh.st.positional.slice(n);
  return 0;
}

export function setOption(sh: Shell, name: string, on: boolean): void {
  if (name === 'monitor' && on && !os.isatty(0) && !os.isatty(2)) {
    sh.err('set: can\'t access tty; job control turned off');
    return;
  }
  if (on) sh.st.opts.add(name);
  else sh.st.opts.delete(name);
  if (name === 'monitor') sh.monitorChanged();
}

/** Parse option arguments (shared by `set` and the command line); returns the index of the first operand. */
export function parseOptions(sh: Shell, args: readonly string[], who: string, startup = false): number {
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') { i++; return i; }
    if (a === '-' ) { setOption(sh, 'xtrace', false); setOption(sh, 'verbose', false); return i + 1; }
    if (!/^[-+]/.test(a) || a.length < 2) return i;
    const on = a[0] === '-';
    for (const c of a.slice(1)) {
      if (c === 'o') {
        const name = args[++i];
        if (name === undefined) { listOptions(sh, on); continue; }
        const opt = OPTIONS.find(([, n]) => n === name);
        if (!opt) throw new ShellError(`${who}: Illegal option -o ${name}`, 2);
        setOption(sh, name, on);
        continue;
      }
      if (startup && 'cis'.includes(c)) continue;
      const opt = OPTIONS.find(([l]) => l === c);
      if (!opt || opt[0] === '') throw new ShellError(`${who}: Illegal option ${a[0]}${c}`, 2);
      setOption(sh, opt[1], on);
    }
  }
  return i;
}

function listOptions(sh: Shell, on: boolean): void {
  const names = OPTIONS.map(([, n]) => n);
  if (on) {
    sh.write(1, `Current option settings\n${names.map((n) => `${n.padEnd(16)}${sh.st.on(n) ? 'on' : 'off'}\n`).join('')}`);
  } else {
    sh.write(1, names.map((n) => `set ${sh.st.on(n) ? '-' : '+'}o ${n}\n`).join(''));
  }
}

export function set(sh: Shell, argv: string[]): number {
  if (argv.length === 1) {
    const names = [...sh.st.vars.keys()].filter((k) => sh.st.vars.get(k)!.value !== undefined).sort();
    sh.write(1, names.map((k) => `${k}=${quote(sh.st.vars.get(k)!.value!)}\n`).join(''));
    return 0;
  }
  const args = argv.slice(1);
  const i = parseOptions(sh, args, 'set');
  if (i < args.length || args[i - 1] === '--' || args[i - 1] === '-') sh.st.positional = args.slice(i);
  return 0;
}

export function times(sh: Shell): number {
  sh.write(1, '0m0.000000s 0m0.000000s\n0m0.000000s 0m0.000000s\n');
  return 0;
}

export function trap(sh: Shell, argv: string[]): number {
  let args = argv.slice(1);
  if (args[0] === '--') args = args.slice(1);
  if (args.length === 0 || (args.length === 1 && args[0] === '-p')) {
    const out: string[] = [];
    for (let s = 0; s < SIGNALS.length; s++) {
      const a = sh.st.traps.get(SIGNALS[s]!);
      if (a !== undefined) out.push(`trap -- ${quote(a)} ${SIGNALS[s]}\n`);
    }
    sh.write(1, out.join(''));
    return 0;
  }
  if (args[0] === '-l') {
    sh.write(1, SIGNALS.slice(1).map((n, i) => `${i + 1}) SIG${n}\n`).join(''));
    return 0;
  }
  let action: string | undefined = args[0];
  let conds = args.slice(1);
  if (args.length === 1 || /^[0-9]+$/.test(args[0]!)) { action = undefined; conds = args; }
  if (action === '-') action = undefined;
  let status = 0;
  for (const c of conds) {
    const n = signalNumber(c);
    if (n === undefined) {
      sh.write(2, `trap: ${c}: bad trap\n`);
      status = 1;
      continue;
    }
    installTrap(sh, n, action);
  }
  return status;
}
