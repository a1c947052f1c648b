import { errnoName, strerror } from './abi/errno.js';

/**
 * The one exception kernel code throws for an expected failure: an errno, as Linux returns it.
 * Anything else thrown inside the kernel is a kernel bug.
 */
export class SysError extends Error {
  readonly errno: number;
  constructor(errno: number, detail?: string) {
    super(`${errnoName(errno)}: ${strerror(errno)}${detail ? ` (${detail})` : ''}`);
    this.name = 'SysError';
    this.errno = errno;
  }
}

export function isSysError(e: unknown): e is SysError {
  return e instanceof SysError;
}
