/**
 * hostname — show the system's host name (uname's nodename), as net-tools' hostname:
 *   hostname       the name        -s  up to the first dot     -d  what follows it (the domain)
 *   -f  the name (no resolver here, so the FQDN is the name)
 *   hostname NAME, -F FILE   set it: only root may, and the kernel offers no call to do it
 * Errors: `hostname: you must be root to change the host name` (status 1); a bad option prints
 * the message and the usage (status 255), as there.
 */
import os, { OSError } from 'posixbox/os';
import { writeAll } from './lib.js';

const USAGE = `Usage: hostname [-s|-f|-d]            display the host name (short, long, domain)
       hostname NAME | -F FILE          set the host name (root only)
       hostname -h|--help|-V|--version
`;
const ENOSYS = 38;
const LONG: ReadonlyMap<string, string> = new Map([
  ['--short', 's'], ['--fqdn', 'f'], ['--long', 'f'], ['--domain', 'd'], ['--file', 'F'], ['--help', 'h'], ['--version', 'V'],
]);

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
    if (file !== undefined) {
      try {
        os.close(os.open(file, os.O_RDONLY));
      } catch (e) {
        if (e instanceof OSError) return say(2, `${me}: ${e.strerror}\n`), 1;
        throw e;
      }
    }
    if (os.geteuid() !== 0) return say(2, `${me}: you must be root to change the host name\n`), 1;
    say(2, `${me}: ${os.strerror(ENOSYS)}\n`);
    return 1;
  }
  const name = os.uname().nodename;
  const dot = name.indexOf('.');
  const text = mode === 's' ? (dot < 0 ? name : name.slice(0, dot)) : mode === 'd' ? (dot < 0 ? '' : name.slice(dot + 1)) : name;
  if (text !== '' || mode !== 'd') say(1, `${text}\n`);
  return 0;
}
