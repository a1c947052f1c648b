/**
 * RLIMIT_FSIZE (Linux's generic_write_check_limits / inode_newsize_ok): a write to a regular file
 * may not take it past the caller's soft limit. A write starting at or past the limit raises
 * SIGXFSZ and fails with EFBIG; one that crosses it is cut short at the limit. A truncate past it
 * is SIGXFSZ and EFBIG too.
 */
import { EFBIG } from '../abi/errno.js';
import { O_ACCMODE, O_APPEND, O_RDONLY } from '../abi/fcntl.js';
import { SIGXFSZ } from '../abi/signal.js';
import { S_ISREG } from '../abi/stat.js';
import { SysError } from '../errors.js';
import { sendSignal } from '../../proc/signal-deliver.js';
import type { OpenFile } from '../../fs/types.js';
import type { Kernel } from '../kernel.js';
import type { Process } from '../../proc/process.js';

export const RLIMIT_FSIZE = 1;

function limitOf(p: Process): number | undefined {
  const soft = p.limits.get(RLIMIT_FSIZE)?.[0];
  return soft === undefined || soft < 0 ? undefined : soft;
}

/** The bytes of `data` a write at `pos` (the offset, or the end with O_APPEND) may store. */
export function withinFileSize(k: Kernel, p: Process, file: OpenFile, data: Uint8Array, pos?: number): Uint8Array {
  const limit = limitOf(p);
  if (limit === undefined || !S_ISREG(file.node.mode) || data.length === 0) return data;
  if ((file.flags & O_ACCMODE) === O_RDONLY) return data; // EBADF comes first
  const at = pos ?? (file.flags & O_APPEND ? k.vfs.fstat(file).size : file.offset);
  if (at >= limit) {
    sendSignal(k, p, SIGXFSZ);
    throw new SysError(EFBIG);
  }
  return at + data.length > limit ? data.subarray(0, limit - at) : data;
}

/** A truncate to `length`. */
export function checkTruncate(k: Kernel, p: Process, length: number): void {
  const limit = limitOf(p);
  if (limit !== undefined && length > limit) {
    sendSignal(k, p, SIGXFSZ);
    throw new SysError(EFBIG);
  }
}
