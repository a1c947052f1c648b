/**
 * The shell sandbox: `posixbox [options]` prints /etc/motd and opens an interactive login shell
 * (the user's shell from /etc/passwd, /bin/sh, as argv[0] `-sh`) on a fresh kernel booted with
 * the sandbox system (sandbox.ts), connected to the host's terminal through a pseudo-terminal;
 * `posixbox [options] -c COMMAND [NAME [ARG]...]` runs `sh -c COMMAND …` and exits with its
 * status. With no -c and stdin not a terminal, `sh` reads its commands from stdin.
 *
 * Who logs in: --user (default alice; `--user root` for root), with the environment login(1)
 * gives: HOME, LOGNAME, PATH, SHELL, USER, and TERM from the host. The interactive shell runs in
 * real-time mode (sleep takes real time, ^C and ^Z reach it) on the host's clock; -c and piped
 * input run deterministically from the virtual clock's start (--clock), unless --realtime.
 * The other options are `posixbox run`'s (see args.ts).
 */
import { readFileSync } from 'node:fs';
import { boot } from '../index.js';
import { parseFixture } from '../kernel/fixture.js';
import { nodeWorkers } from '../proc/node-worker.js';
import { UsageError } from './args.js';
import { parseRunOptions } from './args.js';
import type { ThreadAhead } from './ahead.js';
import { nodeLessonFiles } from './files.js';
import { resolveIdentity } from './identity.js';
import { sandboxSystem } from './sandbox.js';
import { hostStdio } from './terminal.js';
import { runToEnd } from './util.js';
import { DEFAULT_FS_SIZE } from '../fs/space.js';

/** The user who logs in when --user is not given. */
export const DEFAULT_USER = 'alice';

/**
 * The first process, login's part: for a login shell on a terminal it prints /etc/motd, then it
 * execs the shell, so the shell is loaded from the VFS like any program.
 */
const LAUNCHER = `import os from 'posixbox/os';
export function main(argv) {
  const [, path, ...args] = argv;
  if (args[0].startsWith('-') && os.isatty(0)) {
    try { os.writeAll(1, os.readText('/etc/motd')); } catch { /* no motd */ }
  }
  try {
    os.execv(path, args);
  } catch (e) {
    os.writeAll(2, 'posixbox: cannot run ' + path + ': ' + (e.strerror ?? String(e)) + '\\n');
    return e.errno === 2 ? 127 : 126;
  }
}
`;

/** `ahead`: the Worker thread the CLI started for the first process. */
export async function cmdShell(argv: readonly string[], ahead?: ThreadAhead['take']): Promise<number> {
  const { opts, rest } = parseRunOptions(argv);
  let command: string[] | undefined;
  if (rest.length > 0) {
    if (rest[0] !== '-c') throw new UsageError(`unexpected argument '${rest[0]}'`);
    if (rest.length < 2) throw new UsageError('-c needs a command');
    command = rest.slice(1);
  }
  const fx = opts.fixture ? parseFixture(JSON.parse(readFileSync(opts.fixture, 'utf8')) as unknown) : undefined;
  const system = fx?.system ?? sandboxSystem(nodeLessonFiles());
  const id = resolveIdentity(opts, fx, system, DEFAULT_USER);
  const { stdin, stdout } = process;
  const interactive = command === undefined && stdin.isTTY === true;
  const tty = stdin.isTTY === true && (interactive || stdout.isTTY === true);
  const realtime = opts.realtime || interactive;
  const k = boot({
    ...system,
    ...(opts.clock !== undefined ? { clock: opts.clock } : realtime ? { clock: new Date().toISOString() } : {}),
    ...(opts.seed !== undefined ? { seed: opts.seed } : {}),
    ...(opts.nextPid !== undefined ? { nextPid: opts.nextPid } : {}),
    realtime,
    workers: nodeWorkers(undefined, undefined, ahead),
    // One command, or commands from a pipe: no Worker is started ahead of need (the first
    // process's is made for it, and Workers are reused). The interactive shell keeps one ready.
    ...(interactive ? {} : { poolSize: 0 }),
    ...(opts.strace ? { strace: (line: string) => process.stderr.write(line) } : {}),
    onDeadlock: (report) => process.stderr.write(`posixbox: ${report}`),
    fsSize: opts.fsSize ?? DEFAULT_FS_SIZE,
    // The OOM killer's line; on a terminal the kernel writes it there itself (oom.ts).
    onDiagnostic: (m) => { if (!(tty) && m.startsWith('Out of memory')) process.stderr.write(m); },
  });
  const cwd = opts.cwd ?? id.home;
  const env = new Map<string, string>([
    ['HOME', id.home], ['LOGNAME', id.login],
    ['PATH', id.uid === 0 ? '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' : '/usr/local/bin:/usr/bin:/bin'],
    ['SHELL', id.shell], ['USER', id.login],
  ]);
  const term = process.env.TERM ?? (tty ? 'xterm' : undefined);
  if (term !== undefined) env.set('TERM', term);
  if (opts.tz !== undefined) env.set('TZ', opts.tz);
  for (const kv of opts.env) env.set(kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1));
  const base = id.shell.slice(id.shell.lastIndexOf('/') + 1);
  const shellArgv = command !== undefined ? [base, '-c', ...command] : interactive ? [`-${base}`] : [base];
  const host = hostStdio(k, id.uid, { tty });
  return runToEnd(k, host, {
    program: { source: LAUNCHER, path: 'posixbox-login' },
    argv: ['login', id.shell, ...shellArgv],
    env: [...env].map(([a, b]) => `${a}=${b}`),
    uid: id.uid, gid: id.gid, groups: id.groups, cwd, login: id.login, umask: 0o022,
  });
}
