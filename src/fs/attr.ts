/**
 * Inode attributes: stat, and the setattr family (chmod, chown, utimens, truncate) after
 * Linux's chmod_common / chown_common / vfs_utimes / do_truncate + setattr_prepare. EROFS
 * (mnt_want_write) is checked before the permission rules, as in Linux.
 */
import { EACCES, EFBIG, EINVAL, EPERM, EROFS } from '../kernel/abi/errno.js';
import { S_IFMT, S_IFDIR, S_ISGID, S_ISUID, S_IXGRP } from '../kernel/abi/stat.js';
import { type Credentials, ID_MAX, inGroup, isPrivileged } from '../kernel/creds.js';
import { SysError } from '../kernel/errors.js';
import { Inode, RegularFile } from './inode.js';
import { MAY_WRITE, genericPermission, inGroupOrCapable, ownerOrCapable } from './perm.js';
import { touchModified } from './file-ops.js';
import type { Node, StatRecord, Timespec } from './types.js';

/** utimensat's per-time argument: an explicit time, 'now' (UTIME_NOW) or 'omit' (UTIME_OMIT). */
export type TimeArg = Timespec | 'now' | 'omit';

export function statOf(node: Node): StatRecord {
  const i = node instanceof Inode ? node : undefined;
  return {
    dev: node.dev,
    ino: node.ino,
    mode: node.mode,
    nlink: node.nlink,
    uid: node.uid,
    gid: node.gid,
    rdev: node.rdev,
    size: i?.size ?? 0,
    blksize: 4096,
    blocks: i?.blocks ?? 0,
    atime: node.atime,
    mtime: node.mtime,
    ctime: node.ctime,
  };
}

/** A node whose attributes are fixed by its filesystem (procfs refuses chmod with EPERM). */
export interface AttrPolicy {
  readonly noChmod: (node: Node) => boolean;
}

function checkWritableFs(node: Node): void {
  if (node.sb.readonly) throw new SysError(EROFS);
}

/**
 * chmod: owner or privileged (EPERM). A caller neither in the file's group nor privileged
 * cannot set S_ISGID (it is silently cleared), as setattr_prepare does.
 */
export function setMode(creds: Credentials, node: Node, mode: number, now: Timespec, policy: AttrPolicy): void {
  checkWritableFs(node);
  if (!ownerOrCapable(creds, node) || policy.noChmod(node)) throw new SysError(EPERM);
  let m = mode & 0o7777;
  if (!inGroupOrCapable(creds, node.gid)) m &= ~S_ISGID;
  node.mode = (node.mode & S_IFMT) | m;
  node.ctime = now;
}

/** (uid_t)-1 means "leave unchanged". */
function optionalId(id: number): number | undefined {
  if (id === -1 || id === 0xffffffff) return undefined;
  if (!Number.isInteger(id) || id < 0 || id > ID_MAX) throw new SysError(EINVAL);
  return id;
}

/**
 * chown: a privileged caller may set anything; the owner may "change" the uid only to itself
 * and the group to one of its groups; otherwise EPERM. On a non-directory, S_ISUID is always
 * cleared, and S_ISGID when group-executable or when the caller is not in the file's group
 * (setattr_should_drop_sgid) — even when a non-owner calls chown(-1, -1), which is allowed
 * (Linux forces the privilege-dropping mode change). ctime always.
 */
export function setOwner(creds: Credentials, node: Node, uidArg: number, gidArg: number, now: Timespec): void {
  const uid = optionalId(uidArg);
  const gid = optionalId(gidArg);
  checkWritableFs(node);
  const priv = isPrivileged(creds);
  const owner = creds.euid === node.uid;
  if (uid !== undefined && !priv && !(owner && uid === node.uid)) throw new SysError(EPERM);
  if (gid !== undefined && !priv && !(owner && (gid === node.gid || inGroup(creds, gid)))) throw new SysError(EPERM);
  let mode = node.mode;
  if ((mode & S_IFMT) !== S_IFDIR) {
    if (mode & S_ISUID) mode &= ~S_ISUID;
    if ((mode & S_ISGID) && ((mode & S_IXGRP) || !inGroupOrCapable(creds, node.gid))) mode &= ~S_ISGID;
  }
  node.mode = mode;
  if (uid !== undefined) node.uid = uid;
  if (gid !== undefined) node.gid = gid;
  node.ctime = now;
}

function checkTimespec(t: TimeArg): void {
  if (typeof t === 'object' && (!Number.isInteger(t.nsec) || t.nsec < 0 || t.nsec >= 1e9 || !Number.isFinite(t.sec))) {
    throw new SysError(EINVAL);
  }
}

/**
 * utimensat on a resolved inode: both times 'now' needs ownership, write permission or
 * privilege (EACCES); any other change needs ownership or privilege (EPERM). ctime = now.
 */
export function setTimes(creds: Credentials, node: Node, atime: TimeArg, mtime: TimeArg, now: Timespec): void {
  checkTimespec(atime);
  checkTimespec(mtime);
  if (atime === 'omit' && mtime === 'omit') return;
  checkWritableFs(node);
  if (atime === 'now' && mtime === 'now') {
    if (!ownerOrCapable(creds, node) && !genericPermission(creds, node, MAY_WRITE)) throw new SysError(EACCES);
  } else if (!ownerOrCapable(creds, node)) throw new SysError(EPERM);
  if (atime !== 'omit') node.atime = atime === 'now' ? now : { sec: atime.sec, nsec: atime.nsec };
  if (mtime !== 'omit') node.mtime = mtime === 'now' ? now : { sec: mtime.sec, nsec: mtime.nsec };
  node.ctime = now;
}

/**
 * file_remove_privs: a write or truncate by an unprivileged caller clears S_ISUID, and S_ISGID
 * if the file is group-executable (otherwise S_ISGID marks mandatory locking, left alone).
 */
export function removePrivs(creds: Credentials, node: Node, now: Timespec): void {
  if (isPrivileged(creds)) return;
  let kill = node.mode & S_ISUID;
  if ((node.mode & (S_ISGID | S_IXGRP)) === (S_ISGID | S_IXGRP)) kill |= S_ISGID;
  if (kill) {
    node.mode &= ~kill;
    node.ctime = now;
  }
}

/** do_truncate on a regular file whose permission was checked: size, privs, mtime and ctime. */
export function truncateNode(creds: Credentials, node: Node, length: number, now: Timespec, maxSize: number): void {
  if (!(node instanceof RegularFile)) return; // generated files (procfs) ignore it, as Linux
  if (length > maxSize) throw new SysError(EFBIG);
  removePrivs(creds, node, now);
  node.setSize(length);
  touchModified(node, now);
}
