/**
 * env — print the environment, modified: as coreutils env, but without running a command (that
 * needs exec; until then a COMMAND operand is refused with status 125).
 *   -i, --ignore-environment   start from an empty environment (a leading `-` operand means it too)
 *   -u, --unset=NAME           remove NAME
 *   -0, --null                 end each line with NUL instead of newline
 *   NAME=VALUE                 set NAME (in place if it exists, else at the end)
 * Options stop at the first operand. Errors are status 125, as env's own failures are there.
 */
import os from 'posixbox/os';
import { Fatal, out, program, quote } from './lib.js';

export const main = program('env', {
  usage: '[OPTION]... [-] [NAME=VALUE]...',
  about: 'Set each NAME to VALUE in the environment and print the resulting environment.',
  short: '+i0u:',
  long: { 'ignore-environment': 'i', null: '0', 'unset=': 'u' },
  failure: 125,
}, (_t, a) => {
  const env = new Map(os.environ);
  const operands = [...a.operands];
  if (a.has('i') || operands[0] === '-') env.clear();
  if (operands[0] === '-') operands.shift();
  for (const [k, v] of a.opts) {
    if (k !== 'u') continue;
    if (v === '' || v.includes('=')) throw new Fatal(`cannot unset ${quote(v)}: Invalid argument`, 125);
    env.delete(v);
  }
  while (operands.length > 0 && operands[0]!.includes('=')) {
    const kv = operands.shift()!;
    const eq = kv.indexOf('=');
    env.set(kv.slice(0, eq), kv.slice(eq + 1)); // `=x` too, as glibc's putenv takes it
  }
  if (operands.length > 0) {
    throw new Fatal(`cannot run ${quote(operands[0]!)}: running a command is not supported yet`, 125);
  }
  const end = a.has('0') ? '\0' : '\n';
  out([...env].map(([k, v]) => `${k}=${v}${end}`).join(''));
  return 0;
});
