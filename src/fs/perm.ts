/**
 * The one permission check (Linux's fs/namei.c generic_permission + inode_permission), the
 * ownership predicates built on it (inode_owner_or_capable, in_group_or_capable, check_sticky)
 * and the link protections of fs/namei.c (fs.protected_symlinks = 1, as Debian sets it;
 * fs.protected_hardlinks is create.ts's safe_hardlink_source).
 *
 * Privilege is Linux's default capability set of euid 0: CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH,
 * CAP_FOWNER, CAP_FSETID, CAP_CHOWN, CAP_MKNOD.
 */
import { EACCES, EROFS } from '../kernel/abi/errno.js';
import { S_IFMT, S_IFDIR, S_IFLNK, S_IFREG, S_ISVTX, S_IWOTH } from '../kernel/abi/stat.js';
import { type Credentials, inGroup, isPrivileged } from '../kernel/creds.js';
import { SysError } from '../kernel/errors.js';
import type { Node } from './types.js';

export const MAY_EXEC = 1;
export const MAY_WRITE = 2;
export const MAY_READ = 4;

/**
 * generic_permission: exactly one class applies — owner if fsuid is the owner, else group if
 * the file's group is fsgid or a supplementary group, else other. Then privilege: read and
 * write are always allowed; search of a directory always; execute of anything else only if
 * some x bit is set. Returns whether `mask` (MAY_*) is granted.
 */
export function genericPermission(creds: Credentials, node: Node, mask: number): boolean {
  const mode = node.mode;
  let bits: number;
  if (creds.euid === node.uid) bits = (mode >> 6) & 7;
  else if (inGroup(creds, node.gid)) bits = (mode >> 3) & 7;
  else bits = mode & 7;
  if ((bits & mask) === mask) return true;
  if (!isPrivileged(creds)) return false;
  if ((mode & S_IFMT) === S_IFDIR) return true;
  return (mask & MAY_EXEC) === 0 || (mode & 0o111) !== 0;
}

/** A node whose filesystem decides access itself (Linux's i_op->permission: procfs's fd/, environ). */
interface OwnPermission {
  permission(creds: Credentials, mask: number): boolean;
}

function ownPermission(node: Node): node is Node & OwnPermission {
  return typeof (node as Node & Partial<OwnPermission>).permission === 'function';
}

/**
 * inode_permission: EROFS for writing a regular file, directory or symlink on a read-only
 * filesystem (checked first, as sb_permission is), then the inode's own permission operation
 * if it has one, else generic_permission (EACCES).
 */
export function inodePermission(creds: Credentials, node: Node, mask: number): void {
  if (mask & MAY_WRITE && node.sb.readonly) {
    const t = node.mode & S_IFMT;
    if (t === S_IFREG || t === S_IFDIR || t === S_IFLNK) throw new SysError(EROFS);
  }
  const granted = ownPermission(node) ? node.permission(creds, mask) : genericPermission(creds, node, mask);
  if (!granted) throw new SysError(EACCES);
}

/** inode_owner_or_capable: the caller owns the inode or holds CAP_FOWNER. */
export function ownerOrCapable(creds: Credentials, node: Node): boolean {
  return creds.euid === node.uid || isPrivileged(creds);
}

/** in_group_or_capable: gid is one of the caller's groups, or it holds CAP_FSETID. */
export function inGroupOrCapable(creds: Credentials, gid: number): boolean {
  return inGroup(creds, gid) || isPrivileged(creds);
}

/**
 * check_sticky (the may_delete rule): in a S_ISVTX directory only the file's owner, the
 * directory's owner or a privileged caller may remove or rename an entry. True = refused.
 */
export function stickyDenies(creds: Credentials, dir: Node, victim: Node): boolean {
  if ((dir.mode & S_ISVTX) === 0) return false;
  if (creds.euid === victim.uid || creds.euid === dir.uid) return false;
  return !isPrivileged(creds);
}

/**
 * may_follow_link (fs.protected_symlinks = 1): a trailing symlink in a sticky world-writable
 * directory (/tmp) is followed only if the follower's fsuid owns the link or the directory owns
 * it — not even root may follow another user's link there (EACCES), so a link planted in /tmp
 * cannot steer a privileged program's open.
 */
export function mayFollowLink(creds: Credentials, dir: Node, link: Node): void {
  if (creds.euid === link.uid) return;
  if ((dir.mode & (S_ISVTX | S_IWOTH)) !== (S_ISVTX | S_IWOTH)) return;
  if (dir.uid === link.uid) return;
  throw new SysError(EACCES);
}
