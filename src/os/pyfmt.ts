/**
 * Python 2 formatting of values, as the lessons print them (LESSONS.md §1.3):
 * str(), repr(), tuples and oct().
 *
 * JavaScript values map to Python 2 ones like this:
 * - null and undefined are None; true/false are True/False;
 * - a number that is an integer is an int (decimal); any other number is a float;
 *   a bigint is an int (a long's `L` suffix is not reproduced);
 * - a string is a Python 2 `str`, i.e. its UTF-8 bytes; a Uint8Array is also a `str`;
 * - an array is a list, and an array made by `tuple(...)` is a tuple;
 * - a Map or a plain object is a dict (in insertion order);
 * - an Error's str is String(err) (the os API makes that Python 2's OSError text);
 * - an object may define `__str__()` / `__repr__()` to say how it prints.
 */

/** Marks an array as a tuple. A registered symbol, so separately bundled copies agree. */
const TUPLE = Symbol.for('posixbox.pyfmt.tuple');

export type PyTuple<T extends unknown[] = unknown[]> = Readonly<T> & { readonly [TUPLE]: true };

/** A Python tuple: a frozen array that repr shows as `(a, b)` or `(a,)`. */
export function tuple<T extends unknown[]>(...items: T): PyTuple<T> {
  const arr = [...items];
  Object.defineProperty(arr, TUPLE, { value: true, enumerable: false });
  return Object.freeze(arr) as unknown as PyTuple<T>;
}

export function isTuple(x: unknown): boolean {
  return Array.isArray(x) && (x as unknown as Record<symbol, unknown>)[TUPLE] === true;
}

/** Python 2's oct(): `0` followed by the octal digits; plain `0` for zero; `-010` for −8. */
export function oct(n: number | bigint): string {
  if (typeof n === 'number' && !Number.isInteger(n)) {
    throw new TypeError(`oct() argument can't be converted to oct: ${n}`);
  }
  const big = BigInt(n);
  if (big === 0n) return '0';
  return big < 0n ? `-0${(-big).toString(8)}` : `0${big.toString(8)}`;
}

// ---------------------------------------------------------------------------------------------
// Floats.

/** The exact decimal expansion of a finite, non-zero |x|: digits × 10^(exp − digits.length + 1). */
function exactDecimal(x: number): { digits: string; exp: number } {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, Math.abs(x));
  const bits = view.getBigUint64(0);
  const biased = Number((bits >> 52n) & 0x7ffn);
  const frac = bits & ((1n << 52n) - 1n);
  const mant = biased === 0 ? frac : frac | (1n << 52n);
  const e2 = (biased === 0 ? 1 : biased) - 1075; // |x| = mant × 2^e2
  let digits: string;
  let pointAfter: number; // digits before the decimal point
  if (e2 >= 0) {
    digits = (mant << BigInt(e2)).toString();
    pointAfter = digits.length;
  } else {
    digits = (mant * 5n ** BigInt(-e2)).toString(); // mant / 2^k = mant × 5^k / 10^k
    pointAfter = digits.length + e2;
  }
  const lead = digits.length - digits.replace(/^0+/, '').length;
  digits = digits.slice(lead).replace(/0+$/, '');
  return { digits, exp: pointAfter - lead - 1 };
}

/**
 * Digits and decimal exponent of a finite, non-zero number: the shortest round-trip digits
 * when precision is undefined (as repr), else correctly rounded to `precision` significant
 * digits with ties to even (as C's printf and Python's '%.12g'; JS's toPrecision rounds ties up).
 */
function decompose(x: number, precision: number | undefined): { digits: string; exp: number } {
  if (precision === undefined) {
    const [mant, ex] = Math.abs(x).toExponential().split('e') as [string, string];
    return { digits: mant.replace('.', '').replace(/0+$/, '') || '0', exp: Number(ex) };
  }
  const { digits, exp } = exactDecimal(x);
  if (digits.length <= precision) return { digits, exp };
  let head = BigInt(digits.slice(0, precision));
  const next = digits.charCodeAt(precision) - 48;
  const restNonZero = /[1-9]/.test(digits.slice(precision + 1));
  if (next > 5 || (next === 5 && (restNonZero || head % 2n === 1n))) head += 1n;
  let out = head.toString();
  let e = exp;
  if (out.length > precision) {
    out = out.slice(0, precision); // 999… rounded up to 1000…
    e += 1;
  }
  return { digits: out.replace(/0+$/, '') || '0', exp: e };
}

/**
 * Lay out digits d1d2d3… × 10^exp the way Python's float formatting does: positional when
 * −4 ≤ exp < `sciAt`, otherwise `d.ddde±XX`; a positional result always has a `.`
 * (Py_DTSF_ADD_DOT_0).
 */
function layOut(neg: boolean, digits: string, exp: number, sciAt: number): string {
  const sign = neg ? '-' : '';
  if (exp < -4 || exp >= sciAt) {
    const mant = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    const es = exp < 0 ? '-' : '+';
    return `${sign}${mant}e${es}${String(Math.abs(exp)).padStart(2, '0')}`;
  }
  if (exp < 0) return `${sign}0.${'0'.repeat(-exp - 1)}${digits}`;
  if (digits.length <= exp + 1) return `${sign}${digits}${'0'.repeat(exp + 1 - digits.length)}.0`;
  return `${sign}${digits.slice(0, exp + 1)}.${digits.slice(exp + 1)}`;
}

function floatSpecial(x: number): string | undefined {
  if (Number.isNaN(x)) return 'nan';
  if (x === Infinity) return 'inf';
  if (x === -Infinity) return '-inf';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  return undefined;
}

/** Python 2.7's repr(float): the shortest string that round-trips (`0.1`, `1e+16`, `1e-05`). */
export function floatRepr(x: number): string {
  const special = floatSpecial(x);
  if (special !== undefined) return special;
  const { digits, exp } = decompose(x, undefined);
  return layOut(x < 0, digits, exp, 16);
}

/** Python 2.7's str(float): 12 significant digits (`'%.12g'` plus `.0`): `0.333333333333`. */
export function floatStr(x: number): string {
  const special = floatSpecial(x);
  if (special !== undefined) return special;
  const { digits, exp } = decompose(x, 12);
  // With Py_DTSF_ADD_DOT_0, Python switches to exponent form one digit earlier (exp ≥ 11), so
  // that the added ".0" never shows more than 12 digits: str(1e11) is '1e+11'.
  return layOut(x < 0, digits, exp, 11);
}

// ---------------------------------------------------------------------------------------------
// Strings.

/** A Python 2 str's bytes: a string's UTF-8 encoding, or the bytes themselves. */
function bytesOf(s: string | Uint8Array): Uint8Array {
  return typeof s === 'string' ? new TextEncoder().encode(s) : s;
}

/** Python 2's repr(str): quote choice and escapes of string_repr in stringobject.c. */
export function strRepr(s: string | Uint8Array): string {
  const bytes = bytesOf(s);
  const hasSingle = bytes.includes(0x27);
  const hasDouble = bytes.includes(0x22);
  const quote = hasSingle && !hasDouble ? '"' : "'";
  let out = quote;
  for (const b of bytes) {
    const ch = String.fromCharCode(b);
    if (ch === quote || ch === '\\') out += '\\' + ch;
    else if (ch === '\t') out += '\\t';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (b < 0x20 || b >= 0x7f) out += '\\x' + b.toString(16).padStart(2, '0');
    else out += ch;
  }
  return out + quote;
}

// ---------------------------------------------------------------------------------------------
// str and repr.

function hasMethod(x: object, name: string): boolean {
  return typeof (x as Record<string, unknown>)[name] === 'function';
}

function callMethod(x: object, name: string): string {
  return String((x as Record<string, () => unknown>)[name]!());
}

/** Python 2's str(x), as `print x` writes it. */
export function pyStr(x: unknown): string {
  if (typeof x === 'string') return x;
  if (x instanceof Uint8Array) return new TextDecoder().decode(x);
  if (typeof x === 'number') return Number.isInteger(x) ? intStr(x) : floatStr(x);
  if (x instanceof Error && !hasMethod(x, '__str__')) return String(x);
  if (x !== null && typeof x === 'object' && hasMethod(x, '__str__')) return callMethod(x, '__str__');
  return pyRepr(x);
}

function intStr(x: number): string {
  // Integers beyond 2^53 print every digit, as Python's exact ints do.
  return Number.isSafeInteger(x) ? String(x) : BigInt(x).toString();
}

/** Python 2's repr(x). */
export function pyRepr(x: unknown): string {
  return reprOf(x, new Set());
}

function reprOf(x: unknown, seen: Set<object>): string {
  if (x === null || x === undefined) return 'None';
  switch (typeof x) {
    case 'boolean':
      return x ? 'True' : 'False';
    case 'number':
      return Number.isInteger(x) ? intStr(x) : floatRepr(x);
    case 'bigint':
      return x.toString();
    case 'string':
      return strRepr(x);
    case 'symbol':
      return String(x);
    case 'function':
      return `<function ${x.name || '<lambda>'}>`;
    default:
      break;
  }
  const obj = x as object;
  if (obj instanceof Uint8Array) return strRepr(obj);
  if (hasMethod(obj, '__repr__')) return callMethod(obj, '__repr__');
  if (seen.has(obj)) {
    // Python's recursive-container markers.
    if (isTuple(obj)) return '(...)';
    return Array.isArray(obj) ? '[...]' : '{...}';
  }
  seen.add(obj);
  try {
    if (Array.isArray(obj)) {
      const items = obj.map((v) => reprOf(v, seen));
      if (isTuple(obj)) return items.length === 1 ? `(${items[0]},)` : `(${items.join(', ')})`;
      return `[${items.join(', ')}]`;
    }
    if (obj instanceof Map) {
      return `{${[...obj].map(([k, v]) => `${reprOf(k, seen)}: ${reprOf(v, seen)}`).join(', ')}}`;
    }
    if (obj instanceof Set) return `set([${[...obj].map((v) => reprOf(v, seen)).join(', ')}])`;
    if (obj instanceof Error) return `${obj.name}(${strRepr(obj.message)},)`;
    return `{${Object.entries(obj)
      .map(([k, v]) => `${strRepr(k)}: ${reprOf(v, seen)}`)
      .join(', ')}}`;
  } finally {
    seen.delete(obj);
  }
}
