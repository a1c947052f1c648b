/**
 * su — run a shell as another user, as util-linux su: `su [options] [-] [USER [ARG]...]`.
 * USER defaults to root. Unless the caller's real uid is 0, it asks `Password: ` (on stderr,
 * reading standard input; echo off when that is a terminal) and checks the target's entry in
 * /etc/shadow (see lib/auth.ts); a wrong password is `su: Authentication failure`, status 1. It
 * then takes the target's groups, gid and uid (which needs /bin/su set-user-ID root), sets the
 * environment and execs the target's shell from /etc/passwd, with `-c COMMAND` and the ARGs.
 *
 *   -, -l, --login   a login shell (argv[0] `-sh`) in the home directory, with a clean environment:
 *                    TERM kept; HOME, SHELL, USER, LOGNAME and PATH set
 *   (otherwise)      the environment kept, HOME and SHELL set, USER and LOGNAME too unless the
 *                    target is root (PATH is left alone, as util-linux without ALWAYS_SET_PATH)
 *   -c, --command=C  pass `-c C` to the shell;  -s, --shell=S  run S (if the target's own shell is
 *                    one of /etc/shells, or the caller is root)
 *   -m, -p, --preserve-environment  change no environment variable;  -f, --fast  ignored
 * Differences from util-linux: no PAM (no session, no delay after a failure, no syslog), and su
 * execs the shell instead of waiting for it.
 */
import os, { OSError } from 'posixbox/os';
import { Fatal, program, reason } from './lib.js';
import { execve } from './lib/children.js';
import {
  becomeUser, loginArgv0, loginPath, lookupUser, needsPassword, passwordMatches, readPassword, shellOf, type Passwd,
} from './lib/auth.js';

const ENOENT = 2;

/** /etc/shells, or getusershell(3)'s default when it cannot be read. */
function validShells(): string[] {
  try {
    return os.readText('/etc/shells').split('\n').map((l) => l.trim()).filter((l) => l.startsWith('/'));
  } catch {
    return ['/bin/sh', '/bin/csh'];
  }
}

function environment(pw: Passwd, shell: string, login: boolean, preserve: boolean): Map<string, string> {
  if (preserve) return new Map(os.environ);
  const env = login ? new Map<string, string>() : new Map(os.environ);
  if (login) {
    const term = os.environ.get('TERM');
    if (term !== undefined) env.set('TERM', term);
  }
  env.set('HOME', pw.pw_dir);
  env.set('SHELL', shell);
  if (login || pw.pw_uid !== 0) {
    env.set('USER', pw.pw_name);
    env.set('LOGNAME', pw.pw_name);
  }
  if (login) env.set('PATH', loginPath(pw.pw_uid));
  return env;
}

const run = program('su', {
  usage: '[options] [-] [<user> [<argument>...]]',
  about: 'Change the effective user ID and group ID to that of <user>.\nA mere - implies -l.  If <user> is not given, root is assumed.',
  short: 'c:flmps:',
  long: { command: 'c', fast: 'f', login: 'l', 'preserve-environment': 'p', shell: 's' },
}, (t, a) => {
  const operands = [...a.operands];
  let login = a.has('l');
  if (operands[0] === '-') {
    login = true;
    operands.shift();
  }
  const name = operands.shift() ?? 'root';
  const pw = lookupUser(name);
  if (!pw) throw new Fatal(`user ${name} does not exist or the user entry does not contain all the required fields`);
  const preserve = (a.has('m') || a.has('p')) && !login;
  const caller = os.getuid();
  const requested = a.last('s');
  let shell = shellOf(pw);
  if (requested !== undefined) {
    if (caller === 0 || validShells().includes(shell)) shell = requested;
    else t.warn(`using restricted shell ${shell}`);
  }

  if (caller !== 0 && needsPassword(pw.pw_name)) {
    const typed = readPassword('Password: ', 0, 2);
    if (typed === null || !passwordMatches(pw.pw_name, typed)) throw new Fatal('Authentication failure');
  }
  try {
    becomeUser(pw);
  } catch (e) {
    throw new Fatal(`cannot set groups: ${reason(e)}`);
  }
  const env = environment(pw, shell, login, preserve);
  if (login) {
    try {
      os.chdir(pw.pw_dir);
    } catch (e) {
      t.warn(`warning: cannot change directory to ${pw.pw_dir}: ${reason(e)}`);
    }
  }
  const command = a.last('c');
  const argv0 = login ? loginArgv0(shell) : shell.slice(shell.lastIndexOf('/') + 1);
  const args = [argv0, ...(command !== undefined ? ['-c', command] : []), ...operands];
  try {
    execve(t.stdout, shell, args, env);
  } catch (e) {
    throw new Fatal(`failed to execute ${shell}: ${reason(e)}`, e instanceof OSError && e.errno === ENOENT ? 127 : 126);
  }
  return 0;
});

/** Messages name the program `su` whatever path ran it, as util-linux su does. */
export const main = (argv: string[]): number => run(['su', ...argv.slice(1)]);
