/**
 * printf-style directives as stat(1) and find's -printf read them: `%[-#+ 0']*[width][.prec]X`,
 * with the C printf rules for padding numbers and strings, and the backslash escapes of
 * --printf (`\n \t \\ \101 \x41 …`).
 */

export interface Directive {
  readonly flags: string;
  readonly width?: number;
  readonly prec?: number;
}

/** Pad a string as `%{flags}{width}.{prec}s` does (the precision truncates). */
export function padString(s: string, d: Directive): string {
  const v = d.prec !== undefined ? s.slice(0, d.prec) : s;
  const w = d.width ?? 0;
  if (v.length >= w) return v;
  return d.flags.includes('-') ? v + ' '.repeat(w - v.length) : ' '.repeat(w - v.length) + v;
}

/**
 * A non-negative or negative integer as `%{flags}{width}.{prec}` of a d/o/x conversion:
 * `radix` 8 with `#` gets a leading 0, 16 with `#` a leading 0x; `+` and space apply to decimals.
 */
export function padNumber(n: bigint | number, radix: 8 | 10 | 16, d: Directive): string {
  const big = BigInt(n);
  const neg = big < 0n;
  let digits = (neg ? -big : big).toString(radix);
  if (d.prec !== undefined) digits = d.prec === 0 && big === 0n ? '' : digits.padStart(d.prec, '0');
  let prefix = neg ? '-' : radix === 10 && d.flags.includes('+') ? '+' : radix === 10 && d.flags.includes(' ') ? ' ' : '';
  if (d.flags.includes('#')) {
    if (radix === 8 && !digits.startsWith('0')) digits = `0${digits}`;
    if (radix === 16 && big !== 0n) prefix += '0x';
  }
  const w = d.width ?? 0;
  const len = prefix.length + digits.length;
  if (len >= w) return prefix + digits;
  if (d.flags.includes('-')) return prefix + digits + ' '.repeat(w - len);
  if (d.flags.includes('0') && d.prec === undefined) return prefix + '0'.repeat(w - len) + digits;
  return ' '.repeat(w - len) + prefix + digits;
}

/** Seconds and nanoseconds as stat's %.NX: the precision picks the fraction digits (default none). */
export function padSeconds(sec: number, nsec: number, d: Directive): string {
  if (d.prec === undefined || d.prec === 0) return padNumber(sec, 10, { flags: d.flags, ...(d.width !== undefined ? { width: d.width } : {}) });
  const frac = String(nsec).padStart(9, '0').padEnd(d.prec, '0').slice(0, d.prec);
  const whole = padNumber(sec, 10, { flags: d.flags.replace(/0/g, '') });
  const s = `${whole}.${frac}`;
  const w = d.width ?? 0;
  if (s.length >= w) return s;
  if (d.flags.includes('-')) return s + ' '.repeat(w - s.length);
  if (d.flags.includes('0')) return (s.startsWith('-') ? '-' : '') + '0'.repeat(w - s.length) + s.replace(/^-/, '');
  return ' '.repeat(w - s.length) + s;
}

const ESCAPES: ReadonlyMap<string, string> = new Map(Object.entries({ a: '\x07', b: '\b', e: '\x1b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\', '"': '"', "'": "'", '?': '?' }));

/**
 * The backslash escapes of --printf, as coreutils' stat handles them; `warn` hears about an
 * unknown one, which stands for its character (`\q` is `q`).
 */
export function unescape(s: string, warn: (message: string) => void): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c !== '\\' || i + 1 >= s.length) {
      out += c;
      continue;
    }
    const n = s[++i]!;
    const oct = /^[0-7]{1,3}/.exec(s.slice(i));
    const hex = n === 'x' ? /^[0-9a-fA-F]{1,2}/.exec(s.slice(i + 1)) : null;
    if (oct) {
      out += String.fromCharCode(parseInt(oct[0], 8) & 0xff);
      i += oct[0].length - 1;
    } else if (hex) {
      out += String.fromCharCode(parseInt(hex[0], 16));
      i += hex[0].length;
    } else if (ESCAPES.has(n)) {
      out += ESCAPES.get(n);
    } else {
      warn(`warning: unrecognized escape '\\${n}'`);
      out += n;
    }
  }
  return out;
}

/** Split a format into literal text and directives; `%` at the end stands for itself. */
export function* directives(fmt: string): Generator<{ text: string } | { d: Directive; conv: string; raw: string }> {
  let lit = '';
  for (let i = 0; i < fmt.length; i++) {
    if (fmt[i] !== '%') {
      lit += fmt[i];
      continue;
    }
    const m = /^%([-#+ 0']*)(\d*)(?:\.(\d*))?([HL][dr]|.?)/.exec(fmt.slice(i))!;
    const conv = m[4]!;
    if (conv === '') {
      lit += m[0];
      i += m[0].length - 1;
      continue;
    }
    if (lit) yield { text: lit };
    lit = '';
    const d: Directive = {
      flags: m[1]!,
      ...(m[2] ? { width: Number(m[2]) } : {}),
      ...(m[3] !== undefined ? { prec: Number(m[3] || '0') } : {}),
    };
    yield { d, conv, raw: m[0] };
    i += m[0].length - 1;
  }
  if (lit) yield { text: lit };
}
