/**
 * rm — remove files, as coreutils rm:
 *   -f, --force      no message for a missing file, no "missing operand"
 *   -r, -R, --recursive  remove directories and their contents (depth first, in directory order)
 *   -d, --dir        remove empty directories
 *   -v, --verbose    `removed 'x'` / `removed directory 'x'` on stdout
 * Recursive removal refuses `.` and `..` and anything that is `/`. Not done: the -i/-I prompts
 * and the prompt before removing a write-protected file from a terminal.
 */
import os, { OSError, stat } from 'posixbox/os';
import { dotOrDotdot, program, quoteaf, reason, UsageError, type Tool } from './lib.js';

const ENOENT = 2;

export const main = program('rm', {
  usage: '[OPTION]... [FILE]...',
  about: 'Remove (unlink) the FILE(s).',
  short: 'dfrRv',
  long: { dir: 'd', force: 'f', recursive: 'r', verbose: 'v' },
}, (t, a) => {
  const force = a.has('f');
  if (a.operands.length === 0) {
    if (force) return 0;
    throw new UsageError('missing operand');
  }
  const o = { force, recursive: a.has('r') || a.has('R'), dir: a.has('d'), verbose: a.has('v') };
  let root: { st_dev: number; st_ino: number } | undefined;
  try { root = os.stat('/'); } catch { /* nothing can be `/` then */ }
  let ok = true;
  for (const path of a.operands) {
    if (o.recursive && dotOrDotdot(path)) {
      t.warn(`refusing to remove '.' or '..' directory: skipping ${quoteaf(path)}`);
      ok = false;
      continue;
    }
    if (o.recursive && root && isRoot(path, root)) {
      t.warn(path === '/' ? "it is dangerous to operate recursively on '/'"
        : `it is dangerous to operate recursively on ${quoteaf(path)} (same as '/')`);
      t.warn('use --no-preserve-root to override this failsafe');
      ok = false;
      continue;
    }
    ok = remove(t, path, o) && ok;
  }
  return ok ? 0 : 1;
});

function isRoot(path: string, root: { st_dev: number; st_ino: number }): boolean {
  try {
    const st = os.stat(path);
    return st.st_dev === root.st_dev && st.st_ino === root.st_ino;
  } catch {
    return false;
  }
}

type Opts = { force: boolean; recursive: boolean; dir: boolean; verbose: boolean };

/** Remove `path` (and, recursively, what it holds); false if anything failed (already reported). */
function remove(t: Tool, path: string, o: Opts): boolean {
  const fail = (e: unknown): boolean => {
    if (o.force && e instanceof OSError && e.errno === ENOENT) return true;
    t.warn(`cannot remove ${quoteaf(path)}: ${reason(e)}`);
    return false;
  };
  let isDir: boolean;
  try {
    isDir = stat.S_ISDIR(os.lstat(path).st_mode);
  } catch (e) {
    return fail(e);
  }
  if (!isDir) {
    try { os.unlink(path); } catch (e) { return fail(e); }
    if (o.verbose) t.stdout.write(`removed ${quoteaf(path)}\n`);
    return true;
  }
  if (!o.recursive && !o.dir) return fail(new OSError(21, 'unlink', path));
  if (o.recursive) {
    let names: string[];
    try {
      names = os.listdir(path);
    } catch (e) {
      // An unreadable directory may still be empty: try rmdir, but report why it could not be read.
      try { os.rmdir(path); } catch { return fail(e); }
      if (o.verbose) t.stdout.write(`removed directory ${quoteaf(path)}\n`);
      return true;
    }
    let all = true;
    for (const name of names) all = remove(t, `${path.replace(/\/+$/, '')}/${name}`, o) && all;
    if (!all) return false; // the directory cannot be empty; coreutils says nothing more
  }
  try { os.rmdir(path); } catch (e) { return fail(e); }
  if (o.verbose) t.stdout.write(`removed directory ${quoteaf(path)}\n`);
  return true;
}
