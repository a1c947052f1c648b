/** Helpers the handlers share: building VFS contexts, stat replies, blocking on a wait queue. */
import { EAGAIN, EBADF, ENOTDIR } from '../abi/errno.js';
import { AT_FDCWD, O_NONBLOCK } from '../abi/fcntl.js';
import { S_ISDIR } from '../abi/stat.js';
import { SysError } from '../errors.js';
import { Park, type Reply, type Result } from '../syscall.js';
import { isWaitable } from '../../fs/waitqueue.js';
import type { DirectoryNode, FsContext, OpenFile, StatRecord } from '../../fs/types.js';
import type { Kernel } from '../kernel.js';
import type { Process } from '../../proc/process.js';

const encoder = new TextEncoder();

export function utf8(s: string): Uint8Array {
  return encoder.encode(s);
}

/** The context for a path relative to dirfd (AT_FDCWD: the cwd), as the *at() calls take it. */
export function atContext(k: Kernel, p: Process, dirfd: number, path: string): FsContext {
  const ctx = k.fsContext(p);
  if (dirfd === AT_FDCWD || path.startsWith('/')) return ctx;
  const file = p.fds.file(dirfd);
  if (!S_ISDIR(file.node.mode)) throw new SysError(ENOTDIR);
  return { ...ctx, cwd: file.node as DirectoryNode };
}

/** The 16 numbers of a stat reply, in the order the os API reads them. */
export function statReply(s: StatRecord): Reply {
  return {
    value: 0,
    nums: [s.dev, s.ino, s.mode, s.nlink, s.uid, s.gid, s.rdev, s.size, s.blksize, s.blocks,
      s.atime.sec, s.atime.nsec, s.mtime.sec, s.mtime.nsec, s.ctime.sec, s.ctime.nsec],
  };
}

/**
 * Run an I/O operation on a file that may block: on EAGAIN from a blocking description with a
 * wait queue, park the caller until the queue is woken, then try again.
 */
export function blocking(k: Kernel, p: Process, call: string, file: OpenFile, op: () => Result): Result {
  try {
    return op();
  } catch (e) {
    if (!(e instanceof SysError) || e.errno !== EAGAIN || file.flags & O_NONBLOCK || !isWaitable(file.ops)) throw e;
    const queue = file.ops.waitQueue;
    queue.add(() => k.scheduler.wake(p));
    return new Park(call, () => blocking(k, p, call, file, op));
  }
}

export function checkFd(p: Process, fd: number): OpenFile {
  if (!Number.isInteger(fd) || fd < 0) throw new SysError(EBADF);
  return p.fds.file(fd);
}
