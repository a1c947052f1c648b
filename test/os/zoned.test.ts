/**
 * The process's Date and Intl (src/os/zoned.ts): local time in the process's TZ, never the
 * host's. Nothing here depends on the host's zone or locale; run it under several
 * to see that:
 *
 *     TZ=Pacific/Auckland npx vitest run --project node test/os/zoned.test.ts
 *     TZ=UTC LC_ALL=de_DE.UTF-8 npx vitest run --project node test/os/zoned.test.ts
 *
 * Where an expected string is ICU's (toLocale*, Intl), the oracle is the host's Intl with an
 * explicit timeZone and locale; everything else (toString, getters, parsing) is spelled out.
 */
import { describe, expect, it } from 'vitest';
import { makeZonedDate, makeZonedIntl } from '../../src/os/zoned.js';

const NOW = Date.UTC(2020, 6, 5, 23, 59, 58, 123); // the kernel's clock in these tests
const WINTER = Date.UTC(2020, 0, 15, 12, 34, 56, 789);
const SUMMER = Date.UTC(2020, 6, 15, 12, 34, 56, 789);

const zonedDate = (tz: string | undefined): DateConstructor => makeZonedDate(() => NOW, () => tz);
const zonedIntl = (tz: string | undefined): typeof Intl => makeZonedIntl(() => tz, () => NOW);

/** The host's formatting with an explicit zone and locale: an oracle independent of the host's own. */
const oracle = (t: number, timeZone: string, options: Intl.DateTimeFormatOptions, locale = 'en-US'): string =>
  new Intl.DateTimeFormat(locale, { timeZone, ...options }).format(t);

/** Date with Annex B's getYear/setYear. */
type AnnexB = Date & { getYear(): number; setYear(year: number): number };
/** A Date constructor taking anything, for ToPrimitive cases. */
type AnyDate = new (value: unknown) => Date;

const ALL = { year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' } as const;

describe('local time follows the process zone', () => {
  // zone, instant → [toString, getTimezoneOffset, [year, month, date, day, hours, minutes, seconds, ms]]
  const rows: Array<[string | undefined, number, string, number, number[]]> = [
    [undefined, WINTER, 'Wed Jan 15 2020 12:34:56 GMT+0000 (Coordinated Universal Time)', 0, [2020, 0, 15, 3, 12, 34, 56, 789]],
    ['', SUMMER, 'Wed Jul 15 2020 12:34:56 GMT+0000 (Coordinated Universal Time)', 0, [2020, 6, 15, 3, 12, 34, 56, 789]],
    ['UTC', WINTER, 'Wed Jan 15 2020 12:34:56 GMT+0000 (Coordinated Universal Time)', 0, [2020, 0, 15, 3, 12, 34, 56, 789]],
    ['GMT', WINTER, 'Wed Jan 15 2020 12:34:56 GMT+0000 (Greenwich Mean Time)', 0, [2020, 0, 15, 3, 12, 34, 56, 789]],
    ['EST5EDT,M3.2.0,M11.1.0', WINTER, 'Wed Jan 15 2020 07:34:56 GMT-0500 (EST)', 300, [2020, 0, 15, 3, 7, 34, 56, 789]],
    ['EST5EDT,M3.2.0,M11.1.0', SUMMER, 'Wed Jul 15 2020 08:34:56 GMT-0400 (EDT)', 240, [2020, 6, 15, 3, 8, 34, 56, 789]],
    ['EST5EDT', SUMMER, 'Wed Jul 15 2020 08:34:56 GMT-0400 (EDT)', 240, [2020, 6, 15, 3, 8, 34, 56, 789]],
    ['EST5', SUMMER, 'Wed Jul 15 2020 07:34:56 GMT-0500 (EST)', 300, [2020, 6, 15, 3, 7, 34, 56, 789]],
    ['America/New_York', WINTER, 'Wed Jan 15 2020 07:34:56 GMT-0500 (EST)', 300, [2020, 0, 15, 3, 7, 34, 56, 789]],
    [':America/New_York', SUMMER, 'Wed Jul 15 2020 08:34:56 GMT-0400 (EDT)', 240, [2020, 6, 15, 3, 8, 34, 56, 789]],
    ['America/Los_Angeles', WINTER, 'Wed Jan 15 2020 04:34:56 GMT-0800 (PST)', 480, [2020, 0, 15, 3, 4, 34, 56, 789]],
    ['Europe/London', SUMMER, 'Wed Jul 15 2020 13:34:56 GMT+0100 (BST)', -60, [2020, 6, 15, 3, 13, 34, 56, 789]],
    ['Asia/Kolkata', WINTER, 'Wed Jan 15 2020 18:04:56 GMT+0530 (IST)', -330, [2020, 0, 15, 3, 18, 4, 56, 789]],
    ['IST-5:30', SUMMER, 'Wed Jul 15 2020 18:04:56 GMT+0530 (IST)', -330, [2020, 6, 15, 3, 18, 4, 56, 789]],
    ['<+0545>-5:45', WINTER, 'Wed Jan 15 2020 18:19:56 GMT+0545 (+0545)', -345, [2020, 0, 15, 3, 18, 19, 56, 789]],
    ['Asia/Tokyo', Date.UTC(2019, 11, 31, 15), 'Wed Jan 01 2020 00:00:00 GMT+0900 (JST)', -540, [2020, 0, 1, 3, 0, 0, 0, 0]],
    ['Australia/Sydney', WINTER, 'Wed Jan 15 2020 23:34:56 GMT+1100 (AEDT)', -660, [2020, 0, 15, 3, 23, 34, 56, 789]],
    ['Australia/Sydney', SUMMER, 'Wed Jul 15 2020 22:34:56 GMT+1000 (AEST)', -600, [2020, 6, 15, 3, 22, 34, 56, 789]],
    // Unknown names and malformed strings are UTC, named as glibc names them.
    ['Nowhere/Land', WINTER, 'Wed Jan 15 2020 12:34:56 GMT+0000 (Nowhere)', 0, [2020, 0, 15, 3, 12, 34, 56, 789]],
    ['Europe/Madrid', WINTER, 'Wed Jan 15 2020 12:34:56 GMT+0000 (Europe)', 0, [2020, 0, 15, 3, 12, 34, 56, 789]],
    ['Ab', WINTER, 'Wed Jan 15 2020 12:34:56 GMT+0000', 0, [2020, 0, 15, 3, 12, 34, 56, 789]],
    // Around a transition: New York springs forward at 07:00 UTC on 2020-03-08.
    ['America/New_York', Date.UTC(2020, 2, 8, 6, 59, 59, 999), 'Sun Mar 08 2020 01:59:59 GMT-0500 (EST)', 300, [2020, 2, 8, 0, 1, 59, 59, 999]],
    ['America/New_York', Date.UTC(2020, 2, 8, 7), 'Sun Mar 08 2020 03:00:00 GMT-0400 (EDT)', 240, [2020, 2, 8, 0, 3, 0, 0, 0]],
    // Before the Epoch, and years outside 0..9999.
    ['EST5EDT', Date.UTC(1969, 11, 31, 23, 59, 59, 999), 'Wed Dec 31 1969 18:59:59 GMT-0500 (EST)', 300, [1969, 11, 31, 3, 18, 59, 59, 999]],
    ['UTC', Date.UTC(-1, 0, 1), 'Fri Jan 01 -0001 00:00:00 GMT+0000 (Coordinated Universal Time)', 0, [-1, 0, 1, 5, 0, 0, 0, 0]],
    ['UTC', Date.UTC(12345, 0, 1), 'Mon Jan 01 12345 00:00:00 GMT+0000 (Coordinated Universal Time)', 0, [12345, 0, 1, 1, 0, 0, 0, 0]],
  ];
  for (const [tz, t, str, offset, fields] of rows) {
    it(`${JSON.stringify(tz)} at ${new Date(t).toISOString()}`, () => {
      const D = zonedDate(tz);
      const d = new D(t);
      expect(d.toString()).toBe(str);
      expect(String(d)).toBe(str);
      expect(d.toDateString()).toBe(str.slice(0, str.indexOf(' ', 11)));
      expect(d.toTimeString()).toBe(str.slice(str.indexOf(' ', 11) + 1));
      expect(d.getTimezoneOffset()).toBe(offset);
      expect([d.getFullYear(), d.getMonth(), d.getDate(), d.getDay(), d.getHours(), d.getMinutes(), d.getSeconds(), d.getMilliseconds()]).toEqual(fields);
      expect(d.getTime()).toBe(t);
      expect(d.toISOString()).toBe(new Date(t).toISOString());
      expect(d.getUTCHours()).toBe(new Date(t).getUTCHours());
      // The local components give the same instant back.
      expect(new D(fields[0]!, fields[1]!, fields[2]!, fields[4], fields[5], fields[6], fields[7]).getTime()).toBe(t);
    });
  }

  it('matches the host ICU for the named zones tz.ts knows, from 2009 on', () => {
    for (const tz of ['America/New_York', 'America/Chicago', 'America/Denver', 'America/Los_Angeles', 'Europe/London', 'Europe/Paris', 'Europe/Berlin', 'Asia/Tokyo', 'Asia/Kolkata', 'Australia/Sydney']) {
      const D = zonedDate(tz);
      const host = new Intl.DateTimeFormat('en-US', { timeZone: tz, ...ALL, hourCycle: 'h23' });
      for (let t = Date.UTC(2009, 0, 1); t < Date.UTC(2030, 0, 1); t += 86400000 * 17 + 3600000 * 7 + 123) {
        const d = new D(t);
        const want = host.format(t);
        const got = `${d.getMonth() + 1}/${d.getDate()}/${d.getFullYear()}, ${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}:${String(d.getSeconds()).padStart(2, '0')}`;
        expect(got, `${tz} ${t}`).toBe(want);
      }
    }
  });

  it('reads the zone on every call', () => {
    let tz: string | undefined = 'UTC';
    const D = makeZonedDate(() => NOW, () => tz);
    const d = new D(WINTER);
    expect(d.getHours()).toBe(12);
    tz = 'Asia/Tokyo';
    expect(d.getHours()).toBe(21);
    expect(d.toString()).toBe('Wed Jan 15 2020 21:34:56 GMT+0900 (JST)');
    tz = undefined;
    expect(d.getTimezoneOffset()).toBe(0);
  });

  it('an invalid date', () => {
    const D = zonedDate('America/New_York');
    const d = new D(NaN) as AnnexB;
    expect([d.toString(), d.toDateString(), d.toTimeString(), d.toLocaleString(), d.toLocaleDateString(), d.toLocaleTimeString()]).toEqual(Array(6).fill('Invalid Date'));
    expect([d.getFullYear(), d.getHours(), d.getTimezoneOffset(), d.getDay(), d.getYear()]).toEqual([NaN, NaN, NaN, NaN, NaN]);
    expect(d.setHours(1)).toBe(NaN);
    expect(d.setFullYear(2020)).toBe(Date.UTC(2020, 0, 1, 5)); // from +0 in local time
  });
});

describe('the clock', () => {
  it('now, new Date(), Date() are the kernel clock', () => {
    let now = NOW;
    const D = makeZonedDate(() => now, () => 'Asia/Kolkata');
    expect(D.now()).toBe(NOW);
    expect(new D().getTime()).toBe(NOW);
    now += 1000.7;
    expect(D.now()).toBe(NOW + 1000);
    expect((D as unknown as () => string)()).toBe('Mon Jul 06 2020 05:29:59 GMT+0530 (IST)');
  });
});

describe('local time → instant', () => {
  const NY = 'America/New_York';
  // zone, constructor arguments → the instant (ISO)
  const rows: Array<[string | undefined, number[], string]> = [
    [undefined, [2020, 0], '2020-01-01T00:00:00.000Z'],
    [NY, [2020, 0, 1], '2020-01-01T05:00:00.000Z'],
    [NY, [2020, 6, 1, 12, 30, 15, 250], '2020-07-01T16:30:15.250Z'],
    // Spring forward: 02:30 does not exist and is read with the offset before (EST): 03:30 EDT.
    [NY, [2020, 2, 8, 2, 30], '2020-03-08T07:30:00.000Z'],
    // Fall back: 01:30 happens twice; the earlier (EDT).
    [NY, [2020, 10, 1, 1, 30], '2020-11-01T05:30:00.000Z'],
    [NY, [2020, 10, 1, 2, 0], '2020-11-01T07:00:00.000Z'],
    ['Australia/Sydney', [2020, 9, 4, 2, 30], '2020-10-03T16:30:00.000Z'], // gap: 03:30 AEDT
    ['Australia/Sydney', [2020, 3, 5, 2, 30], '2020-04-04T15:30:00.000Z'], // repeated: the AEDT one
    // Years 0..99 are 1900.., fields overflow, fractions truncate.
    ['UTC', [99, 0, 1], '1999-01-01T00:00:00.000Z'],
    ['UTC', [2020, 12, 1], '2021-01-01T00:00:00.000Z'],
    ['UTC', [2020, 0, 0], '2019-12-31T00:00:00.000Z'],
    ['UTC', [2020, -1, 1, 25, 61, 61, 1001], '2019-12-02T02:02:02.001Z'],
    ['UTC', [2020.9, 0.9, 1.9, 1.9], '2020-01-01T01:00:00.000Z'],
    ['IST-5:30', [2020, 0, 1], '2019-12-31T18:30:00.000Z'],
  ];
  for (const [tz, args, iso] of rows) {
    it(`${JSON.stringify(tz)} ${JSON.stringify(args)}`, () => {
      const D = zonedDate(tz);
      expect(new (D as unknown as new (...a: number[]) => Date)(...args).toISOString()).toBe(iso);
    });
  }

  it('invalid components', () => {
    const D = zonedDate('UTC');
    expect(new D(2020, NaN).getTime()).toBe(NaN);
    expect(new D(Infinity, 0).getTime()).toBe(NaN);
    expect(new D(275760, 8, 13, 0, 0, 0, 1).getTime()).toBe(NaN);
    expect(new D(275760, 8, 13).getTime()).toBe(8.64e15);
    expect(() => new D(2020n as unknown as number, 0)).toThrow(TypeError);
  });

  it('the local setters', () => {
    const D = zonedDate('America/New_York');
    const d = new D(Date.UTC(2020, 0, 15, 12)) as AnnexB; // 07:00 EST
    expect(d.setHours(23)).toBe(Date.UTC(2020, 0, 16, 4));
    expect(d.setHours(1, 2, 3, 4)).toBe(Date.UTC(2020, 0, 15, 6, 2, 3, 4));
    expect(d.setMinutes(90)).toBe(Date.UTC(2020, 0, 15, 7, 30, 3, 4));
    expect(d.setSeconds(5, 6)).toBe(Date.UTC(2020, 0, 15, 7, 30, 5, 6));
    expect(d.setMilliseconds(-1)).toBe(Date.UTC(2020, 0, 15, 7, 30, 4, 999));
    expect(d.setMonth(6)).toBe(Date.UTC(2020, 6, 15, 6, 30, 4, 999)); // 02:30:04.999 EDT
    expect(d.setDate(32)).toBe(Date.UTC(2020, 7, 1, 6, 30, 4, 999));
    expect(d.setFullYear(2021, 1, 29)).toBe(Date.UTC(2021, 2, 1, 7, 30, 4, 999)); // March 1, EST
    expect(d.setMonth(2, 14)).toBe(Date.UTC(2021, 2, 14, 7, 30, 4, 999)); // 02:30 does not exist: 03:30 EDT
    expect(d.getHours()).toBe(3);
    expect(d.setYear(99)).toBe(Date.UTC(1999, 2, 14, 7, 30, 4, 999)); // 03:30 EDT (today's US rule)
    expect(d.getYear()).toBe(99);
    expect(d.setHours(NaN)).toBe(NaN);
    expect(d.getTime()).toBe(NaN);
    expect(d.setYear(NaN)).toBe(NaN);
    expect(d.setMonth(1)).toBe(NaN);
  });
});

describe('parsing', () => {
  // zone → string → instant (ISO, or NaN)
  const NY = 'America/New_York';
  const rows: Array<[string | undefined, string, string]> = [
    [NY, '2020-01-01T10:00', '2020-01-01T15:00:00.000Z'],
    [NY, '2020-07-01T10:00:00.5', '2020-07-01T14:00:00.500Z'],
    [NY, '2020-03-08T02:30', '2020-03-08T07:30:00.000Z'],
    [NY, '2020-11-01T01:30', '2020-11-01T05:30:00.000Z'],
    [NY, '+002020-01-01T10:00:00', '2020-01-01T15:00:00.000Z'],
    [NY, '2020-01-01', '2020-01-01T00:00:00.000Z'], // date-only forms are UTC
    [NY, '2020-01', '2020-01-01T00:00:00.000Z'],
    [NY, '2020-01-01T10:00Z', '2020-01-01T10:00:00.000Z'],
    [NY, '2020-01-01T10:00:00.000+01:00', '2020-01-01T09:00:00.000Z'],
    [NY, 'Jan 1 2020 10:00', '2020-01-01T15:00:00.000Z'],
    [NY, 'Jan 1, 2020 10:00 PM', '2020-01-02T03:00:00.000Z'],
    [NY, '2020/01/01', '2020-01-01T05:00:00.000Z'],
    [NY, '1 January 2020', '2020-01-01T05:00:00.000Z'],
    [NY, '2020-01-01 10:00', '2020-01-01T15:00:00.000Z'],
    [NY, 'Jul 4 2020 12:00:00', '2020-07-04T16:00:00.000Z'],
    [NY, 'Jan 1 2020 10:00 GMT+0100', '2020-01-01T09:00:00.000Z'],
    [NY, 'Jan 1 2020 10:00 +0100', '2020-01-01T09:00:00.000Z'],
    [NY, 'Jan 1 2020 10:00 UTC', '2020-01-01T10:00:00.000Z'],
    [NY, 'Jan 1 2020 10:00 z', '2020-01-01T10:00:00.000Z'],
    [NY, 'Jan 1 2020 10:00 PDT', '2020-01-01T17:00:00.000Z'],
    [NY, 'Wed, 01 Jan 2020 10:00:00 GMT', '2020-01-01T10:00:00.000Z'],
    [NY, 'Wed Jan 01 2020 10:00:00 GMT+0530 (India Standard Time)', '2020-01-01T04:30:00.000Z'],
    [NY, 'Wed Jan 01 2020 10:00:00 (EST)', '2020-01-01T15:00:00.000Z'], // a comment is no zone
    ['Asia/Kolkata', 'Jan 1 2020 10:00', '2020-01-01T04:30:00.000Z'],
    ['Asia/Kolkata', '2020-01-01T10:00', '2020-01-01T04:30:00.000Z'],
    [undefined, 'Jan 1 2020 10:00', '2020-01-01T10:00:00.000Z'],
    [undefined, '2020-01-01T10:00', '2020-01-01T10:00:00.000Z'],
    [NY, 'not a date', 'NaN'],
    [NY, '', 'NaN'],
  ];
  for (const [tz, s, iso] of rows) {
    it(`${JSON.stringify(tz)} ${JSON.stringify(s)}`, () => {
      const D = zonedDate(tz);
      const show = (t: number): string => (Number.isNaN(t) ? 'NaN' : new Date(t).toISOString());
      expect(show(D.parse(s))).toBe(iso);
      expect(show(new D(s).getTime())).toBe(iso);
    });
  }

  it('toString and toUTCString round-trip', () => {
    for (const tz of [undefined, 'America/New_York', 'EST5EDT,M3.2.0,M11.1.0', 'Asia/Kolkata', '<+0545>-5:45', 'Australia/Sydney']) {
      const D = zonedDate(tz);
      for (const t of [WINTER, SUMMER]) {
        const d = new D(t);
        const whole = t - (t % 1000);
        expect(D.parse(d.toString())).toBe(whole);
        expect(D.parse(d.toUTCString())).toBe(whole);
        expect(D.parse(d.toISOString())).toBe(t);
        expect(new D(d).getTime()).toBe(t);
      }
    }
  });

  it('a non-Date object goes through ToPrimitive', () => {
    const D = zonedDate('America/New_York') as unknown as AnyDate;
    expect(new D({ toString: () => '2020-01-01T10:00', valueOf: () => ({}) }).toISOString()).toBe('2020-01-01T15:00:00.000Z');
    expect(new D({ valueOf: () => 5 }).getTime()).toBe(5);
    expect(new D({ [Symbol.toPrimitive]: (hint: string) => (hint === 'default' ? 'Jan 1 2020' : 0) }).toISOString()).toBe('2020-01-01T05:00:00.000Z');
    expect(() => new D(Symbol('x'))).toThrow(TypeError);
    expect(() => new D(1n)).toThrow(TypeError);
  });
});

describe('toLocaleString and friends', () => {
  // zone, instant → the IANA zone whose host formatting is the oracle
  const rows: Array<[string | undefined, number, string]> = [
    [undefined, WINTER, 'UTC'],
    ['America/New_York', SUMMER, 'America/New_York'],
    ['EST5EDT,M3.2.0,M11.1.0', WINTER, 'America/New_York'],
    ['EST5EDT,M3.2.0,M11.1.0', SUMMER, 'America/New_York'],
    ['Asia/Kolkata', WINTER, 'Asia/Kolkata'],
    ['IST-5:30', SUMMER, 'Asia/Kolkata'],
    ['Australia/Sydney', WINTER, 'Australia/Sydney'],
    ['Nowhere/Land', SUMMER, 'UTC'],
  ];
  for (const [tz, t, iana] of rows) {
    it(`${JSON.stringify(tz)} at ${new Date(t).toISOString()}`, () => {
      const d = new (zonedDate(tz))(t);
      expect(d.toLocaleString()).toBe(oracle(t, iana, ALL));
      expect(d.toLocaleDateString()).toBe(oracle(t, iana, { year: 'numeric', month: 'numeric', day: 'numeric' }));
      expect(d.toLocaleTimeString()).toBe(oracle(t, iana, { hour: 'numeric', minute: 'numeric', second: 'numeric' }));
      expect(d.toLocaleString('de-DE')).toBe(oracle(t, iana, ALL, 'de-DE'));
      expect(d.toLocaleDateString(undefined, { month: 'long' })).toBe(oracle(t, iana, { month: 'long' }));
      expect(d.toLocaleTimeString([], { hour: '2-digit' })).toBe(oracle(t, iana, { hour: '2-digit' }));
      expect(d.toLocaleString('en-GB', { dateStyle: 'full' })).toBe(oracle(t, iana, { dateStyle: 'full' }, 'en-GB'));
      expect(d.toLocaleString('ja-JP', { timeZone: 'Europe/Paris' })).toBe(oracle(t, 'Europe/Paris', ALL, 'ja-JP'));
    });
  }

  it('the zone name is tz.ts\'s abbreviation for a POSIX TZ, ICU\'s for a named zone', () => {
    const d = (tz: string, t: number): Date => new (zonedDate(tz))(t);
    expect(d('EST5EDT,M3.2.0,M11.1.0', WINTER).toLocaleTimeString('en-US', { timeZoneName: 'short' })).toBe(`${oracle(WINTER, 'America/New_York', { hour: 'numeric', minute: 'numeric', second: 'numeric' })} EST`);
    expect(d('EST5EDT,M3.2.0,M11.1.0', SUMMER).toLocaleTimeString('en-US', { timeZoneName: 'short' })).toBe(`${oracle(SUMMER, 'America/New_York', { hour: 'numeric', minute: 'numeric', second: 'numeric' })} EDT`);
    expect(d('America/New_York', SUMMER).toLocaleTimeString('en-US', { timeZoneName: 'long' })).toBe(oracle(SUMMER, 'America/New_York', { hour: 'numeric', minute: 'numeric', second: 'numeric', timeZoneName: 'long' }));
    expect(d('IST-5:30', SUMMER).toLocaleString('en-US', { timeZoneName: 'shortOffset' })).toBe(oracle(SUMMER, 'Asia/Kolkata', { ...ALL, timeZoneName: 'shortOffset' }));
    expect(d('IST-5:30', SUMMER).toLocaleString('en-US', { timeZoneName: 'longOffset' })).toBe(oracle(SUMMER, 'Asia/Kolkata', { ...ALL, timeZoneName: 'longOffset' }));
    expect(d('EST5EDT,M3.2.0,M11.1.0', SUMMER).toLocaleString('de-DE', { timeZoneName: 'shortOffset' })).toBe(oracle(SUMMER, 'America/New_York', { ...ALL, timeZoneName: 'shortOffset' }, 'de-DE'));
  });

  it('options that contradict the method', () => {
    const d = new (zonedDate('UTC'))(WINTER);
    expect(() => d.toLocaleDateString('en-US', { timeStyle: 'short' })).toThrow(new TypeError('Invalid option : timeStyle'));
    expect(() => d.toLocaleTimeString('en-US', { dateStyle: 'short' })).toThrow(new TypeError('Invalid option : dateStyle'));
    expect(() => d.toLocaleString('not a locale!')).toThrow(RangeError);
    expect(() => d.toLocaleString(undefined, null as unknown as undefined)).toThrow(TypeError);
    expect(() => new Date(0).toLocaleString(undefined, null as unknown as undefined)).toThrow(TypeError); // as the host does
  });
});

describe('Intl', () => {
  // zone → resolvedOptions().timeZone
  const rows: Array<[string | undefined, string]> = [
    [undefined, 'UTC'],
    ['', 'UTC'],
    ['UTC', 'UTC'],
    ['America/New_York', 'America/New_York'],
    [':America/New_York', 'America/New_York'],
    ['Asia/Kolkata', 'Asia/Kolkata'],
    ['EST5EDT,M3.2.0,M11.1.0', 'Etc/GMT+5'],
    ['JST-9', 'Etc/GMT-9'],
    ['IST-5:30', '+05:30'],
    ['<-0330>3:30', '-03:30'],
    ['Nowhere/Land', 'UTC'],
    ['Europe/Madrid', 'UTC'], // the host knows it, tz.ts does not: the process is on UTC
  ];
  for (const [tz, name] of rows) {
    it(`resolvedOptions() under ${JSON.stringify(tz)}`, () => {
      const I = zonedIntl(tz);
      const r = new I.DateTimeFormat().resolvedOptions();
      expect(r.timeZone).toBe(name);
      expect(r.locale).toBe('en-US');
      expect((I.DateTimeFormat as unknown as () => Intl.DateTimeFormat)().resolvedOptions().timeZone).toBe(name);
      expect(new I.DateTimeFormat('en-US', { timeZone: 'Asia/Tokyo' }).resolvedOptions().timeZone).toBe('Asia/Tokyo');
    });
  }

  it('format() without a date is the kernel clock', () => {
    const I = zonedIntl('Asia/Kolkata');
    expect(new I.DateTimeFormat('en-US', ALL).format()).toBe(oracle(NOW, 'Asia/Kolkata', ALL));
    expect(new I.DateTimeFormat('en-US', ALL).format(undefined)).toBe(oracle(NOW, 'Asia/Kolkata', ALL));
    const J = zonedIntl('EST5EDT,M3.2.0,M11.1.0');
    expect(new J.DateTimeFormat('en-US', ALL).format()).toBe(oracle(NOW, 'America/New_York', ALL));
    expect(makeZonedIntl(() => undefined).DateTimeFormat().format.bind(null)).toThrow(RangeError); // no clock given
  });

  it('a POSIX zone: formatToParts, formatRange, offset zones', () => {
    const I = zonedIntl('EST5EDT,M3.2.0,M11.1.0');
    const f = new I.DateTimeFormat('en-US', { ...ALL, timeZoneName: 'short' });
    const parts = f.formatToParts(SUMMER);
    const want = new Intl.DateTimeFormat('en-US', { ...ALL, timeZoneName: 'short', timeZone: 'America/New_York' }).formatToParts(SUMMER);
    expect(parts).toEqual(want);
    expect(f.format(new Date(WINTER))).toBe(oracle(WINTER, 'America/New_York', { ...ALL, timeZoneName: 'short' }));
    const g = new I.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'long' });
    const host = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'long', timeZone: 'America/New_York' });
    expect(g.formatRange(WINTER, SUMMER)).toBe(host.formatRange(WINTER, SUMMER));
    expect(g.formatRangeToParts(WINTER, WINTER + 3600000)).toEqual(host.formatRangeToParts(WINTER, WINTER + 3600000));
    expect(() => g.format(NaN)).toThrow(RangeError);
    expect(() => g.formatRange(WINTER, undefined as unknown as number)).toThrow(TypeError);
    // An offset zone is accepted as a timeZone option, whether or not the host takes it.
    const o = new I.DateTimeFormat('en-US', { ...ALL, timeZone: '+05:30', timeZoneName: 'shortOffset' });
    expect(o.resolvedOptions().timeZone).toBe('+05:30');
    expect(o.format(WINTER)).toBe(oracle(WINTER, 'Asia/Kolkata', { ...ALL, timeZoneName: 'shortOffset' }));
    expect(() => new I.DateTimeFormat('en-US', { timeZone: 'EST5EDT,M3.2.0,M11.1.0' })).toThrow(RangeError);
  });

  it('the other services default to en-US', () => {
    const I = zonedIntl('UTC');
    expect(new I.NumberFormat().format(1234567.891)).toBe('1,234,567.891');
    expect(new I.NumberFormat().resolvedOptions().locale).toBe('en-US');
    expect(new I.NumberFormat([]).resolvedOptions().locale).toBe('en-US');
    expect(new I.NumberFormat('tlh').resolvedOptions().locale).toBe('en-US'); // unsupported: ours, not the host's
    expect(new I.NumberFormat('de-DE').format(1234.5)).toBe('1.234,5');
    expect((I.NumberFormat as unknown as () => Intl.NumberFormat)().format(1e6)).toBe('1,000,000');
    expect(new I.NumberFormat(undefined, { style: 'currency', currency: 'EUR' }).format(3.5)).toBe('€3.50');
    expect(new I.Collator().resolvedOptions().locale).toBe('en-US');
    expect(['b', 'a', 'C'].sort(new I.Collator().compare)).toEqual(['a', 'b', 'C']);
    expect(new I.PluralRules().select(1)).toBe('one');
    expect(new I.PluralRules().resolvedOptions().locale).toBe(new Intl.PluralRules('en-US').resolvedOptions().locale);
    expect(new I.RelativeTimeFormat().format(-1, 'day')).toBe('1 day ago');
    expect(new I.ListFormat().format(['a', 'b', 'c'])).toBe('a, b, and c');
    expect(new I.DisplayNames(undefined, { type: 'region' }).of('DE')).toBe('Germany');
    expect([...new I.Segmenter(undefined, { granularity: 'word' }).segment('hi there')].map((s) => s.segment)).toEqual(['hi', ' ', 'there']);
    expect(new I.Segmenter().resolvedOptions().locale).toBe(new Intl.Segmenter('en-US').resolvedOptions().locale);
    expect(new I.Locale('en-Latn-US').language).toBe('en');
    expect(I.getCanonicalLocales('EN-us')).toEqual(['en-US']);
    expect(I.supportedValuesOf('calendar')).toContain('gregory');
    expect(I.NumberFormat.supportedLocalesOf(['de', 'tlh'])).toEqual(['de']);
    expect(() => (I.PluralRules as unknown as () => void)()).toThrow(new TypeError("Constructor Intl.PluralRules requires 'new'"));
    expect(Object.prototype.toString.call(new I.NumberFormat())).toBe('[object Intl.NumberFormat]');
    expect(Object.prototype.toString.call(new I.DateTimeFormat())).toBe('[object Intl.DateTimeFormat]');
    expect(Object.prototype.toString.call(I)).toBe('[object Intl]');
  });

  it('no host constructor is reachable', () => {
    const I = zonedIntl('America/New_York');
    const hosts = new Set<unknown>(Object.getOwnPropertyNames(Intl).map((k) => Reflect.get(Intl, k)).filter((v) => v !== Intl.Locale));
    for (const name of ['DateTimeFormat', 'NumberFormat', 'Collator', 'PluralRules', 'RelativeTimeFormat', 'ListFormat', 'DisplayNames', 'Segmenter'] as const) {
      const C = I[name] as unknown as new (l?: unknown, o?: unknown) => object;
      const obj = new C(undefined, name === 'DisplayNames' ? { type: 'region' } : undefined);
      expect(hosts.has(C)).toBe(false);
      for (let p: unknown = obj; p !== null; p = Object.getPrototypeOf(p)) {
        expect(hosts.has(Reflect.get(p as object, 'constructor')), name).toBe(false);
      }
      expect(Object.getPrototypeOf(C.prototype)).toBe(Object.prototype);
      class Sub extends (C as new (l?: unknown, o?: unknown) => object) {}
      expect(new Sub(undefined, name === 'DisplayNames' ? { type: 'region' } : undefined)).toBeInstanceOf(C);
    }
  });

  it('methods on the wrong receiver throw the host\'s TypeError', () => {
    const I = zonedIntl('UTC');
    expect(() => I.DateTimeFormat.prototype.formatToParts.call({}, 0)).toThrow(/incompatible receiver/);
    expect(() => Reflect.get(I.DateTimeFormat.prototype, 'format', {})).toThrow(TypeError);
    expect(() => I.NumberFormat.prototype.resolvedOptions.call({})).toThrow(/incompatible receiver/);
    expect(() => Reflect.get(I.NumberFormat.prototype, 'format', {})).toThrow(TypeError);
  });
});

describe('the Date class', () => {
  it('looks like Date', () => {
    const D = zonedDate('Asia/Kolkata');
    const d = new D(WINTER);
    expect(D.name).toBe('Date');
    expect(D.length).toBe(7);
    expect(D.UTC).toBe(Date.UTC);
    expect(D.UTC(2020, 0)).toBe(1577836800000);
    expect(D.prototype.constructor).toBe(D);
    expect(Object.getPrototypeOf(D.prototype)).toBe(Object.prototype); // the host's local methods are out of reach
    expect(d).toBeInstanceOf(D);
    expect(Object.prototype.toString.call(d)).toBe('[object Date]');
    expect(JSON.stringify({ d })).toBe('{"d":"2020-01-15T12:34:56.789Z"}');
    expect(`${d}`).toBe('Wed Jan 15 2020 18:04:56 GMT+0530 (IST)');
    expect((d as unknown as string) + 1).toBe('Wed Jan 15 2020 18:04:56 GMT+0530 (IST)1');
    expect(+d).toBe(WINTER);
    expect(d.valueOf()).toBe(WINTER);
    expect(d.toUTCString()).toBe('Wed, 15 Jan 2020 12:34:56 GMT');
    expect(Reflect.get(D.prototype, 'toGMTString')).toBe(D.prototype.toUTCString);
    expect(D.prototype.setHours.length).toBe(4);
    expect(D.prototype.setFullYear.length).toBe(3);
    expect(D.prototype.getHours.name).toBe('getHours');
    expect(D.parse.length).toBe(1);
    expect(Object.keys(D.prototype)).toEqual([]);
    expect(d.setUTCHours(0)).toBe(Date.UTC(2020, 0, 15, 0, 34, 56, 789));
  });

  it('subclasses', () => {
    const D = zonedDate('Asia/Tokyo');
    class My extends D {
      hello(): string { return `${this.getHours()}h`; }
    }
    const m = new My(WINTER);
    expect(m.hello()).toBe('21h');
    expect(m).toBeInstanceOf(D);
    expect(new My().getTime()).toBe(NOW);
  });

  it('methods on something that is not a Date throw V8\'s TypeError', () => {
    const P = zonedDate('UTC').prototype as unknown as Record<string, (...a: unknown[]) => unknown>;
    const host = Date.prototype as unknown as Record<string, (...a: unknown[]) => unknown>;
    for (const name of ['getFullYear', 'getHours', 'getTimezoneOffset', 'setHours', 'setFullYear', 'toString', 'toDateString', 'toTimeString', 'toLocaleString', 'toLocaleDateString', 'toLocaleTimeString', 'getYear', 'setYear']) {
      let want = '';
      try { host[name]!.call({}); } catch (e) { want = String(e); }
      expect(want).toMatch(/^TypeError: /);
      expect(() => P[name]!.call({}, 1), name).toThrow(want.slice('TypeError: '.length));
      expect(() => P[name]!.call(Object.create(P), 1), name).toThrow(TypeError);
    }
  });

  it('works frozen (the way harden() leaves it)', () => {
    let tz: string | undefined = 'America/New_York';
    const D = makeZonedDate(() => NOW, () => tz);
    const I = makeZonedIntl(() => tz, () => NOW);
    const skip = new Set<unknown>([Object.prototype, Function.prototype]);
    const seen = new Set<unknown>();
    const freeze = (o: unknown): void => {
      if ((typeof o !== 'object' && typeof o !== 'function') || o === null || seen.has(o) || skip.has(o)) return;
      seen.add(o);
      Object.freeze(o);
      freeze(Object.getPrototypeOf(o));
      for (const key of Reflect.ownKeys(o)) {
        const desc = Object.getOwnPropertyDescriptor(o, key)!;
        freeze(desc.value); freeze(desc.get); freeze(desc.set);
      }
    };
    freeze(D);
    freeze(I);
    expect(new D(SUMMER).toString()).toBe('Wed Jul 15 2020 08:34:56 GMT-0400 (EDT)');
    tz = 'IST-5:30';
    expect(new D(2020, 0, 1).toISOString()).toBe('2019-12-31T18:30:00.000Z');
    expect(new D(SUMMER).toLocaleString()).toBe(oracle(SUMMER, 'Asia/Kolkata', ALL));
    expect(new I.DateTimeFormat().resolvedOptions().timeZone).toBe('+05:30');
    expect(new I.DateTimeFormat('en-US', { timeZoneName: 'short' }).format(WINTER)).toBe('1/15/2020, IST');
    expect(new I.NumberFormat().format(1.5)).toBe('1.5');
    class My extends D {}
    expect(new My(0).getTime()).toBe(0);
  });
});
