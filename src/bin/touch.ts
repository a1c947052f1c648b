/**
 * touch — set files' access and modification times to now, creating them (mode 0666 less the
 * umask) if missing, as coreutils touch:
 *   -c, --no-create        do not create; a missing file is not an error
 *   -a / -m                change only the access / only the modification time
 *   -r, --reference=FILE   use FILE's times instead of now
 * Not done: -d/--date, -t STAMP, -h, and `-` meaning standard output.
 */
import os, { OSError, time } from 'posixbox/os';
import { Fatal, program, quoteaf, reason, UsageError } from './lib.js';

const ENOENT = 2;

export const main = program('touch', {
  usage: '[OPTION]... FILE...',
  about: 'Update the access and modification times of each FILE to the current time.',
  short: 'acmr:',
  long: { 'no-create': 'c', 'reference=': 'r' },
}, (t, a) => {
  if (a.operands.length === 0) throw new UsageError('missing file operand');
  const ref = a.last('r');
  let times: [bigint, bigint] | undefined;
  if (ref !== undefined) {
    try {
      const st = os.stat(ref);
      times = [st.st_atime_ns, st.st_mtime_ns];
    } catch (e) {
      throw new Fatal(`failed to get attributes of ${quoteaf(ref)}: ${reason(e)}`);
    }
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
