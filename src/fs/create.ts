/**
 * Creating names: Linux's filename_create + may_create + inode_init_owner, and the calls built
 * on them (mkdir, mknod, symlink, link). The order of checks is Linux's and deliberate:
 *
 *   1. the walk to the parent: ENOENT / ENOTDIR / ELOOP / EACCES (search) / ENAMETOOLONG;
 *   2. the last component is `.`, `..` or `/`: EEXIST;
 *   3. the name exists: EEXIST (even on a read-only filesystem, even as a dangling symlink);
 *   4. a trailing slash when not creating a directory: ENOENT;
 *   5. a read-only filesystem: EROFS (mnt_want_write);
 *   6. the parent was removed: ENOENT; no write+search permission on it: EACCES (may_create).
 */
import { EEXIST, EINVAL, ENAMETOOLONG, ENOENT, EPERM, EROFS, EXDEV } from '../kernel/abi/errno.js';
import { PATH_MAX } from '../kernel/abi/fcntl.js';
import {
  S_IFBLK, S_IFCHR, S_IFDIR, S_IFIFO, S_IFMT, S_IFREG, S_IFSOCK, S_ISGID, S_ISUID, S_IXGRP,
} from '../kernel/abi/stat.js';
import type { Credentials } from '../kernel/creds.js';
import { isPrivileged } from '../kernel/creds.js';
import { SysError } from '../kernel/errors.js';
import {
  Directory, type Inode, RegularFile, SpecialFile, Symlink, addEntry, isDir, utf8Length,
} from './inode.js';
import { MAY_EXEC, MAY_READ, MAY_WRITE, genericPermission, inGroupOrCapable, inodePermission, ownerOrCapable } from './perm.js';
import { touchModified } from './file-ops.js';
import type { FsContext, Timespec } from './types.js';
import { ResolvingPath, checkPath } from './walk.js';

/** Where a new entry goes. */
export interface Slot {
  readonly dir: Directory;
  readonly name: string;
}

/** may_create's part after the name was found free: ENOENT in a removed directory, EACCES. */
export function mayCreate(creds: Credentials, dir: Directory): void {
  if (dir.dead || dir.synthetic) throw new SysError(ENOENT);
  inodePermission(creds, dir, MAY_WRITE | MAY_EXEC);
}

/** filename_create: steps 1–5 above (may_create is the caller's, as in Linux). */
export function filenameCreate(rp: ResolvingPath, path: string, isDirectory: boolean): Slot {
  const w = rp.parent(checkPath(path));
  if (w.kind !== 'norm') throw new SysError(EEXIST);
  if (rp.child(w.dir, w.name) !== undefined) throw new SysError(EEXIST);
  if (w.dir.synthetic) throw new SysError(ENOENT);
  if (w.slash && !isDirectory) throw new SysError(ENOENT);
  if (w.dir.sb.readonly) throw new SysError(EROFS);
  return w;
}

/**
 * inode_init_owner + mode_strip_sgid: the owner is the fsuid; the group is the parent's if it
 * is set-group-ID (and a new directory inherits S_ISGID), else the fsgid. A new group-executable
 * set-group-ID file in such a directory loses S_ISGID when the creator is neither in that group
 * nor privileged.
 */
export function initOwner(creds: Credentials, dir: Directory, mode: number): { uid: number; gid: number; mode: number } {
  let m = mode;
  let gid = creds.egid;
  if (dir.mode & S_ISGID) {
    gid = dir.gid;
    if ((m & S_IFMT) === S_IFDIR) m |= S_ISGID;
    else if ((m & (S_ISGID | S_IXGRP)) === (S_ISGID | S_IXGRP) && !inGroupOrCapable(creds, dir.gid)) m &= ~S_ISGID;
  }
  return { uid: creds.euid, gid, mode: m };
}

/** Links a freshly made inode into its parent and stamps the parent (mtime, ctime). */
export function instantiate(slot: Slot, node: Inode, now: Timespec): void {
  addEntry(slot.dir, slot.name, node);
  touchModified(slot.dir, now);
}

/** A new regular file in slot (open O_CREAT, mknod S_IFREG). `mode` has the umask applied. */
export function createFile(ctx: FsContext, slot: Slot, mode: number, now: Timespec): RegularFile {
  const o = initOwner(ctx.creds, slot.dir, S_IFREG | (mode & 0o7777));
  const node = new RegularFile(slot.dir.sb, o.mode, o.uid, o.gid, now);
  instantiate(slot, node, now);
  return node;
}

export function mkdir(ctx: FsContext, path: string, mode: number, now: Timespec): Directory {
  const rp = new ResolvingPath(ctx);
  const slot = filenameCreate(rp, path, true);
  mayCreate(ctx.creds, slot.dir);
  const o = initOwner(ctx.creds, slot.dir, S_IFDIR | (mode & 0o1777 & ~ctx.umask));
  const dir = new Directory(slot.dir.sb, o.mode, o.uid, o.gid, now, slot.dir, slot.name);
  instantiate(slot, dir, now);
  return dir;
}

/** mknod(2): may_mknod's type check comes before the lookup; devices need privilege. */
export function mknod(ctx: FsContext, path: string, mode: number, rdev: number, now: Timespec): Inode {
  checkPath(path);
  let type = mode & S_IFMT;
  if (type === 0) type = S_IFREG;
  if (type === S_IFDIR) throw new SysError(EPERM);
  if (![S_IFREG, S_IFCHR, S_IFBLK, S_IFIFO, S_IFSOCK].includes(type)) throw new SysError(EINVAL);
  const rp = new ResolvingPath(ctx);
  const slot = filenameCreate(rp, path, false);
  mayCreate(ctx.creds, slot.dir);
  if ((type === S_IFCHR || type === S_IFBLK) && !isPrivileged(ctx.creds)) throw new SysError(EPERM);
  const perm = mode & 0o7777 & ~ctx.umask;
  if (type === S_IFREG) return createFile(ctx, slot, perm, now);
  const o = initOwner(ctx.creds, slot.dir, type | perm);
  const dev = type === S_IFCHR || type === S_IFBLK ? rdev : 0;
  const node = new SpecialFile(slot.dir.sb, o.mode, o.uid, o.gid, now, dev);
  instantiate(slot, node, now);
  return node;
}

/** symlink(2): the target is stored verbatim; it is checked like a path string first. */
export function symlink(ctx: FsContext, target: string, path: string, now: Timespec): Symlink {
  const nul = target.indexOf('\0');
  const t = nul >= 0 ? target.slice(0, nul) : target;
  if (t === '') throw new SysError(ENOENT);
  if (utf8Length(t) >= PATH_MAX) throw new SysError(ENAMETOOLONG);
  const rp = new ResolvingPath(ctx);
  const slot = filenameCreate(rp, path, false);
  mayCreate(ctx.creds, slot.dir);
  const o = initOwner(ctx.creds, slot.dir, 0);
  const node = new Symlink(slot.dir.sb, o.uid, o.gid, now, t);
  instantiate(slot, node, now);
  return node;
}

/**
 * safe_hardlink_source (fs.protected_hardlinks = 1): a regular file that is not set-user-ID,
 * not set-group-ID-and-group-executable, and that the caller may read and write.
 */
function safeHardlinkSource(creds: Credentials, node: Inode): boolean {
  const mode = node.mode;
  if ((mode & S_IFMT) !== S_IFREG) return false;
  if (mode & S_ISUID) return false;
  if ((mode & (S_ISGID | S_IXGRP)) === (S_ISGID | S_IXGRP)) return false;
  return genericPermission(creds, node, MAY_READ | MAY_WRITE);
}

/**
 * link(2)/linkat(2): the existing path is resolved first (its last symlink followed only with
 * `follow`), then the new name is prepared; EXDEV across filesystems; with protected hardlinks
 * a caller may only link files it owns or could read and write (EPERM); then may_create;
 * directories cannot be linked (EPERM).
 */
export function link(
  ctx: FsContext, existing: string, created: string, follow: boolean, now: Timespec, protectedHardlinks: boolean,
): void {
  const old = new ResolvingPath(ctx).lookup(checkPath(existing), follow);
  const slot = filenameCreate(new ResolvingPath(ctx), created, false);
  if (old.sb !== slot.dir.sb) throw new SysError(EXDEV);
  if (protectedHardlinks && !safeHardlinkSource(ctx.creds, old) && !ownerOrCapable(ctx.creds, old)) {
    throw new SysError(EPERM);
  }
  mayCreate(ctx.creds, slot.dir);
  if (isDir(old)) throw new SysError(EPERM);
  if (old.nlink === 0) throw new SysError(ENOENT);
  old.nlink++;
  old.ctime = now;
  instantiate(slot, old, now);
}
