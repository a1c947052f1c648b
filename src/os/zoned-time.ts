/**
 * ECMAScript's time values for zoned.ts: the abstract operations of ECMA-262 §21.4.1 (MakeDay,
 * MakeTime, MakeDate, TimeClip, ToPrimitive for `new Date(value)`) on tz.ts's calendar, and which
 * date strings are local time (§21.4.3.2 Date.parse, with V8's legacy forms).
 */
import { breakDown, daysFromCivil, type TmStruct } from './tz.js';

const HostDate = Date;
const MS_DAY = 86400000;
const MAX_TIME = 8.64e15;

/** TimeClip(ToNumber(x)): throws for a BigInt or a Symbol as ToNumber does. */
export function timeClip(x: unknown): number {
  const n = +(x as number);
  if (!Number.isFinite(n) || Math.abs(n) > MAX_TIME) return NaN;
  return Math.trunc(n) + 0;
}

// ---------------------------------------------------------------------------------------------
// ECMA-262's abstract operations on time values (ms), on tz.ts's calendar.

export function toNumber(x: unknown): number {
  return +(x as number); // ToNumber: a BigInt or a Symbol throws TypeError
}

/** ToIntegerOrInfinity. */
export function toInteger(n: number): number {
  return Number.isNaN(n) ? 0 : Math.trunc(n) + 0;
}

/** MakeDay(year, month, date), month 0-based and unbounded. */
export function makeDay(year: number, month: number, date: number): number {
  if (!Number.isFinite(year) || !Number.isFinite(month) || !Number.isFinite(date)) return NaN;
  const m = toInteger(month);
  const ym = toInteger(year) + Math.floor(m / 12);
  if (Math.abs(ym) > 400000) return NaN; // far outside the time value range
  const mn = ((m % 12) + 12) % 12;
  return daysFromCivil(ym, mn + 1, 1) + toInteger(date) - 1;
}

/** MakeTime(hour, min, sec, ms). */
export function makeTime(h: number, min: number, s: number, ms: number): number {
  if (![h, min, s, ms].every(Number.isFinite)) return NaN;
  return toInteger(h) * 3600000 + toInteger(min) * 60000 + toInteger(s) * 1000 + toInteger(ms);
}

/** MakeDate(day, time). */
export function makeDate(day: number, time: number): number {
  const tv = day * MS_DAY + time;
  return Number.isFinite(tv) ? tv : NaN;
}

/** The fields of a time value read as UTC (tz.ts's broken-down time) and its milliseconds. */
export function fieldsOf(tv: number): TmStruct & { readonly ms: number } {
  const sec = Math.floor(tv / 1000);
  return { ...breakDown(sec, 0, 0, ''), ms: tv - sec * 1000 };
}

/** Default ToPrimitive (no hint): what `new Date(value)` applies to a non-Date object. */
export function toPrimitive(value: object): unknown {
  const exotic: unknown = Reflect.get(value, Symbol.toPrimitive);
  if (exotic !== undefined && exotic !== null) {
    if (typeof exotic !== 'function') throw new TypeError('Symbol.toPrimitive is not a function');
    const r: unknown = Reflect.apply(exotic, value, ['default']);
    if (typeof r !== 'object' || r === null) return r;
    throw new TypeError('Cannot convert object to primitive value');
  }
  for (const name of ['valueOf', 'toString']) {
    const fn: unknown = Reflect.get(value, name);
    if (typeof fn === 'function') {
      const r: unknown = Reflect.apply(fn, value, []);
      if ((typeof r !== 'object' && typeof r !== 'function') || r === null) return r;
    }
  }
  throw new TypeError('Cannot convert object to primitive value');
}

// ---------------------------------------------------------------------------------------------
// Parsing: which strings are local time.

/** The ECMAScript Date Time String Format (§21.4.1.32), with V8's lower-case t and z. */
const ISO = /^([+-]\d{6}|\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:[Tt](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?([Zz]|[+-]\d{2}:\d{2})?)?$/;

/** V8's legacy parser's zone words (dateparser.cc: KeywordTable's TIME_ZONE_NAME entries). */
const ZONE_WORDS: ReadonlySet<string> = new Set(['ut', 'utc', 'z', 'gmt', 'cdt', 'cst', 'edt', 'est', 'mdt', 'mst', 'pdt', 'pst']);

/** Whether V8's legacy parser reads a zone (a zone word, or a signed offset) in `s`. */
function legacyHasZone(s: string): boolean {
  let depth = 0;
  let readNumber = false;
  let timeRead = false;
  let utcRead = false;
  const tokens = s.match(/\d+|[A-Za-z\u0080-\uffff]+|[()+\-:]|./g) ?? [];
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i] as string;
    if (tok === '(') depth++;
    else if (tok === ')') depth = Math.max(0, depth - 1);
    if (depth > 0 || tok === ')') continue;
    if (/^\d/.test(tok)) {
      readNumber = true;
      if (tokens[i + 1] === ':') timeRead = true;
    } else if (/^[A-Za-z\u0080-\uffff]/.test(tok)) {
      if (readNumber && ZONE_WORDS.has(tok.toLowerCase())) return true;
      if (['ut', 'utc', 'gmt', 'z'].includes(tok.toLowerCase())) utcRead = true;
    } else if ((tok === '+' || tok === '-') && (timeRead || utcRead) && /^\d/.test(tokens[i + 1] ?? '')) {
      return true;
    }
  }
  return false;
}

/**
 * A string as `new Date(string)` reads it: `{ local }` for a wall-clock time to be read in the
 * process's zone, `{ utc }` for an instant.
 */
export function parseString(s: string): { readonly utc: number } | { readonly local: number } {
  const iso = ISO.exec(s);
  if (iso) {
    const host = HostDate.parse(s);
    if (iso[4] === undefined || iso[8] !== undefined || Number.isNaN(host)) return { utc: host };
    // A date-time form without an offset: the same fields, read as local time.
    return { local: HostDate.parse(`${s}Z`) };
  }
  const host = HostDate.parse(s);
  if (Number.isNaN(host) || legacyHasZone(s)) return { utc: host };
  // The host read it in its own zone; the same text with a zone of UTC gives its wall clock.
  const wall = HostDate.parse(`${s} Z`);
  return { local: Number.isNaN(wall) ? host : wall };
}
