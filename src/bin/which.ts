/**
 * which — locate a command, as Debian's which: for each name, the first executable regular file
 * named so in a PATH directory (every one with -a); a name holding `/` is checked as it is.
 * Status 1 if any name was not found (or none was given), 2 for a bad option (usage on stdout,
 * as there).
 */
import os, { OSError, stat } from 'posixbox/os';
import { writeAll } from './lib.js';

function executable(p: string): boolean {
  try {
    return stat.S_ISREG(os.stat(p).st_mode) && os.access(p, os.X_OK, { effective_ids: true });
  } catch (e) {
    if (e instanceof OSError) return false;
    throw e;
  }
}

export function main(argv: string[]): number {
  const me = argv[0] || 'which';
  let all = false;
  let i = 1;
  for (; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') { i++; break; }
    if (!a.startsWith('-') || a === '-') break;
    for (const c of a.slice(1)) {
      if (c === 'a') {
        all = true;
        continue;
      }
      try {
        writeAll(2, `Illegal option -${c}\n`);
        writeAll(1, `Usage: ${me} [-a] args\n`);
      } catch { /* nowhere to report */ }
      return 2;
    }
  }
  const names = argv.slice(i);
  let status = names.length === 0 ? 1 : 0;
  let path = os.environ.get('PATH') ?? '';
  if (/[^:]:$/.test(path)) path += ':';
  const lines: string[] = [];
  for (const name of names) {
    let found = false;
    if (name.includes('/')) {
      if (executable(name)) { lines.push(name); found = true; }
    } else {
      for (const dir of path.split(':')) {
        const full = `${dir || '.'}/${name}`;
        if (!executable(full)) continue;
        lines.push(full);
        found = true;
        if (!all) break;
      }
    }
    if (!found) status = 1;
  }
  try {
    if (lines.length) writeAll(1, lines.map((l) => `${l}\n`).join(''));
  } catch {
    return 1;
  }
  return status;
}
