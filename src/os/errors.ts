/**
 * OSError as Python raises it: errno, code ('ENOENT'), strerror, filename(s), syscall, and
 * Python 2's str(): `[Errno 2] No such file or directory: 'nope'` when a filename is attached,
 * `[Errno 17] File exists` when the call attaches none (LESSONS.md §1.3).
 */
import { errnoName, strerror } from '../kernel/abi/errno.js';
import { Errno } from './channel.js';
import { pyRepr } from './pyfmt.js';

export class OSError extends Error {
  readonly errno: number;
  readonly code: string;
  readonly strerror: string;
  readonly filename: string | undefined;
  readonly filename2: string | undefined;
  readonly syscall: string;

  constructor(errno: number, syscall: string, filename?: string, filename2?: string) {
    const text = strerror(errno);
    const msg = filename === undefined ? `[Errno ${errno}] ${text}`
      : filename2 === undefined ? `[Errno ${errno}] ${text}: ${pyRepr(filename)}`
        : `[Errno ${errno}] ${text}: ${pyRepr(filename)} -> ${pyRepr(filename2)}`;
    super(msg);
    this.name = 'OSError';
    this.errno = errno;
    this.code = errnoName(errno);
    this.strerror = text;
    this.filename = filename;
    this.filename2 = filename2;
    this.syscall = syscall;
  }

  override toString(): string {
    return this.message;
  }
}

/** Run a system call; turn its Errno into OSError, naming `filename` if the call attaches one. */
export function wrap<T>(syscall: string, filename: string | undefined, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof Errno) throw new OSError(e.errno, syscall, filename);
    throw e;
  }
}

/** ValueError, for arguments Python rejects before any system call (an embedded NUL byte). */
export class ValueError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ValueError';
  }
}

/** Python's check on path arguments: text without NUL bytes. */
export function checkPath(path: unknown, fn: string): string {
  if (typeof path !== 'string') {
    const type = path === null || path === undefined ? 'NoneType' : typeof path === 'number' ? (Number.isInteger(path) ? 'int' : 'float')
      : Array.isArray(path) ? 'list' : typeof path === 'object' ? 'dict' : typeof path === 'bigint' ? 'int' : typeof path;
    throw new TypeError(`${fn}: path should be string, bytes or os.PathLike, not ${type}`); // CPython's path_converter
  }
  if (path.includes('\0')) throw new ValueError('embedded null byte');
  return path;
}
