/**
 * open(2) after Linux's path_openat → open_last_lookups → do_open → may_open:
 *
 *   - O_CREAT|O_DIRECTORY is EINVAL (Linux 6.4+), before any lookup;
 *   - without O_CREAT the last component is looked up (a final symlink followed unless
 *     O_NOFOLLOW; ENOENT, ENOTDIR for "file/");
 *   - with O_CREAT a trailing slash is EISDIR; O_EXCL implies O_NOFOLLOW, so an existing name,
 *     even a dangling symlink, is EEXIST; without O_EXCL a dangling symlink is followed and its
 *     target created; creating needs EROFS/EACCES clearance on the parent (may_o_create); an
 *     existing directory is EISDIR;
 *   - O_DIRECTORY on a non-directory: ENOTDIR; a symlink left unfollowed: ELOOP;
 *   - may_open: a directory opened for writing (O_WRONLY, O_RDWR or O_TRUNC) is EISDIR; then
 *     inode_permission for the access mode (plus write for O_TRUNC): EROFS, EACCES;
 *     O_NOATIME needs ownership (EPERM);
 *   - O_TRUNC truncates an existing regular file (even opened O_RDONLY, as Linux does).
 * O_PATH opens name only the file: no permission check, and read/write/... are EBADF.
 */
import {
  EEXIST, EINVAL, EISDIR, ELOOP, ENOTDIR, ENXIO, EPERM, EROFS,
} from '../kernel/abi/errno.js';
import {
  O_ACCMODE, O_CLOEXEC, O_CREAT, O_DIRECTORY, O_EXCL, O_NOATIME, O_NOCTTY, O_NOFOLLOW, O_PATH, O_RDONLY, O_RDWR,
  O_TRUNC, O_WRONLY,
} from '../kernel/abi/fcntl.js';
import { S_IFCHR, S_IFIFO, S_IFMT } from '../kernel/abi/stat.js';
import type { Credentials } from '../kernel/creds.js';
import { SysError } from '../kernel/errors.js';
import { removePrivs } from './attr.js';
import { createFile, mayCreate } from './create.js';
import type { Device } from './devfs.js';
import { OpenFileImpl, directoryOps, pathOps, regularOps, touchModified } from './file-ops.js';
import { Directory, type Inode, RegularFile, SpecialFile, Symlink, isDir } from './inode.js';
import { MAY_READ, MAY_WRITE, inodePermission, ownerOrCapable } from './perm.js';
import { ProcFile } from './procfs.js';
import type { FileOps, FsContext, OpenFile, Timespec } from './types.js';
import { ResolvingPath, checkPath } from './walk.js';

/** What open needs from its Vfs. */
export interface OpenEnv {
  now(): Timespec;
  readonly maxFileSize: number;
  readonly devices: ReadonlyMap<number, Device>;
  /** Operations for a named FIFO opened with the given flags (by `creds`, charged with a new pipe). */
  fifoOps(node: SpecialFile, flags: number, creds: Credentials): FileOps;
}

export function canRead(flags: number): boolean {
  const a = flags & O_ACCMODE;
  return a === O_RDONLY || a === O_RDWR;
}

export function canWrite(flags: number): boolean {
  const a = flags & O_ACCMODE;
  return a === O_WRONLY || a === O_RDWR;
}

/** The flags kept on the description (do_dentry_open drops the open-time-only ones). */
function storedFlags(flags: number): number {
  return flags & ~(O_CREAT | O_EXCL | O_NOCTTY | O_TRUNC | O_CLOEXEC);
}

export function open(env: OpenEnv, ctx: FsContext, pathArg: string, flags: number, mode: number): OpenFile {
  const path = checkPath(pathArg);
  if ((flags & O_CREAT) && (flags & O_DIRECTORY)) throw new SysError(EINVAL);
  const rp = new ResolvingPath(ctx);
  const w = rp.parent(path);
  if (flags & O_PATH) {
    const node = rp.existing(rp.final(w, !(flags & O_NOFOLLOW)));
    if ((flags & O_DIRECTORY) && !isDir(node)) throw new SysError(ENOTDIR);
    return new OpenFileImpl(node, flags & (O_PATH | O_DIRECTORY | O_NOFOLLOW), pathOps, path);
  }
  let node: Inode;
  let created = false;
  if (flags & O_CREAT) {
    if (w.kind === 'norm' && w.slash) throw new SysError(EISDIR);
    const r = rp.final(w, !(flags & (O_EXCL | O_NOFOLLOW)));
    if (r.node === undefined) {
      if (r.slash) throw new SysError(EISDIR);
      if (r.dir.sb.readonly) throw new SysError(EROFS);
      mayCreate(ctx.creds, r.dir);
      node = createFile(ctx, r, mode & ~ctx.umask, env.now());
      created = true;
    } else {
      node = r.node;
      if (flags & O_EXCL) throw new SysError(EEXIST);
      if (isDir(node)) throw new SysError(EISDIR);
    }
  } else {
    node = rp.existing(rp.final(w, !(flags & O_NOFOLLOW)));
  }
  if ((flags & O_DIRECTORY) && !isDir(node)) throw new SysError(ENOTDIR);
  if (node instanceof Symlink) throw new SysError(ELOOP);
  let acc = (canRead(flags) ? MAY_READ : 0) | (canWrite(flags) ? MAY_WRITE : 0) | (flags & O_TRUNC ? MAY_WRITE : 0);
  if (created) acc = 0;
  if (isDir(node) && acc & MAY_WRITE) throw new SysError(EISDIR);
  if (acc) inodePermission(ctx.creds, node, acc);
  if ((flags & O_NOATIME) && !ownerOrCapable(ctx.creds, node)) throw new SysError(EPERM);
  const ops = opsFor(env, node, flags, ctx.creds);
  if (!created && (flags & O_TRUNC) && node instanceof RegularFile) {
    const now = env.now();
    removePrivs(ctx.creds, node, now);
    node.setSize(0);
    touchModified(node, now);
  }
  return new OpenFileImpl(node, storedFlags(flags), ops, path);
}

/** The operations of an inode being opened (the driver's, for a device; ENXIO without one). */
function opsFor(env: OpenEnv, node: Inode, flags: number, creds: Credentials): FileOps {
  if (node instanceof RegularFile) return regularOps(env.maxFileSize);
  if (node instanceof Directory) return directoryOps;
  if (node instanceof ProcFile) return node.ops;
  if (node instanceof SpecialFile) {
    if (node.ops) return node.ops;
    const type = node.mode & S_IFMT;
    if (type === S_IFCHR) {
      const dev = env.devices.get(node.rdev);
      if (dev === undefined) throw new SysError(ENXIO);
      return dev.open?.(flags) ?? dev.ops;
    }
    if (type === S_IFIFO) return env.fifoOps(node, flags, creds);
  }
  throw new SysError(ENXIO);
}
