/**
 * date on the kernel clock (deterministic: it starts at 2000-01-01 00:00:00 UTC, a Saturday, and
 * stands still while nothing sleeps): the default format, +FORMAT conversions and flags, -u, -d,
 * -r, -R, -I, --rfc-3339, TZ, and the errors. Expected outputs are GNU coreutils 9.1's (C locale).
 */
import { describe } from 'vitest';
import { table, type Case } from './harness.js';

const TRY = "Try 'date --help' for more information.\n";
const tz = (zone: string): readonly string[] => ['PATH=/bin', `TZ=${zone}`];

describe('date', () => table([
  { argv: ['date'], out: 'Sat Jan  1 00:00:00 UTC 2000\n' },
  { argv: ['date', '-u'], env: tz('America/New_York'), out: 'Sat Jan  1 00:00:00 UTC 2000\n' },
  { argv: ['date'], env: tz('America/New_York'), out: 'Fri Dec 31 19:00:00 EST 1999\n' },
  { argv: ['date'], env: tz('Asia/Kolkata'), out: 'Sat Jan  1 05:30:00 IST 2000\n' },
  { argv: ['date'], env: tz('JST-9'), out: 'Sat Jan  1 09:00:00 JST 2000\n' },
  { argv: ['date', '+%z %:z %::z %:::z %Z %s'], env: tz('Europe/Paris'), out: '+0100 +01:00 +01:00:00 +01 CET 946684800\n' },
  { argv: ['date', '+%z %:z %::z %:::z %Z'], env: tz('Asia/Kolkata'), out: '+0530 +05:30 +05:30:00 +05:30 IST\n' },
  { argv: ['date', '+%a %A %b %B %c %C %d %D %e %F %g %G %h %H %I %j %k %l %m %M'],
    out: 'Sat Saturday Jan January Sat Jan  1 00:00:00 2000 20 01 01/01/00  1 2000-01-01 99 1999 Jan 00 12 001  0 12 01 00\n' },
  { argv: ['date', '+%n|%N|%p|%P|%q|%r|%R|%s|%S|%t|%T|%u|%U|%V|%w|%W|%x|%X|%y|%Y|%z|%Z|%%'],
    out: '\n|000000000|AM|am|1|12:00:00 AM|00:00|946684800|00|\t|00:00:00|6|00|52|6|00|01/01/00|00:00:00|00|2000|+0000|UTC|%\n' },
  { argv: ['date', '+%-d|%_H|%05e|%^B|%#p|%#Z|%3N|%-I|%_5j|%10s|%Ey|%Oy|%:%|%Q'], out: '1| 0|00001|JANUARY|am|utc|000|12|    1|0946684800|00|00|%:%|%Q\n' },
  { argv: ['date', '+'], out: '\n' },
  { argv: ['date', '-d', '2020-02-29 13:14:15', '+%F %T %u %V %j %G'], out: '2020-02-29 13:14:15 6 09 060 2020\n' },
  { argv: ['date', '-d', '2021-01-03', '+%V %G %U %W %u'], out: '53 2020 01 00 7\n' },
  { argv: ['date', '-d', '@0'], out: 'Thu Jan  1 00:00:00 UTC 1970\n' },
  { argv: ['date', '-d', '@-1'], out: 'Wed Dec 31 23:59:59 UTC 1969\n' },
  { argv: ['date', '--date=@1.000000001', '+%s.%N'], out: '1.000000001\n' },
  { argv: ['date', '-u', '-d', '2020-01-02T03:04:05+01:00'], out: 'Thu Jan  2 02:04:05 UTC 2020\n' },
  { argv: ['date', '-d', '2020-01-02 03:04'], env: tz('America/New_York'), out: 'Thu Jan  2 03:04:00 EST 2020\n' },
  { argv: ['date', '-d', '2020-07-04 12:00', '+%F %T %Z %z'], env: tz('America/New_York'), out: '2020-07-04 12:00:00 EDT -0400\n' },
  { argv: ['date', '-d', '1 day ago 2 hours'], out: 'Fri Dec 31 02:00:00 UTC 1999\n' },
  { argv: ['date', '-d', '+3 months', '+%F'], out: '2000-04-01\n' },
  { argv: ['date', '-d', '2 weeks ago', '+%F'], out: '1999-12-18\n' },
  { argv: ['date', '-d', 'tomorrow', '+%F'], out: '2000-01-02\n' },
  { argv: ['date', '-d', 'yesterday 12:34:56'], out: 'Fri Dec 31 12:34:56 UTC 1999\n' },
  { argv: ['date', '-R'], out: 'Sat, 01 Jan 2000 00:00:00 +0000\n' },
  { argv: ['date', '-R'], env: tz('America/New_York'), out: 'Fri, 31 Dec 1999 19:00:00 -0500\n' },
  { argv: ['date', '-I'], out: '2000-01-01\n' },
  { argv: ['date', '-Ih'], out: '2000-01-01T00+00:00\n' },
  { argv: ['date', '-Iminutes'], env: tz('Asia/Kolkata'), out: '2000-01-01T05:30+05:30\n' },
  { argv: ['date', '--iso-8601=s'], out: '2000-01-01T00:00:00+00:00\n' },
  { argv: ['date', '-Ins', '-d', '@1.5'], out: '1970-01-01T00:00:01,500000000+00:00\n' },
  { argv: ['date', '--rfc-3339=seconds'], out: '2000-01-01 00:00:00+00:00\n' },
  { argv: ['date', '--rfc-3339=ns', '-d', '@0.5'], out: '1970-01-01 00:00:00.500000000+00:00\n' },
  { argv: ['date', '-r', '/tmp/f', '+%s %F'], files: [{ path: '/tmp/f', mtime: 1234567890 }], out: '1234567890 2009-02-13\n' },
  { argv: ['date', '-r', '/nope'], err: 'date: /nope: No such file or directory\n', status: 1 },
  { argv: ['date', '-r', '/tmp/p/f'], as: 'alice', files: [{ path: '/tmp/p/f' }, { path: '/tmp/p', type: 'dir', mode: '0700' }], err: 'date: /tmp/p/f: Permission denied\n', status: 1 },
  { argv: ['date', '-d', 'foo'], err: "date: invalid date 'foo'\n", status: 1 },
  { argv: ['date', '-d', '2020-02-30'], err: "date: invalid date '2020-02-30'\n", status: 1 },
  { argv: ['date', '-d', '25:00'], err: "date: invalid date '25:00'\n", status: 1 },
  { argv: ['date', '010203042021'], as: 'alice', out: 'Sat Jan  2 03:04:00 UTC 2021\n', err: 'date: cannot set date: Operation not permitted\n', status: 1 },
  { argv: ['date', 'a', 'b'], err: `date: extra operand 'b'\n${TRY}`, status: 1 },
  { argv: ['date', '-I', '-R'], err: 'date: multiple output formats specified\n', status: 1 },
  { argv: ['date', '-Ix'], err: "date: invalid argument 'x' for '--iso-8601'\nValid arguments are:\n  - 'hours'\n  - 'minutes'\n  - 'date'\n  - 'seconds'\n  - 'ns'\n" + TRY, status: 1 },
  { argv: ['date', '--rfc-3339=x'], err: "date: invalid argument 'x' for '--rfc-3339'\nValid arguments are:\n  - 'date'\n  - 'seconds'\n  - 'ns'\n" + TRY, status: 1 },
  { argv: ['date', '-d'], err: `date: option requires an argument -- 'd'\n${TRY}`, status: 1 },
  { argv: ['date', '-k'], err: `date: invalid option -- 'k'\n${TRY}`, status: 1 },
] satisfies Case[]));
