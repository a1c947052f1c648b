import { describe, expect, it } from 'vitest';
import { gmtime, localtime, mktime, parseTz, zoneFor, type TmStruct } from '../../src/os/tz.js';

/** One line per broken-down time, in the shape the table below uses. */
function show(s: TmStruct): string {
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  const off = s.gmtoff >= 0 ? `+${s.gmtoff}` : String(s.gmtoff);
  return `${p(s.year, 4)}-${p(s.mon)}-${p(s.mday)} ${p(s.hour)}:${p(s.min)}:${p(s.sec)} ${s.zone} ${off} dst=${s.isdst} wday=${s.wday} yday=${s.yday}`;
}

// [TZ, t, expected, note]. Expected values are glibc 2.36's (Python 3's time.localtime on Linux
// with the same TZ; named zones against tzdata, whose current rules hold for these instants).
const LOCALTIME: Array<[string, number, string, string]> = [
  ["EST5EDT,M3.2.0,M11.1.0", 1291492027, "2010-12-04 14:47:07 EST -18000 dst=0 wday=5 yday=338", "F0 clock"],
  ["EST5EDT,M3.2.0,M11.1.0", 1289745636, "2010-11-14 09:40:36 EST -18000 dst=0 wday=6 yday=318", "os_stat.py's mtime"],
  ["EST5EDT,M3.2.0,M11.1.0", 1268549999, "2010-03-14 01:59:59 EST -18000 dst=0 wday=6 yday=73", "last second of EST, 2010-03-14"],
  ["EST5EDT,M3.2.0,M11.1.0", 1268550000, "2010-03-14 03:00:00 EDT -14400 dst=1 wday=6 yday=73", "first second of EDT (02:00 EST \u2192 03:00 EDT)"],
  ["EST5EDT,M3.2.0,M11.1.0", 1289109599, "2010-11-07 01:59:59 EDT -14400 dst=1 wday=6 yday=311", "last second of EDT, 2010-11-07"],
  ["EST5EDT,M3.2.0,M11.1.0", 1289109600, "2010-11-07 01:00:00 EST -18000 dst=0 wday=6 yday=311", "first second of EST again (02:00 EDT \u2192 01:00 EST)"],
  ["EST5EDT,M3.2.0,M11.1.0", 1289106000, "2010-11-07 01:00:00 EDT -14400 dst=1 wday=6 yday=311", "01:00 EDT, the first of the repeated hour"],
  ["EST5EDT", 1278000000, "2010-07-01 12:00:00 EDT -14400 dst=1 wday=3 yday=182", "no rule: the US default rule applies (July)"],
  ["EST5EDT", 1262304000, "2009-12-31 19:00:00 EST -18000 dst=0 wday=3 yday=365", "no rule: January is standard time"],
  ["EST5EDT,", 1278000000, "2010-07-01 12:00:00 EDT -14400 dst=1 wday=3 yday=182", "an empty rule is the default rule too"],
  ["America/New_York", 1291492027, "2010-12-04 14:47:07 EST -18000 dst=0 wday=5 yday=338", "named zone"],
  ["America/New_York", 1278000000, "2010-07-01 12:00:00 EDT -14400 dst=1 wday=3 yday=182", "named zone in summer"],
  [":America/Chicago", 1278000000, "2010-07-01 11:00:00 CDT -18000 dst=1 wday=3 yday=182", "leading colon"],
  ["America/Denver", 1291492027, "2010-12-04 12:47:07 MST -25200 dst=0 wday=5 yday=338", ""],
  ["America/Los_Angeles", 1278000000, "2010-07-01 09:00:00 PDT -25200 dst=1 wday=3 yday=182", ""],
  ["Europe/London", 1278000000, "2010-07-01 17:00:00 BST +3600 dst=1 wday=3 yday=182", "BST"],
  ["Europe/London", 1291492027, "2010-12-04 19:47:07 GMT +0 dst=0 wday=5 yday=338", "GMT"],
  ["Europe/Paris", 1269737999, "2010-03-28 01:59:59 CET +3600 dst=0 wday=6 yday=87", "CET, last second before 2010-03-28 01:00Z"],
  ["Europe/Paris", 1269738000, "2010-03-28 03:00:00 CEST +7200 dst=1 wday=6 yday=87", "CEST from 2010-03-28 01:00Z"],
  ["Europe/Berlin", 1288486799, "2010-10-31 02:59:59 CEST +7200 dst=1 wday=6 yday=304", "CEST, last second before 2010-10-31 01:00Z"],
  ["Europe/Berlin", 1288486800, "2010-10-31 02:00:00 CET +3600 dst=0 wday=6 yday=304", "CET from 2010-10-31 01:00Z"],
  ["CET-1CEST,M3.5.0,M10.5.0/3", 1278000000, "2010-07-01 18:00:00 CEST +7200 dst=1 wday=3 yday=182", "negative POSIX offset = east of UTC"],
  ["Asia/Tokyo", 1291492027, "2010-12-05 04:47:07 JST +32400 dst=0 wday=6 yday=339", ""],
  ["Asia/Kolkata", 1291492027, "2010-12-05 01:17:07 IST +19800 dst=0 wday=6 yday=339", "half-hour offset"],
  ["<+0530>-5:30", 1291492027, "2010-12-05 01:17:07 +0530 +19800 dst=0 wday=6 yday=339", "quoted abbreviation"],
  ["<-03>3", 1291492027, "2010-12-04 16:47:07 -03 -10800 dst=0 wday=5 yday=338", "quoted negative abbreviation, west of UTC"],
  ["<-0330>3:30<-0230>,M3.2.0/-2,M11.1.0/25", 1278000000, "2010-07-01 13:30:00 -0230 -9000 dst=1 wday=3 yday=182", "negative and >24h rule times"],
  ["Australia/Sydney", 1270310399, "2010-04-04 02:59:59 AEDT +39600 dst=1 wday=6 yday=94", "southern hemisphere: last second of AEDT, 2010-04-04 03:00 AEDT"],
  ["Australia/Sydney", 1270310400, "2010-04-04 02:00:00 AEST +36000 dst=0 wday=6 yday=94", "southern hemisphere: AEST from 2010-04-03 16:00Z"],
  ["Australia/Sydney", 1286035199, "2010-10-03 01:59:59 AEST +36000 dst=0 wday=6 yday=276", "southern hemisphere: last second of AEST"],
  ["Australia/Sydney", 1286035200, "2010-10-03 03:00:00 AEDT +39600 dst=1 wday=6 yday=276", "southern hemisphere: AEDT from 2010-10-02 16:00Z"],
  ["Australia/Sydney", 1293839999, "2011-01-01 10:59:59 AEDT +39600 dst=1 wday=5 yday=1", "southern hemisphere: New Year in daylight time"],
  ["AEST-10AEDT,M10.1.0,M4.1.0/3", 1262304000, "2010-01-01 11:00:00 AEDT +39600 dst=1 wday=4 yday=1", ""],
  ["NZST-12NZDT,M9.5.0,M4.1.0/3", 1278000000, "2010-07-02 04:00:00 NZST +43200 dst=0 wday=4 yday=183", "winter in New Zealand"],
  ["EST5EDT4,J60/1,300/3", 1267423199, "2010-03-01 00:59:59 EST -18000 dst=0 wday=0 yday=60", "Jn: the second before J60 01:00 EST (2010-03-01)"],
  ["EST5EDT4,J60/1,300/3", 1267423200, "2010-03-01 02:00:00 EDT -14400 dst=1 wday=0 yday=60", "Jn: daylight time from J60 01:00 EST"],
  ["EST5EDT4,J60/1,300/3", 1330581599, "2012-03-01 00:59:59 EST -18000 dst=0 wday=3 yday=61", "Jn in a leap year: J60 is still March 1 (the second before)"],
  ["EST5EDT4,J60/1,300/3", 1330581600, "2012-03-01 02:00:00 EDT -14400 dst=1 wday=3 yday=61", "Jn in a leap year: daylight time from March 1"],
  ["EST5EDT4,59/1,300/3", 1330495199, "2012-02-29 00:59:59 EST -18000 dst=0 wday=2 yday=60", "n in a leap year: day 59 is February 29 (the second before)"],
  ["EST5EDT4,59/1,300/3", 1330495200, "2012-02-29 02:00:00 EDT -14400 dst=1 wday=2 yday=60", "n in a leap year: daylight time from February 29"],
  ["EST5EDT4,59/1,300/3", 1351321199, "2012-10-27 02:59:59 EDT -14400 dst=1 wday=5 yday=301", "n: day 300 03:00 EDT is 2012-10-27 (the second before)"],
  ["EST5EDT4,59/1,300/3", 1351321200, "2012-10-27 02:00:00 EST -18000 dst=0 wday=5 yday=301", "n: standard time again"],
  ["EST5EDT3,M3.2.0,M11.1.0", 1278000000, "2010-07-01 13:00:00 EDT -10800 dst=1 wday=3 yday=182", "explicit DST offset (two hours ahead)"],
  ["UTC0", 1291492027, "2010-12-04 19:47:07 UTC +0 dst=0 wday=5 yday=338", ""],
  ["UTC", 0, "1970-01-01 00:00:00 UTC +0 dst=0 wday=3 yday=1", "the Epoch"],
  ["GMT", -1, "1969-12-31 23:59:59 GMT +0 dst=0 wday=2 yday=365", "before the Epoch"],
  ["Etc/UTC", 951782400, "2000-02-29 00:00:00 UTC +0 dst=0 wday=1 yday=60", "2000-02-29"],
  ["UTC0", 4107542400, "2100-03-01 00:00:00 UTC +0 dst=0 wday=0 yday=60", "2100-03-01 (2100 is not a leap year)"],
  ["Nowhere/Land", 1291492027, "2010-12-04 19:47:07 Nowhere +0 dst=0 wday=5 yday=338", "unknown name: UTC, named like glibc"],
  ["garbage", 1291492027, "2010-12-04 19:47:07 garbage +0 dst=0 wday=5 yday=338", "unknown name: UTC"],
  ["", 1291492027, "2010-12-04 19:47:07 UTC +0 dst=0 wday=5 yday=338", "empty: UTC"],
];

describe('localtime', () => {
  it.each(LOCALTIME)('TZ=%j at %d', (tz, t, expected) => {
    expect(show(localtime(t, tz))).toBe(expected);
  });

  it('unset TZ is UTC', () => {
    expect(show(localtime(1291492027, undefined))).toBe('2010-12-04 19:47:07 UTC +0 dst=0 wday=5 yday=338');
  });

  it('gives C numbering beside Python numbering', () => {
    const s = localtime(1291492027, 'EST5EDT,M3.2.0,M11.1.0');
    expect([s.wday, s.tm_wday, s.yday, s.tm_yday]).toEqual([5, 6, 338, 337]);
  });

  it('floors fractional seconds (and keeps them for %N)', () => {
    expect(show(localtime(-0.5, 'UTC0'))).toBe('1969-12-31 23:59:59 UTC +0 dst=0 wday=2 yday=365');
    expect(localtime(1291492027.25, 'UTC0').nsec).toBe(250000000);
  });

  it('gmtime is UTC whatever the zone', () => {
    expect(show(gmtime(1291492027))).toBe('2010-12-04 19:47:07 UTC +0 dst=0 wday=5 yday=338');
  });
});

describe('parseTz', () => {
  it.each<[string, { std: [string, number]; dst?: [string, number] }]>([
    ['EST5EDT,M3.2.0,M11.1.0', { std: ['EST', -18000], dst: ['EDT', -14400] }],
    ['CET-1CEST,M3.5.0,M10.5.0/3', { std: ['CET', 3600], dst: ['CEST', 7200] }],
    ['<+0530>-5:30', { std: ['+0530', 19800] }],
    ['<-03>3', { std: ['-03', -10800] }],
    ['UTC0', { std: ['UTC', 0] }],
    ['EST5EDT3,M3.2.0,M11.1.0', { std: ['EST', -18000], dst: ['EDT', -10800] }],
    ['XXX-1:02:03', { std: ['XXX', 3723] }],
  ])('%s', (spec, want) => {
    const z = parseTz(spec);
    expect(z).toBeDefined();
    expect([z!.std.abbr, z!.std.gmtoff]).toEqual(want.std);
    expect(z!.dst ? [z!.dst.type.abbr, z!.dst.type.gmtoff] : undefined).toEqual(want.dst);
  });

  it('reads the three rule forms and rule times', () => {
    expect(parseTz('EST5EDT,J60/1,300/-2:30')!.dst).toEqual({
      type: { abbr: 'EDT', gmtoff: -14400 },
      start: { kind: 'julian1', day: 60, time: 3600 },
      end: { kind: 'julian0', day: 300, time: -9000 },
    });
    expect(parseTz('EST5EDT,M3.2.0,M11.5.6/167')!.dst!.end).toEqual({
      kind: 'month', month: 11, week: 5, weekday: 6, time: 167 * 3600,
    });
  });

  it('gives a missing rule the US default (M3.2.0,M11.1.0)', () => {
    expect(parseTz('PST8PDT')!.dst!.start).toEqual({ kind: 'month', month: 3, week: 2, weekday: 0, time: 7200 });
    expect(parseTz('PST8PDT')!.dst!.end).toEqual({ kind: 'month', month: 11, week: 1, weekday: 0, time: 7200 });
  });

  it.each(['', 'EST', 'ES5', 'EST5EDT,M13.1.0,M11.1.0', 'EST5EDT,M3.6.0,M11.1.0', 'EST5EDT,J0,J365',
    'EST5EDT,M3.2.0', 'EST25', '<AB>5', '<+0530-5:30', 'EST5x', 'EST5EDT,M3.2.0,M11.1.0,'])('rejects %j', (spec) => {
    expect(parseTz(spec)).toBeUndefined();
  });

  it('maps names to their POSIX rules', () => {
    expect(zoneFor('America/New_York').spec).toBe('EST5EDT,M3.2.0,M11.1.0');
    expect(zoneFor(':Europe/Paris').spec).toBe('CET-1CEST,M3.5.0,M10.5.0/3');
    expect(zoneFor('Australia/Sydney').spec).toBe('AEST-10AEDT,M10.1.0,M4.1.0/3');
    expect(zoneFor(undefined).std).toEqual({ abbr: 'UTC', gmtoff: 0 });
    expect(zoneFor('Ab').std).toEqual({ abbr: '', gmtoff: 0 });
  });
});

// [TZ, year, mon, mday, hour, min, sec, isdst, expected]: glibc's mktime via Python's time.mktime.
const MKTIME: Array<[string, number, number, number, number, number, number, number, number]> = [
  ['EST5EDT,M3.2.0,M11.1.0', 2010, 12, 4, 14, 47, 7, -1, 1291492027],
  ['EST5EDT,M3.2.0,M11.1.0', 2010, 11, 7, 1, 30, 0, -1, 1289107800], // repeated hour: EDT
  ['EST5EDT,M3.2.0,M11.1.0', 2010, 3, 14, 2, 30, 0, -1, 1268551800], // gap: read as EST
  ['EST5EDT,M3.2.0,M11.1.0', 2010, 11, 7, 1, 30, 0, 0, 1289111400],
  ['EST5EDT,M3.2.0,M11.1.0', 2010, 11, 7, 1, 30, 0, 1, 1289107800],
  ['EST5EDT,M3.2.0,M11.1.0', 2010, 7, 1, 12, 0, 0, 0, 1278003600], // isdst 0 in summer
  ['EST5EDT,M3.2.0,M11.1.0', 2010, 1, 1, 12, 0, 0, 1, 1262361600], // isdst 1 in winter
  ['EST5EDT,M3.2.0,M11.1.0', 2010, 13, 32, 25, 61, 61, -1, 1296630121], // normalised
  ['Australia/Sydney', 2010, 1, 1, 11, 0, 0, -1, 1262304000],
  ['<+0530>-5:30', 2010, 12, 5, 1, 17, 7, -1, 1291492027],
  ['UTC0', 1969, 12, 31, 23, 59, 59, -1, -1],
];

describe('mktime', () => {
  it.each(MKTIME)('TZ=%j %d-%d-%d %d:%d:%d isdst=%d', (tz, year, mon, mday, hour, min, sec, isdst, want) => {
    expect(mktime({ year, mon, mday, hour, min, sec, isdst }, tz)).toBe(want);
  });

  it('inverts localtime around both 2010 transitions', () => {
    const tz = 'EST5EDT,M3.2.0,M11.1.0';
    for (const base of [1268550000, 1289109600]) {
      for (let t = base - 7200; t <= base + 7200; t += 900) {
        expect(mktime(localtime(t, tz), tz)).toBe(t);
      }
    }
  });
});
