/**
 * sudo — run a command as another user (root by default) if /etc/sudoers allows it, as sudo 1.9
 * does with the sudoers policy (the file's subset: lib/sudoers.ts).
 *
 *   sudo [-nSk] [-u USER] COMMAND [ARG]...   run COMMAND (found on PATH, or secure_path)
 *   sudo [-nSk] [-u USER] -i [COMMAND]...    the target's login shell, in its home directory
 *   sudo [-nSk] [-u USER] -s [COMMAND]...    $SHELL (or the target's shell)
 *   sudo -l                                  list what the caller may run;  sudo -v  authenticate only
 *   sudo -k / -K                             forget the cached credentials (this terminal's / all)
 *
 * Unless the caller is root or the matching rule says NOPASSWD, it asks the caller's own password,
 * `[sudo] password for alice: `, on /dev/tty with echo off (with -S: on stderr, reading stdin),
 * three times at most: `Sorry, try again.`, then `sudo: 3 incorrect password attempts`. Then
 * `alice is not in the sudoers file.` or `Sorry, user alice is not allowed to execute '…' as root
 * on posixbox.` when the rules say no. The command gets a reset environment (TERM, DISPLAY, LANG,
 * LC_*, COLORS and PATH kept; HOME LOGNAME USER SHELL MAIL and SUDO_COMMAND SUDO_USER SUDO_UID
 * SUDO_GID set), the target's groups, gid and uid. /bin/sudo must be set-user-ID root.
 * After a right password sudo does not ask again on the same terminal, in the same session, for
 * 15 minutes (lib/sudo-ts.ts; -k forgets or ignores that, -K removes it). Every failure is status
 * 1. Differences from sudo: no logging, and sudo execs the command instead of waiting for it.
 */
import os, { grp, OSError, stat as S } from 'posixbox/os';
import { Fatal, getopt, program, reason, UsageError, writeAll, type Spec } from './lib.js';
import { execve } from './lib/children.js';
import { becomeUser, lookupUid, lookupUser, passwordMatches, readPassword, shellOf, loginArgv0, type Passwd } from './lib/auth.js';
import { check, parseSudoers, SudoersSyntaxError, type Subject, type Sudoers } from './lib/sudoers.js';
import { forget, fresh, record } from './lib/sudo-ts.js';

const SUDOERS = '/etc/sudoers';
const TRIES = 3;
const USAGE = 'usage: sudo -h | -K | -k | -V\n'
  + 'usage: sudo -l [-nS] [-u user]\n'
  + 'usage: sudo [-knS] [-u user] [-i | -s] [command [arg ...]]\n';
const KEEP = /^(TERM|DISPLAY|COLORS|LANG|LANGUAGE|LC_[A-Z]+|TZ)$/;

/** A sudo error: `sudo: message` (or the message alone), status 1. */
const quit = (message: string): Fatal => new Fatal(message, 1);

/** A sudoers file that cannot be used is reported as sudo reports it, and is undefined. */
function readSudoers(): Sudoers | undefined {
  const fail = (lines: string): undefined => {
    writeAll(2, `${lines}sudo: no valid sudoers sources found, quitting\n`);
    return undefined;
  };
  let st;
  try {
    st = os.stat(SUDOERS);
  } catch (e) {
    return fail(`sudo: unable to open ${SUDOERS}: ${reason(e)}\n`);
  }
  if (st.st_uid !== 0) return fail(`sudo: ${SUDOERS} is owned by uid ${st.st_uid}, should be 0\n`);
  if (st.st_mode & S.S_IWOTH) return fail(`sudo: ${SUDOERS} is world writable\n`);
  let text: string;
  try {
    text = os.readText(SUDOERS);
  } catch (e) {
    return fail(`sudo: unable to open ${SUDOERS}: ${reason(e)}\n`);
  }
  try {
    return parseSudoers(text);
  } catch (e) {
    if (!(e instanceof SudoersSyntaxError)) throw e;
    return fail(`>>> ${SUDOERS}: ${e.message} <<<\nsudo: parse error in ${SUDOERS} near line ${e.line}\n`);
  }
}

/** The command on PATH, as sudo finds it: the first executable regular file. */
function findCommand(name: string, path: string): string | undefined {
  const ok = (p: string): boolean => {
    try {
      return S.S_ISREG(os.stat(p).st_mode) && os.access(p, os.X_OK);
    } catch {
      return false;
    }
  };
  if (name.includes('/')) return ok(name) ? name : undefined;
  for (const dir of path.split(':')) {
    const p = `${dir || '.'}/${name}`;
    if (ok(p)) return p;
  }
  return undefined;
}

/** sudo -i / -s quote a command for `sh -c`: a backslash before each character not a letter, digit, _ - or $. */
const shellQuote = (args: readonly string[]): string => args.map((a) => a.replace(/[^\w$-]/g, (c) => `\\${c}`)).join(' ');

/** Ask for the caller's password up to three times; returns when it matched. */
function authenticate(user: string, fromStdin: boolean): void {
  let inFd = 0;
  let outFd = 2;
  let opened = -1;
  if (!fromStdin) {
    try {
      opened = os.open('/dev/tty', os.O_RDWR | os.O_NOCTTY);
    } catch {
      writeAll(2, 'sudo: a terminal is required to read the password; either use the -S option to read from standard input or configure an askpass helper\n');
      throw quit('a password is required');
    }
    inFd = opened;
    outFd = opened;
  }
  try {
    for (let tries = 0; tries < TRIES; tries++) {
      const typed = readPassword(`[sudo] password for ${user}: `, inFd, outFd);
      if (typed === null) {
        if (tries === 0) throw quit('a password is required');
        throw quit(`${tries} incorrect password attempt${tries === 1 ? '' : 's'}`);
      }
      if (passwordMatches(user, typed)) return;
      if (tries + 1 < TRIES) writeAll(2, 'Sorry, try again.\n');
    }
    throw quit(`${TRIES} incorrect password attempts`);
  } finally {
    if (opened >= 0) os.close(opened);
  }
}

/**
 * Authenticate `user` unless this terminal's cached credentials are fresh (lib/sudo-ts.ts);
 * -n never asks; -k (`ignoreCache`) asks whatever the cache says and does not update it.
 */
function askUnlessCached(user: string, nonInteractive: boolean, fromStdin: boolean, ignoreCache: boolean): void {
  if (!ignoreCache && fresh(user)) return;
  if (nonInteractive) throw quit('a password is required');
  authenticate(user, fromStdin);
  if (!ignoreCache) record(user);
}

function subjectOf(me: Passwd): Subject {
  const gids = [me.pw_gid, ...os.getgrouplist(me.pw_name, me.pw_gid)];
  const groups = [...new Set(gids)].map((gid) => {
    try {
      return { name: grp.getgrgid(gid).gr_name, gid };
    } catch {
      return { name: String(gid), gid };
    }
  });
  return { user: me.pw_name, uid: me.pw_uid, groups, host: os.uname().nodename };
}

function environment(target: Passwd, me: Passwd, path: string, commandLine: string): Map<string, string> {
  const env = new Map<string, string>();
  for (const [k, v] of os.environ) if (KEEP.test(k)) env.set(k, v);
  env.set('PATH', path);
  env.set('HOME', target.pw_dir);
  env.set('LOGNAME', target.pw_name);
  env.set('USER', target.pw_name);
  env.set('SHELL', shellOf(target));
  env.set('MAIL', `/var/mail/${target.pw_name}`);
  env.set('SUDO_COMMAND', commandLine);
  env.set('SUDO_USER', me.pw_name);
  env.set('SUDO_UID', String(me.pw_uid));
  env.set('SUDO_GID', String(me.pw_gid));
  return env;
}

const SPEC: Spec = {
  usage: '[-knS] [-u user] [-i | -s] [command [arg ...]]',
  about: 'sudo - execute a command as another user',
  short: '+hiKklnSsu:Vv',
  long: { login: 'i', 'remove-timestamp': 'K', 'reset-timestamp': 'k', list: 'l', 'non-interactive': 'n', stdin: 'S', shell: 's', 'user=': 'u' },
};

const run = program('sudo', SPEC, (t, a) => {
  if (a.has('h')) return writeAll(1, USAGE), 0;
  if (a.has('V')) return writeAll(1, 'Sudo version 1.9 (posixbox 0.1.0)\n'), 0;
  {
    if (os.geteuid() !== 0) {
      throw quit(`effective uid is not 0, is /bin/sudo on a file system with the 'nosuid' option set or an NFS file system without root privileges?`);
    }
    const me = lookupUid(os.getuid());
    if (!me) throw quit('you do not exist in the passwd database');
    const login = a.has('i');
    const shellMode = a.has('s');
    if (login && shellMode) throw quit('you may not specify both the -i and -s options');
    const args = [...a.operands];
    if ((a.has('K') || a.has('k')) && args.length === 0 && !login && !shellMode && !a.has('l') && !a.has('v')) {
      forget(me.pw_name, a.has('K'));
      return 0;
    }
    if (args.length === 0 && !login && !shellMode && !a.has('l') && !a.has('v')) {
      writeAll(2, USAGE);
      return 1;
    }
    const name = a.last('u') ?? 'root';
    const target = /^#\d+$/.test(name) ? lookupUid(Number(name.slice(1))) : lookupUser(name);
    if (!target) throw quit(`unknown user ${name}`);
    const sudoers = readSudoers();
    if (!sudoers) return 1;
    const path = sudoers.securePath ?? os.environ.get('PATH') ?? '/usr/bin:/bin';
    const who = subjectOf(me);

    if (a.has('l') || a.has('v')) return listOrValidate(a.has('l'), who, me, sudoers, () => askUnlessCached(me.pw_name, a.has('n'), a.has('S'), a.has('k')));

    // what runs: argv[0] and the program's path
    let file: string | undefined;
    let argv: string[];
    if (login || shellMode) {
      const shell = login ? shellOf(target) : os.environ.get('SHELL') || shellOf(target);
      file = shell;
      argv = [login ? loginArgv0(shell) : shell.slice(shell.lastIndexOf('/') + 1), ...(args.length > 0 ? ['-c', shellQuote(args)] : [])];
    } else {
      file = findCommand(args[0]!, path);
      argv = args;
    }
    const checked = file ?? args[0]!;
    const verdict = check(sudoers, who, { runas: target.pw_name, runasUid: target.pw_uid, command: checked, args: argv.slice(1) });
    if (me.pw_uid !== 0 && !(verdict.kind === 'allowed' && verdict.nopasswd)) askUnlessCached(me.pw_name, a.has('n'), a.has('S'), a.has('k'));
    const commandLine = [checked, ...argv.slice(1)].join(' ');
    if (verdict.kind === 'not-in-sudoers') return writeAll(2, `${me.pw_name} is not in the sudoers file.\n`), 1;
    if (file === undefined) throw quit(`${args[0]}: command not found`);
    if (verdict.kind === 'denied') {
      writeAll(2, `Sorry, user ${me.pw_name} is not allowed to execute '${commandLine}' as ${target.pw_name} on ${who.host}.\n`);
      return 1;
    }
    const env = environment(target, me, path, commandLine);
    try {
      becomeUser(target);
    } catch (e) {
      throw quit(`unable to change to runas uid: ${reason(e)}`);
    }
    if (login) {
      try {
        os.chdir(target.pw_dir);
      } catch (e) {
        throw quit(`unable to change directory to ${target.pw_dir}: ${reason(e)}`);
      }
    }
    try {
      execve(t.stdout, file, argv, env);
    } catch (e) {
      if (!(e instanceof OSError)) throw e;
      throw quit(`unable to execute ${file}: ${e.strerror}`);
    }
    return 1;
  }
});

/** sudo -l: the caller's rules, as sudo lists them; sudo -v: authenticate only. */
function listOrValidate(list: boolean, who: Subject, me: Passwd, sudoers: Sudoers, ask: () => void): number {
  const mine = sudoers.rules.filter((r) => r.users.some((u) => !u.negated && (u.value === 'ALL' || u.value === me.pw_name
    || (u.value.startsWith('%') && who.groups.some((g) => g.name === u.value.slice(1))))));
  const nopasswd = mine.length > 0 && mine.every((r) => r.nopasswd);
  if (me.pw_uid !== 0 && !nopasswd) ask();
  if (mine.length === 0) {
    writeAll(2, `Sorry, user ${me.pw_name} may not run sudo on ${who.host}.\n`);
    return 1;
  }
  if (!list) return 0;
  const specs = (xs: ReadonlyArray<{ negated: boolean; value: string }>): string => xs.map((x) => `${x.negated ? '!' : ''}${x.value}`).join(', ');
  const lines = mine.map((r) => `    (${r.runas ? specs(r.runas) : 'root'}) ${r.nopasswd ? 'NOPASSWD: ' : ''}${specs(r.commands)}\n`);
  writeAll(1, `User ${me.pw_name} may run the following commands on ${who.host}:\n${lines.join('')}`);
  return 0;
}

/** Messages name the program `sudo` whatever path ran it, as sudo does. */
/** A bad option is reported as sudo does: the message, then the usage lines; status 1. */
export const main = (argv: string[]): number => {
  try {
    getopt(argv.slice(1), SPEC);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    writeAll(2, `sudo: ${e.message}\n${USAGE}`);
    return 1;
  }
  return run(['sudo', ...argv.slice(1)]);
};
