/**
 * nohup — run a command immune to hangups, as coreutils nohup: SIGHUP is ignored, then the
 * command is executed (execvp). If standard input is a terminal it is replaced by /dev/null; if
 * standard output is one, output is appended to nohup.out (mode 0600; $HOME/nohup.out if the
 * current directory will not take it); if standard error is one, it goes where output goes.
 * Status 125 if nohup itself fails, 126 if the command cannot be run, 127 if it is not found.
 */
import os, { OSError, signal } from 'posixbox/os';
import { program, quoteaf, reason, UsageError, Fatal } from './lib.js';
import { execvp } from './lib/children.js';

const ENOENT = 2, SIGHUP = 1;

function openOut(t: { warn(m: string): void }): string {
  const flags = os.O_WRONLY | os.O_CREAT | os.O_APPEND;
  let name = 'nohup.out';
  let fd: number;
  try {
    fd = os.open(name, flags, 0o600);
  } catch (e) {
    const home = os.environ.get('HOME');
    if (home === undefined) throw new Fatal(`failed to open ${quoteaf(name)}: ${reason(e)}`, 125);
    const first = e;
    name = `${home.replace(/\/+$/, '')}/nohup.out`;
    try {
      fd = os.open(name, flags, 0o600);
    } catch (e2) {
      t.warn(`failed to open ${quoteaf('nohup.out')}: ${reason(first)}`);
      throw new Fatal(`failed to open ${quoteaf(name)}: ${reason(e2)}`, 125);
    }
  }
  os.dup2(fd, 1);
  os.close(fd);
  return name;
}

export const main = program('nohup', {
  usage: 'COMMAND [ARG]...\n  or:  nohup OPTION',
  about: 'Run COMMAND, ignoring hangup signals.',
  short: '+',
  failure: 125,
}, (t, a) => {
  const cmd = a.operands;
  if (cmd.length === 0) throw new UsageError('missing operand');
  const inTty = os.isatty(0);
  const outTty = os.isatty(1);
  const errTty = os.isatty(2);
  if (inTty) {
    const fd = os.open('/dev/null', os.O_WRONLY);
    os.dup2(fd, 0);
    os.close(fd);
  }
  let name: string | undefined;
  if (outTty) name = openOut(t);
  if (inTty || name !== undefined) {
    const what = inTty && name !== undefined ? `ignoring input and appending output to ${quoteaf(name)}`
      : inTty ? 'ignoring input' : `appending output to ${quoteaf(name!)}`;
    t.warn(what);
  }
  if (errTty) os.dup2(1, 2);
  signal.signal(SIGHUP, signal.SIG_IGN);
  try {
    execvp(t.stdout, cmd[0]!, cmd);
  } catch (e) {
    if (!(e instanceof OSError)) throw e;
    t.warn(`failed to run command ${quoteaf(cmd[0]!)}: ${e.strerror}`);
    return e.errno === ENOENT ? 127 : 126;
  }
  return 126;
});
