/**
 * Character devices and /dev (Linux's drivers/char/mem.c and devtmpfs). A device is found by
 * its rdev, so a node made with mknod anywhere opens the same driver, as on Linux.
 *
 *   1:3 null     reads EOF, swallows writes
 *   1:5 zero     reads zeros, swallows writes
 *   1:7 full     reads zeros, writes fail with ENOSPC
 *   1:8 random   seeded bytes from options.random
 *   1:9 urandom  the same
 *   5:0 tty      ENXIO ("no controlling terminal"); the kernel's PtyTable (devpts.ts) replaces it
 *
 * /dev also holds fd → /proc/self/fd, stdin/stdout/stderr → /proc/self/fd/0..2, shm, and pts
 * (the pseudo-terminal slaves, 136:N, see devpts.ts).
 */
import { ENOSPC, ENXIO } from '../kernel/abi/errno.js';
import { S_IFCHR, S_IFDIR, makedev } from '../kernel/abi/stat.js';
import { SysError } from '../kernel/errors.js';
import { Directory, type Fs, SpecialFile, Symlink, addEntry } from './inode.js';
import type { FileOps, Timespec } from './types.js';

export interface Device {
  /** The driver's open method: refuses with an errno, or returns the operations of this open
   * (a terminal's), else `ops` serve it. */
  open?(flags: number): FileOps | undefined;
  readonly ops: FileOps;
}

const sink = (_f: unknown, data: Uint8Array): number => data.length;
/** A page of zeros that is never written, the source zeros() copies from. */
const ZERO_PAGE = new Uint8Array(65536);

/**
 * Fill with zeros by copying a zero page: fill() on a view of shared memory (a process's channel)
 * runs at a fraction of the speed of set().
 */
const zeros = (_f: unknown, buf: Uint8Array): number => {
  for (let at = 0; at < buf.length; at += ZERO_PAGE.length) buf.set(ZERO_PAGE.subarray(0, Math.min(ZERO_PAGE.length, buf.length - at)), at);
  return buf.length;
};

/** The driver table, keyed by rdev (makedev(major, minor)). */
export function deviceTable(random: (buf: Uint8Array) => void): Map<number, Device> {
  const rnd: Device = {
    ops: {
      seekable: true,
      read: (_f, buf) => {
        random(buf);
        return buf.length;
      },
      write: sink,
    },
  };
  return new Map<number, Device>([
    [makedev(1, 3), { ops: { seekable: true, read: () => 0, write: sink } }],
    [makedev(1, 5), { ops: { seekable: true, read: zeros, write: sink } }],
    [makedev(1, 7), {
      ops: {
        seekable: true,
        read: zeros,
        write: () => {
          throw new SysError(ENOSPC);
        },
      },
    }],
    [makedev(1, 8), rnd],
    [makedev(1, 9), rnd],
    [makedev(5, 0), {
      open: () => {
        throw new SysError(ENXIO, 'no controlling terminal');
      },
      ops: { seekable: false, read: () => 0, write: sink },
    }],
  ]);
}

/** Deterministic xorshift bytes, used when no options.random is given. */
export function defaultRandom(): (buf: Uint8Array) => void {
  let s = 0x9e3779b9;
  return (buf) => {
    for (let i = 0; i < buf.length; i++) {
      s ^= s << 13;
      s ^= s >>> 17;
      s ^= s << 5;
      buf[i] = s & 0xff;
    }
  };
}

/** Fills a devfs root with the standard nodes (owned by root; tty's group is 5, "tty"). */
export function populateDevfs(fs: Fs, root: Directory, now: Timespec): void {
  const chr = (name: string, major: number, minor: number, gid = 0): void => {
    addEntry(root, name, new SpecialFile(fs, S_IFCHR | 0o666, 0, gid, now, makedev(major, minor)));
  };
  chr('null', 1, 3);
  chr('zero', 1, 5);
  chr('full', 1, 7);
  chr('random', 1, 8);
  chr('urandom', 1, 9);
  chr('tty', 5, 0, 5);
  addEntry(root, 'fd', new Symlink(fs, 0, 0, now, '/proc/self/fd'));
  ['stdin', 'stdout', 'stderr'].forEach((name, i) => {
    addEntry(root, name, new Symlink(fs, 0, 0, now, `/proc/self/fd/${i}`));
  });
  addEntry(root, 'shm', new Directory(fs, S_IFDIR | 0o1777, 0, 0, now));
  addEntry(root, 'pts', new Directory(fs, S_IFDIR | 0o755, 0, 0, now));
}
