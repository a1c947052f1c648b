/**
 * C printf's floating-point conversions (%f %e %g and their capitals) with flags (`-+ 0#`),
 * width and precision, for seq -f. One directive: `parseFloatFormat` splits a format into the
 * text before, the directive, and the text after (with `%%` as `%`), or says what is wrong in
 * coreutils' words.
 */

export interface FloatDirective {
  readonly flags: string;
  readonly width: number;
  readonly prec: number | undefined;
  readonly conv: string;
}

export type ParsedFormat =
  | { readonly ok: true; readonly before: string; readonly dir: FloatDirective; readonly after: string }
  | { readonly ok: false; readonly error: string };

/**
 * JS rounds an exact tie up (2.25 to 1 place is 2.3); C's printf rounds it to even (2.2). The
 * digits past `prec` are exact in a 100-digit expansion, so a tie shows as `5` then zeros.
 */
function halfEven(short: string, long: string, prec: number): string {
  const [lm, le] = long.split('e') as [string, string | undefined];
  const dot = lm.indexOf('.');
  const rest = lm.slice(dot + 1 + prec);
  if (!/^50*$/.test(rest)) return short;
  const kept = lm.slice(0, prec === 0 ? dot : dot + 1 + prec);
  const last = Number(kept.replace('.', '').slice(-1));
  if (last % 2 !== 0) return short;
  return le === undefined ? kept : `${kept}e${le}`;
}

const toFixed = (v: number, p: number): string => halfEven(v.toFixed(p), v.toFixed(100), p);
const toExponential = (v: number, p: number): string => halfEven(v.toExponential(p), v.toExponential(100), p);

/** `%e` body: mantissa with `prec` decimals and an exponent of at least two digits. */
function exp(v: number, prec: number, alt: boolean): string {
  const [m, e] = toExponential(v, prec).split('e') as [string, string];
  const sign = e.startsWith('-') ? '-' : '+';
  const digits = e.replace(/^[-+]/, '').padStart(2, '0');
  return `${alt && prec === 0 ? `${m}.` : m}e${sign}${digits}`;
}

/** Format |v| (v finite) by one conversion. */
function body(v: number, d: FloatDirective): string {
  const alt = d.flags.includes('#');
  const conv = d.conv.toLowerCase();
  let s: string;
  if (!Number.isFinite(v)) {
    s = Number.isNaN(v) ? 'nan' : 'inf';
  } else if (conv === 'f') {
    const p = d.prec ?? 6;
    s = toFixed(v, p);
    if (alt && p === 0) s += '.';
  } else if (conv === 'e') {
    s = exp(v, d.prec ?? 6, alt);
  } else {
    const p = d.prec === undefined ? 6 : d.prec === 0 ? 1 : d.prec;
    const x = v === 0 ? 0 : Number(toExponential(v, p - 1).split('e')[1]);
    s = p > x && x >= -4 ? toFixed(v, p - 1 - x) : exp(v, p - 1, alt);
    if (!alt) {
      // %g drops trailing zeros of the fraction, and then a bare point.
      const [mant, e] = s.split('e') as [string, string | undefined];
      const m = mant.includes('.') ? mant.replace(/0+$/, '').replace(/\.$/, '') : mant;
      s = e === undefined ? m : `${m}e${e}`;
    }
  }
  return d.conv === d.conv.toUpperCase() ? s.toUpperCase() : s;
}

/** One value by one directive, with sign, padding and justification. */
export function formatFloat(v: number, d: FloatDirective): string {
  const neg = v < 0 || Object.is(v, -0);
  const digits = body(Math.abs(v), d);
  const sign = neg ? '-' : d.flags.includes('+') ? '+' : d.flags.includes(' ') ? ' ' : '';
  const len = sign.length + digits.length;
  if (len >= d.width) return sign + digits;
  if (d.flags.includes('-')) return sign + digits + ' '.repeat(d.width - len);
  if (d.flags.includes('0') && Number.isFinite(v)) return sign + '0'.repeat(d.width - len) + digits;
  return ' '.repeat(d.width - len) + sign + digits;
}

/** Split a seq format; exactly one floating-point directive. */
export function parseFloatFormat(fmt: string): ParsedFormat {
  let before = '';
  let after = '';
  let dir: FloatDirective | undefined;
  for (let i = 0; i < fmt.length; i++) {
    const c = fmt[i]!;
    if (c !== '%') { if (dir) after += c; else before += c; continue; }
    if (fmt[i + 1] === '%') { if (dir) after += '%'; else before += '%'; i++; continue; }
    if (dir) return { ok: false, error: `format ${q(fmt)} has too many % directives` };
    const m = /^([-+ 0#']*)(\d*)(?:\.(\d*))?([a-zA-Z]?)/.exec(fmt.slice(i + 1))!;
    const conv = m[4]!;
    if (!/^[eEfFgGaA]$/.test(conv)) {
      if (conv === '') return { ok: false, error: `format ${q(fmt)} ends in %` };
      return { ok: false, error: `format ${q(fmt)} has unknown %${conv} directive` };
    }
    dir = { flags: m[1]!.replace(/'/g, ''), width: Number(m[2] || 0), prec: m[3] === undefined ? undefined : Number(m[3] || 0), conv: conv === 'a' ? 'e' : conv === 'A' ? 'E' : conv };
    i += m[0].length;
  }
  if (!dir) return { ok: false, error: `format ${q(fmt)} has no % directive` };
  return { ok: true, before, dir, after };
}

function q(s: string): string {
  return `'${s.replace(/'/g, "'\\''")}'`;
}
