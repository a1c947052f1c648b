/**
 * Copying a file tree as coreutils' copy.c does it, for cp and for mv's cross-device fallback:
 * regular files by content, directories recursively, symbolic links and FIFOs recreated, with
 * coreutils' messages (`cannot stat`, `-r not specified; omitting directory`, `'a' and 'b' are the
 * same file`, `cannot copy a directory, 'd', into itself, 'd/x'`, …) and what -p preserves.
 */
import os, { OSError, stat } from 'posixbox/os';
import { quoteaf, reason, type Tool } from '../lib.js';

const ENOENT = 2, EEXIST = 17, EPERM = 1;
const CHUNK = 65536;

export interface CopyOptions {
  readonly recursive: boolean;
  /** Follow symbolic links: never (-P), always (-L), or only on the command line (-H). */
  readonly deref: 'never' | 'always' | 'cmdline';
  readonly mode: boolean;
  readonly owner: boolean;
  readonly times: boolean;
  /** Keep hard links between copied files (-a, -d). */
  readonly links: boolean;
  readonly force: boolean;
  readonly noClobber: boolean;
  readonly verbose: boolean;
  /** -u: leave a destination that is as new as the source. */
  readonly update?: boolean;
  /** -l, -s: make hard or symbolic links instead of copying files. */
  readonly linkInstead?: 'hard' | 'symbolic';
  /** mv's fallback: `copied 'a' -> 'b'` instead of `'a' -> 'b'`. */
  readonly verb?: string;
}

type Stat = ReturnType<typeof os.stat>;

/** What one top-level copy remembers: the directory it made (to spot copying into itself), links. */
interface Run {
  readonly t: Tool;
  readonly o: CopyOptions;
  readonly src: string;
  readonly dst: string;
  made?: { dev: number; ino: number };
  readonly links: Map<string, string>;
  readonly umask: number;
}

const tryStat = (p: string, follow: boolean): Stat | undefined => {
  try {
    return follow ? os.stat(p) : os.lstat(p);
  } catch (e) {
    if (e instanceof OSError) return undefined;
    throw e;
  }
};

export const sameFile = (a: Stat, b: Stat): boolean => a.st_dev === b.st_dev && a.st_ino === b.st_ino;

function umaskNow(): number {
  const m = os.umask(0);
  os.umask(m);
  return m;
}

/** Copy `src` to `dst` (both as the user named them); false if anything failed (reported). */
export function copyTop(t: Tool, src: string, dst: string, o: CopyOptions): boolean {
  const run: Run = { t, o, src, dst, links: new Map(), umask: umaskNow() };
  return copyOne(run, src, dst, true);
}

function verbose(r: Run, src: string, dst: string): void {
  if (r.o.verbose) r.t.stdout.write(`${r.o.verb ? `${r.o.verb} ` : ''}${quoteaf(src)} -> ${quoteaf(dst)}\n`);
}

function copyOne(r: Run, src: string, dst: string, top: boolean): boolean {
  const { t, o } = r;
  const follow = o.deref === 'always' || (o.deref === 'cmdline' && top);
  let st: Stat;
  try {
    st = follow ? os.stat(src) : os.lstat(src);
  } catch (e) {
    t.warn(`cannot stat ${quoteaf(src)}: ${reason(e)}`);
    return false;
  }
  const isDir = stat.S_ISDIR(st.st_mode);
  if (isDir && !o.recursive) {
    t.warn(`-r not specified; omitting directory ${quoteaf(src)}`);
    return false;
  }
  const dstLst = tryStat(dst, false);
  if (!isDir && o.linkInstead) return linkInstead(r, src, dst, st, dstLst);
  const dstSt = dstLst && stat.S_ISLNK(dstLst.st_mode) ? tryStat(dst, true) ?? dstLst : dstLst;
  if (dstSt && sameFile(st, dstSt) && !(stat.S_ISLNK(st.st_mode) && dstLst && !sameFile(st, dstLst))) {
    t.warn(`${quoteaf(src)} and ${quoteaf(dst)} are the same file`);
    return false;
  }
  if (isDir) return copyDir(r, src, dst, st, dstSt);
  if (dstSt && stat.S_ISDIR(dstSt.st_mode)) {
    t.warn(`cannot overwrite directory ${quoteaf(dst)} with non-directory`);
    return false;
  }
  if (dstLst && o.noClobber) return true;
  if (dstSt && o.update && dstSt.st_mtime_ns >= st.st_mtime_ns) return true;
  if (dstLst && dstSt === dstLst && stat.S_ISLNK(dstLst.st_mode) && !stat.S_ISLNK(st.st_mode) && !(o.recursive && !stat.S_ISREG(st.st_mode))) {
    t.warn(`not writing through dangling symlink ${quoteaf(dst)}`);
    return false;
  }
  if (o.links && st.st_nlink > 1) {
    const key = `${st.st_dev}:${st.st_ino}`;
    const first = r.links.get(key);
    if (first !== undefined) return hardLink(r, first, src, dst, dstLst);
    r.links.set(key, dst);
  }
  if (stat.S_ISLNK(st.st_mode)) return copyLink(r, src, dst, st, dstLst);
  if (o.recursive && (stat.S_ISFIFO(st.st_mode) || stat.S_ISCHR(st.st_mode) || stat.S_ISBLK(st.st_mode))) {
    return copySpecial(r, src, dst, st, dstLst);
  }
  return copyFile(r, src, dst, st, dstSt);
}

/** cp -l and cp -s: a link to the source instead of a copy. */
function linkInstead(r: Run, src: string, dst: string, st: Stat, dstLst: Stat | undefined): boolean {
  const hard = r.o.linkInstead === 'hard';
  if (dstLst && hard && sameFile(st, dstLst)) return true;
  if (!hard && !src.startsWith('/') && dst.includes('/')) {
    r.t.warn(`${dst}: can make relative symbolic links only in current directory`);
    return false;
  }
  if (dstLst && r.o.noClobber) return true;
  if (dstLst && r.o.force && !removeFor(r, dst)) return false;
  try {
    if (hard) os.link(src, dst);
    else os.symlink(src, dst);
  } catch (e) {
    r.t.warn(`cannot create ${hard ? 'hard' : 'symbolic'} link ${quoteaf(dst)} to ${quoteaf(src)}: ${reason(e)}`);
    return false;
  }
  verbose(r, src, dst);
  return true;
}

function removeFor(r: Run, dst: string): boolean {
  try {
    os.unlink(dst);
    return true;
  } catch (e) {
    if (e instanceof OSError && e.errno === ENOENT) return true;
    r.t.warn(`cannot remove ${quoteaf(dst)}: ${reason(e)}`);
    return false;
  }
}

function hardLink(r: Run, first: string, src: string, dst: string, dstLst: Stat | undefined): boolean {
  if (dstLst && !removeFor(r, dst)) return false;
  try {
    os.link(first, dst);
  } catch (e) {
    r.t.warn(`cannot create hard link ${quoteaf(dst)} to ${quoteaf(first)}: ${reason(e)}`);
    return false;
  }
  verbose(r, src, dst);
  return true;
}

function copyLink(r: Run, src: string, dst: string, st: Stat, dstLst: Stat | undefined): boolean {
  let target: string;
  try {
    target = os.readlink(src);
  } catch (e) {
    r.t.warn(`cannot read symbolic link ${quoteaf(src)}: ${reason(e)}`);
    return false;
  }
  if (dstLst) {
    if (!removeFor(r, dst)) return false;
    if (r.o.verbose) r.t.stdout.write(`removed ${quoteaf(dst)}\n`);
  }
  try {
    os.symlink(target, dst);
  } catch (e) {
    r.t.warn(`cannot create symbolic link ${quoteaf(dst)}: ${reason(e)}`);
    return false;
  }
  if (r.o.owner) quietly(() => os.lchown(dst, st.st_uid, st.st_gid));
  if (r.o.times) quietly(() => os.utime(dst, null, { ns: [st.st_atime_ns, st.st_mtime_ns], follow_symlinks: false }));
  verbose(r, src, dst);
  return true;
}

function copySpecial(r: Run, src: string, dst: string, st: Stat, dstLst: Stat | undefined): boolean {
  if (dstLst && !removeFor(r, dst)) return false;
  try {
    if (stat.S_ISFIFO(st.st_mode)) os.mkfifo(dst, st.st_mode & 0o7777 & ~r.umask);
    else os.mknod(dst, st.st_mode & ~r.umask, st.st_rdev);
  } catch (e) {
    r.t.warn(`${stat.S_ISFIFO(st.st_mode) ? 'cannot create fifo' : 'cannot create special file'} ${quoteaf(dst)}: ${reason(e)}`);
    return false;
  }
  preserve(r, dst, st, false);
  verbose(r, src, dst);
  return true;
}

/** Ownership, mode and times as the options ask; a failed chown is silent for non-root, as in GNU. */
function preserve(r: Run, dst: string, st: Stat, isNewDir: boolean): boolean {
  let mode = st.st_mode & 0o7777;
  if (r.o.owner) {
    try {
      os.chown(dst, st.st_uid, st.st_gid);
    } catch (e) {
      if (!(e instanceof OSError && e.errno === EPERM)) {
        r.t.warn(`failed to preserve ownership for ${quoteaf(dst)}: ${reason(e)}`);
        return false;
      }
      mode &= ~0o6000;
      quietly(() => os.chown(dst, -1, st.st_gid));
    }
  }
  try {
    if (r.o.mode) os.chmod(dst, mode);
    else if (isNewDir) os.chmod(dst, st.st_mode & 0o7777 & ~r.umask);
  } catch (e) {
    r.t.warn(`preserving permissions for ${quoteaf(dst)}: ${reason(e)}`);
    return false;
  }
  if (r.o.times) {
    try {
      os.utime(dst, null, { ns: [st.st_atime_ns, st.st_mtime_ns] });
    } catch (e) {
      r.t.warn(`preserving times for ${quoteaf(dst)}: ${reason(e)}`);
      return false;
    }
  }
  return true;
}

function quietly(fn: () => void): void {
  try { fn(); } catch (e) { if (!(e instanceof OSError)) throw e; }
}

function copyFile(r: Run, src: string, dst: string, st: Stat, dstSt: Stat | undefined): boolean {
  const { t, o } = r;
  let inFd: number;
  try {
    inFd = os.open(src, os.O_RDONLY);
  } catch (e) {
    t.warn(`cannot open ${quoteaf(src)} for reading: ${reason(e)}`);
    return false;
  }
  try {
    let outFd: number | undefined;
    const create = (): number => os.open(dst, os.O_WRONLY | os.O_CREAT | os.O_EXCL, st.st_mode & 0o777 & ~r.umask);
    try {
      outFd = dstSt ? os.open(dst, os.O_WRONLY | os.O_TRUNC) : create();
    } catch (e) {
      if (!(e instanceof OSError)) throw e;
      if (dstSt && o.force && e.errno !== ENOENT) {
        if (!removeFor(r, dst)) return false;
        try { outFd = create(); } catch (e2) { t.warn(`cannot create regular file ${quoteaf(dst)}: ${reason(e2)}`); return false; }
      } else {
        t.warn(`cannot create regular file ${quoteaf(dst)}: ${e.errno === EEXIST ? os.strerror(EEXIST) : e.strerror}`);
        return false;
      }
    }
    try {
      for (let guard = 0; ; guard++) {
        let b: Uint8Array;
        try {
          b = os.read(inFd, CHUNK);
        } catch (e) {
          t.warn(`error reading ${quoteaf(src)}: ${reason(e)}`);
          return false;
        }
        if (b.length === 0) break;
        try {
          os.writeAll(outFd, b);
        } catch (e) {
          t.warn(`error writing ${quoteaf(dst)}: ${reason(e)}`);
          return false;
        }
        if (guard > 1e9) break;
      }
    } finally {
      os.close(outFd);
    }
  } finally {
    os.close(inFd);
  }
  verbose(r, src, dst);
  return preserve(r, dst, st, false);
}

function copyDir(r: Run, src: string, dst: string, st: Stat, dstSt: Stat | undefined): boolean {
  const { t } = r;
  if (dstSt && !stat.S_ISDIR(dstSt.st_mode)) {
    t.warn(`cannot overwrite non-directory ${quoteaf(dst)} with directory ${quoteaf(src)}`);
    return false;
  }
  if (r.made && r.made.dev === st.st_dev && r.made.ino === st.st_ino) {
    t.warn(`cannot copy a directory, ${quoteaf(r.src)}, into itself, ${quoteaf(r.dst)}`);
    return false;
  }
  const isNew = dstSt === undefined;
  if (isNew) {
    try {
      os.mkdir(dst, (st.st_mode | 0o700) & 0o777 & ~r.umask);
    } catch (e) {
      t.warn(`cannot create directory ${quoteaf(dst)}: ${reason(e)}`);
      return false;
    }
    if (r.o.verb && r.o.verbose) r.t.stdout.write(`created directory ${quoteaf(dst)}\n`);
    else verbose(r, src, dst);
  }
  if (r.made === undefined) {
    const m = tryStat(dst, true);
    if (m) r.made = { dev: m.st_dev, ino: m.st_ino };
  }
  let names: string[];
  try {
    names = os.listdir(src);
  } catch (e) {
    t.warn(`cannot access ${quoteaf(src)}: ${reason(e)}`);
    return false;
  }
  let ok = true;
  const join = (d: string, n: string): string => (d.endsWith('/') ? d + n : `${d}/${n}`);
  for (const n of names) ok = copyOne(r, join(src, n), join(dst, n), false) && ok;
  return preserve(r, dst, st, isNew) && ok;
}

/** Remove a tree (mv's fallback), reporting failures as rm would and removals if `verbose`. */
export function removeTree(t: Tool, path: string, verbose: boolean): boolean {
  let st: Stat;
  try {
    st = os.lstat(path);
  } catch (e) {
    t.warn(`cannot remove ${quoteaf(path)}: ${reason(e)}`);
    return false;
  }
  if (stat.S_ISDIR(st.st_mode)) {
    let ok = true;
    try {
      for (const n of os.listdir(path)) ok = removeTree(t, `${path}/${n}`, verbose) && ok;
    } catch (e) {
      t.warn(`cannot remove ${quoteaf(path)}: ${reason(e)}`);
      return false;
    }
    if (!ok) return false;
  }
  try {
    if (stat.S_ISDIR(st.st_mode)) os.rmdir(path);
    else os.unlink(path);
  } catch (e) {
    t.warn(`cannot remove ${quoteaf(path)}: ${reason(e)}`);
    return false;
  }
  if (verbose) t.stdout.write(`removed ${stat.S_ISDIR(st.st_mode) ? 'directory ' : ''}${quoteaf(path)}\n`);
  return true;
}
