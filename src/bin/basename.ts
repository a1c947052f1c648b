/**
 * basename — strip the directory and, if given, a suffix from names, as coreutils basename:
 * `basename NAME [SUFFIX]`, or with -a (--multiple) every operand, -s SUFFIX (--suffix, implies
 * -a), -z (--zero: end each output with NUL). Trailing slashes go first; a name of only slashes is
 * `/`; the suffix is removed only if something is left and the result is not `/`.
 */
import { program, quote, UsageError } from './lib.js';

function base(name: string, suffix: string | undefined): string {
  const stripped = name.replace(/\/+$/, '');
  if (stripped === '') return name === '' ? '' : '/';
  const b = stripped.slice(stripped.lastIndexOf('/') + 1);
  return suffix && b.length > suffix.length && b.endsWith(suffix) ? b.slice(0, -suffix.length) : b;
}

export const main = program('basename', {
  usage: 'NAME [SUFFIX]\n  or:  basename OPTION... NAME...',
  about: 'Print NAME with any leading directory components removed. If specified, also remove a trailing SUFFIX.',
  short: 'as:z',
  long: { multiple: 'a', 'suffix=': 's', zero: 'z' },
}, (t, a) => {
  const ops = a.operands;
  if (ops.length === 0) throw new UsageError('missing operand');
  let suffix = a.last('s');
  const multiple = a.has('a') || suffix !== undefined;
  if (!multiple && ops.length > 2) throw new UsageError(`extra operand ${quote(ops[2]!)}`);
  const names = multiple ? ops : [ops[0]!];
  if (!multiple) suffix = ops[1];
  t.stdout.write(names.map((n) => base(n, suffix) + (a.has('z') ? '\0' : '\n')).join(''));
  return 0;
});
