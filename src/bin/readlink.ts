/**
 * readlink — print the value of a symbolic link or a canonical file name, as coreutils readlink:
 *   (no option)  the link's contents; a file that is not a link fails silently (status 1)
 *   -f  canonicalize, all but the last component must exist   -e  all must   -m  none need
 *   -n  no trailing newline (ignored, with a warning, for several names)   -z  end with NUL
 *   -q, -s  quiet (the default)   -v  report errors
 */
import os from 'posixbox/os';
import { program, quotef, reason, UsageError } from './lib.js';
import { canonicalize, type CanonMode } from './lib/canon.js';

export const main = program('readlink', {
  usage: '[OPTION]... FILE...',
  about: 'Print value of a symbolic link or canonical file name',
  short: 'efmnqsvz',
  long: {
    canonicalize: 'f', 'canonicalize-existing': 'e', 'canonicalize-missing': 'm', 'no-newline': 'n', quiet: 'q',
    silent: 's', verbose: 'v', zero: 'z',
  },
}, (t, a) => {
  if (a.operands.length === 0) throw new UsageError('missing operand');
  let mode: CanonMode | undefined;
  let verbose = false;
  for (const [k] of a.opts) {
    if (k === 'f') mode = 'all-but-last';
    else if (k === 'e') mode = 'existing';
    else if (k === 'm') mode = 'missing';
    else if (k === 'v') verbose = true;
    else if (k === 'q' || k === 's') verbose = false;
  }
  let noNewline = a.has('n');
  if (noNewline && a.operands.length > 1) {
    t.warn('ignoring --no-newline with multiple arguments');
    noNewline = false;
  }
  const end = noNewline ? '' : a.has('z') ? '\0' : '\n';
  let ok = true;
  for (const name of a.operands) {
    if (mode !== undefined) {
      const r = canonicalize(name, mode);
      if (typeof r === 'number') {
        if (verbose) t.warn(`${quotef(name)}: ${os.strerror(r)}`);
        ok = false;
      } else {
        t.stdout.write(r + end);
      }
      continue;
    }
    try {
      t.stdout.write(os.readlink(name) + end);
    } catch (e) {
      if (verbose) t.warn(`${quotef(name)}: ${reason(e)}`);
      ok = false;
    }
  }
  return ok ? 0 : 1;
});
