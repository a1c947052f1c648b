/**
 * dirname — strip the last component from each name, as coreutils dirname (gnulib dir_len):
 * `a/b/` → `a`, `a` → `.`, `/` → `/`, `//a//b//` → `//a`. -z (--zero): end each with NUL.
 */
import { program, UsageError } from './lib.js';

function dir(name: string): string {
  let base = 0;
  while (name[base] === '/') base++;
  for (let p = base + 1; p < name.length; p++) if (name[p] !== '/' && name[p - 1] === '/') base = p;
  let length = base;
  const keep = name.startsWith('/') ? 1 : 0;
  while (length > keep && name[length - 1] === '/') length--;
  return length === 0 ? '.' : name.slice(0, length);
}

export const main = program('dirname', {
  usage: '[OPTION] NAME...',
  about: 'Output each NAME with its last non-slash component and trailing slashes removed; if NAME contains no /\'s, output \'.\' (meaning the current directory).',
  short: 'z',
  long: { zero: 'z' },
}, (t, a) => {
  if (a.operands.length === 0) throw new UsageError('missing operand');
  t.stdout.write(a.operands.map((n) => dir(n) + (a.has('z') ? '\0' : '\n')).join(''));
  return 0;
});
