/**
 * os.statvfs / os.fstatvfs: Python's os.statvfs_result, built from statfs(2) as glibc's
 * statvfs(3) builds struct statvfs (f_frsize, f_favail = f_ffree, f_flag from f_flags,
 * f_namemax from f_namelen). The totals are the kernel's (fs/space.ts): blocks used, that is
 * f_blocks - f_bfree, is the regular files' sizes in whole 4 KiB pages.
 */
import { SYS } from '../kernel/abi/sysno.js';
import { checkPath, wrap } from './errors.js';
import type { SyscallClient } from './channel.js';
import type { ProcessRuntime } from './runtime-types.js';

export class StatvfsResult {
  readonly f_bsize: number;
  readonly f_frsize: number;
  readonly f_blocks: number;
  readonly f_bfree: number;
  readonly f_bavail: number;
  readonly f_files: number;
  readonly f_ffree: number;
  readonly f_favail: number;
  readonly f_flag: number;
  readonly f_namemax: number;

  /** The numbers of a statfs reply: [f_type, f_bsize, f_blocks, f_bfree, f_bavail, f_files, f_ffree, f_namelen, f_frsize, f_flags]. */
  constructor(sys: SyscallClient) {
    const n = (i: number): number => sys.num(i);
    this.f_bsize = n(1);
    this.f_frsize = n(8) || n(1);
    this.f_blocks = n(2);
    this.f_bfree = n(3);
    this.f_bavail = n(4);
    this.f_files = n(5);
    this.f_ffree = n(6);
    this.f_favail = n(6);
    this.f_flag = n(9);
    this.f_namemax = n(7);
  }

  __repr__(): string {
    return `os.statvfs_result(f_bsize=${this.f_bsize}, f_frsize=${this.f_frsize}, f_blocks=${this.f_blocks}, ` +
      `f_bfree=${this.f_bfree}, f_bavail=${this.f_bavail}, f_files=${this.f_files}, f_ffree=${this.f_ffree}, ` +
      `f_favail=${this.f_favail}, f_flag=${this.f_flag}, f_namemax=${this.f_namemax})`;
  }
}

export function makeStatvfsApi(rt: ProcessRuntime) {
  const { sys } = rt;
  return {
    statvfs(path: string): StatvfsResult {
      checkPath(path, 'statvfs');
      wrap('statvfs', path, () => sys.callWith('statfs', SYS.statfs, [path]));
      return new StatvfsResult(sys);
    },
    fstatvfs(fd: number): StatvfsResult {
      wrap('fstatvfs', undefined, () => sys.call('fstatfs', SYS.fstatfs, fd));
      return new StatvfsResult(sys);
    },
    /** Python's os.ST_RDONLY, os.ST_NOSUID, os.ST_RELATIME. */
    ST_RDONLY: 1, ST_NOSUID: 2, ST_RELATIME: 4096,
  };
}
