/**
 * printenv — print the environment, or the values of the variables named, as coreutils
 * printenv: status 1 if a named variable is not set (a name holding `=` never is), 2 on a usage
 * error. -0, --null: end each line with NUL instead of newline.
 */
import os from 'posixbox/os';
import { program } from './lib.js';

export const main = program('printenv', {
  usage: '[OPTION]... [VARIABLE]...',
  about: 'Print the values of the specified environment VARIABLE(s). If no VARIABLE is specified, print name and value pairs for them all.',
  short: '0',
  long: { null: '0' },
  failure: 2,
}, (t, a) => {
  const end = a.has('0') ? '\0' : '\n';
  if (a.operands.length === 0) {
    t.stdout.write([...os.environ].map(([k, v]) => `${k}=${v}${end}`).join(''));
    return 0;
  }
  let status = 0;
  let text = '';
  for (const name of a.operands) {
    const v = name.includes('=') ? undefined : os.environ.get(name);
    if (v === undefined) status = 1;
    else text += `${v}${end}`;
  }
  t.stdout.write(text);
  return status;
});
