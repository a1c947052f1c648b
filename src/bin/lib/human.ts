/**
 * gnulib's human_readable as `ls -h` and `du -h` call it: powers of 1024 with the suffixes
 * K M G T P E Z Y, rounding up (human_ceiling), one decimal below 10 (`1.5K`, `9.0M`, `10K`).
 */
const SUFFIXES = 'KMGTPEZY';

/** `amount` (a whole number of bytes) as -h shows it. */
export function humanCeiling(amount: number): string {
  if (amount < 1024) return String(amount);
  let exponent = 0;
  let scale = 1;
  while (amount / scale >= 1024 && exponent < SUFFIXES.length) {
    scale *= 1024;
    exponent++;
  }
  // Powers of two: the divisions below are exact in floating point for the sizes that occur.
  let whole = Math.floor(amount / scale);
  if (whole < 10) {
    const tenths = Math.ceil((amount * 10) / scale);
    if (tenths < 100) return `${Math.floor(tenths / 10)}.${tenths % 10}${SUFFIXES[exponent - 1]}`;
    return `10${SUFFIXES[exponent - 1]}`;
  }
  whole = Math.ceil(amount / scale);
  if (whole === 1024 && exponent < SUFFIXES.length) return `1.0${SUFFIXES[exponent]}`;
  return `${whole}${SUFFIXES[exponent - 1]}`;
}
