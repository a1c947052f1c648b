/**
 * env — run COMMAND in a modified environment (PATH searched), or print that environment, as
 * coreutils env: 127 if COMMAND is not found, 126 if it cannot run.
 *   -i, --ignore-environment   start from an empty environment (a leading `-` operand means it too)
 *   -u, --unset=NAME           remove NAME
 *   -0, --null                 end each line with NUL instead of newline
 *   NAME=VALUE                 set NAME (in place if it exists, else at the end)
 * Options stop at the first operand. Errors are status 125, as env's own failures are there.
 */
import os, { OSError } from 'posixbox/os';
import { Fatal, program, quote, UsageError } from './lib.js';
import { execvp } from './lib/children.js';

const ENOENT = 2;

export const main = program('env', {
  usage: '[OPTION]... [-] [NAME=VALUE]... [COMMAND [ARG]...]',
  about: 'Set each NAME to VALUE in the environment and run COMMAND.',
  short: '+i0u:',
  long: { 'ignore-environment': 'i', null: '0', 'unset=': 'u' },
  failure: 125,
}, (t, a) => {
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
    if (a.has('0')) throw new UsageError('cannot specify --null (-0) with command');
    const [cmd, ...args] = operands as [string, ...string[]];
    try {
      execvp(t.stdout, cmd, [cmd, ...args], env); // replaces this program; returns only by failing
    } catch (e) {
      if (!(e instanceof OSError)) throw e;
      throw new Fatal(`${quote(cmd)}: ${e.strerror}`, e.errno === ENOENT ? 127 : 126);
    }
  }
  const end = a.has('0') ? '\0' : '\n';
  t.stdout.write([...env].map(([k, v]) => `${k}=${v}${end}`).join(''));
  return 0;
});
