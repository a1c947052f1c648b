/**
 * sleep — pause for the sum of the intervals given, as coreutils sleep: each is a number as
 * strtod(3) reads it in the C locale (`1.5`, `.5`, `1e3`, `0x1p-3`, `inf`), then an optional
 * suffix: s seconds (the default), m minutes, h hours, d days. Sleeps on the kernel's clock, so
 * in deterministic mode the time passes without waiting.
 */
import { time } from 'posixbox/os';
import { program, quote, UsageError } from './lib.js';

const UNIT: Record<string, number> = { '': 1, s: 1, m: 60, h: 3600, d: 86400 };
const STRTOD = /^[ \t\n\v\f\r]*([+-]?)(?:0x([0-9a-f]+\.?[0-9a-f]*|\.[0-9a-f]+)(?:p([+-]?\d+))?|(\d+\.?\d*(?:e[+-]?\d+)?|\.\d+(?:e[+-]?\d+)?)|inf(?:inity)?)/i;

/** Seconds in one operand, or undefined if it is not an interval. */
function interval(arg: string): number | undefined {
  const m = STRTOD.exec(arg);
  if (!m) return undefined;
  const unit = UNIT[arg.slice(m[0].length)];
  if (unit === undefined) return undefined;
  let v: number;
  if (m[4] !== undefined) {
    v = Number(m[4]);
  } else if (m[2] !== undefined) {
    const [int = '', frac = ''] = m[2].split('.');
    v = (parseInt(int || '0', 16) + (frac ? parseInt(frac, 16) / 16 ** frac.length : 0)) * 2 ** Number(m[3] ?? 0);
  } else {
    v = Infinity;
  }
  if (m[1] === '-' && v !== 0) return undefined;
  return v * unit;
}

export const main = program('sleep', {
  usage: 'NUMBER[SUFFIX]...',
  about: "Pause for NUMBER seconds, where NUMBER is an integer or floating-point number. SUFFIX may be 's', 'm', 'h' or 'd'.",
}, (t, a) => {
  if (a.operands.length === 0) throw new UsageError('missing operand');
  let total = 0;
  let ok = true;
  for (const arg of a.operands) {
    const s = interval(arg);
    if (s === undefined) {
      t.warn(`invalid time interval ${quote(arg)}`);
      ok = false;
    } else {
      total += s;
    }
  }
  if (!ok) throw new UsageError('');
  // In chunks the kernel's nanosleep takes; `inf` sleeps until a signal ends the process.
  for (let left = total; left > 0; left -= 1e9) time.sleep(Math.min(left, 1e9));
  return 0;
});
