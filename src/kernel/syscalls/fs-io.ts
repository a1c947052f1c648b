/** Descriptor calls: open, read, write, close, dup, fcntl, lseek, pread/pwrite, getdents, pipe2. */
import { EINVAL } from '../abi/errno.js';
import {
  AT_FDCWD, F_DUPFD, F_DUPFD_CLOEXEC, F_GETFD, F_GETFL, F_GETPIPE_SZ, F_SETFD, F_SETFL, F_SETPIPE_SZ,
  FD_CLOEXEC, O_CLOEXEC, O_NONBLOCK, SETFL_MASK,
} from '../abi/fcntl.js';
import { SysError } from '../errors.js';
import { full, partial, type Result, type SyscallEntry } from '../syscall.js';
import { argSize, atContext, blocking, checkFd, statReply, utf8 } from './common.js';
import { checkTruncate, withinFileSize } from './fsize.js';
import { fifoRendezvous, pipeFcntl, readPipe, writeFile } from './pipe-io.js';
import { isPipeOps } from '../../fs/pipe.js';
import type { Kernel } from '../kernel.js';
import type { Process } from '../../proc/process.js';

function openat(k: Kernel, p: Process, dirfd: number, path: string, flags: number, mode: number): Result {
  const file = k.vfs.open(atContext(k, p, dirfd, path), path, flags, mode & 0o7777);
  return fifoRendezvous(k, p, file, () => {
    try {
      return p.fds.install(file, (flags & O_CLOEXEC) !== 0);
    } finally {
      k.vfs.close(file); // the descriptor holds the reference now
    }
  });
}

function dup3(p: Process, from: number, to: number, flags: number): number {
  if (flags & ~O_CLOEXEC) throw new SysError(EINVAL);
  const file = checkFd(p, from);
  if (from === to) throw new SysError(EINVAL);
  p.fds.installAt(to, file, (flags & O_CLOEXEC) !== 0);
  return to;
}

function fcntl(p: Process, fd: number, cmd: number, arg: number): number {
  const e = p.fds.get(fd);
  switch (cmd) {
    case F_DUPFD:
    case F_DUPFD_CLOEXEC:
      return p.fds.install(e.file, cmd === F_DUPFD_CLOEXEC, arg);
    case F_GETFD:
      return e.cloexec ? FD_CLOEXEC : 0;
    case F_SETFD:
      e.cloexec = (arg & FD_CLOEXEC) !== 0;
      return 0;
    case F_GETFL:
      return e.file.flags;
    case F_SETFL:
      e.file.flags = (e.file.flags & ~SETFL_MASK) | (arg & SETFL_MASK);
      return 0;
    case F_SETPIPE_SZ:
    case F_GETPIPE_SZ:
      return pipeFcntl(p, e.file, cmd, arg);
    default:
      throw new SysError(EINVAL);
  }
}

/** getdents64: as many entries from the description's position as fit in `count` bytes. */
function getdents(k: Kernel, p: Process, fd: number, count: number, out: Uint8Array): number {
  const file = checkFd(p, fd);
  const room = Math.min(count, out.length);
  let used = 0;
  k.vfs.getdents(file, (e) => { // the description's position moves past the entries taken
    const rec = utf8(`${e.ino} ${e.type} ${e.name}\0`);
    if (used + rec.length > room) {
      if (used === 0) throw new SysError(EINVAL);
      return false;
    }
    out.set(rec, used);
    used += rec.length;
    return true;
  });
  return used;
}

export const ioCalls: ReadonlyArray<readonly [number, SyscallEntry]> = [
  [0, full('read', ['int', 'int'], (k, p, a) => {
    const file = checkFd(p, a.int(0));
    const buf = a.out(argSize(a.int(1)));
    if (isPipeOps(file.ops) && !(file.flags & O_NONBLOCK)) return readPipe(k, p, file, file.ops, buf);
    return blocking(k, p, 'read', file, () => {
      const n = k.vfs.read(file, buf);
      return { value: n, outLen: n };
    });
  })],
  [1, full('write', ['int', 'bytes'], (k, p, a) => {
    const file = checkFd(p, a.int(0));
    return writeFile(k, p, file, withinFileSize(k, p, file, a.bytes(1)));
  })],
  [2, full('open', ['str', 'int', 'int'], (k, p, a) => openat(k, p, AT_FDCWD, a.str(0), a.int(1), a.int(2)))],
  [257, full('openat', ['int', 'str', 'int', 'int'], (k, p, a) => openat(k, p, a.int(0), a.str(1), a.int(2), a.int(3)))],
  [3, full('close', ['int'], (_k, p, a) => {
    checkFd(p, a.int(0));
    p.fds.close(a.int(0));
    return 0;
  })],
  [32, full('dup', ['int'], (_k, p, a) => p.fds.install(checkFd(p, a.int(0)), false))],
  [33, full('dup2', ['int', 'int'], (_k, p, a) => {
    const from = a.int(0);
    const to = a.int(1);
    const file = checkFd(p, from);
    if (from === to) return to;
    p.fds.installAt(to, file, false);
    return to;
  })],
  [292, full('dup3', ['int', 'int', 'int'], (_k, p, a) => dup3(p, a.int(0), a.int(1), a.int(2)))],
  [72, partial('fcntl', ['int', 'int', 'int'], (_k, p, a) => fcntl(p, a.int(0), a.int(1), a.int(2)),
    'F_DUPFD, F_DUPFD_CLOEXEC, F_GETFD, F_SETFD, F_GETFL, F_SETFL, F_GETPIPE_SZ, F_SETPIPE_SZ; no locks or signal-driven I/O')],
  [8, full('lseek', ['int', 'int', 'int'], (k, p, a) => k.vfs.lseek(checkFd(p, a.int(0)), a.int(1), a.int(2)))],
  [17, full('pread64', ['int', 'int', 'int'], (k, p, a) => {
    const file = checkFd(p, a.int(0));
    const n = k.vfs.pread(file, a.out(argSize(a.int(1))), a.int(2));
    return { value: n, outLen: n };
  })],
  [18, full('pwrite64', ['int', 'bytes', 'int'], (k, p, a) => {
    const file = checkFd(p, a.int(0));
    return k.vfs.pwrite(file, withinFileSize(k, p, file, a.bytes(1), a.int(2)), a.int(2), p.creds);
  })],
  [74, partial('fsync', ['int'], (_k, p, a) => {
    const file = checkFd(p, a.int(0));
    if (!file.ops.seekable) throw new SysError(EINVAL);
    return 0;
  }, 'memory filesystems have nothing to flush: validates the descriptor only')],
  [77, full('ftruncate', ['int', 'int'], (k, p, a) => {
    const file = checkFd(p, a.int(0));
    checkTruncate(k, p, a.int(1));
    k.vfs.ftruncate(file, a.int(1), p.creds);
    return 0;
  })],
  [5, full('fstat', ['int'], (k, p, a) => statReply(k.vfs.fstat(checkFd(p, a.int(0)))))],
  [217, full('getdents64', ['int', 'int'], (k, p, a) => {
    const out = a.out(argSize(a.int(1)));
    const n = getdents(k, p, a.int(0), argSize(a.int(1)), out);
    return { value: n, outLen: n };
  })],
  [293, full('pipe2', ['int'], (k, p, a) => {
    const flags = a.int(0);
    if (flags & ~(O_CLOEXEC | O_NONBLOCK)) throw new SysError(EINVAL);
    const [r, w] = k.makePipe(p.creds, flags & O_NONBLOCK);
    try {
      const rfd = p.fds.install(r, (flags & O_CLOEXEC) !== 0);
      try {
        return { value: 0, nums: [rfd, p.fds.install(w, (flags & O_CLOEXEC) !== 0)] };
      } catch (e) {
        p.fds.close(rfd);
        throw e;
      }
    } finally {
      k.vfs.close(r);
      k.vfs.close(w);
    }
  })],
];

