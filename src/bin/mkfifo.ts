/**
 * mkfifo — make FIFOs (named pipes), as coreutils mkfifo: mode 0666 less the umask, or exactly
 * the -m MODE (octal or symbolic, applied to a=rw; permission bits only).
 */
import os from 'posixbox/os';
import { Fatal, program, quoteaf, reason, UsageError } from './lib.js';
import { adjustMode, compileMode } from './lib/mode.js';

export const main = program('mkfifo', {
  usage: '[OPTION]... NAME...',
  about: 'Create named pipes (FIFOs) with the given NAMEs.',
  short: 'm:Z',
  long: { 'mode=': 'm', context: 'Z' },
}, (t, a) => {
  if (a.operands.length === 0) throw new UsageError('missing operand');
  const text = a.last('m');
  let mode: number | undefined;
  if (text !== undefined) {
    const changes = compileMode(text);
    if (!changes) throw new Fatal('invalid mode');
    const umask = os.umask(0);
    os.umask(umask);
    mode = adjustMode(0o666, false, umask, changes).mode;
    if (mode & ~0o777) throw new Fatal('mode must specify only file permission bits');
  }
  let ok = true;
  for (const name of a.operands) {
    try {
      os.mkfifo(name, mode ?? 0o666);
      if (mode !== undefined) os.chmod(name, mode);
    } catch (e) {
      t.warn(`cannot create fifo ${quoteaf(name)}: ${reason(e)}`);
      ok = false;
    }
  }
  return ok ? 0 : 1;
});
