/**
 * Time zones from POSIX TZ strings, and local time computed from them.
 *
 * Models glibc's tzset/localtime_r for the POSIX form of TZ (POSIX.1-2017 XBD §8.3, "TZ"):
 *
 *     std offset [dst [offset] [,start[/time],end[/time]]]
 *
 * - `std`/`dst` are abbreviations: three or more letters (`EST`), or any of letters, digits,
 *   `+` and `-` between angle brackets (`<+0530>`).
 * - `offset` is `[+|-]hh[:mm[:ss]]` and is the value to *add to local time* to get UTC, so
 *   `EST5` is UTC−5 (gmtoff −18000). The dst offset defaults to one hour ahead of std.
 * - `start`/`end` are `Jn` (1–365, February 29 never counted), `n` (0–365, counting it) or
 *   `Mm.w.d` (day d (0 = Sunday) of week w (1–4, 5 = last) of month m). `time` defaults to
 *   02:00:00 and may be signed and exceed 24 hours (the POSIX.1-2024 / glibc extension).
 *   The start time is in local standard time, the end time in local daylight time.
 * - A zone with a dst name but no rule gets the US rule `M3.2.0,M11.1.0`, as glibc does from
 *   its `posixrules` default (America/New_York).
 *
 * Named zones (`America/New_York`) come from a small table of their *current* POSIX rules; no
 * zone history is shipped, so instants before a zone's last rule change use today's rule.
 * An unset or empty TZ gives UTC. An unknown name or a malformed string also gives UTC time, with
 * the abbreviation glibc 2.36 shows then: the zone name it could read from the front of the
 * value (`Nowhere/Land` → `Nowhere`), or an empty one.
 *
 * Everything here is a pure function of its arguments: no Intl and no Date local time, so the
 * host's time zone can never leak into a process.
 */

/** One transition rule (`Jn`, `n` or `Mm.w.d`) with its time of day in seconds. */
export type TzRule =
  | { readonly kind: 'julian1'; readonly day: number; readonly time: number } // Jn, 1..365
  | { readonly kind: 'julian0'; readonly day: number; readonly time: number } // n, 0..365
  | {
      readonly kind: 'month';
      readonly month: number; // 1..12
      readonly week: number; // 1..5 (5 = last)
      readonly weekday: number; // 0..6, Sunday = 0
      readonly time: number;
    };

export interface TzType {
  /** Abbreviation, as %Z prints it. */
  readonly abbr: string;
  /** Seconds east of UTC (tm_gmtoff): −18000 for EST. */
  readonly gmtoff: number;
}

export interface TzZone {
  /** The TZ value this zone came from (after name lookup), for diagnostics. */
  readonly spec: string;
  readonly std: TzType;
  /** Daylight time and its rules; absent for a zone without daylight saving time. */
  readonly dst?: { readonly type: TzType; readonly start: TzRule; readonly end: TzRule };
}

/** A broken-down time: Python's struct_time fields plus C's struct tm numbering. */
export interface TmStruct {
  /** Full year, e.g. 2010 (C's tm_year is year − 1900). */
  readonly year: number;
  /** Month 1–12 (C's tm_mon is mon − 1). */
  readonly mon: number;
  /** Day of the month, 1–31. */
  readonly mday: number;
  readonly hour: number;
  readonly min: number;
  /** Seconds, 0–59 (no leap seconds). */
  readonly sec: number;
  /** Day of the week as Python numbers it: Monday = 0 … Sunday = 6. */
  readonly wday: number;
  /** Day of the week as C numbers it (tm_wday): Sunday = 0 … Saturday = 6. */
  readonly tm_wday: number;
  /** Day of the year as Python numbers it: 1–366. */
  readonly yday: number;
  /** Day of the year as C numbers it (tm_yday): 0–365. */
  readonly tm_yday: number;
  /** 1 when daylight saving time is in effect, else 0. */
  readonly isdst: number;
  /** Seconds east of UTC. */
  readonly gmtoff: number;
  /** Zone abbreviation (tm_zone). */
  readonly zone: string;
  /** Nanoseconds within the second (for `date +%N`); 0 when unknown. */
  readonly nsec: number;
}

const DAY = 86400;

/** The default daylight rule when a TZ names a dst zone without rules (glibc: posixrules). */
const DEFAULT_DST_RULE = 'M3.2.0,M11.1.0';

/** Current POSIX rules of the named zones posixbox knows (from tzdata's footer lines). */
const NAMED_ZONES: ReadonlyMap<string, string> = new Map([
  ['UTC', 'UTC0'],
  ['Etc/UTC', 'UTC0'],
  ['GMT', 'GMT0'],
  ['America/New_York', 'EST5EDT,M3.2.0,M11.1.0'],
  ['America/Chicago', 'CST6CDT,M3.2.0,M11.1.0'],
  ['America/Denver', 'MST7MDT,M3.2.0,M11.1.0'],
  ['America/Los_Angeles', 'PST8PDT,M3.2.0,M11.1.0'],
  ['Europe/London', 'GMT0BST,M3.5.0/1,M10.5.0'],
  ['Europe/Paris', 'CET-1CEST,M3.5.0,M10.5.0/3'],
  ['Europe/Berlin', 'CET-1CEST,M3.5.0,M10.5.0/3'],
  ['Asia/Tokyo', 'JST-9'],
  ['Asia/Kolkata', 'IST-5:30'],
  ['Australia/Sydney', 'AEST-10AEDT,M10.1.0,M4.1.0/3'],
]);

/** The names of the zones in the built-in table. */
export function namedZones(): string[] {
  return [...NAMED_ZONES.keys()];
}

export const UTC_ZONE: TzZone = { spec: 'UTC0', std: { abbr: 'UTC', gmtoff: 0 } };

// ---------------------------------------------------------------------------------------------
// Calendar arithmetic (proleptic Gregorian), after Howard Hinnant's days_from_civil.

export function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(year: number, mon: number): number {
  return mon === 2 && isLeap(year) ? 29 : (MONTH_DAYS[mon - 1] as number);
}

/** Days from 1970-01-01 to year-mon-mday (mon 1–12). */
export function daysFromCivil(year: number, mon: number, mday: number): number {
  const y = mon <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (mon + 9) % 12; // March = 0
  const doy = Math.floor((153 * mp + 2) / 5) + mday - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The date of a day number (days since 1970-01-01). */
export function civilFromDays(days: number): { year: number; mon: number; mday: number } {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const mday = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const mon = mp < 10 ? mp + 3 : mp - 9;
  const year = era * 400 + yoe + (mon <= 2 ? 1 : 0);
  return { year, mon, mday };
}

/** C's tm_wday (Sunday = 0) of a day number. 1970-01-01 was a Thursday. */
function weekdayOfDays(days: number): number {
  return (((days + 4) % 7) + 7) % 7;
}

// ---------------------------------------------------------------------------------------------
// Parsing.

/** A cursor over a TZ string; every parse step returns undefined on malformed input. */
class Cursor {
  pos = 0;
  constructor(readonly s: string) {}
  peek(): string {
    return this.s[this.pos] ?? '';
  }
  done(): boolean {
    return this.pos >= this.s.length;
  }
  eat(c: string): boolean {
    if (this.peek() !== c) return false;
    this.pos++;
    return true;
  }
  /** Unsigned decimal number, or undefined if there is no digit here. */
  number(): number | undefined {
    const start = this.pos;
    while (/[0-9]/.test(this.peek())) this.pos++;
    return this.pos === start ? undefined : Number(this.s.slice(start, this.pos));
  }
}

function parseAbbr(c: Cursor): string | undefined {
  if (c.eat('<')) {
    const start = c.pos;
    while (/[A-Za-z0-9+-]/.test(c.peek())) c.pos++;
    const abbr = c.s.slice(start, c.pos);
    if (!c.eat('>') || abbr.length < 3) return undefined;
    return abbr;
  }
  const start = c.pos;
  while (/[A-Za-z]/.test(c.peek())) c.pos++;
  const abbr = c.s.slice(start, c.pos);
  return abbr.length >= 3 ? abbr : undefined;
}

/** `[+|-]hh[:mm[:ss]]` in seconds, hours up to `maxHours`. */
function parseHms(c: Cursor, maxHours: number): number | undefined {
  let sign = 1;
  if (c.eat('-')) sign = -1;
  else c.eat('+');
  const h = c.number();
  if (h === undefined || h > maxHours) return undefined;
  let m = 0;
  let s = 0;
  if (c.eat(':')) {
    const mm = c.number();
    if (mm === undefined || mm > 59) return undefined;
    m = mm;
    if (c.eat(':')) {
      const ss = c.number();
      if (ss === undefined || ss > 59) return undefined;
      s = ss;
    }
  }
  return sign * (h * 3600 + m * 60 + s);
}

function parseRule(c: Cursor): TzRule | undefined {
  let rule: TzRule;
  const time = 7200;
  if (c.eat('J')) {
    const day = c.number();
    if (day === undefined || day < 1 || day > 365) return undefined;
    rule = { kind: 'julian1', day, time };
  } else if (c.eat('M')) {
    const month = c.number();
    if (month === undefined || month < 1 || month > 12 || !c.eat('.')) return undefined;
    const week = c.number();
    if (week === undefined || week < 1 || week > 5 || !c.eat('.')) return undefined;
    const weekday = c.number();
    if (weekday === undefined || weekday > 6) return undefined;
    rule = { kind: 'month', month, week, weekday, time };
  } else {
    const day = c.number();
    if (day === undefined || day > 365) return undefined;
    rule = { kind: 'julian0', day, time };
  }
  if (c.eat('/')) {
    const t = parseHms(c, 167);
    if (t === undefined) return undefined;
    rule = { ...rule, time: t };
  }
  return rule;
}

/** −x without producing −0 (a TZ offset is west-positive, gmtoff east-positive). */
function negate(x: number): number {
  return x === 0 ? 0 : -x;
}

/**
 * Parse a POSIX TZ string (no name lookup). Returns undefined if it is malformed.
 * A leading `:` is not accepted here; see zoneFor.
 */
export function parseTz(spec: string): TzZone | undefined {
  const c = new Cursor(spec);
  const stdAbbr = parseAbbr(c);
  if (stdAbbr === undefined) return undefined;
  const stdOff = parseHms(c, 24);
  if (stdOff === undefined) return undefined;
  const std: TzType = { abbr: stdAbbr, gmtoff: negate(stdOff) };
  if (c.done()) return { spec, std };

  const dstAbbr = parseAbbr(c);
  if (dstAbbr === undefined) return undefined;
  let dstGmtoff = std.gmtoff + 3600;
  if (!c.done() && c.peek() !== ',') {
    const off = parseHms(c, 24);
    if (off === undefined) return undefined;
    dstGmtoff = negate(off);
  }
  let rules: Cursor = c;
  if (c.done() || c.s.slice(c.pos) === ',') rules = new Cursor(',' + DEFAULT_DST_RULE);
  if (!rules.eat(',')) return undefined;
  const start = parseRule(rules);
  if (start === undefined || !rules.eat(',')) return undefined;
  const end = parseRule(rules);
  if (end === undefined || !rules.done()) return undefined;
  return { spec, std, dst: { type: { abbr: dstAbbr, gmtoff: dstGmtoff }, start, end } };
}

/**
 * The zone a TZ value selects: a named zone from the table (with or without a leading `:`),
 * else a POSIX TZ string, else UTC (unset or empty; unknown or malformed: see the top of the file).
 */
export function zoneFor(tz: string | undefined): TzZone {
  if (tz === undefined || tz === '') return UTC_ZONE;
  const name = tz.startsWith(':') ? tz.slice(1) : tz;
  const named = NAMED_ZONES.get(name);
  if (named !== undefined) return { ...(parseTz(named) as TzZone), spec: named };
  if (!tz.startsWith(':')) {
    const zone = parseTz(tz);
    if (zone !== undefined) return zone;
  }
  // glibc finds no zone file and no valid POSIX string: UTC, named by whatever zone name it
  // could read from the front (`Nowhere/Land` → `Nowhere`, `Ab` → ``).
  const abbr = parseAbbr(new Cursor(name)) ?? '';
  return { spec: tz, std: { abbr, gmtoff: 0 } };
}

// ---------------------------------------------------------------------------------------------
// Transitions.

/** Seconds from the start of `year` (local wall clock) to the rule's date at 00:00. */
function ruleDayOffset(rule: TzRule, year: number): number {
  switch (rule.kind) {
    case 'julian1': {
      // Jn: day n of 1..365, February 29 is never counted.
      const day = rule.day - 1 + (isLeap(year) && rule.day >= 60 ? 1 : 0);
      return day * DAY;
    }
    case 'julian0':
      return rule.day * DAY;
    case 'month': {
      const first = daysFromCivil(year, rule.month, 1);
      let mday = 1 + ((rule.weekday - weekdayOfDays(first) + 7) % 7) + (rule.week - 1) * 7;
      const dim = daysInMonth(year, rule.month);
      while (mday > dim) mday -= 7; // week 5 means "the last such weekday"
      return (first + mday - 1 - daysFromCivil(year, 1, 1)) * DAY;
    }
  }
}

/** The UTC instants at which daylight time starts and ends in `year`. */
export function transitions(zone: TzZone, year: number): { start: number; end: number } | undefined {
  const dst = zone.dst;
  if (!dst) return undefined;
  const yearStart = daysFromCivil(year, 1, 1) * DAY;
  // The start time is read on the standard-time clock, the end time on the daylight clock.
  const start = yearStart + ruleDayOffset(dst.start, year) + dst.start.time - zone.std.gmtoff;
  const end = yearStart + ruleDayOffset(dst.end, year) + dst.end.time - dst.type.gmtoff;
  return { start, end };
}

/** The zone type (std or dst) in effect at UTC second `t`. */
export function typeAt(zone: TzZone, t: number): { type: TzType; isdst: number } {
  const dst = zone.dst;
  if (!dst) return { type: zone.std, isdst: 0 };
  // Like glibc's __tz_compute, take the rules of t's *UTC* year (which matters only for
  // rules whose times run past the end of the year).
  const year = civilFromDays(Math.floor(t / DAY)).year;
  const tr = transitions(zone, year) as { start: number; end: number };
  const inDst =
    tr.start < tr.end
      ? t >= tr.start && t < tr.end // northern hemisphere: dst in the middle of the year
      : !(t >= tr.end && t < tr.start); // southern: dst spans the new year
  return inDst ? { type: dst.type, isdst: 1 } : { type: zone.std, isdst: 0 };
}

// ---------------------------------------------------------------------------------------------
// Broken-down time.

/** Broken-down time of `t` seconds shifted by `gmtoff`, labelled with the given zone type. */
export function breakDown(t: number, gmtoff: number, isdst: number, zone: string): TmStruct {
  const whole = Math.floor(t);
  const nsec = Math.min(999999999, Math.round((t - whole) * 1e9));
  const local = whole + gmtoff;
  const days = Math.floor(local / DAY);
  const secs = local - days * DAY;
  const { year, mon, mday } = civilFromDays(days);
  const tmWday = weekdayOfDays(days);
  const tmYday = days - daysFromCivil(year, 1, 1);
  return {
    year,
    mon,
    mday,
    hour: Math.floor(secs / 3600),
    min: Math.floor((secs % 3600) / 60),
    sec: secs % 60,
    wday: (tmWday + 6) % 7,
    tm_wday: tmWday,
    yday: tmYday + 1,
    tm_yday: tmYday,
    isdst,
    gmtoff,
    zone,
    nsec,
  };
}

/** localtime(3) / Python's time.localtime: `t` (seconds since the Epoch) in the zone of `tz`. */
export function localtime(t: number, tz: string | undefined): TmStruct {
  return localtimeIn(t, zoneFor(tz));
}

export function localtimeIn(t: number, zone: TzZone): TmStruct {
  const { type, isdst } = typeAt(zone, Math.floor(t));
  return breakDown(t, type.gmtoff, isdst, type.abbr);
}

/** gmtime(3) / Python's time.gmtime: `t` in UTC, zone `UTC`. */
export function gmtime(t: number): TmStruct {
  return breakDown(t, 0, 0, 'UTC');
}

/** Fields mktime reads; out-of-range values are normalised as C's mktime does. */
export interface TmFields {
  readonly year: number;
  readonly mon: number; // 1–12 (may be out of range)
  readonly mday: number;
  readonly hour: number;
  readonly min: number;
  readonly sec: number;
  /** 1 = the time is daylight time, 0 = standard, −1 or absent = work it out. */
  readonly isdst?: number;
}

/** Seconds since the Epoch of a wall-clock time read as UTC (timegm(3)), normalising fields. */
export function timegm(tm: TmFields): number {
  const monIndex = tm.mon - 1;
  const year = tm.year + Math.floor(monIndex / 12);
  const mon = (((monIndex % 12) + 12) % 12) + 1;
  const days = daysFromCivil(year, mon, 1) + tm.mday - 1;
  return days * DAY + tm.hour * 3600 + tm.min * 60 + tm.sec;
}

/**
 * mktime(3) / Python's time.mktime: local wall-clock time in the zone of `tz` → seconds since
 * the Epoch. Like glibc: with isdst 0 or 1 the time is read on that clock even if the other
 * is in effect; with isdst −1 a time in the spring-forward gap is read on the standard clock
 * (02:30 EST = 03:30 EDT), and a repeated time in the fall-back hour gives the daylight one.
 */
export function mktime(tm: TmFields, tz: string | undefined): number {
  const zone = zoneFor(tz);
  const wall = timegm(tm);
  const dst = zone.dst;
  if (!dst) return wall - zone.std.gmtoff;
  if (tm.isdst === 0) return wall - zone.std.gmtoff;
  if (tm.isdst !== undefined && tm.isdst > 0) return wall - dst.type.gmtoff;
  const asDst = wall - dst.type.gmtoff;
  if (typeAt(zone, asDst).isdst === 1) return asDst;
  return wall - zone.std.gmtoff;
}
