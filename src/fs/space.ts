/**
 * A filesystem's size and inode limits, as tmpfs keeps them (mm/shmem.c: shmem_inode_acct_blocks,
 * shmem_reserve_inode; `mount -t tmpfs -o size=…,nr_inodes=…`): a regular file's pages are
 * charged as its size grows and given back when it shrinks or when its last name and last open
 * description are gone; every inode counts against the inode limit. Past either limit the
 * operation fails with ENOSPC (a write that partly fits is cut short at the limit). statfs(2)
 * reports the same totals, so df's numbers add up: blocks used = Σ regular files' sizes rounded
 * up to 4 KiB pages.
 *
 * Difference from tmpfs: a file grown by truncate takes its pages at once (posixbox's st_blocks
 * counts them, see inode.ts pageBlocks), so such a truncate past the limit is ENOSPC too.
 */
import { ENOSPC } from '../kernel/abi/errno.js';
import { SysError } from '../kernel/errors.js';

export const PAGE_SIZE = 4096;

/** The default size of the root filesystem (boot option `fsSize`). */
export const DEFAULT_FS_SIZE = 1 << 30;

/** Whole pages, in bytes, that `size` bytes occupy. */
export function pageBytes(size: number): number {
  return Math.ceil(size / PAGE_SIZE) * PAGE_SIZE;
}

export class Space {
  usedBytes = 0;
  usedInodes = 0;
  /** bytes and inodes: Infinity for a filesystem without limits (procfs, pipefs). */
  constructor(readonly maxBytes: number, readonly maxInodes: number) {}

  /** Take (or, negative, give back) bytes of storage; ENOSPC if more would not fit. */
  charge(delta: number): void {
    if (delta > 0 && this.usedBytes + delta > this.maxBytes) throw new SysError(ENOSPC);
    this.usedBytes = Math.max(0, this.usedBytes + delta);
  }

  /** Bytes still free, in whole pages. */
  get freeBytes(): number {
    return Math.max(0, Math.floor((this.maxBytes - this.usedBytes) / PAGE_SIZE) * PAGE_SIZE);
  }

  /** One more inode; ENOSPC at the limit. */
  takeInode(): void {
    if (this.usedInodes >= this.maxInodes) throw new SysError(ENOSPC);
    this.usedInodes++;
  }

  releaseInode(): void {
    if (this.usedInodes > 0) this.usedInodes--;
  }
}

/** A filesystem without limits (its statfs totals are zeros, as procfs's). */
export function unlimitedSpace(): Space {
  return new Space(Infinity, Infinity);
}

/** f_type of each kind of filesystem (linux/magic.h). */
const MAGIC: Readonly<Record<string, number>> = { memfs: 0x01021994, devfs: 0x01021994, procfs: 0x9fa0, anon: 0x50495045 };

const ST_RDONLY = 1;
const ST_NOSUID = 2;
const ST_RELATIME = 4096;
const NAME_MAX = 255;

/**
 * statfs(2) of a filesystem: [f_type, f_bsize, f_blocks, f_bfree, f_bavail, f_files, f_ffree,
 * f_namelen, f_frsize, f_flags], in Linux's struct statfs order (f_fsid left out).
 */
export function statfsOf(sb: { readonly type: string; readonly readonly: boolean; readonly nosuid: boolean; readonly space: Space }): number[] {
  const s = sb.space;
  const blocks = Number.isFinite(s.maxBytes) ? Math.floor(s.maxBytes / PAGE_SIZE) : 0;
  const bfree = Number.isFinite(s.maxBytes) ? Math.floor(s.freeBytes / PAGE_SIZE) : 0;
  const files = Number.isFinite(s.maxInodes) ? s.maxInodes : 0;
  const ffree = Number.isFinite(s.maxInodes) ? Math.max(0, s.maxInodes - s.usedInodes) : 0;
  const flags = (sb.type === 'anon' ? 0 : ST_RELATIME) | (sb.readonly ? ST_RDONLY : 0) | (sb.nosuid ? ST_NOSUID : 0); // pipefs: no flags
  return [MAGIC[sb.type] ?? 0x01021994, PAGE_SIZE, blocks, bfree, bfree, files, ffree, NAME_MAX, PAGE_SIZE, flags];
}
