/**
 * tty — print the file name of the terminal on standard input, as coreutils tty: `not a tty`
 * (status 1) when it is not one; -s prints nothing and only sets the status. Usage errors are
 * status 2.
 */
import os from 'posixbox/os';
import { program, quote, UsageError } from './lib.js';

export const main = program('tty', {
  usage: '[OPTION]...',
  about: 'Print the file name of the terminal connected to standard input.',
  short: 's',
  long: { silent: 's', quiet: 's' },
  failure: 2,
}, (t, a) => {
  if (a.operands.length > 0) throw new UsageError(`extra operand ${quote(a.operands[0]!)}`);
  if (a.has('s')) return os.isatty(0) ? 0 : 1;
  let name: string | undefined;
  try {
    name = os.ttyname(0);
  } catch {
    name = undefined;
  }
  t.stdout.write(`${name ?? 'not a tty'}\n`);
  return name === undefined ? 1 : 0;
});
