/** whoami — print the user name of the effective user id, as coreutils whoami. */
import os from 'posixbox/os';
import { Fatal, program, quote, UsageError } from './lib.js';
import { userName } from './lib/ids.js';

export const main = program('whoami', {
  usage: '[OPTION]...',
  about: 'Print the user name associated with the current effective user ID.',
}, (t, a) => {
  if (a.operands.length > 0) throw new UsageError(`extra operand ${quote(a.operands[0]!)}`);
  const uid = os.geteuid();
  const name = userName(uid);
  if (name === undefined) throw new Fatal(`cannot find name for user ID ${uid}`);
  t.stdout.write(`${name}\n`);
  return 0;
});
