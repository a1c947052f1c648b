/**
 * Open file descriptions (struct file) and the operations of the in-memory kinds of file:
 * regular files (tmpfs's shmem_file_read_iter / write_iter), directories (read is EISDIR) and
 * O_PATH descriptions (everything EBADF). Also the timestamp rules every operation shares.
 * A write past the filesystem's free space is cut short, or ENOSPC if nothing fits (tmpfs).
 */
import { EBADF, EFBIG, EISDIR, ENOSPC } from '../kernel/abi/errno.js';
import { SysError } from '../kernel/errors.js';
import { RegularFile } from './inode.js';
import type { FileOps, Node, OpenFile, Timespec } from './types.js';

/** struct file: flags, offset and a reference count shared by dup'd descriptors. */
export class OpenFileImpl implements OpenFile {
  offset = 0;
  refs = 1;
  constructor(readonly node: Node, public flags: number, readonly ops: FileOps, readonly path: string) {
    if (node instanceof RegularFile) node.opens++;
  }
}

/** Reads and writes a RegularFile's bytes; `maxSize` bounds how far a write may extend it. */
export function regularOps(maxSize: number): FileOps {
  return {
    seekable: true,
    read(file: OpenFile, buf: Uint8Array, pos: number): number {
      return (file.node as RegularFile).readAt(pos, buf);
    },
    write(file: OpenFile, data: Uint8Array, pos: number): number {
      const node = file.node as RegularFile;
      if (data.length === 0) return 0;
      if (pos + data.length > maxSize) throw new SysError(EFBIG);
      // The filesystem's size limit (space.ts): a write that partly fits is cut short there.
      const end = Math.min(pos + data.length, Math.max(node.size, node.spaceEnd()));
      if (end <= pos) throw new SysError(ENOSPC);
      if (end < pos + data.length) data = data.subarray(0, end - pos);
      node.writeAt(pos, data);
      return data.length;
    },
  };
}

/** A directory description: read(2) is EISDIR, getdents is the Vfs's business. */
export const directoryOps: FileOps = {
  seekable: true,
  read(): number {
    throw new SysError(EISDIR);
  },
  write(): number {
    throw new SysError(EISDIR);
  },
};

/** An O_PATH description: it names a file; nothing may be done through it. */
export const pathOps: FileOps = {
  seekable: false,
  read(): number {
    throw new SysError(EBADF);
  },
  write(): number {
    throw new SysError(EBADF);
  },
};

export function compareTime(a: Timespec, b: Timespec): number {
  return a.sec !== b.sec ? a.sec - b.sec : a.nsec - b.nsec;
}

/**
 * touch_atime under relatime: the access time moves only if it is not newer than the
 * modification or change time, or is more than a day old (and never to the same value).
 */
export function touchAtime(node: Node, now: Timespec): void {
  const due = compareTime(node.atime, node.mtime) <= 0 || compareTime(node.atime, node.ctime) <= 0
    || now.sec - node.atime.sec >= 24 * 60 * 60;
  if (due && compareTime(node.atime, now) !== 0) node.atime = now;
}

/** A modification: mtime and ctime become now (file_update_time, and a directory's on change). */
export function touchModified(node: Node, now: Timespec): void {
  node.mtime = now;
  node.ctime = now;
}
