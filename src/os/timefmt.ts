/**
 * Time formatting in the C/POSIX locale: ctime(3), asctime(3) and strftime(3) with the GNU
 * extensions a `date +FORMAT` user expects (glibc strftime plus coreutils' %N and %:z).
 *
 * Pure functions over a TmStruct (src/os/tz.ts); the time zone comes in as a TZ string.
 */

import { gmtime, localtime, mktime, timegm, type TmFields, type TmStruct } from './tz.js';

export { gmtime, localtime, mktime };
export type { TmFields, TmStruct };

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];

const dayName = (tm: TmStruct): string => DAYS[tm.tm_wday] as string;
const monthName = (tm: TmStruct): string => MONTHS[tm.mon - 1] as string;

/**
 * asctime(3) without the trailing newline, as Python's time.asctime:
 * `%a %b %e %H:%M:%S %Y`, e.g. `Sun Nov 14 09:40:36 2010`, `Sat Dec  4 14:47:07 2010`.
 */
export function asctime(tm: TmStruct): string {
  return strftime('%a %b %e %H:%M:%S %Y', tm);
}

/** ctime(3) without the trailing newline, as Python's time.ctime: asctime(localtime(t)). */
export function ctime(t: number, tz: string | undefined): string {
  return asctime(localtime(t, tz));
}

/** Seconds since the Epoch of a broken-down time, using its own gmtoff (for %s). */
function epochOf(tm: TmStruct): number {
  return timegm(tm) - tm.gmtoff;
}

/** ISO 8601 week-based year and week number (%G, %V). */
function isoWeek(tm: TmStruct): { year: number; week: number } {
  // The week containing the year's first Thursday is week 1; weeks start on Monday.
  const wdayMon0 = tm.wday; // Monday = 0
  const thursdayYday = tm.tm_yday - wdayMon0 + 3; // yday of this week's Thursday
  let year = tm.year;
  let yday = thursdayYday;
  if (yday < 0) {
    year -= 1;
    yday += isLeapYear(year) ? 366 : 365;
  } else if (yday >= (isLeapYear(year) ? 366 : 365)) {
    yday -= isLeapYear(year) ? 366 : 365;
    year += 1;
  }
  return { year, week: Math.floor(yday / 7) + 1 };
}

function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

function floorDiv(a: number, b: number): number {
  return Math.floor(a / b);
}

/** A conversion's flags and width, as glibc reads them: `%[-_0^#][width]X`. */
interface Spec {
  pad: '' | '-' | '_' | '0';
  upper: boolean;
  swapCase: boolean;
  width: number | undefined;
  colons: number;
}

/** A number with glibc's padding: `digits` is the natural width, `defPad` the default pad. */
function num(n: number, digits: number, defPad: '0' | '_', spec: Spec): string {
  const neg = n < 0;
  const body = String(Math.abs(n));
  const pad = spec.pad === '' ? defPad : spec.pad;
  if (pad === '-') return (neg ? '-' : '') + body;
  const width = spec.width ?? digits;
  const len = body.length + (neg ? 1 : 0);
  if (len >= width) return (neg ? '-' : '') + body;
  if (pad === '0') return (neg ? '-' : '') + '0'.repeat(width - len) + body;
  return ' '.repeat(width - len) + (neg ? '-' : '') + body;
}

/** Text with optional case flags and padding to the width (spaces unless the 0 flag). */
function text(s: string, spec: Spec, swapToLower = false): string {
  let out = s;
  if (spec.upper) out = out.toUpperCase();
  else if (spec.swapCase) out = swapToLower ? out.toLowerCase() : out.toUpperCase();
  if (spec.pad === '-' || spec.width === undefined || out.length >= spec.width) return out;
  return (spec.pad === '0' ? '0' : ' ').repeat(spec.width - out.length) + out;
}

/** A composite conversion (%T, %D …): formatted, then padded as a whole to the width. */
function composite(fmt: string, tm: TmStruct, spec: Spec): string {
  return text(strftime(fmt, tm), { ...spec, upper: spec.upper, swapCase: false });
}

/**
 * %z, %:z, %::z, %:::z. As in coreutils, the offset is a number (hhmm, or hh:mm[:ss] with the
 * colons kept): `-` drops its leading zeros (`-500`), `_` pads with spaces before the sign
 * (` -500`), and the default or `0` pads with zeros after the sign (`%8z` is `-0000500`).
 */
function zoneOffset(tm: TmStruct, spec: Spec): string {
  const off = Math.abs(tm.gmtoff);
  const sign = tm.gmtoff < 0 ? '-' : '+';
  const hh = Math.floor(off / 3600);
  const mm = String(Math.floor((off % 3600) / 60)).padStart(2, '0');
  const ss = String(off % 60).padStart(2, '0');
  let body: string; // without leading zeros
  let natural: number; // width with zero padding, sign included
  switch (spec.colons) {
    case 0: body = String(hh * 100 + Number(mm)); natural = 5; break;
    case 1: body = `${hh}:${mm}`; natural = 6; break;
    case 2: body = `${hh}:${mm}:${ss}`; natural = 9; break;
    default:
      body = off % 60 ? `${hh}:${mm}:${ss}` : off % 3600 ? `${hh}:${mm}` : String(hh);
      natural = body.length - String(hh).length + 3;
      break;
  }
  const width = spec.width ?? natural;
  const fill = Math.max(0, width - 1 - body.length);
  if (spec.pad === '-') return sign + body;
  if (spec.pad === '_') return ' '.repeat(fill) + sign + body;
  return sign + '0'.repeat(fill) + body;
}

/** One conversion character, or undefined if it is not one (then it is copied literally). */
function convert(c: string, tm: TmStruct, spec: Spec): string | undefined {
  const hour12 = tm.hour % 12 === 0 ? 12 : tm.hour % 12;
  switch (c) {
    case 'a': return text(dayName(tm).slice(0, 3), spec);
    case 'A': return text(dayName(tm), spec);
    case 'b':
    case 'h': return text(monthName(tm).slice(0, 3), spec);
    case 'B': return text(monthName(tm), spec);
    case 'c': return composite('%a %b %e %H:%M:%S %Y', tm, spec);
    case 'C': return num(floorDiv(tm.year, 100), 2, '0', spec);
    case 'd': return num(tm.mday, 2, '0', spec);
    case 'D': return composite('%m/%d/%y', tm, spec);
    case 'e': return num(tm.mday, 2, '_', spec);
    case 'F': return composite('%Y-%m-%d', tm, spec);
    case 'g': return num(((isoWeek(tm).year % 100) + 100) % 100, 2, '0', spec);
    case 'G': return num(isoWeek(tm).year, 1, '0', spec);
    case 'H': return num(tm.hour, 2, '0', spec);
    case 'I': return num(hour12, 2, '0', spec);
    case 'j': return num(tm.tm_yday + 1, 3, '0', spec);
    case 'k': return num(tm.hour, 2, '_', spec);
    case 'l': return num(hour12, 2, '_', spec);
    case 'm': return num(tm.mon, 2, '0', spec);
    case 'M': return num(tm.min, 2, '0', spec);
    case 'n': return '\n';
    case 'N': {
      // coreutils date: nanoseconds; a width selects that many leading digits.
      const digits = String(tm.nsec).padStart(9, '0');
      const w = spec.width ?? 9;
      return w <= 9 ? digits.slice(0, w) : digits + '0'.repeat(w - 9);
    }
    case 'p': return text(tm.hour < 12 ? 'AM' : 'PM', spec, true);
    case 'q': return num(Math.floor((tm.mon - 1) / 3) + 1, 1, '0', spec);
    case 'P': return text(tm.hour < 12 ? 'am' : 'pm', spec);
    case 'r': return composite('%I:%M:%S %p', tm, spec);
    case 'R': return composite('%H:%M', tm, spec);
    case 's': return num(epochOf(tm), 1, '0', spec);
    case 'S': return num(tm.sec, 2, '0', spec);
    case 't': return '\t';
    case 'T': return composite('%H:%M:%S', tm, spec);
    case 'u': return num(tm.tm_wday === 0 ? 7 : tm.tm_wday, 1, '0', spec);
    case 'U': return num(floorDiv(tm.tm_yday - tm.tm_wday + 7, 7), 2, '0', spec);
    case 'V': return num(isoWeek(tm).week, 2, '0', spec);
    case 'w': return num(tm.tm_wday, 1, '0', spec);
    case 'W': return num(floorDiv(tm.tm_yday - tm.wday + 7, 7), 2, '0', spec);
    case 'x': return composite('%m/%d/%y', tm, spec);
    case 'X': return composite('%H:%M:%S', tm, spec);
    case 'y': return num(((tm.year % 100) + 100) % 100, 2, '0', spec);
    case 'Y': return num(tm.year, 1, '0', spec);
    case 'z': return zoneOffset(tm, spec);
    case 'Z': return text(tm.zone, spec, true);
    case '%': return text('%', spec);
    default: return undefined;
  }
}

/** The widest field and the longest result strftime builds (the os API's limit is far below). */
const MAX_WIDTH = 1 << 24;
const MAX_OUT = 1 << 26;

/**
 * strftime(3) in the C locale, with glibc's flags (`-` no padding, `_` spaces, `0` zeros,
 * `^` upper case, `#` swap case), a decimal field width, the E and O modifiers (ignored, as
 * in the C locale), and the coreutils `date` extensions `%N` and `%:z`/`%::z`/`%:::z`.
 * An unknown conversion is copied as written, as glibc does.
 */
export function strftime(fmt: string, tm: TmStruct): string {
  let out = '';
  let i = 0;
  while (i < fmt.length && out.length <= MAX_OUT) {
    const ch = fmt[i] as string;
    if (ch !== '%') {
      out += ch;
      i++;
      continue;
    }
    const start = i;
    i++;
    const spec: Spec = { pad: '', upper: false, swapCase: false, width: undefined, colons: 0 };
    for (;;) {
      const f = fmt[i];
      if (f === '-' || f === '_' || f === '0') spec.pad = f;
      else if (f === '^') spec.upper = true;
      else if (f === '#') spec.swapCase = true;
      else break;
      i++;
    }
    let w = '';
    while (i < fmt.length && /[0-9]/.test(fmt[i] as string)) w += fmt[i++];
    if (w !== '') spec.width = Math.min(Number(w), MAX_WIDTH); // bounded: a string has a length limit
    while (fmt[i] === 'E' || fmt[i] === 'O') i++;
    while (fmt[i] === ':' && spec.colons < 3) {
      spec.colons++;
      i++;
    }
    const c = fmt[i];
    if (c === undefined) {
      out += fmt.slice(start);
      break;
    }
    i++;
    const conv = spec.colons > 0 && c !== 'z' ? undefined : convert(c, tm, spec);
    out += conv ?? fmt.slice(start, i);
  }
  return out;
}
