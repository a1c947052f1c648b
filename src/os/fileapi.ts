/**
 * The descriptor half of the os API: open, read, write, close, lseek, dup, pipe, fstat, …
 * Number arguments are converted as CPython's posixmodule.c converts them (pyargs.ts); no loop
 * runs over more than the descriptor table's size or the bytes asked for.
 */
import { SYS } from '../kernel/abi/sysno.js';
import { AT_FDCWD, F_GETFD, F_GETFL, F_SETFD, F_SETFL, FD_CLOEXEC, O_NONBLOCK, OPEN_MAX } from '../kernel/abi/fcntl.js';
import { EINVAL } from '../kernel/abi/errno.js';
import { DATA_SIZE } from '../kernel/abi/channel.js';
import { checkPath, OSError, wrap } from './errors.js';
import { bytesLike, cInt, cLong, cSsize, fildes } from './pyargs.js';
import { StatResult } from './stat-result.js';
import type { ProcessRuntime } from './runtime-types.js';

const encoder = new TextEncoder();

export interface DirFdOption {
  readonly dir_fd?: number | null;
}

export function makeFileApi(rt: ProcessRuntime) {
  const { sys } = rt;
  const dirfd = (o?: DirFdOption): number => o?.dir_fd ?? AT_FDCWD;

  /**
   * write(2). One call moves at most the channel's data area, so a larger buffer goes in pieces,
   * one after another while each is written whole: a blocking pipe takes every byte, as Linux's
   * write does. A short piece (O_NONBLOCK, a signal) ends it; an error after some bytes returns
   * the count so far. Writes of at most PIPE_BUF bytes are one call, hence atomic.
   */
  const write = (fd: number, data: Uint8Array | string): number => {
    fd = cInt(fd);
    const bytes = typeof data === 'string' ? encoder.encode(data) : bytesLike(data);
    if (bytes.length <= DATA_SIZE) return wrap('write', undefined, () => sys.callWith('write', SYS.write, [fd, bytes]));
    let done = 0;
    while (done < bytes.length) {
      const piece = bytes.subarray(done, done + DATA_SIZE);
      let n: number;
      try {
        n = wrap('write', undefined, () => sys.callWith('write', SYS.write, [fd, piece]));
      } catch (e) {
        if (done > 0) return done;
        throw e;
      }
      done += n;
      if (n < piece.length) break;
    }
    return done;
  };

  return {
    open(path: string, flags: number, mode = 0o777, opts?: DirFdOption): number {
      checkPath(path, 'open');
      return wrap('open', path, () => sys.callWith('openat', SYS.openat, [dirfd(opts), path, flags, mode]));
    },
    /** read(2): returns the bytes read (empty at end of file). */
    read(fd: number, n: number | bigint): Uint8Array {
      const f = cInt(fd);
      const len = cSsize(n);
      if (len < 0) throw new OSError(EINVAL, 'read'); // posix_read's own check
      const got = wrap('read', undefined, () => sys.call('read', SYS.read, f, Math.min(len, DATA_SIZE)));
      return sys.outBytes().subarray(0, got);
    },
    /** readinto: read into an existing buffer; returns the count. */
    readinto(fd: number, buf: Uint8Array): number {
      wrap('read', undefined, () => sys.call('read', SYS.read, fd, Math.min(buf.length, DATA_SIZE)));
      return sys.outInto(buf);
    },
    write,
    /** Write every byte, looping over short writes. */
    writeAll(fd: number, data: Uint8Array | string): void {
      let bytes = typeof data === 'string' ? encoder.encode(data) : data;
      while (bytes.length > 0) bytes = bytes.subarray(write(fd, bytes));
    },
    pread(fd: number, n: number | bigint, offset: number | bigint): Uint8Array {
      const f = cInt(fd);
      const len = cSsize(n);
      const off = cLong(offset);
      if (len < 0) throw new OSError(EINVAL, 'pread');
      const got = wrap('pread', undefined, () => sys.call('pread64', SYS.pread64, f, Math.min(len, DATA_SIZE), off));
      return sys.outBytes().subarray(0, got);
    },
    pwrite(fd: number, data: Uint8Array | string, offset: number): number {
      [fd, offset] = [cInt(fd), cLong(offset)];
      const bytes = typeof data === 'string' ? encoder.encode(data) : bytesLike(data);
      return wrap('pwrite', undefined, () => sys.callWith('pwrite64', SYS.pwrite64, [fd, bytes.subarray(0, DATA_SIZE), offset]));
    },
    close(fd: number | bigint): void {
      const f = cInt(fd);
      wrap('close', undefined, () => sys.call('close', SYS.close, f));
    },
    /** closerange: every descriptor in [lo, hi) that the table can hold (at most OPEN_MAX closes). */
    closerange(lo: number | bigint, hi: number | bigint): void {
      const from = Math.max(cInt(lo), 0);
      const to = Math.min(cInt(hi), OPEN_MAX);
      for (let fd = from; fd < to; fd++) {
        try { sys.call('close', SYS.close, fd); } catch { /* ignored, as Python does */ }
      }
    },
    lseek(fd: number, pos: number | bigint, how: number): number {
      const args = [cInt(fd), cLong(pos), cInt(how)] as const;
      return wrap('lseek', undefined, () => sys.call('lseek', SYS.lseek, ...args));
    },
    /** dup(2); the new descriptor is non-inheritable in Python 3, inheritable here as in C. */
    dup(fd: number): number {
      fd = cInt(fd);
      return wrap('dup', undefined, () => sys.call('dup', SYS.dup, fd));
    },
    dup2(fd: number, fd2: number, inheritable = true): number {
      [fd, fd2] = [cInt(fd), cInt(fd2)];
      return wrap('dup2', undefined, () =>
        inheritable ? sys.call('dup2', SYS.dup2, fd, fd2) : sys.call('dup3', SYS.dup3, fd, fd2, 0o2000000));
    },
    fcntl(fd: number, cmd: number, arg = 0): number {
      [fd, cmd] = [cInt(fd), cInt(cmd)]; // arg: CPython's "I", an unsigned int without overflow check
      return wrap('fcntl', undefined, () => sys.call('fcntl', SYS.fcntl, fd, cmd, arg));
    },
    get_inheritable(fd: number): boolean {
      fd = cInt(fd);
      return (wrap('fcntl', undefined, () => sys.call('fcntl', SYS.fcntl, fd, F_GETFD, 0)) & FD_CLOEXEC) === 0;
    },
    set_inheritable(fd: number, inheritable: boolean): void {
      fd = cInt(fd);
      wrap('fcntl', undefined, () => sys.call('fcntl', SYS.fcntl, fd, F_SETFD, inheritable ? 0 : FD_CLOEXEC));
    },
    get_blocking(fd: number): boolean {
      fd = cInt(fd);
      return (wrap('fcntl', undefined, () => sys.call('fcntl', SYS.fcntl, fd, F_GETFL, 0)) & O_NONBLOCK) === 0;
    },
    set_blocking(fd: number, blocking: boolean): void {
      fd = cInt(fd);
      const fl = wrap('fcntl', undefined, () => sys.call('fcntl', SYS.fcntl, fd, F_GETFL, 0));
      wrap('fcntl', undefined, () => sys.call('fcntl', SYS.fcntl, fd, F_SETFL, blocking ? fl & ~O_NONBLOCK : fl | O_NONBLOCK));
    },
    fstat(fd: number): StatResult {
      fd = cInt(fd);
      wrap('fstat', undefined, () => sys.call('fstat', SYS.fstat, fd));
      return new StatResult(sys);
    },
    ftruncate(fd: number, length: number): void {
      [fd, length] = [cInt(fd), cLong(length)];
      wrap('ftruncate', undefined, () => sys.call('ftruncate', SYS.ftruncate, fd, length));
    },
    fsync(fd: number | { fileno(): number }): void {
      const f = fildes(fd);
      wrap('fsync', undefined, () => sys.call('fsync', SYS.fsync, f));
    },
    /** pipe(): [read end, write end]. */
    pipe(): [number, number] {
      wrap('pipe', undefined, () => sys.call('pipe2', SYS.pipe2, 0));
      return [sys.num(0), sys.num(1)];
    },
    pipe2(flags: number): [number, number] {
      wrap('pipe2', undefined, () => sys.call('pipe2', SYS.pipe2, flags));
      return [sys.num(0), sys.num(1)];
    },
  };
}
