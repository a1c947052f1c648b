/**
 * ln — make links, as coreutils ln: `ln TARGET LINK_NAME`, `ln TARGET` (a link in `.`), or
 * `ln TARGET... DIRECTORY` (a link in DIRECTORY per target, named after it).
 *   -s, --symbolic         symbolic links (the default is hard links, which refuse directories)
 *   -f, --force            remove an existing destination first (not when it is the target itself)
 *   -n, --no-dereference   a LINK_NAME that is a symlink to a directory is replaced, not entered
 *   -v, --verbose          `'link' -> 'target'` (or `=>` for a hard link) on stdout
 */
import os, { OSError, stat } from 'posixbox/os';
import { program, quoteaf, quotef, reason, UsageError, Fatal, type Tool } from './lib.js';

const ENOENT = 2, ENOTDIR = 20, EEXIST = 17;

const base = (p: string): string => p.replace(/\/+$/, '').split('/').pop() || '/';
const parent = (p: string): string => {
  const s = p.replace(/\/+$/, '');
  return s.includes('/') ? s.slice(0, s.lastIndexOf('/')) || '/' : '.';
};

/** Whether `a` and `b` name the same directory entry (`f` and `./f`, `d/../f` and `f`). */
function sameEntry(a: string, b: string): boolean {
  if (base(a) !== base(b)) return false;
  try {
    const [x, y] = [os.stat(parent(a)), os.stat(parent(b))];
    return x.st_dev === y.st_dev && x.st_ino === y.st_ino;
  } catch {
    return false;
  }
}

export const main = program('ln', {
  usage: '[OPTION]... TARGET LINK_NAME\n  or:  ln [OPTION]... TARGET\n  or:  ln [OPTION]... TARGET... DIRECTORY',
  about: 'Create a link to TARGET with the name LINK_NAME, or links to each TARGET in DIRECTORY.',
  short: 'fnsv',
  long: { force: 'f', 'no-dereference': 'n', symbolic: 's', verbose: 'v' },
}, (t, a) => {
  const ops = a.operands;
  if (ops.length === 0) throw new UsageError('missing file operand');
  const o = { symbolic: a.has('s'), force: a.has('f'), verbose: a.has('v') };
  let dir: string | undefined;
  const last = ops[ops.length - 1]!;
  if (ops.length === 1) {
    dir = '.';
  } else {
    let err = 0;
    let isDir = false;
    try {
      isDir = stat.S_ISDIR((a.has('n') ? os.lstat(last) : os.stat(last)).st_mode);
    } catch (e) {
      if (!(e instanceof OSError)) throw e;
      if (e.errno !== ENOENT && e.errno !== ENOTDIR) throw new Fatal(`failed to access ${quoteaf(last)}: ${e.strerror}`);
      err = e.errno;
    }
    if (isDir) dir = last;
    else if (ops.length > 2) throw new Fatal(`target ${quoteaf(last)}: ${os.strerror(err || ENOTDIR)}`);
  }
  const targets = dir === undefined ? [ops[0]!] : ops.slice(0, ops.length === 1 ? 1 : -1);
  let ok = true;
  for (const target of targets) {
    const dest = dir === undefined ? last : `${dir.replace(/\/+$/, '')}/${base(target)}`;
    ok = link(t, target, dest, o) && ok;
  }
  return ok ? 0 : 1;
});

function link(t: Tool, target: string, dest: string, o: { symbolic: boolean; force: boolean; verbose: boolean }): boolean {
  if (!o.symbolic) {
    try {
      if (stat.S_ISDIR(os.lstat(target).st_mode)) {
        t.warn(`${quotef(target)}: hard link not allowed for directory`);
        return false;
      }
    } catch (e) {
      t.warn(`failed to access ${quoteaf(target)}: ${reason(e)}`);
      return false;
    }
  }
  if (o.force) {
    if (sameEntry(target, dest)) {
      t.warn(`${quoteaf(target)} and ${quoteaf(dest)} are the same file`);
      return false;
    }
    try {
      os.unlink(dest);
    } catch (e) {
      if (!(e instanceof OSError && e.errno === ENOENT)) {
        t.warn(`cannot remove ${quoteaf(dest)}: ${reason(e)}`);
        return false;
      }
    }
  }
  try {
    if (o.symbolic) os.symlink(target, dest);
    else os.link(target, dest);
  } catch (e) {
    const why = reason(e);
    const errno = (e as { errno: number }).errno;
    t.warn(o.symbolic
      ? (target === '' ? `failed to create symbolic link ${quoteaf(dest)} -> ${quoteaf(target)}: ${why}` : `failed to create symbolic link ${quoteaf(dest)}: ${why}`)
      : [EEXIST, 28, 30, 122].includes(errno) ? `failed to create hard link ${quoteaf(dest)}: ${why}`
        : `failed to create hard link ${quoteaf(dest)} => ${quoteaf(target)}: ${why}`);
    return false;
  }
  if (o.verbose) t.stdout.write(`${quoteaf(dest)} ${o.symbolic ? '->' : '=>'} ${quoteaf(target)}\n`);
  return true;
}
