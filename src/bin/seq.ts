/**
 * seq — print a sequence of numbers, as GNU coreutils 9.1 seq: `seq LAST`, `seq FIRST LAST`,
 * `seq FIRST INCR LAST` (decimal or exponent notation; negative numbers are operands, not
 * options), -s SEP between numbers (a newline after the last), -w equal width with leading
 * zeros, -f FORMAT with one %f %e %g (or capitals) directive. Integers are exact at any size;
 * other numbers print with as many decimals as FIRST or INCR has. The i-th number is
 * FIRST + i*INCR (no drift). Not done: `inf` and `nan` operands, hexadecimal floats.
 */
import { Fatal, program, quote, UsageError } from './lib.js';
import { formatFloat, parseFloatFormat } from './lib/cfloat.js';

const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

/** Digits after the point, less the exponent (coreutils' precision of an operand). */
function precision(s: string): number {
  const m = NUMBER.exec(s.trim())!;
  const frac = m[1]!.includes('.') ? m[1]!.length - m[1]!.indexOf('.') - 1 : 0;
  const e = m[2] ? Number(m[2].slice(1)) : 0;
  return Math.max(0, frac - e);
}

const isInteger = (s: string): boolean => /^[-+]?\d+$/.test(s.trim());

const run = program('seq', {
  usage: '[OPTION]... LAST\n  or:  seq [OPTION]... FIRST LAST\n  or:  seq [OPTION]... FIRST INCREMENT LAST',
  about: 'Print numbers from FIRST to LAST, in steps of INCREMENT.',
  short: '+f:s:w',
  long: { 'format=': 'f', 'separator=': 's', 'equal-width': 'w' },
}, (t, a) => {
  const ops = a.operands;
  if (ops.length === 0) throw new UsageError('missing operand');
  if (ops.length > 3) throw new UsageError(`extra operand ${quote(ops[3]!)}`);
  for (const o of ops) if (!NUMBER.test(o.trim())) throw new UsageError(`invalid floating point argument: ${quote(o)}`);
  const [first, incr, last] = ops.length === 1 ? ['1', '1', ops[0]!] : ops.length === 2 ? [ops[0]!, '1', ops[1]!] : [ops[0]!, ops[1]!, ops[2]!];
  if (Number(incr) === 0) throw new UsageError(`invalid Zero increment value: ${quote(incr)}`);
  const fmtText = a.last('f');
  const equal = a.has('w');
  if (fmtText !== undefined && equal) throw new UsageError('format string may not be specified when printing equal width strings');
  const sep = a.last('s') ?? '\n';
  const parsed = fmtText === undefined ? undefined : parseFloatFormat(fmtText);
  if (parsed && !parsed.ok) throw new Fatal(parsed.error);
  let any = false;
  const emit = (s: string): void => {
    t.stdout.write(any ? sep + s : s);
    any = true;
  };
  if (parsed?.ok) {
    const d = parsed.dir;
    const f = Number(first), step = Number(incr), l = Number(last);
    for (let i = 0, prev = NaN; ; i++) {
      const v = f + i * step;
      const text = parsed.before + formatFloat(v, d) + parsed.after;
      // Past LAST by rounding only (0.1 + 2*0.1): printed if it reads as LAST does, as coreutils.
      if ((step > 0 ? v > l : v < l) && !(near(v, l, step) && text === parsed.before + formatFloat(l, d) + parsed.after)) break;
      if (v === prev) break; // the step is below the precision
      prev = v;
      emit(text);
      if (step > 0 ? v >= l : v <= l) break;
    }
  } else if (isInteger(first) && isInteger(incr) && isInteger(last)) {
    const f = BigInt(first.trim()), step = BigInt(incr.trim()), l = BigInt(last.trim());
    const width = equal ? Math.max(String(f).length, String(l).length) : 0;
    for (let v = f; step > 0n ? v <= l : v >= l; v += step) emit(pad(String(v), width));
  } else {
    const prec = Math.max(precision(first), precision(incr));
    const f = Number(first), step = Number(incr), l = Number(last);
    const width = equal ? Math.max(f.toFixed(prec).length, l.toFixed(prec).length) : 0;
    for (let i = 0, prev = NaN; ; i++) {
      const v = f + i * step;
      const text = v.toFixed(prec);
      if ((step > 0 ? v > l : v < l) && !(near(v, l, step) && text === l.toFixed(prec))) break;
      if (v === prev) break;
      prev = v;
      emit(pad(text, width));
      if (step > 0 ? v >= l : v <= l) break;
    }
  }
  if (any) t.stdout.write('\n');
  return 0;
});

/** Whether v passed LAST by a rounding error, not by a step. */
function near(v: number, last: number, step: number): boolean {
  return Math.abs(v - last) < Math.abs(step) * 1e-9;
}

/** Zero-pad after the sign to `width`. */
function pad(s: string, width: number): string {
  if (s.length >= width) return s;
  return s.startsWith('-') ? `-${s.slice(1).padStart(width - 1, '0')}` : s.padStart(width, '0');
}

/**
 * Negative numbers are operands: when the first operand is one, options end before it (as
 * coreutils seq sees `seq -1 1`).
 */
export const main = (argv: string[]): number => {
  let i = 1;
  while (i < argv.length && argv[i]!.startsWith('-') && !/^-\.?\d/.test(argv[i]!) && argv[i] !== '--') {
    i += /^-[fs]$|^-w*[fs]$/.test(argv[i]!) ? 2 : 1; // an option that takes the next word
  }
  return run(i < argv.length && /^-\.?\d/.test(argv[i]!) ? [...argv.slice(0, i), '--', ...argv.slice(i)] : argv);
};
