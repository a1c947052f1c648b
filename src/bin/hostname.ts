/**
 * hostname — show the system's host name (uname's nodename), as net-tools' hostname:
 *   hostname       the name        -s  up to the first dot     -d  what follows it (the domain)
 *   -f  the name (no resolver here, so the FQDN is the name)
 *   hostname NAME, -F FILE   set it (sethostname(2)): only root may; -F takes the file's first
 *                            line that is not a comment
 * Errors: `hostname: you must be root to change the host name` (status 1); a bad option prints
 * the message and the usage (status 255), as there.
 */
import os, { OSError } from 'posixbox/os';
import { writeAll } from './lib.js';

const USAGE = `Usage: hostname [-s|-f|-d]            display the host name (short, long, domain)
       hostname NAME | -F FILE          set the host name (root only)
       hostname -h|--help|-V|--version
`;
const LONG: ReadonlyMap<string, string> = new Map([
  ['--short', 's'], ['--fqdn', 'f'], ['--long', 'f'], ['--domain', 'd'], ['--file', 'F'], ['--help', 'h'], ['--version', 'V'],
]);

/** A whole (small) file as text. */
function readText(path: string): string {
  const fd = os.open(path, os.O_RDONLY);
  const parts: string[] = [];
  const dec = new TextDecoder();
  try {
    for (let i = 0; i < 64; i++) {
      const b = os.read(fd, 4096);
      if (b.length === 0) break;
      parts.push(dec.decode(b, { stream: true }));
    }
  } finally {
    os.close(fd);
  }
  return parts.join('');
}

function say(fd: number, text: string): void {
  try { writeAll(fd, text); } catch { /* nowhere to report */ }
}

export function main(argv: string[]): number {
  const me = 'hostname';
  let mode = '';
  let file: string | undefined;
  const names: string[] = [];
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i]!;
    const opt = LONG.get(a) ?? (a.startsWith('-') && a.length === 2 ? a[1]! : undefined);
    if (opt === undefined) {
      if (a.startsWith('-') && a.length > 1) {
        say(2, a.startsWith('--') ? `${me}: unrecognized option '${a}'\n` : `${me}: invalid option -- '${a[1]}'\n`);
        say(1, USAGE);
        return 255;
      }
      names.push(a);
      continue;
    }
    if (opt === 'h') return say(1, USAGE), 0;
    if (opt === 'V') return say(1, 'hostname (posixbox) 0.1.0\n'), 0;
    if (opt === 'F') {
      file = argv[++i];
      if (file === undefined) {
        say(2, `${me}: option requires an argument -- 'F'\n`);
        say(1, USAGE);
        return 255;
      }
    } else if ('sfd'.includes(opt)) {
      mode = opt;
    } else {
      say(2, `${me}: invalid option -- '${opt}'\n`);
      say(1, USAGE);
      return 255;
    }
  }
  if (names.length > 1) return say(2, USAGE), 255;
  if (names.length === 1 || file !== undefined) {
    let name = names[0] ?? '';
    if (file !== undefined) {
      try {
        // The first line that is not a comment, as net-tools reads /etc/hostname.
        const text = readText(file);
        name = text.split('\n').map((l) => l.trim()).find((l) => l !== '' && !l.startsWith('#')) ?? '';
      } catch (e) {
        if (e instanceof OSError) return say(2, `${me}: ${e.strerror}\n`), 1;
        throw e;
      }
    }
    if (os.geteuid() !== 0) return say(2, `${me}: you must be root to change the host name\n`), 1;
    if (name === '' || !/^[A-Za-z0-9.-]+$/.test(name) || name.startsWith('-')) return say(2, `${me}: the specified hostname is invalid\n`), 1;
    if (name.length > 64) return say(2, `${me}: name too long\n`), 1;
    try {
      os.sethostname(name);
    } catch (e) {
      if (e instanceof OSError) return say(2, `${me}: ${e.strerror}\n`), 1;
      throw e;
    }
    return 0;
  }
  const name = os.uname().nodename;
  const dot = name.indexOf('.');
  const text = mode === 's' ? (dot < 0 ? name : name.slice(0, dot)) : mode === 'd' ? (dot < 0 ? '' : name.slice(dot + 1)) : name;
  if (text !== '' || mode !== 'd') say(1, `${text}\n`);
  return 0;
}
