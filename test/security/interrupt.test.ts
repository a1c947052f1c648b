/**
 * ^C, ^\ and ^Z reach a busy process (issue 9): a process that computes without system calls —
 * the shell's `while :; do :; done`, a program's `for(;;){}` — is still ended, stopped or
 * interrupted by signals, in deterministic mode (the default) as in real-time mode.
 *
 * - the shell looks for signals between commands without a call (signal.check_signals, the
 *   channel's CTL_PENDING word), so its traps run and a stop holds it;
 * - a terminating signal ends a spinning Worker at once, whoever sends it;
 * - in deterministic mode a process that computes for a quantum without calls is preempted
 *   (kernel/preempt.ts), so its parent or a `sleep` beside it still runs to send the signal;
 * - the terminal's keys are handled by the line discipline while a process spins.
 *
 * Each row asserts the whole stdout, stderr and wait status (the shell rows are dash's: a busy
 * loop killed by a signal, a trap's action in a busy loop).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { PROGRAMS } from '#programs';
import { boot } from '../../src/index.js';
import type { Kernel } from '../../src/kernel/kernel.js';
import { DEFAULT_SYSTEM } from '../../src/cli/default-system.js';
import { ISIG } from '../../src/kernel/abi/termios.js';
import type { PtyHandle } from '../../src/kernel/pty.js';
import { onTty } from '../tty/helpers.js';
import { runOn } from '../run-on.js';

const ALICE = { uid: 1000, gid: 1000, groups: [1000, 100, 1002], cwd: '/home/alice', login: 'alice' } as const;

interface Ran {
  readonly stdout: string;
  readonly stderr: string;
  /** The POSIX wait status. */
  readonly status: number;
}

const signaled = (sig: number): number => sig;
const exited = (code: number): number => code << 8;

/** Run `/bin/sh -c script`, or a program's source, as alice; resolve at exit and output's EOF. */
function run(k: Kernel, what: { sh: string } | { program: string }): Promise<Ran> {
  return runOn(k, {
    program: 'sh' in what ? { source: PROGRAMS['sh']!, path: '/bin/sh' } : { source: what.program, path: 'prog.js' },
    argv: 'sh' in what ? ['sh', '-c', what.sh] : ['prog.js'],
    env: ['PATH=/usr/bin:/bin', `HOME=${ALICE.cwd}`, 'LC_ALL=C'],
    ...ALICE,
  });
}

interface Row {
  readonly name: string;
  readonly sh: string;
  readonly want: Ran;
}

/**
 * The shell's rows. A background job of a non-interactive shell ignores SIGINT and SIGQUIT
 * (POSIX 2.11), so those are sent to the busy shell itself ($$) by a job it started.
 */
const SHELL_ROWS: readonly Row[] = [
  { name: 'SIGINT from another process ends a busy loop',
    sh: '(sleep 1; kill -INT $$) & while :; do :; done; echo not reached',
    want: { stdout: '', stderr: '', status: signaled(2) } },
  { name: 'SIGTERM ends a busy loop',
    sh: '(sleep 1; kill -TERM $$) & while :; do :; done; echo not reached',
    want: { stdout: '', stderr: '', status: signaled(15) } },
  { name: 'SIGQUIT ends a busy loop (no core: RLIMIT_CORE is 0)',
    sh: '(sleep 1; kill -QUIT $$) & while :; do :; done; echo not reached',
    want: { stdout: '', stderr: '', status: signaled(3) } },
  { name: 'the parent sees a busy `sh -c` killed by SIGTERM as 143',
    sh: `sh -c 'while :; do :; done' & sleep 1; kill -TERM $!; wait $!; echo $?`,
    want: { stdout: '143\n', stderr: 'Terminated\n', status: exited(0) } },
  { name: 'a trap runs in a busy loop, and its exit ends the shell',
    sh: `trap 'echo got; exit 3' USR1; (sleep 1; kill -USR1 $$) & while :; do :; done; echo not reached`,
    want: { stdout: 'got\n', stderr: '', status: exited(3) } },
  { name: 'a trap runs in a busy function and for loop; the loop goes on after it',
    sh: `trap 'echo got; stop=1' USR1; spin() { for i in 1 2 3; do while [ -z "$stop" ]; do :; done; done; }; ` +
      `(sleep 1; kill -USR1 $$) & spin; echo "after $i"`,
    want: { stdout: 'got\nafter 3\n', stderr: '', status: exited(0) } },
  { name: 'a busy loop stopped and continued, then killed',
    sh: `sh -c 'while :; do :; done' & sleep 1; kill -STOP $!; sleep 1; ` +
      `read -r pid comm state rest < /proc/$!/stat; echo $state; kill -CONT $!; kill -TERM $!; wait $!; echo $?`,
    want: { stdout: 'T\n143\n', stderr: 'Terminated\n', status: exited(0) } },
];

for (const realtime of [false, true]) {
  describe(`a busy shell loop gets its signals (sh -c, ${realtime ? 'real-time' : 'deterministic'} mode)`, () => {
    const k = boot({ ...DEFAULT_SYSTEM, poolSize: 2, realtime });
    afterAll(() => k.shutdown());
    for (const row of SHELL_ROWS) {
      it(row.name, async () => {
        expect(await run(k, { sh: row.sh })).toEqual(row.want);
        expect(k.bugs).toEqual([]);
      }, 60_000);
    }
  });
}

/** A parent forks a child that says it is ready, then spins (`for(;;){}`, or checking for signals). */
const spinner = (sig: string, childLoop: string, childSetup = ''): string => `import os, { signal } from 'posixbox/os';
export function main() {
  const [r, w] = os.pipe();
  const pid = os.fork();
  if (pid === 0) {
    ${childSetup}
    os.close(r);
    os.write(w, 'x');
    ${childLoop}
  }
  os.close(w);
  os.read(r, 1);
  console.log('child spinning');
  os.kill(pid, signal.${sig});
  const [, st] = os.waitpid(pid, 0);
  console.log(os.WIFSIGNALED(st) ? \`signaled \${os.WTERMSIG(st)}\` : \`exited \${os.WEXITSTATUS(st)}\`);
  return 0;
}
`;

const PROGRAM_ROWS = [
  { name: 'SIGTERM from its parent ends a program spinning without calls',
    program: spinner('SIGTERM', 'for (;;) {}'), want: { stdout: 'child spinning\nsignaled 15\n', stderr: '', status: 0 } },
  { name: 'SIGKILL from its parent ends a program spinning without calls',
    program: spinner('SIGKILL', 'for (;;) {}'), want: { stdout: 'child spinning\nsignaled 9\n', stderr: '', status: 0 } },
  { name: 'a caught signal runs its handler when the spinning program checks (signal.check_signals)',
    program: spinner('SIGTERM', 'for (;;) signal.check_signals();',
      `signal.signal(signal.SIGTERM, (s) => { console.log('caught', s); os._exit(7); });`),
    want: { stdout: 'child spinning\ncaught 15\nexited 7\n', stderr: '', status: 0 } },
  { name: 'a child forked after a signal taken by check_signals repeats its parent\'s calls (fork by replay)',
    program: `import os, { signal } from 'posixbox/os';
export function main() {
  let got = 0;
  signal.signal(signal.SIGUSR1, () => { got++; });
  const a = os.fork();
  if (a === 0) { os.kill(os.getppid(), signal.SIGUSR1); os._exit(0); }
  while (!got) signal.check_signals();
  os.waitpid(a, 0);
  const b = os.fork();
  if (b === 0) { console.log('second child sees', got, 'signal'); os._exit(0); }
  const [, st] = os.waitpid(b, 0);
  console.log('second child', os.WIFEXITED(st) ? \`exited \${os.WEXITSTATUS(st)}\` : \`signaled \${os.WTERMSIG(st)}\`);
  return 0;
}
`, want: { stdout: 'second child sees 1 signal\nsecond child exited 0\n', stderr: '', status: 0 } },
] as const;

for (const realtime of [false, true]) {
  describe(`a program spinning without system calls is ended by a signal (${realtime ? 'real-time' : 'deterministic'} mode)`, () => {
    const k = boot({ ...DEFAULT_SYSTEM, poolSize: 2, realtime });
    afterAll(() => k.shutdown());
    for (const row of PROGRAM_ROWS) {
      it(row.name, async () => {
        expect(await run(k, { program: row.program })).toEqual(row.want);
        expect(k.bugs).toEqual([]);
      }, 60_000);
    }
  });
}

/**
 * ^C once the interactive shell has given the terminal back its signal keys: its line editor turns
 * ISIG off while it reads, so a ^C typed before the command starts would be a key, not SIGINT.
 */
const interruptOnceCooked = (pty: PtyHandle): void => {
  const t = setInterval(() => {
    if (!(pty.tty.termios.lflag & ISIG)) return;
    clearInterval(t);
    pty.write('\x03');
  }, 10);
};

describe('keys on a terminal reach a spinning process (deterministic mode)', () => {
  it('^C ends a program spinning without calls', async () => {
    const r = await onTty(`console.log('spinning'); for (;;) {}`, [['spinning\r\n', '\x03']]);
    expect([r.screen, r.status]).toEqual(['spinning\r\n^C', signaled(2)]);
  }, 60_000);

  it('^\\ ends it with SIGQUIT', async () => {
    const r = await onTty(`console.log('spinning'); for (;;) {}`, [['spinning\r\n', '\x1c']]);
    expect([r.screen, r.status]).toEqual(['spinning\r\n^\\', signaled(3)]);
  }, 60_000);

  it('^C ends a busy `sh -c` loop', async () => {
    const r = await onTty(`os.execv('/bin/sh', ['sh', '-c', 'echo spinning; while :; do :; done'])`, [['spinning\r\n', '\x03']]);
    expect([r.screen, r.status]).toEqual(['spinning\r\n^C', signaled(2)]);
  }, 60_000);

  it('^C interrupts a busy loop in an interactive shell: the prompt comes back and $? is 130', async () => {
    const r = await onTty(`os.execv('/bin/sh', ['sh', '-i'])`, [
      ['$ ', 'while :; do :; done\r'],
      ['while :; do :; done\r\n', interruptOnceCooked],
      ['^C\r\n$ ', 'echo $?\r'],
      ['130\r\n$ ', 'exit\r'],
    ], { uid: 1000 });
    expect([r.screen, r.status]).toEqual(['$ while :; do :; done\r\n^C\r\n$ echo $?\r\n130\r\n$ exit\r\n', exited(0)]);
  }, 60_000);
});
