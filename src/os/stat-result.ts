/** os.stat_result: the stat record with Python's attribute names. */
import type { SyscallClient } from './channel.js';

export class StatResult {
  readonly st_dev: number;
  readonly st_ino: number;
  readonly st_mode: number;
  readonly st_nlink: number;
  readonly st_uid: number;
  readonly st_gid: number;
  readonly st_rdev: number;
  readonly st_size: number;
  readonly st_blksize: number;
  readonly st_blocks: number;
  readonly st_atime: number;
  readonly st_mtime: number;
  readonly st_ctime: number;
  private readonly times: readonly [number, number, number, number, number, number];

  /** Read the 16 numbers of a stat reply (see the kernel's statReply). */
  constructor(sys: SyscallClient) {
    const n = (i: number): number => sys.num(i);
    this.st_dev = n(0);
    this.st_ino = n(1);
    this.st_mode = n(2);
    this.st_nlink = n(3);
    this.st_uid = n(4);
    this.st_gid = n(5);
    this.st_rdev = n(6);
    this.st_size = n(7);
    this.st_blksize = n(8);
    this.st_blocks = n(9);
    this.times = [n(10), n(11), n(12), n(13), n(14), n(15)];
    this.st_atime = n(10) + n(11) / 1e9;
    this.st_mtime = n(12) + n(13) / 1e9;
    this.st_ctime = n(14) + n(15) / 1e9;
  }

  /** Nanosecond times as Python's int: built when asked (BigInt arithmetic is not free). */
  get st_atime_ns(): bigint {
    return BigInt(this.times[0]) * 1_000_000_000n + BigInt(this.times[1]);
  }
  get st_mtime_ns(): bigint {
    return BigInt(this.times[2]) * 1_000_000_000n + BigInt(this.times[3]);
  }
  get st_ctime_ns(): bigint {
    return BigInt(this.times[4]) * 1_000_000_000n + BigInt(this.times[5]);
  }
}
