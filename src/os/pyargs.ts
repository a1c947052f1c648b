/**
 * Number arguments of the os API, converted as CPython 3 converts them before any system call
 * (Objects/longobject.c, Python/pytime.c): the same TypeError, ValueError, OverflowError and
 * MemoryError, with the same messages.
 *
 * Rule followed: a JS value stands for the Python object it would be: a BigInt, a boolean or a
 * number with an integral value is an int (so 1e300 is the int 10**300, as JS cannot tell them
 * apart); any other number (a fraction, an infinity, NaN) is a float; null and undefined are
 * None. An int fits a C type or is OverflowError; a float where an int is wanted is TypeError.
 */
import { ValueError } from './errors.js';
import { OverflowError, pyTypeName } from './pyint.js';

export { OverflowError, pyTypeName };

export class MemoryError extends Error {
  constructor() {
    super('');
    this.name = 'MemoryError';
  }
}

/** operator.index(x): the exact int `x` stands for, or TypeError. */
export function pyIndex(x: unknown): bigint {
  if (typeof x === 'bigint') return x;
  if (typeof x === 'boolean') return x ? 1n : 0n;
  if (typeof x === 'number' && Number.isInteger(x)) return BigInt(x);
  throw new TypeError(`'${pyTypeName(x)}' object cannot be interpreted as an integer`);
}

const INT_MIN = -(2n ** 31n);
const INT_MAX = 2n ** 31n - 1n;
const LONG_MIN = -(2n ** 63n);
const LONG_MAX = 2n ** 63n - 1n;

function within(v: bigint, lo: bigint, hi: bigint, ctype: string): number {
  if (v < lo || v > hi) throw new OverflowError(`Python int too large to convert to C ${ctype}`);
  return Number(v);
}

/** An `int` argument (PyArg "i"). */
export function cInt(x: unknown): number {
  return within(pyIndex(x), INT_MIN, INT_MAX, 'int');
}

/** A `long` / `off_t` argument (PyArg "l"). Its value may exceed 2^53 and is then rounded to a Float64. */
export function cLong(x: unknown): number {
  return within(pyIndex(x), LONG_MIN, LONG_MAX, 'long');
}

/** A `Py_ssize_t` argument (PyArg "n"). */
export function cSsize(x: unknown): number {
  return within(pyIndex(x), LONG_MIN, LONG_MAX, 'ssize_t');
}

const NS_PER_S = 1_000_000_000n;
const TIME_MIN = LONG_MIN;
const TIME_MAX = LONG_MAX;

/**
 * A timeout in `unit` nanoseconds per unit (1e9 for seconds, 1e6 for milliseconds) as CPython's
 * _PyTime_FromSecondsObject / _PyTime_FromMillisecondsObject with _PyTime_ROUND_TIMEOUT
 * (towards +infinity): nanoseconds as a BigInt in the range of _PyTime_t (int64).
 * `typeError` is the caller's message for a value that is no number at all.
 */
export function pyTimeoutNs(x: unknown, unit: bigint, typeError?: string): bigint {
  if (typeof x === 'number' && !Number.isInteger(x)) {
    if (Number.isNaN(x)) throw new ValueError('Invalid value NaN (not a number)');
    const d = Math.ceil(x * Number(unit));
    if (!(d >= -(2 ** 63) && d < 2 ** 63)) throw new OverflowError('timestamp out of range for platform time_t');
    return BigInt(d);
  }
  if (typeError !== undefined && typeof x !== 'number' && typeof x !== 'bigint' && typeof x !== 'boolean') {
    throw new TypeError(typeError);
  }
  const ns = pyIndex(x) * unit;
  if (ns < TIME_MIN || ns > TIME_MAX) throw new OverflowError('timestamp too large to convert to C _PyTime_t');
  return ns;
}

/** Seconds and nanoseconds of a non-negative count of nanoseconds (a timespec for the kernel). */
export function timespecOf(ns: bigint): [number, number] {
  return [Number(ns / NS_PER_S), Number(ns % NS_PER_S)];
}

/** A buffer of n bytes, or MemoryError when the host cannot make one (as CPython's PyBytes_FromStringAndSize). */
export function allocate(n: number): Uint8Array {
  try {
    return new Uint8Array(n);
  } catch {
    throw new MemoryError();
  }
}

/** A bytes-like argument that is not text (os.write, pwrite): bytes, else CPython's TypeError. */
export function bytesLike(x: unknown): Uint8Array {
  if (x instanceof Uint8Array) return x;
  throw new TypeError(`a bytes-like object is required, not '${pyTypeName(x)}'`);
}

/** A path for the os.path helpers (makedirs, realpath): CPython's os.fspath TypeError otherwise. */
export function fsPath(x: unknown): string {
  if (typeof x === 'string') return x;
  throw new TypeError(`expected str, bytes or os.PathLike object, not ${pyTypeName(x)}`);
}

/** An iterable argument (a signal set), or CPython's "'int' object is not iterable". */
export function iterable<T>(x: unknown): Iterable<T> {
  if (x !== null && x !== undefined && typeof (x as { [Symbol.iterator]?: unknown })[Symbol.iterator] === 'function' && typeof x !== 'string') {
    return x as Iterable<T>;
  }
  throw new TypeError(`'${pyTypeName(x)}' object is not iterable`);
}

/** The largest |time_t| whose year still fits struct tm's int (glibc gmtime: EOVERFLOW beyond). */
const TM_MAX = 67768036191676799;
const TM_MIN = -67768040609740800;

/**
 * A timestamp for time.ctime, localtime, gmtime (CPython's _PyTime_ObjectToTime_t, then the C
 * library): None is now (undefined); NaN ValueError; out of time_t OverflowError; a year that
 * struct tm cannot hold is OSError EOVERFLOW (thrown by `overflow`).
 */
export function pyTimestamp(x: unknown, overflow: () => never): number | undefined {
  if (x === null || x === undefined) return undefined;
  let t: number;
  if (typeof x === 'number' && !Number.isInteger(x)) {
    if (Number.isNaN(x)) throw new ValueError('Invalid value NaN (not a number)');
    if (!(Math.abs(x) < 2 ** 63)) throw new OverflowError('timestamp out of range for platform time_t');
    t = Math.floor(x);
  } else {
    const v = pyIndex(x);
    if (v < -(2n ** 63n) || v >= 2n ** 63n) throw new OverflowError('timestamp out of range for platform time_t');
    t = Number(v);
  }
  if (t > TM_MAX || t < TM_MIN) overflow();
  return typeof x === 'number' ? x : t;
}

/** A descriptor as CPython's fildes converter takes it: an int, or an object with fileno(). */
export function fildes(x: unknown): number {
  const f = typeof x === 'object' && x !== null && typeof (x as { fileno?: unknown }).fileno === 'function'
    ? (x as { fileno(): unknown }).fileno() : x;
  return cInt(f);
}
