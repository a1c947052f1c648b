/**
 * Removing and moving names: unlink, rmdir and rename, after Linux's do_unlinkat, do_rmdir,
 * do_renameat2, may_delete and vfs_rename. Note Linux's order: the last-component type
 * (`.`/`..`/`/`) and EROFS come before the name is even looked up, so removing a missing name
 * on a read-only filesystem is EROFS.
 */
import {
  EBUSY, EINVAL, EISDIR, ENOENT, ENOTDIR, ENOTEMPTY, EPERM, EROFS, EXDEV,
} from '../kernel/abi/errno.js';
import type { Credentials } from '../kernel/creds.js';
import { SysError } from '../kernel/errors.js';
import { Directory, type Inode, addEntry, isDir, removeEntry } from './inode.js';
import { MAY_EXEC, MAY_WRITE, inodePermission, stickyDenies } from './perm.js';
import { mayCreate } from './create.js';
import { touchModified } from './file-ops.js';
import type { FsContext, Timespec } from './types.js';
import { ResolvingPath, checkPath } from './walk.js';

/**
 * may_delete: the victim must exist (ENOENT); write+search on its directory (EACCES); the
 * sticky rule (EPERM); its type must match the call (ENOTDIR for rmdir of a non-directory,
 * EISDIR for unlink of a directory); a filesystem root cannot go (EBUSY).
 */
export function mayDelete(creds: Credentials, dir: Directory, victim: Inode | undefined, wantDir: boolean): Inode {
  if (victim === undefined) throw new SysError(ENOENT);
  inodePermission(creds, dir, MAY_WRITE | MAY_EXEC);
  if (stickyDenies(creds, dir, victim)) throw new SysError(EPERM);
  if (wantDir) {
    if (!isDir(victim)) throw new SysError(ENOTDIR);
    if (victim.parent === victim) throw new SysError(EBUSY);
  } else if (isDir(victim)) throw new SysError(EISDIR);
  if (dir.dead) throw new SysError(ENOENT);
  return victim;
}

function isEmpty(dir: Directory): boolean {
  for (const _ of dir.list()) return false;
  return true;
}

export function unlink(ctx: FsContext, path: string, now: Timespec): void {
  const rp = new ResolvingPath(ctx);
  const w = rp.parent(checkPath(path));
  if (w.kind !== 'norm') throw new SysError(EISDIR);
  if (w.dir.sb.readonly) throw new SysError(EROFS);
  const victim = rp.child(w.dir, w.name);
  if (w.slash) {
    // "Why not before? Because we want correct error value" (do_unlinkat's slashes label).
    if (victim === undefined) throw new SysError(ENOENT);
    throw new SysError(isDir(victim) ? EISDIR : ENOTDIR);
  }
  if (w.dir.synthetic && victim !== undefined) throw new SysError(EPERM);
  const node = mayDelete(ctx.creds, w.dir, victim, false);
  removeEntry(w.dir, w.name);
  node.nlink--;
  node.ctime = now;
  node.dropped(); // its space and inode come back (space.ts)
  touchModified(w.dir, now);
}

export function rmdir(ctx: FsContext, path: string, now: Timespec): void {
  const rp = new ResolvingPath(ctx);
  const w = rp.parent(checkPath(path));
  if (w.kind === 'dotdot') throw new SysError(ENOTEMPTY);
  if (w.kind === 'dot') throw new SysError(EINVAL);
  if (w.kind === 'root') throw new SysError(EBUSY);
  if (w.dir.sb.readonly) throw new SysError(EROFS);
  const victim = rp.child(w.dir, w.name);
  if (w.dir.synthetic && victim !== undefined) throw new SysError(EPERM);
  const dir = mayDelete(ctx.creds, w.dir, victim, true) as Directory;
  if (dir.mounted || dir === ctx.root) throw new SysError(EBUSY);
  if (!isEmpty(dir)) throw new SysError(ENOTEMPTY);
  removeEntry(w.dir, w.name);
  dir.nlink = 0;
  dir.ctime = now;
  dir.dropped();
  touchModified(w.dir, now);
}

/** Whether `a` is `d` or one of its ancestors (d_ancestor, through real parents). */
function isAncestorOrSelf(a: Inode, d: Directory): boolean {
  for (let x = d; ; x = x.parent) {
    if (x === a) return true;
    if (x.parent === x) return false;
  }
}

/**
 * rename(2), in do_renameat2 + vfs_rename order: EXDEV across mounts; EBUSY for `.`, `..` or
 * `/` on either side; EROFS; the source must exist (ENOENT); a non-directory with a trailing
 * slash on either side is ENOTDIR; a directory into its own subtree is EINVAL, onto one of its
 * ancestors ENOTEMPTY; the same inode on both sides succeeds and changes nothing; may_delete on
 * the source, may_create or may_delete on the target; a directory changing parent needs write
 * permission on itself (its `..` changes); mountpoints are EBUSY; a non-empty target directory
 * ENOTEMPTY.
 */
export function rename(ctx: FsContext, from: string, to: string, now: Timespec): void {
  const oldPath = checkPath(from);
  const newPath = checkPath(to);
  const orp = new ResolvingPath(ctx);
  const ow = orp.parent(oldPath);
  const nrp = new ResolvingPath(ctx);
  const nw = nrp.parent(newPath);
  if (ow.dir.sb !== nw.dir.sb) throw new SysError(EXDEV);
  if (ow.kind !== 'norm' || nw.kind !== 'norm') throw new SysError(EBUSY);
  if (ow.dir.sb.readonly) throw new SysError(EROFS);
  const old = orp.child(ow.dir, ow.name);
  if (old === undefined) throw new SysError(ENOENT);
  const target = nrp.child(nw.dir, nw.name);
  if (nw.dir.synthetic && target === undefined) throw new SysError(ENOENT);
  const moveDir = isDir(old);
  if (!moveDir && (ow.slash || nw.slash)) throw new SysError(ENOTDIR);
  if (ow.dir !== nw.dir) {
    if (isAncestorOrSelf(old, nw.dir)) throw new SysError(EINVAL);
    if (target !== undefined && isAncestorOrSelf(target, ow.dir)) throw new SysError(ENOTEMPTY);
  }
  if (old === target) return;
  mayDelete(ctx.creds, ow.dir, old, moveDir);
  if (target === undefined) mayCreate(ctx.creds, nw.dir);
  else mayDelete(ctx.creds, nw.dir, target, moveDir);
  if (ow.dir.synthetic || nw.dir.synthetic) throw new SysError(EPERM);
  if (moveDir && ow.dir !== nw.dir) inodePermission(ctx.creds, old, MAY_WRITE);
  if ((old instanceof Directory && old.mounted) || (target instanceof Directory && target.mounted)) {
    throw new SysError(EBUSY);
  }
  if (target instanceof Directory && !isEmpty(target)) throw new SysError(ENOTEMPTY);
  if (target !== undefined) {
    removeEntry(nw.dir, nw.name);
    if (target instanceof Directory) target.nlink = 0;
    else target.nlink--;
    target.ctime = now;
    target.dropped();
  }
  removeEntry(ow.dir, ow.name);
  addEntry(nw.dir, nw.name, old);
  old.ctime = now;
  touchModified(ow.dir, now);
  touchModified(nw.dir, now);
}
