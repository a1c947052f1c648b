/**
 * su and sudo on a terminal, started the way a shell starts them: alice's process execs /bin/su
 * or /bin/sudo, which are set-user-ID root here (chmod 04755, as the system installs them), so
 * the kernel gives them effective uid 0. The password prompt turns echo off: what is typed does
 * not show, and a newline follows it. The screen is every byte the terminal showed.
 */
import { TtyScreen } from '../tty/helpers.js';
import { afterEach, describe, expect, it } from 'vitest';
import { boot } from '../../src/index.js';
import { DEFAULT_SYSTEM } from '../../src/cli/default-system.js';
import type { Kernel } from '../../src/kernel/kernel.js';
import { GROUPS, shown, withShells } from './auth-fixtures.js';

const kernels: Kernel[] = [];
afterEach(() => { for (const k of kernels.splice(0)) k.shutdown(); });

const SUDOERS = { path: '/etc/sudoers', mode: '0440', content: 'root ALL=(ALL) ALL\n%students ALL=(ALL) ALL\n' };

/** Run `argv` (exec'd by a process of alice's) on a fresh terminal; type each step's keys when the screen shows its text. */
async function asAlice(argv: readonly string[], steps: ReadonlyArray<readonly [string, string]>, o: { then?: ReadonlyArray<readonly string[]>; wait?: boolean } = {}): Promise<{ screen: string; status: number }> {
  const k = boot({ ...DEFAULT_SYSTEM, files: [...withShells(), SUDOERS, { path: '/etc/shells', content: '/bin/sh\n/usr/local/bin/show\n' }], poolSize: 1 });
  kernels.push(k);
  for (const p of ['/bin/su', '/bin/sudo']) k.vfs.chmod(k.rootContext(), p, 0o4755, true);
  const pty = k.openpty({ rows: 24, cols: 80 });
  const screen = new TtyScreen(pty);
  const h = k.spawn({
    program: { source: o.wait || o.then ? waiter([argv, ...(o.then ?? [])]) : `import os from 'posixbox/os';\nexport function main() { os.execv(${JSON.stringify(argv[0])}, ${JSON.stringify(argv)}); }\n`, path: 'start.js' },
    argv: ['start'], env: ['PATH=/bin:/usr/bin', 'HOME=/home/alice', 'USER=alice', 'TERM=xterm'],
    uid: 1000, gid: 1000, groups: [1000, 100, 1002], cwd: '/home/alice',
    stdio: [{ kind: 'tty', pty }, { kind: 'tty', pty }, { kind: 'tty', pty }],
  });
  await screen.play(pty, steps);
  const wstatus = await h.exited;
  const status = (wstatus & 0x7f) === 0 ? wstatus >> 8 : 128 + (wstatus & 0x7f);
  expect(k.bugs).toEqual([]);
  return { screen: screen.text, status };
}

/** Runs each argv in turn in a child (in the foreground, as a shell would), reporting how it ended and whether echo is on. */
const waiter = (argvs: ReadonlyArray<readonly string[]>): string => `import os, { signal, termios } from 'posixbox/os';
export function main() {
  signal.signal(signal.SIGTTOU, signal.SIG_IGN);
  for (const argv of ${JSON.stringify(argvs)}) {
    const pid = os.fork();
    if (pid === 0) { os.setpgid(0, 0); signal.signal(signal.SIGTTOU, signal.SIG_DFL); os.execv(argv[0], argv); }
    os.setpgid(pid, pid);
    os.tcsetpgrp(0, pid);
    const [, st] = os.waitpid(pid, 0);
    os.tcsetpgrp(0, os.getpgrp());
    const echo = (termios.tcgetattr(0)[3] & termios.ECHO) !== 0;
    console.log(os.WIFSIGNALED(st) ? 'signal ' + os.WTERMSIG(st) : 'status ' + os.WEXITSTATUS(st), 'echo ' + echo);
  }
  return 0;
}
`;

const crlf = (s: string): string => s.replace(/\n/g, '\r\n');
const ASK = '[sudo] password for alice: ';

describe('su and sudo on a terminal', () => {
  it.each<[string, string[], Array<[string, string]>, string, number]>([
    ['su: the password is not echoed; the target\'s shell starts', ['/bin/su', 'bob'], [['Password: ', 'bob\r']],
      `Password: \r\n${crlf(shown({ argv: ['show'], uid: 1001, gid: 1001, groups: GROUPS.bob, cwd: '/home/alice',
        env: ['PATH=/bin:/usr/bin', 'HOME=/home/bob', 'USER=bob', 'TERM=xterm', 'SHELL=/usr/local/bin/show', 'LOGNAME=bob'] }))}`, 0],
    ['su: a wrong password', ['/bin/su', '-', 'root'], [['Password: ', 'alice\r']], 'Password: \r\nsu: Authentication failure\r\n', 1],
    ['su: the shell reads the terminal with echo back on', ['/bin/su', 'bob', '-s', '/bin/cat'],
      [['Password: ', 'bob\r'], ['\r\n', 'typed\r\x04']], 'Password: \r\ntyped\r\ntyped\r\n', 0],
    ['sudo: the password on /dev/tty', ['/bin/sudo', 'id'], [[ASK, 'alice\r']], `${ASK}\r\nuid=0(root) gid=0(root) groups=0(root)\r\n`, 0],
    ['sudo: three wrong passwords', ['/bin/sudo', 'id'], [[ASK, 'x\r'], [ASK, 'y\r'], [ASK, 'z\r']],
      `${ASK}\r\nSorry, try again.\r\n${ASK}\r\nSorry, try again.\r\n${ASK}\r\nsudo: 3 incorrect password attempts\r\n`, 1],
  ])('%s', async (_name, argv, steps, screen, status) => {
    expect(await asAlice(argv, steps)).toEqual({ screen, status });
  });

  it.each<[string, string[], string]>([
    ['su', ['/bin/su', 'bob'], 'Password: '],
    ['sudo', ['/bin/sudo', 'id'], ASK],
  ])('%s: ^C at the password prompt ends it, with echo back on', async (_name, argv, prompt) => {
    expect(await asAlice(argv, [[prompt, 'bo\x03']], { wait: true })).toEqual({ screen: `${prompt}\r\nsignal 2 echo true\r\n`, status: 0 });
  });

  it('sudo asks once per terminal session; -k forgets; -K removes the record', async () => {
    const ID = 'uid=0(root) gid=0(root) groups=0(root)\r\nstatus 0 echo true\r\n';
    const r = await asAlice(['/bin/sudo', 'id'], [[ASK, 'alice\r'], ['true\r\n', ''], ['true\r\n', ''], [ASK, 'alice\r'], [ASK, 'alice\r']], {
      then: [['/bin/sudo', 'id'], ['/bin/sudo', '-k'], ['/bin/sudo', 'id'], ['/bin/sudo', '-k', 'id'], ['/bin/sudo', '-K'], ['/bin/sudo', '-n', 'id']],
    });
    expect(r).toEqual({
      screen: `${ASK}\r\n${ID}${ID}status 0 echo true\r\n${ASK}\r\n${ID}${ASK}\r\n${ID}status 0 echo true\r\nsudo: a password is required\r\nstatus 1 echo true\r\n`,
      status: 0,
    });
  });
});
