/** Path calls: stat family, access, mkdir, rmdir, unlink, rename, link, symlink, readlink, chmod,
 * chown, utimensat, truncate, mknod, getcwd, chdir, fchdir. Each handler only fetches its
 * arguments and calls the VFS. */
import { checkTruncate } from './fsize.js';
import { EINVAL, ENOTDIR, ERANGE } from '../abi/errno.js';
import {
  AT_EACCESS, AT_EMPTY_PATH, AT_FDCWD, AT_REMOVEDIR, AT_SYMLINK_FOLLOW, AT_SYMLINK_NOFOLLOW,
} from '../abi/fcntl.js';
import { S_ISDIR } from '../abi/stat.js';
import { SysError } from '../errors.js';
import { full, partial, type SyscallEntry } from '../syscall.js';
import { atContext, checkFd, statReply, utf8 } from './common.js';
import type { TimeArg } from '../../fs/vfs.js';
import type { DirectoryNode, FsContext } from '../../fs/types.js';
import type { Kernel } from '../kernel.js';
import type { Process } from '../../proc/process.js';

export const UTIME_NOW = (1 << 30) - 1;
export const UTIME_OMIT = (1 << 30) - 2;

function timeArg(sec: number, nsec: number): TimeArg {
  if (nsec === UTIME_NOW) return 'now';
  if (nsec === UTIME_OMIT) return 'omit';
  if (!Number.isInteger(nsec) || nsec < 0 || nsec > 999_999_999) throw new SysError(EINVAL);
  return { sec, nsec };
}

/** access/faccessat: checked with the real ids unless AT_EACCESS. */
function accessContext(ctx: FsContext, flags: number): FsContext {
  if (flags & AT_EACCESS) return ctx;
  const c = ctx.creds;
  return { ...ctx, creds: { ...c, euid: c.ruid, egid: c.rgid } };
}

/** Two paths with their own dirfds (renameat, linkat): a relative one on another dirfd is made absolute. */
function secondPath(k: Kernel, p: Process, ctx: FsContext, dirfd: number, path: string): string {
  if (path.startsWith('/') || dirfd === AT_FDCWD) {
    return path.startsWith('/') || ctx.cwd === p.cwd ? path : `${k.vfs.pathOf(p.cwd)}/${path}`;
  }
  const other = atContext(k, p, dirfd, path);
  if (other.cwd === ctx.cwd) return path;
  return `${k.vfs.pathOf(other.cwd)}/${path}`;
}

function statAt(k: Kernel, p: Process, dirfd: number, path: string, flags: number) {
  if (flags & ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH)) throw new SysError(EINVAL);
  if (path === '' && flags & AT_EMPTY_PATH) {
    return statReply(dirfd === AT_FDCWD ? k.vfs.statNode(p.cwd) : k.vfs.fstat(checkFd(p, dirfd)));
  }
  return statReply(k.vfs.stat(atContext(k, p, dirfd, path), path, !(flags & AT_SYMLINK_NOFOLLOW)));
}

function readlinkAt(k: Kernel, p: Process, dirfd: number, path: string, size: number) {
  if (size <= 0) throw new SysError(EINVAL);
  const target = utf8(k.vfs.readlink(atContext(k, p, dirfd, path), path));
  const data = target.subarray(0, size);
  return { value: data.length, data };
}

function unlinkAt(k: Kernel, p: Process, dirfd: number, path: string, flags: number): number {
  if (flags & ~AT_REMOVEDIR) throw new SysError(EINVAL);
  const ctx = atContext(k, p, dirfd, path);
  if (flags & AT_REMOVEDIR) k.vfs.rmdir(ctx, path);
  else k.vfs.unlink(ctx, path);
  return 0;
}

function renameAt(k: Kernel, p: Process, ofd: number, from: string, nfd: number, to: string, flags: number): number {
  if (flags !== 0) throw new SysError(EINVAL);
  const ctx = atContext(k, p, ofd, from);
  k.vfs.rename(ctx, from, secondPath(k, p, ctx, nfd, to));
  return 0;
}

function linkAt(k: Kernel, p: Process, ofd: number, from: string, nfd: number, to: string, flags: number): number {
  if (flags & ~AT_SYMLINK_FOLLOW) throw new SysError(EINVAL);
  const ctx = atContext(k, p, ofd, from);
  k.vfs.link(ctx, from, secondPath(k, p, ctx, nfd, to), (flags & AT_SYMLINK_FOLLOW) !== 0);
  return 0;
}

function utimensAt(k: Kernel, p: Process, dirfd: number, path: string, t: readonly number[], flags: number): number {
  if (flags & ~AT_SYMLINK_NOFOLLOW) throw new SysError(EINVAL);
  const atime = timeArg(t[0]!, t[1]!);
  const mtime = timeArg(t[2]!, t[3]!);
  if (path === '') {
    // futimens: the descriptor's own file; resolved through /proc/self/fd semantics
    const file = checkFd(p, dirfd);
    k.vfs.utimensNode(k.fsContext(p), file.node, atime, mtime);
    return 0;
  }
  k.vfs.utimens(atContext(k, p, dirfd, path), path, atime, mtime, !(flags & AT_SYMLINK_NOFOLLOW));
  return 0;
}

function getcwd(k: Kernel, p: Process, size: number) {
  const path = utf8(k.vfs.pathOf(p.cwd));
  if (size <= path.length) throw new SysError(ERANGE);
  return { value: path.length + 1, data: path };
}

export const pathCalls: ReadonlyArray<readonly [number, SyscallEntry]> = [
  [4, full('stat', ['str'], (k, p, a) => statAt(k, p, AT_FDCWD, a.str(0), 0))],
  [6, full('lstat', ['str'], (k, p, a) => statAt(k, p, AT_FDCWD, a.str(0), AT_SYMLINK_NOFOLLOW))],
  [262, full('newfstatat', ['int', 'str', 'int'], (k, p, a) => statAt(k, p, a.int(0), a.str(1), a.int(2)))],
  [21, full('access', ['str', 'int'], (k, p, a) => {
    k.vfs.access(accessContext(k.fsContext(p), 0), a.str(0), a.int(1), true);
    return 0;
  })],
  [439, full('faccessat2', ['int', 'str', 'int', 'int'], (k, p, a) => {
    const flags = a.int(3);
    if (flags & ~(AT_EACCESS | AT_SYMLINK_NOFOLLOW)) throw new SysError(EINVAL);
    const ctx = accessContext(atContext(k, p, a.int(0), a.str(1)), flags);
    k.vfs.access(ctx, a.str(1), a.int(2), !(flags & AT_SYMLINK_NOFOLLOW));
    return 0;
  })],
  [83, full('mkdir', ['str', 'int'], (k, p, a) => { k.vfs.mkdir(k.fsContext(p), a.str(0), a.int(1)); return 0; })],
  [258, full('mkdirat', ['int', 'str', 'int'], (k, p, a) => {
    k.vfs.mkdir(atContext(k, p, a.int(0), a.str(1)), a.str(1), a.int(2));
    return 0;
  })],
  [133, full('mknod', ['str', 'int', 'int'], (k, p, a) => { k.vfs.mknod(k.fsContext(p), a.str(0), a.int(1), a.int(2)); return 0; })],
  [259, full('mknodat', ['int', 'str', 'int', 'int'], (k, p, a) => {
    k.vfs.mknod(atContext(k, p, a.int(0), a.str(1)), a.str(1), a.int(2), a.int(3));
    return 0;
  })],
  [84, full('rmdir', ['str'], (k, p, a) => unlinkAt(k, p, AT_FDCWD, a.str(0), AT_REMOVEDIR))],
  [87, full('unlink', ['str'], (k, p, a) => unlinkAt(k, p, AT_FDCWD, a.str(0), 0))],
  [263, full('unlinkat', ['int', 'str', 'int'], (k, p, a) => unlinkAt(k, p, a.int(0), a.str(1), a.int(2)))],
  [82, full('rename', ['str', 'str'], (k, p, a) => renameAt(k, p, AT_FDCWD, a.str(0), AT_FDCWD, a.str(1), 0))],
  [316, partial('renameat2', ['int', 'str', 'int', 'str', 'int'],
    (k, p, a) => renameAt(k, p, a.int(0), a.str(1), a.int(2), a.str(3), a.int(4)),
    'flags (RENAME_NOREPLACE, RENAME_EXCHANGE) are EINVAL; a second relative path on another dirfd is resolved from that directory\'s path')],
  [86, full('link', ['str', 'str'], (k, p, a) => linkAt(k, p, AT_FDCWD, a.str(0), AT_FDCWD, a.str(1), 0))],
  [265, partial('linkat', ['int', 'str', 'int', 'str', 'int'],
    (k, p, a) => linkAt(k, p, a.int(0), a.str(1), a.int(2), a.str(3), a.int(4)),
    'a second relative path on another dirfd is resolved from that directory\'s path')],
  [88, full('symlink', ['str', 'str'], (k, p, a) => { k.vfs.symlink(k.fsContext(p), a.str(0), a.str(1)); return 0; })],
  [266, full('symlinkat', ['str', 'int', 'str'], (k, p, a) => {
    k.vfs.symlink(atContext(k, p, a.int(1), a.str(2)), a.str(0), a.str(2));
    return 0;
  })],
  [89, full('readlink', ['str', 'int'], (k, p, a) => readlinkAt(k, p, AT_FDCWD, a.str(0), a.int(1)))],
  [267, full('readlinkat', ['int', 'str', 'int'], (k, p, a) => readlinkAt(k, p, a.int(0), a.str(1), a.int(2)))],
  [90, full('chmod', ['str', 'int'], (k, p, a) => { k.vfs.chmod(k.fsContext(p), a.str(0), a.int(1), true); return 0; })],
  [91, full('fchmod', ['int', 'int'], (k, p, a) => { k.vfs.fchmod(k.fsContext(p), checkFd(p, a.int(0)), a.int(1)); return 0; })],
  [268, full('fchmodat', ['int', 'str', 'int', 'int'], (k, p, a) => {
    if (a.int(3) & ~AT_SYMLINK_NOFOLLOW) throw new SysError(EINVAL);
    k.vfs.chmod(atContext(k, p, a.int(0), a.str(1)), a.str(1), a.int(2), !(a.int(3) & AT_SYMLINK_NOFOLLOW));
    return 0;
  })],
  [92, full('chown', ['str', 'int', 'int'], (k, p, a) => { k.vfs.chown(k.fsContext(p), a.str(0), a.int(1), a.int(2), true); return 0; })],
  [94, full('lchown', ['str', 'int', 'int'], (k, p, a) => { k.vfs.chown(k.fsContext(p), a.str(0), a.int(1), a.int(2), false); return 0; })],
  [93, full('fchown', ['int', 'int', 'int'], (k, p, a) => {
    k.vfs.fchown(k.fsContext(p), checkFd(p, a.int(0)), a.int(1), a.int(2));
    return 0;
  })],
  [260, full('fchownat', ['int', 'str', 'int', 'int', 'int'], (k, p, a) => {
    if (a.int(4) & ~AT_SYMLINK_NOFOLLOW) throw new SysError(EINVAL);
    k.vfs.chown(atContext(k, p, a.int(0), a.str(1)), a.str(1), a.int(2), a.int(3), !(a.int(4) & AT_SYMLINK_NOFOLLOW));
    return 0;
  })],
  [280, full('utimensat', ['int', 'str', 'int', 'int', 'int', 'int', 'int'], (k, p, a) =>
    utimensAt(k, p, a.int(0), a.str(1), [a.int(2), a.int(3), a.int(4), a.int(5)], a.int(6)))],
  [76, full('truncate', ['str', 'int'], (k, p, a) => {
    k.vfs.lookup(k.fsContext(p), a.str(0), true); // a missing path is ENOENT before EFBIG
    checkTruncate(k, p, a.int(1));
    k.vfs.truncate(k.fsContext(p), a.str(0), a.int(1));
    return 0;
  })],
  [79, full('getcwd', ['int'], (k, p, a) => getcwd(k, p, a.int(0)))],
  [80, full('chdir', ['str'], (k, p, a) => { p.cwd = k.vfs.chdir(k.fsContext(p), a.str(0)); return 0; })],
  [81, full('fchdir', ['int'], (k, p, a) => {
    const file = checkFd(p, a.int(0));
    if (!S_ISDIR(file.node.mode)) throw new SysError(ENOTDIR);
    k.vfs.checkSearch(k.fsContext(p), file.node as DirectoryNode);
    p.cwd = file.node as DirectoryNode;
    return 0;
  })],
];

