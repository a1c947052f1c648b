/**
 * Helpers the handlers share: fetching numeric arguments as Linux's registers hold them, building
 * VFS contexts, stat replies, blocking on a wait queue.
 *
 * Rule followed (the x86-64 syscall ABI): an argument is a 64-bit register. A channel slot is a
 * Float64, so argWord() turns it into the integer a register could hold, or EINVAL when none
 * could (NaN, an infinity, a fraction, a magnitude of 2^64 or more); 2^63..2^64-1 read as the
 * negative numbers they are in two's complement. A handler taking a C int or unsigned int then
 * keeps the low 32 bits (cInt, cUint), as the kernel's prototypes truncate the register.
 */
import { EAGAIN, EBADF, EINVAL, ENOTDIR } from '../abi/errno.js';
import { AT_FDCWD, O_NONBLOCK } from '../abi/fcntl.js';
import { S_ISDIR } from '../abi/stat.js';
import { SysError } from '../errors.js';
import { Park, type Reply, type Result } from '../syscall.js';
import { isWaitable } from '../../fs/waitqueue.js';
import type { DirectoryNode, FsContext, OpenFile, StatRecord } from '../../fs/types.js';
import type { Kernel } from '../kernel.js';
import type { Process } from '../../proc/process.js';

const encoder = new TextEncoder();
const TWO_63 = 2 ** 63;
const TWO_64 = 2 ** 64;

/** The 64-bit word a Float64 argument slot stands for, as a signed integer (see the header). */
export function argWord(v: number): number {
  if (!Number.isInteger(v) || v >= TWO_64 || v < -TWO_63) throw new SysError(EINVAL);
  return v >= TWO_63 ? v - TWO_64 : v;
}

/** A C `int` argument: the register's low 32 bits, signed. */
export function cInt(v: number): number {
  return v | 0;
}

/** A C `unsigned int` argument: the register's low 32 bits. */
export function cUint(v: number): number {
  return v >>> 0;
}

/**
 * A `size_t` count (read, pread64, getdents64, getrandom): a negative word is a count above
 * SSIZE_MAX, which Linux clamps (MAX_RW_COUNT); here the channel's data area bounds it anyway.
 */
export function argSize(v: number): number {
  return v < 0 ? Number.MAX_SAFE_INTEGER : v;
}

/** A relative timeout of `ns` nanoseconds from now, as an absolute deadline clamped at the clock's end. */
export function deadlineIn(k: Kernel, ns: bigint): bigint {
  const d = k.nowNs() + ns;
  return d > k.clock.maxNs ? k.clock.maxNs : d;
}

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
