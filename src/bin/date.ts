/**
 * date — print the date and time, as coreutils date, on the kernel clock (clock_gettime) in the
 * zone TZ names (the os API's localtime follows it):
 *   date [+FORMAT]        default `%a %b %e %H:%M:%S %Z %Y`; FORMAT as strftime with GNU's
 *                         flags and %N, %:z, %::z, %:::z, %q, %s
 *   -u, --utc             UTC (TZ=UTC0)
 *   -d, --date=STRING     the time STRING describes instead of now (see lib/dateparse.ts)
 *   -r, --reference=FILE  the last modification time of FILE
 *   -R, --rfc-email       `%a, %d %b %Y %H:%M:%S %z`
 *   -I[FMT], --iso-8601[=FMT]   date (default), hours, minutes, seconds or ns
 *   --rfc-3339=FMT        date, seconds or ns
 *   date MMDDhhmm[[CC]YY][.ss]  set the clock: only root may, and the kernel has no call to do it
 */
import os, { time } from 'posixbox/os';
import { Fatal, program, quote, reason, UsageError } from './lib.js';
import { parseDate, type Instant } from './lib/dateparse.js';

const EPERM = 1, ENOSYS = 38;
const ISO: Readonly<Record<string, string>> = {
  date: '%Y-%m-%d', hours: '%Y-%m-%dT%H%:z', minutes: '%Y-%m-%dT%H:%M%:z', seconds: '%Y-%m-%dT%H:%M:%S%:z',
  ns: '%Y-%m-%dT%H:%M:%S,%N%:z',
};
const RFC3339: Readonly<Record<string, string>> = {
  date: '%Y-%m-%d', seconds: '%Y-%m-%d %H:%M:%S%:z', ns: '%Y-%m-%d %H:%M:%S.%N%:z',
};

/** A --iso-8601 / --rfc-3339 argument: a unique prefix of one of `choices`, as argmatch takes it. */
function choose(v: string, choices: Readonly<Record<string, string>>, opt: string): string {
  const names = Object.keys(choices);
  const found = names.includes(v) ? [v] : names.filter((n) => n.startsWith(v));
  if (found.length === 1 && v !== '') return choices[found[0]!]!;
  const list = (opt === 'iso-8601' ? ['hours', 'minutes', 'date', 'seconds', 'ns'] : ['date', 'seconds', 'ns']).map((n) => `  - ${quote(n)}`).join('\n');
  throw new UsageError(`${found.length > 1 ? 'ambiguous' : 'invalid'} argument ${quote(v)} for '--${opt}'\nValid arguments are:\n${list}`);
}

/** MMDDhhmm[[CC]YY][.ss] as the time it names, or undefined. */
function setSpec(s: string, now: Instant): number | undefined {
  const m = /^(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)?(\d\d)?(?:\.(\d\d))?$/.exec(s);
  if (!m) return undefined;
  const today = time.localtime(now.sec);
  const year = m[6] !== undefined ? Number(m[5] + m[6]) : m[5] !== undefined ? (Number(m[5]) < 69 ? 2000 : 1900) + Number(m[5]) : today.year;
  const [mon, mday, hour, min, sec] = [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4]), Number(m[7] ?? 0)];
  if (mon < 1 || mon > 12 || mday < 1 || mday > 31 || hour > 23 || min > 59 || sec > 60) return undefined;
  return time.mktime({ ...today, year, mon, mday, hour, min, sec, isdst: -1 });
}

const run = program('date', {
  usage: '[OPTION]... [+FORMAT]\n  or:  date [-u|--utc|--universal] [MMDDhhmm[[CC]YY][.ss]]',
  about: 'Display the current time in the given FORMAT, or set the system date.',
  short: 'd:I:r:Ru',
  long: {
    'date=': 'd', 'iso-8601=': 'I', 'reference=': 'r', 'rfc-email': 'R', 'rfc-2822': 'R', 'rfc-3339=': 'rfc-3339',
    utc: 'u', universal: 'u',
  },
}, (t, a) => {
  if (a.has('u')) os.putenv('TZ', 'UTC0');
  const ns = time.time_ns();
  const now: Instant = { sec: Number(ns / 1_000_000_000n), nsec: Number(ns % 1_000_000_000n) };
  let when = now;
  let fmt: string | undefined;
  let formats = 0;
  for (const [k, v] of a.opts) {
    if (k === 'I') { fmt = choose(v || 'date', ISO, 'iso-8601'); formats++; }
    else if (k === 'rfc-3339') { fmt = choose(v, RFC3339, 'rfc-3339'); formats++; }
    else if (k === 'R') { fmt = '%a, %d %b %Y %H:%M:%S %z'; formats++; }
  }
  const d = a.last('d');
  const r = a.last('r');
  if (d !== undefined && r !== undefined) throw new UsageError('the options to print and set the time may not be used together');
  if (d !== undefined) {
    const got = parseDate(d, now);
    if (!got) throw new Fatal(`invalid date ${quote(d)}`);
    when = got;
  } else if (r !== undefined) {
    try {
      const mt = os.stat(r).st_mtime_ns;
      when = { sec: Number(mt / 1_000_000_000n), nsec: Number(mt % 1_000_000_000n) };
    } catch (e) {
      throw new Fatal(`${r}: ${reason(e)}`);
    }
  }
  const ops = a.operands;
  if (ops.length > 1) throw new UsageError(`extra operand ${quote(ops[1]!)}`);
  let status = 0;
  if (ops.length === 1) {
    const op = ops[0]!;
    if (op.startsWith('+')) {
      if (formats > 0) throw new Fatal('multiple output formats specified');
      fmt = op.slice(1);
    } else {
      if (d !== undefined || r !== undefined) throw new UsageError('the options to print and set the time may not be used together');
      const set = setSpec(op, now);
      if (set === undefined) throw new Fatal(`invalid date ${quote(op)}`);
      when = { sec: set, nsec: 0 };
      t.warn(`cannot set date: ${os.strerror(os.geteuid() === 0 ? ENOSYS : EPERM)}`);
      status = 1;
    }
  } else if (formats > 1) {
    throw new Fatal('multiple output formats specified');
  }
  const tm = { ...time.localtime(when.sec), nsec: when.nsec };
  t.stdout.write(`${time.strftime(fmt ?? '%a %b %e %H:%M:%S %Z %Y', tm)}\n`);
  return status;
});

/**
 * -I and --iso-8601 take an optional argument (`-I`, `-Iseconds`, `--iso-8601[=ns]`), which
 * getopt here does not know: spell the argument out before parsing.
 */
export function main(argv: string[]): number {
  const args = [argv[0] ?? 'date'];
  for (let i = 1; i < argv.length; i++) {
    const s = argv[i]!;
    if (s === '--') {
      args.push(...argv.slice(i));
      break;
    }
    args.push(s === '-I' ? '--iso-8601=date' : /^-I./.test(s) ? `--iso-8601=${s.slice(2)}` : s === '--iso-8601' ? '--iso-8601=date' : s);
  }
  return run(args);
}
