/**
 * pwd — print the name of the working directory, as coreutils pwd:
 *   -P, --physical  the name getcwd(3) gives, with no symlinks (the default, as coreutils; the
 *                   shell's builtin pwd is the one that defaults to -L)
 *   -L, --logical   $PWD, if it is absolute, has no `.` or `..` component and names the working
 *                   directory (the same st_dev and st_ino as `.`); else as -P
 * The last of -L and -P wins; POSIXLY_CORRECT makes -L the default. Operands are ignored, with a
 * warning.
 */
import os from 'posixbox/os';
import { Fatal, program, reason } from './lib.js';

function logical(): string | undefined {
  const pwd = os.environ.get('PWD');
  if (!pwd?.startsWith('/') || /\/\.\.?(\/|$)/.test(pwd)) return undefined;
  try {
    const a = os.stat(pwd);
    const b = os.stat('.');
    return a.st_dev === b.st_dev && a.st_ino === b.st_ino ? pwd : undefined;
  } catch {
    return undefined;
  }
}

export const main = program('pwd', {
  usage: '[OPTION]...',
  about: 'Print the full filename of the current working directory.',
  short: 'LP',
  long: { logical: 'L', physical: 'P' },
}, (t, a) => {
  if (a.operands.length > 0) t.warn('ignoring non-option arguments');
  const mode = a.opts.findLast(([k]) => k === 'L' || k === 'P')?.[0] ?? (os.environ.has('POSIXLY_CORRECT') ? 'L' : 'P');
  let dir = mode === 'L' ? logical() : undefined;
  if (dir === undefined) {
    try {
      dir = os.getcwd();
    } catch (e) {
      throw new Fatal(`cannot determine current directory: ${reason(e)}`);
    }
  }
  t.stdout.write(`${dir}\n`);
  return 0;
});
