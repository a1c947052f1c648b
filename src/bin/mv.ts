/**
 * mv — move (rename) files, as coreutils mv: `mv SOURCE DEST`, `mv SOURCE... DIRECTORY`,
 * `mv -t DIRECTORY SOURCE...`, `mv -T SOURCE DEST`.
 *   -f, --force         do not prompt (mv never prompts here: there is no -i)
 *   -n, --no-clobber    do not overwrite an existing file
 *   -v, --verbose       `renamed 'a' -> 'b'` (across file systems: `copied …`, `removed …`)
 * rename(2) does the work; when it fails with EXDEV the tree is copied with everything preserved
 * and the source removed, as coreutils does. Not done: -i, -u, --backup.
 */
import os, { OSError, stat } from 'posixbox/os';
import { program, quoteaf, reason, type Tool } from './lib.js';
import { copyTop, removeTree, sameFile } from './lib/copy.js';
import { pairs } from './lib/targets.js';

const EXDEV = 18, EINVAL = 22, ENOTEMPTY = 39, EEXIST = 17;

type Stat = ReturnType<typeof os.lstat>;

const lstatOf = (p: string): Stat | undefined => {
  try {
    return os.lstat(p);
  } catch (e) {
    if (e instanceof OSError) return undefined;
    throw e;
  }
};

function move(t: Tool, src: string, dst: string, o: { noClobber: boolean; verbose: boolean }): boolean {
  let st: Stat;
  try {
    st = os.lstat(src);
  } catch (e) {
    t.warn(`cannot stat ${quoteaf(src)}: ${reason(e)}`);
    return false;
  }
  const d = lstatOf(dst);
  if (d) {
    if (sameFile(st, d)) {
      t.warn(`${quoteaf(src)} and ${quoteaf(dst)} are the same file`);
      return false;
    }
    if (o.noClobber) return true;
    if (stat.S_ISDIR(st.st_mode) && !stat.S_ISDIR(d.st_mode)) {
      t.warn(`cannot overwrite non-directory ${quoteaf(dst)} with directory ${quoteaf(src)}`);
      return false;
    }
    if (!stat.S_ISDIR(st.st_mode) && stat.S_ISDIR(d.st_mode)) {
      t.warn(`cannot overwrite directory ${quoteaf(dst)} with non-directory`);
      return false;
    }
  }
  try {
    os.rename(src, dst);
  } catch (e) {
    if (!(e instanceof OSError)) throw e;
    if (e.errno === EXDEV) return moveAcross(t, src, dst, d, o.verbose);
    if (e.errno === EINVAL) t.warn(`cannot move ${quoteaf(src)} to a subdirectory of itself, ${quoteaf(dst)}`);
    else t.warn(`cannot move ${quoteaf(src)} to ${quoteaf(dst)}: ${os.strerror(e.errno === EEXIST ? ENOTEMPTY : e.errno)}`);
    return false;
  }
  if (o.verbose) t.stdout.write(`renamed ${quoteaf(src)} -> ${quoteaf(dst)}\n`);
  return true;
}

/** Another file system: copy everything (modes, owners, times, links), then remove the source. */
function moveAcross(t: Tool, src: string, dst: string, existing: Stat | undefined, verbose: boolean): boolean {
  if (existing && stat.S_ISDIR(existing.st_mode)) {
    try {
      os.rmdir(dst);
    } catch (e) {
      t.warn(`cannot move ${quoteaf(src)} to ${quoteaf(dst)}: ${reason(e)}`);
      return false;
    }
  }
  const copied = copyTop(t, src, dst, {
    recursive: true, deref: 'never', mode: true, owner: true, times: true, links: true,
    force: true, noClobber: false, verbose, verb: 'copied',
  });
  if (!copied) return false;
  return removeTree(t, src, verbose);
}

export const main = program('mv', {
  usage: '[OPTION]... [-T] SOURCE DEST\n  or:  mv [OPTION]... SOURCE... DIRECTORY\n  or:  mv [OPTION]... -t DIRECTORY SOURCE...',
  about: 'Rename SOURCE to DEST, or move SOURCE(s) to DIRECTORY.',
  short: 'fnTt:v',
  long: { force: 'f', 'no-clobber': 'n', 'target-directory=': 't', 'no-target-directory': 'T', verbose: 'v' },
}, (t, a) => {
  let noClobber = false;
  for (const [k] of a.opts) {
    if (k === 'n') noClobber = true;
    else if (k === 'f') noClobber = false;
  }
  let ok = true;
  for (const [src, dst] of pairs(a)) ok = move(t, src, dst, { noClobber, verbose: a.has('v') }) && ok;
  return ok ? 0 : 1;
});
