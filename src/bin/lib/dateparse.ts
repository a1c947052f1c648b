/**
 * The date strings `date -d` accepts here (a subset of gnulib's parse_datetime):
 *   @SECONDS[.FRACTION]                         seconds since the Epoch
 *   YYYY-MM-DD, YYYY-MM-DD[T ]HH:MM[:SS[.frac]]  a calendar date and time of day
 *   HH:MM[:SS]                                  a time today
 *   a zone after a time: Z, UTC, GMT, +HH, +HHMM, +HH:MM (else the local zone, TZ)
 *   MON D[,] [YYYY], D MON [YYYY], MM/DD[/YYYY]      a date with the month's name or in US order
 *   H[:MM[:SS]]am, …pm                          a time on the 12-hour clock
 *   [this|next|last] WEEKDAY                    the day (at midnight), this week or the next/last
 *   now, today, yesterday, tomorrow, and relative items: [+-]N UNIT [ago], UNIT ago,
 *   next UNIT, last UNIT, this UNIT (UNIT: second, minute, hour, day, week, fortnight, month,
 *   year, in singular or plural)
 * A local time that does not exist (in a daylight-saving gap) is invalid, as in gnulib.
 * Returns seconds and nanoseconds since the Epoch, or undefined if the string is not understood.
 */
import { time } from 'posixbox/os';
// The calendar arithmetic the os API's time functions use (pure functions, bundled in).
import { civilFromDays, daysFromCivil } from '../../os/tz.js';

export interface Instant {
  readonly sec: number;
  readonly nsec: number;
}

const UNITS: Readonly<Record<string, number>> = {
  second: 1, sec: 1, minute: 60, min: 60, hour: 3600, day: 86400, week: 604800, fortnight: 1209600,
  month: -1, year: -12,
};


const validDay = (y: number, m: number, d: number): boolean => {
  if (m < 1 || m > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return d <= [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;
};

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const MONTH_RE = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const DAY_RE = '(sun(?:day)?|mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:rs(?:day)?)?|fri(?:day)?|sat(?:urday)?)\\.?,?';
const ORDINAL: Readonly<Record<string, number>> = { last: -1, this: 0, next: 1 };

interface Parts {
  date?: { y: number | undefined; m: number; d: number };
  clock?: { h: number; mi: number; s: number; ns: number };
  /** Seconds east of UTC, when the string names a zone. */
  offset?: number;
  /** Relative seconds and months. */
  secs: number;
  months: number;
  /** A day of the week (0 = Sunday) and which one: -1 last, 0 this, 1 next. */
  weekday?: { day: number; ordinal: number };
}

function fraction(f: string | undefined): number {
  return f ? Number(f.slice(0, 9).padEnd(9, '0')) : 0;
}

/** Parse `s` relative to `now`; undefined if it is not a date this parser knows. */
export function parseDate(s: string, now: Instant): Instant | undefined {
  const text = s.trim().toLowerCase();
  const epoch = /^@([-+]?\d+)(?:[.,](\d+))?$/.exec(text);
  if (epoch) {
    const sec = Number(epoch[1]);
    const ns = fraction(epoch[2]);
    return sec < 0 && ns > 0 ? { sec: sec - 1, nsec: 1e9 - ns } : { sec, nsec: ns };
  }
  const p: Parts = { secs: 0, months: 0 };
  let rest = text;
  const take = (re: RegExp): RegExpExecArray | null => {
    const m = re.exec(rest);
    if (m) rest = rest.slice(m[0].length).trimStart();
    return m;
  };
  for (let guard = 0; rest !== '' && guard < 64; guard++) {
    let m: RegExpExecArray | null;
    if (!p.date && (m = take(/^(\d{4})-(\d\d?)-(\d\d?)(?=$|[t\s])t?/))) {
      p.date = { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) };
    } else if (!p.clock && (m = take(/^(\d\d?):(\d\d)(?::(\d\d)(?:[.,](\d+))?)?(?=$|[\sz+-]|utc|gmt)/))) {
      p.clock = { h: Number(m[1]), mi: Number(m[2]), s: Number(m[3] ?? 0), ns: fraction(m[4]) };
      if (p.clock.h > 23 || p.clock.mi > 59 || p.clock.s > 59) return undefined;
      const z = take(/^(?:(z|utc|gmt)(?![a-z])|([+-])(\d\d)(?::?(\d\d))?(?!\d))/);
      if (z) p.offset = z[1] ? 0 : (z[2] === '-' ? -1 : 1) * (Number(z[3]) * 3600 + Number(z[4] ?? 0) * 60);
    } else if (!p.date && (m = take(new RegExp(`^${MONTH_RE}\\s*(\\d\\d?)(?:,?\\s*(\\d{4}))?(?![\\d:])`)))) {
      p.date = { y: m[3] ? Number(m[3]) : undefined, m: MONTHS.indexOf(m[1]!.slice(0, 3)) + 1, d: Number(m[2]) };
    } else if (!p.date && (m = take(new RegExp(`^(\\d\\d?)\\s*${MONTH_RE}(?:,?\\s*(\\d{4}))?(?![\\d:])`)))) {
      p.date = { y: m[3] ? Number(m[3]) : undefined, m: MONTHS.indexOf(m[2]!.slice(0, 3)) + 1, d: Number(m[1]) };
    } else if (!p.date && (m = take(/^(\d\d?)\/(\d\d?)(?:\/(\d{4}|\d\d))?(?![\d/])/))) {
      const y = m[3] === undefined ? undefined : m[3].length === 2 ? (Number(m[3]) < 69 ? 2000 : 1900) + Number(m[3]) : Number(m[3]);
      p.date = { y, m: Number(m[1]), d: Number(m[2]) };
    } else if (!p.clock && (m = take(/^(\d\d?)(?::(\d\d)(?::(\d\d))?)?\s*([ap])\.?m\.?(?![a-z])/))) {
      const h = Number(m[1]);
      if (h < 1 || h > 12) return undefined;
      p.clock = { h: (h % 12) + (m[4] === 'p' ? 12 : 0), mi: Number(m[2] ?? 0), s: Number(m[3] ?? 0), ns: 0 };
      if (p.clock.mi > 59 || p.clock.s > 59) return undefined;
    } else if (!p.weekday && (m = take(new RegExp(`^(?:(last|this|next)\\s+)?${DAY_RE}(?![a-z])`)))) {
      p.weekday = { day: WEEKDAYS.indexOf(m[2]!.slice(0, 3)), ordinal: ORDINAL[m[1] ?? 'this']! };
    } else if ((m = take(/^(last|this|next)\s+(second|sec|minute|min|hour|day|week|fortnight|month|year)s?(?![a-z])/))) {
      const n = ORDINAL[m[1]!]!;
      const unit = UNITS[m[2]!]!;
      if (unit < 0) p.months += n * (unit === -12 ? 12 : 1);
      else p.secs += n * unit;
    } else if ((m = take(/^(now|today)(?![a-z])/))) {
      /* the current time */
    } else if ((m = take(/^yesterday(?![a-z])/))) {
      p.secs -= 86400;
    } else if ((m = take(/^tomorrow(?![a-z])/))) {
      p.secs += 86400;
    } else if ((m = take(/^([-+]?\s*\d+)?\s*(second|sec|minute|min|hour|day|week|fortnight|month|year)s?(?![a-z])/))) {
      const n = m[1] === undefined ? 1 : Number(m[1].replace(/\s+/g, ''));
      const ago = take(/^ago(?![a-z])/) ? -1 : 1;
      const unit = UNITS[m[2]!]!;
      if (unit < 0) p.months += n * ago * (unit === -12 ? 12 : 1);
      else p.secs += n * ago * unit;
    } else {
      return undefined;
    }
  }
  return resolve(p, now);
}

function resolve(p: Parts, now: Instant): Instant | undefined {
  let sec: number;
  let nsec = now.nsec;
  const today = time.localtime(now.sec);
  const date = p.date ? { ...p.date, y: p.date.y ?? today.year } : { y: today.year, m: today.mon, d: today.mday };
  if (!validDay(date.y, date.m, date.d)) return undefined;
  const dated = p.date !== undefined || p.weekday !== undefined;
  const clock = p.clock ?? (dated ? { h: 0, mi: 0, s: 0, ns: 0 } : { h: today.hour, mi: today.min, s: today.sec, ns: now.nsec });
  if (dated || p.clock) nsec = clock.ns;
  if (p.weekday) {
    const w = (daysFromCivil(date.y, date.m, date.d) + 4) % 7; // 1970-01-01 was a Thursday
    const ahead = (p.weekday.day - ((w + 7) % 7) + 7) % 7;
    const delta = p.weekday.ordinal > 0 ? ahead || 7 : p.weekday.ordinal < 0 ? -(((((w + 7) % 7) - p.weekday.day + 7) % 7) || 7) : ahead;
    const moved = civil(daysFromCivil(date.y, date.m, date.d) + delta);
    date.y = moved.y;
    date.m = moved.m;
    date.d = moved.d;
  }
  let y = date.y;
  let mo = date.m + p.months;
  y += Math.floor((mo - 1) / 12);
  mo = ((((mo - 1) % 12) + 12) % 12) + 1;
  if (p.offset !== undefined) {
    sec = daysFromCivil(y, mo, date.d) * 86400 + clock.h * 3600 + clock.mi * 60 + clock.s - p.offset;
  } else if (!dated && !p.clock && p.months === 0) {
    sec = now.sec;
  } else {
    sec = time.mktime({ ...today, year: y, mon: mo, mday: date.d, hour: clock.h, min: clock.mi, sec: clock.s, isdst: -1 });
    const back = time.localtime(sec);
    if (back.hour !== clock.h || back.min !== clock.mi) return undefined; // a time the clock skips
  }
  return { sec: sec + p.secs, nsec };
}

/** The civil date of a day number (days since 1970-01-01). */
function civil(days: number): { y: number; m: number; d: number } {
  const c = civilFromDays(days);
  return { y: c.year, m: c.mon, d: c.mday };
}
