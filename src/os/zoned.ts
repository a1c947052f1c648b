/**
 * A process's `Date` and `Intl`: ECMAScript Date semantics (ECMA-262 §21.4) with the kernel's
 * clock and the process's time zone, never the host's.
 *
 * Local time is the POSIX TZ of the process (read on every call, since `os.environ['TZ']` may
 * change), computed by tz.ts exactly as the `time` module computes it: POSIX TZ strings
 * (`EST5EDT,M3.2.0,M11.1.0`), the named zones of tz.ts's table with their current rules, and UTC
 * for an unset, empty, unknown or malformed TZ (as glibc without a zone file). So
 * `new Date().getHours()` is always `time.localtime().tm_hour`.
 *
 * - LocalTime(t) = t + the offset tz.ts gives at t. UTC(t) of a local time (the local-components
 *   constructor, the local setters, Date.parse of a form without an offset) follows ECMA-262's
 *   disambiguation: a time repeated by a fall-back transition is the earlier instant, a time
 *   skipped by a spring-forward one is read with the offset before the transition (02:30 → 03:30
 *   EDT), which is also what tz.ts's mktime does with isdst −1.
 * - toString/toTimeString print `GMT-0500 (EST)`: the offset as V8 prints it, and in the
 *   parentheses, where V8 prints the host ICU's long name, tz.ts's abbreviation (`EST`, `EDT`,
 *   `IST`, `+0530` for `<+0530>-5:30`), host-independent like `date`'s `%Z`. Two exceptions
 *   follow V8's names: `(Coordinated Universal Time)` for UTC and `(Greenwich Mean Time)` for
 *   GMT at offset 0. An empty abbreviation (TZ such as `Ab`, as glibc shows it) prints no
 *   parentheses.
 * - Date.parse/`new Date(string)`: a date-time form of the ECMAScript format without an offset
 *   (`2020-01-01T10:00`) is local time; a date-only form (`2020-01-01`) is UTC. The host's
 *   legacy forms (`Jan 1 2020 10:00`, `2020/01/01`) are parsed by the host and are local unless
 *   they name a zone as V8's legacy parser reads one (a word UT, UTC, GMT, Z, EST, EDT, CST,
 *   CDT, MST, MDT, PST, PDT after a number, or a signed offset after the time or after UT/GMT).
 * - toLocaleString/toLocaleDateString/toLocaleTimeString format with the process's Intl
 *   (zoned-intl.ts): default locale en-US, default time zone the process's.
 * - Date.UTC, the UTC getters and setters, getTime/valueOf/setTime, toISOString, toJSON,
 *   toUTCString/toGMTString and Symbol.toPrimitive are the host's own functions.
 * - The instances are real Dates (they have [[DateValue]]), created with the given new.target,
 *   so subclassing works; `Date()` called as a function returns the string of now. The
 *   prototype is a new object, not a child of the host's Date.prototype, so the host's
 *   local-time methods cannot be reached from a program. A method called on something that is
 *   not a Date throws the TypeError V8 throws.
 *
 * Nothing is mutable after creation but a one-entry cache of the parsed zone, in a closure.
 */
import { typeAt, zoneFor, type TmStruct, type TzType, type TzZone } from './tz.js';
import { makeZonedDateTimeFormat } from './zoned-intl.js';
import { fieldsOf, makeDate, makeDay, makeTime, parseString, timeClip, toInteger, toNumber, toPrimitive } from './zoned-time.js';

export { makeZonedIntl, makeZonedDateTimeFormat } from './zoned-intl.js';

const HostDate = Date;
const HostProto = Date.prototype as unknown as Record<PropertyKey, unknown>;
const hostGetTime = Date.prototype.getTime;
const hostSetTime = Date.prototype.setTime;

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** Where V8 prints a long zone name we print tz.ts's abbreviation, except for these. */
const LONG_NAMES: ReadonlyMap<string, string> = new Map([['UTC', 'Coordinated Universal Time'], ['GMT', 'Greenwich Mean Time']]);

/** The host functions a process's Date shares: nothing in them depends on the host's zone. */
const SHARED = [
  'getTime', 'valueOf', 'setTime', 'toISOString', 'toJSON', 'toUTCString', 'toGMTString',
  'getUTCFullYear', 'getUTCMonth', 'getUTCDate', 'getUTCDay', 'getUTCHours', 'getUTCMinutes',
  'getUTCSeconds', 'getUTCMilliseconds', 'setUTCFullYear', 'setUTCMonth', 'setUTCDate',
  'setUTCHours', 'setUTCMinutes', 'setUTCSeconds', 'setUTCMilliseconds', Symbol.toPrimitive,
] as const;

// ---------------------------------------------------------------------------------------------
// The zone.

/** `+0530` (`GMT` + this in toString), seconds of the offset dropped as V8 drops them. */
function offsetText(gmtoff: number): string {
  const a = Math.trunc(Math.abs(gmtoff) / 60);
  return `${gmtoff < 0 ? '-' : '+'}${String(Math.floor(a / 60)).padStart(2, '0')}${String(a % 60).padStart(2, '0')}`;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function yearText(y: number): string {
  return y >= 0 ? pad(y, 4) : `-${pad(-y, 4)}`;
}

/**
 * The process's Date: `Date.now()` and `new Date()` from `nowMs` (milliseconds since the Epoch),
 * local time in the zone of `zone()` (the process's TZ; undefined is UTC).
 */
export function makeZonedDate(nowMs: () => number, zone: () => string | undefined): DateConstructor {
  let last: { readonly spec: string | undefined; readonly zone: TzZone } = { spec: undefined, zone: zoneFor(undefined) };
  const currentZone = (): TzZone => {
    const spec = zone();
    if (spec !== last.spec) last = { spec, zone: zoneFor(spec) };
    return last.zone;
  };
  const typeAtMs = (z: TzZone, t: number): TzType => typeAt(z, Math.floor(t / 1000)).type;
  const localTime = (t: number): { readonly local: number; readonly type: TzType } => {
    const type = typeAtMs(currentZone(), t);
    return { local: t + type.gmtoff * 1000, type };
  };
  /** ECMA-262's UTC(t): the instant of local time `local`, disambiguated as the header says. */
  const utcOf = (local: number): number => {
    if (!Number.isFinite(local)) return NaN;
    const z = currentZone();
    const offsets = z.dst ? [z.std.gmtoff, z.dst.type.gmtoff] : [z.std.gmtoff];
    const valid = offsets.map((o) => local - o * 1000).filter((t, i) => typeAtMs(z, t).gmtoff === offsets[i]);
    if (valid.length > 0) return Math.min(...valid);
    // Skipped by a transition: read with the offset in effect before it.
    const before = local - Math.max(...offsets) * 1000;
    return local - typeAtMs(z, before).gmtoff * 1000;
  };

  const nowValue = (): number => timeClip(nowMs());

  /** thisTimeValue, with V8's own TypeError (from the host method of that name) for a non-Date. */
  const timeOf = (self: unknown, method: string): number => {
    try {
      return Reflect.apply(hostGetTime, self, []) as number;
    } catch (e) {
      const fn = HostProto[method];
      if (typeof fn === 'function') Reflect.apply(fn, self, []);
      throw e;
    }
  };
  const setValue = (self: unknown, tv: number): number => Reflect.apply(hostSetTime, self, [timeClip(tv)]) as number;

  /** The local fields of a Date, or undefined for an invalid one. */
  const local = (self: unknown, method: string): (TmStruct & { readonly ms: number; readonly type: TzType }) | undefined => {
    const t = timeOf(self, method);
    if (Number.isNaN(t)) return undefined;
    const { local: l, type } = localTime(t);
    return { ...fieldsOf(l), type };
  };

  const dateText = (f: TmStruct): string => `${DAYS[f.tm_wday]} ${MONTHS[f.mon - 1]} ${pad(f.mday)} ${yearText(f.year)}`;
  const timeText = (f: TmStruct, type: TzType): string => {
    const name = type.gmtoff === 0 ? LONG_NAMES.get(type.abbr) ?? type.abbr : type.abbr;
    return `${pad(f.hour)}:${pad(f.min)}:${pad(f.sec)} GMT${offsetText(type.gmtoff)}${name === '' ? '' : ` (${name})`}`;
  };

  const DateTimeFormat = makeZonedDateTimeFormat(zone, nowMs);
  /** Date#toLocale*String: ECMA-402's CreateDateTimeFormat with `required` and `defaults`. */
  const toLocale = (self: unknown, method: string, required: 'any' | 'date' | 'time', defaults: 'all' | 'date' | 'time', locales: unknown, options: unknown): string => {
    const t = timeOf(self, method);
    if (Number.isNaN(t)) return 'Invalid Date';
    if (options === null) throw new TypeError('Cannot convert undefined or null to object');
    const base = (options === undefined ? Object.create(null) : Object(options)) as object;
    const get = (k: string): unknown => (options === undefined ? undefined : Reflect.get(base, k));
    if (required === 'date' && get('timeStyle') !== undefined) throw new TypeError('Invalid option : timeStyle');
    if (required === 'time' && get('dateStyle') !== undefined) throw new TypeError('Invalid option : dateStyle');
    const dateKeys = ['weekday', 'year', 'month', 'day'];
    const timeKeys = ['dayPeriod', 'hour', 'minute', 'second', 'fractionalSecondDigits'];
    const keys = required === 'date' ? dateKeys : required === 'time' ? timeKeys : [...dateKeys, ...timeKeys];
    const needDefaults = get('dateStyle') === undefined && get('timeStyle') === undefined && keys.every((k) => get(k) === undefined);
    let opts: unknown = options;
    if (needDefaults) {
      const extra: Record<string, string> = {};
      if (defaults !== 'time') Object.assign(extra, { year: 'numeric', month: 'numeric', day: 'numeric' });
      if (defaults !== 'date') Object.assign(extra, { hour: 'numeric', minute: 'numeric', second: 'numeric' });
      opts = Object.create(base, Object.fromEntries(Object.entries(extra).map(([k, v]) => [k, { value: v, enumerable: true }])));
    }
    return new DateTimeFormat(locales as string, opts as Intl.DateTimeFormatOptions).format(t);
  };

  /**
   * A local setter, after its brand check (`t`, read first as ECMA-262 reads it) and its
   * arguments' ToNumber: fields not given keep their local values; a NaN `t` gives NaN, or
   * counts from +0 for the year setters.
   */
  const setLocal = (self: unknown, t: number, build: (f: TmStruct & { ms: number }) => number, fromZero: boolean): number => {
    if (Number.isNaN(t) && !fromZero) return setValue(self, NaN);
    const base = Number.isNaN(t) ? 0 : localTime(t).local;
    return setValue(self, utcOf(build(fieldsOf(base))));
  };
  const day = (f: TmStruct): number => makeDay(f.year, f.mon - 1, f.mday);
  const timeWithin = (f: TmStruct & { ms: number }): number => makeTime(f.hour, f.min, f.sec, f.ms);

  // The methods. Concise methods, so each has its name and no prototype; parameters as V8
  // declares them (their count is the method's length); arguments.length tells which were given.
  const methods = {
    getFullYear(): number { return local(this, 'getFullYear')?.year ?? NaN; },
    getYear(): number { const f = local(this, 'getYear'); return f ? f.year - 1900 : NaN; },
    getMonth(): number { const f = local(this, 'getMonth'); return f ? f.mon - 1 : NaN; },
    getDate(): number { return local(this, 'getDate')?.mday ?? NaN; },
    getDay(): number { return local(this, 'getDay')?.tm_wday ?? NaN; },
    getHours(): number { return local(this, 'getHours')?.hour ?? NaN; },
    getMinutes(): number { return local(this, 'getMinutes')?.min ?? NaN; },
    getSeconds(): number { return local(this, 'getSeconds')?.sec ?? NaN; },
    getMilliseconds(): number { return local(this, 'getMilliseconds')?.ms ?? NaN; },
    getTimezoneOffset(): number {
      const f = local(this, 'getTimezoneOffset');
      return f ? (0 - f.type.gmtoff) / 60 : NaN;
    },

    setFullYear(year: number, month?: number, date?: number): number {
      const t = timeOf(this, 'setFullYear');
      const n = arguments.length;
      const y = toNumber(year);
      const m = n > 1 ? toNumber(month) : undefined;
      const d = n > 2 ? toNumber(date) : undefined;
      return setLocal(this, t, (f) => makeDate(makeDay(y, m ?? f.mon - 1, d ?? f.mday), timeWithin(f)), true);
    },
    setYear(year: number): number {
      const t = timeOf(this, 'setYear');
      const y = toNumber(year);
      if (Number.isNaN(y)) return setValue(this, NaN);
      const yi = toInteger(y);
      const full = yi >= 0 && yi <= 99 ? 1900 + yi : y;
      return setLocal(this, t, (f) => makeDate(makeDay(full, f.mon - 1, f.mday), timeWithin(f)), true);
    },
    setMonth(month: number, date?: number): number {
      const t = timeOf(this, 'setMonth');
      const n = arguments.length;
      const m = toNumber(month);
      const d = n > 1 ? toNumber(date) : undefined;
      return setLocal(this, t, (f) => makeDate(makeDay(f.year, m, d ?? f.mday), timeWithin(f)), false);
    },
    setDate(date: number): number {
      const t = timeOf(this, 'setDate');
      const d = toNumber(date);
      return setLocal(this, t, (f) => makeDate(makeDay(f.year, f.mon - 1, d), timeWithin(f)), false);
    },
    setHours(hour: number, min?: number, sec?: number, ms?: number): number {
      const t = timeOf(this, 'setHours');
      const n = arguments.length;
      const h = toNumber(hour);
      const m = n > 1 ? toNumber(min) : undefined;
      const s = n > 2 ? toNumber(sec) : undefined;
      const milli = n > 3 ? toNumber(ms) : undefined;
      return setLocal(this, t, (f) => makeDate(day(f), makeTime(h, m ?? f.min, s ?? f.sec, milli ?? f.ms)), false);
    },
    setMinutes(min: number, sec?: number, ms?: number): number {
      const t = timeOf(this, 'setMinutes');
      const n = arguments.length;
      const m = toNumber(min);
      const s = n > 1 ? toNumber(sec) : undefined;
      const milli = n > 2 ? toNumber(ms) : undefined;
      return setLocal(this, t, (f) => makeDate(day(f), makeTime(f.hour, m, s ?? f.sec, milli ?? f.ms)), false);
    },
    setSeconds(sec: number, ms?: number): number {
      const t = timeOf(this, 'setSeconds');
      const n = arguments.length;
      const s = toNumber(sec);
      const milli = n > 1 ? toNumber(ms) : undefined;
      return setLocal(this, t, (f) => makeDate(day(f), makeTime(f.hour, f.min, s, milli ?? f.ms)), false);
    },
    setMilliseconds(ms: number): number {
      const t = timeOf(this, 'setMilliseconds');
      const milli = toNumber(ms);
      return setLocal(this, t, (f) => makeDate(day(f), makeTime(f.hour, f.min, f.sec, milli)), false);
    },

    toString(): string {
      const f = local(this, 'toString');
      return f ? `${dateText(f)} ${timeText(f, f.type)}` : 'Invalid Date';
    },
    toDateString(): string {
      const f = local(this, 'toDateString');
      return f ? dateText(f) : 'Invalid Date';
    },
    toTimeString(): string {
      const f = local(this, 'toTimeString');
      return f ? timeText(f, f.type) : 'Invalid Date';
    },
    toLocaleString(): string {
      // eslint-disable-next-line prefer-rest-params
      return toLocale(this, 'toLocaleString', 'any', 'all', arguments[0], arguments[1]);
    },
    toLocaleDateString(): string {
      // eslint-disable-next-line prefer-rest-params
      return toLocale(this, 'toLocaleDateString', 'date', 'date', arguments[0], arguments[1]);
    },
    toLocaleTimeString(): string {
      // eslint-disable-next-line prefer-rest-params
      return toLocale(this, 'toLocaleTimeString', 'time', 'time', arguments[0], arguments[1]);
    },
  };

  const construct = (args: unknown[]): number => {
    if (args.length === 0) return nowValue();
    if (args.length === 1) {
      const value = args[0];
      if (typeof value === 'object' && value !== null) {
        try {
          return Reflect.apply(hostGetTime, value, []) as number; // a Date: its time value
        } catch {
          /* not a Date */
        }
      }
      const v = (typeof value === 'object' && value !== null) || typeof value === 'function' ? toPrimitive(value) : value;
      if (typeof v === 'string') {
        const p = parseString(v);
        return 'utc' in p ? p.utc : utcOf(p.local);
      }
      return timeClip(v);
    }
    const n = args.map(toNumber);
    const y = n[0] as number;
    const yi = toInteger(y);
    const year = !Number.isNaN(y) && yi >= 0 && yi <= 99 ? 1900 + yi : y;
    const final = makeDate(makeDay(year, n[1] as number, n[2] ?? 1), makeTime(n[3] ?? 0, n[4] ?? 0, n[5] ?? 0, n[6] ?? 0));
    return timeClip(utcOf(final));
  };

  const ZonedDate = function Date(this: unknown, ...args: unknown[]): unknown {
    if (new.target === undefined) return Reflect.apply(methods.toString, Reflect.construct(HostDate, [nowValue()]), []);
    return Reflect.construct(HostDate, [construct(args)], new.target);
  };

  const proto: object = {};
  for (const key of Reflect.ownKeys(methods)) {
    Object.defineProperty(proto, key, { value: Reflect.get(methods, key), writable: true, enumerable: false, configurable: true });
  }
  for (const key of SHARED) {
    const desc = Object.getOwnPropertyDescriptor(HostProto, key);
    if (desc) Object.defineProperty(proto, key, desc);
  }
  Object.defineProperty(proto, 'constructor', { value: ZonedDate, writable: true, enumerable: false, configurable: true });
  Object.defineProperty(ZonedDate, 'prototype', { value: proto, writable: false, enumerable: false, configurable: false });
  Object.defineProperty(ZonedDate, 'length', { value: 7 });
  const statics = {
    now(): number {
      return nowValue();
    },
    parse(string: string): number {
      const p = parseString(`${string}`);
      return 'utc' in p ? p.utc : timeClip(utcOf(p.local));
    },
  };
  for (const [key, value] of [...Object.entries(statics), ['UTC', HostDate.UTC] as const]) {
    Object.defineProperty(ZonedDate, key, { value, writable: true, enumerable: false, configurable: true });
  }
  return ZonedDate as unknown as DateConstructor;
}
