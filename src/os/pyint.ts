/**
 * The last check on a number the os API hands to the kernel as an int (os/channel.ts): the int
 * a JS value stands for, or the TypeError / OverflowError CPython raises for the same argument.
 *
 * Rule followed (CPython's PyLong_AsLong via __index__): an integral number, a boolean or a
 * BigInt is an int; any other number is a float ("'float' object cannot be interpreted as an
 * integer"), anything else its own type name; an int outside a 64-bit register is OverflowError.
 * A leaf module: it imports nothing, so the channel can use it.
 */

export class OverflowError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OverflowError';
  }
}

/** The Python type name of the object `x` stands for. */
export function pyTypeName(x: unknown): string {
  if (x === null || x === undefined) return 'NoneType';
  if (typeof x === 'boolean') return 'bool';
  if (typeof x === 'bigint') return 'int';
  if (typeof x === 'number') return Number.isInteger(x) ? 'int' : 'float';
  if (typeof x === 'string') return 'str';
  if (x instanceof Uint8Array) return 'bytes';
  if (Array.isArray(x)) return 'list';
  if (typeof x === 'function') return 'function';
  return 'dict';
}

const WORD_MIN = -(2n ** 63n);
const WORD_END = 2n ** 64n;

/** An int argument as the word it is sent as. */
export function intWord(x: unknown): number {
  if (typeof x === 'number' && Number.isInteger(x)) return x;
  if (typeof x === 'boolean') return x ? 1 : 0;
  if (typeof x === 'bigint') {
    if (x < WORD_MIN || x >= WORD_END) throw new OverflowError('Python int too large to convert to C long');
    return Number(x);
  }
  throw new TypeError(`'${pyTypeName(x)}' object cannot be interpreted as an integer`);
}
