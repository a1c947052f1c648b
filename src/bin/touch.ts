/**
 * touch — set files' access and modification times to now, creating them (mode 0666 less the
 * umask) if missing, as coreutils touch:
 *   -c, --no-create        do not create; a missing file is not an error
 *   -a / -m                change only the access / only the modification time
 *   -r, --reference=FILE   use FILE's times instead of now
 *   -d, --date=STRING      use the time STRING describes (the forms `date -d` takes: lib/dateparse)
 *   -t STAMP               use [[CC]YY]MMDDhhmm[.ss] in the local zone
 * Not done: -h, and `-` meaning standard output.
 */
import os, { OSError, time } from 'posixbox/os';
import { Fatal, program, quote, quoteaf, reason, UsageError } from './lib.js';
import { parseDate, type Instant } from './lib/dateparse.js';

/** -t's [[CC]YY]MMDDhhmm[.ss] as the date string parseDate reads, or undefined if malformed. */
function stampDate(stamp: string, year: number): string | undefined {
  const m = /^(\d{8}|\d{10}|\d{12})(?:\.(\d{2}))?$/.exec(stamp);
  if (!m) return undefined;
  const digits = m[1]!;
  const rest = digits.slice(-8);
  let y = year;
  if (digits.length === 12) y = Number(digits.slice(0, 4));
  else if (digits.length === 10) {
    const yy = Number(digits.slice(0, 2));
    y = yy >= 69 ? 1900 + yy : 2000 + yy;
  }
  const sec = m[2] ?? '00';
  if (Number(sec) > 60) return undefined;
  return `${String(y).padStart(4, '0')}-${rest.slice(0, 2)}-${rest.slice(2, 4)} ${rest.slice(4, 6)}:${rest.slice(6, 8)}:${sec === '60' ? '59' : sec}`;
}

const ENOENT = 2;

export const main = program('touch', {
  usage: '[OPTION]... FILE...',
  about: 'Update the access and modification times of each FILE to the current time.',
  short: 'acd:mr:t:',
  long: { 'no-create': 'c', 'date=': 'd', 'reference=': 'r' },
}, (t, a) => {
  if (a.operands.length === 0) throw new UsageError('missing file operand');
  const ref = a.last('r');
  const date = a.last('d');
  const stamp = a.last('t');
  if (stamp !== undefined && (ref !== undefined || date !== undefined)) throw new UsageError('cannot specify times from more than one source');
  let times: [bigint, bigint] | undefined;
  const at = (i: Instant): [bigint, bigint] => {
    const ns = BigInt(i.sec) * 1_000_000_000n + BigInt(i.nsec);
    return [ns, ns];
  };
  const nowNs = time.time_ns();
  const now: Instant = { sec: Number(nowNs / 1_000_000_000n), nsec: Number(nowNs % 1_000_000_000n) };
  if (ref !== undefined) {
    try {
      const st = os.stat(ref);
      times = [st.st_atime_ns, st.st_mtime_ns];
    } catch (e) {
      throw new Fatal(`failed to get attributes of ${quoteaf(ref)}: ${reason(e)}`);
    }
  }
  if (date !== undefined) {
    // With -r, the date is relative to the reference file's modification time, as in coreutils.
    const base = times ? { sec: Number(times[1] / 1_000_000_000n), nsec: Number(times[1] % 1_000_000_000n) } : now;
    const got = parseDate(date, base);
    if (!got) throw new Fatal(`invalid date format ${quote(date)}`);
    times = at(got);
  } else if (stamp !== undefined) {
    const text = stampDate(stamp, time.localtime(now.sec).year);
    const got = text === undefined ? undefined : parseDate(text, now);
    if (!got) throw new Fatal(`invalid date format ${quote(stamp)}`);
    times = at(got);
  }
  const [atimeOnly, mtimeOnly] = [a.has('a') && !a.has('m'), a.has('m') && !a.has('a')];
  let status = 0;
  for (const file of a.operands) {
    let openError: { strerror: string } | undefined;
    if (!a.has('c')) {
      try {
        os.close(os.open(file, os.O_WRONLY | os.O_CREAT | os.O_NONBLOCK | os.O_NOCTTY, 0o666));
      } catch (e) {
        if (!(e instanceof OSError)) throw e;
        openError = e;
      }
    }
    try {
      if (!times && !atimeOnly && !mtimeOnly) {
        os.utime(file, null); // UTIME_NOW: write permission suffices, as for touch(1)
      } else {
        const now = time.time_ns();
        const [at, mt] = times ?? [now, now];
        const st = atimeOnly || mtimeOnly ? os.stat(file) : undefined;
        os.utime(file, null, { ns: [mtimeOnly ? st!.st_atime_ns : at, atimeOnly ? st!.st_mtime_ns : mt] });
      }
    } catch (e) {
      if (openError) {
        t.warn(`cannot touch ${quoteaf(file)}: ${openError.strerror}`);
      } else if (a.has('c') && e instanceof OSError && e.errno === ENOENT) {
        continue;
      } else {
        t.warn(`setting times of ${quoteaf(file)}: ${reason(e)}`);
      }
      status = 1;
    }
  }
  return status;
});
