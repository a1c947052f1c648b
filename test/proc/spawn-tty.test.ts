/**
 * posix_spawn handing over the terminal (glibc 2.35's posix_spawn_file_actions_addtcsetpgrp_np;
 * the os API's ['tcsetpgrp', fd] action and its `tcsetpgrp: fd` keyword): a program on a
 * pseudo-terminal (session leader, its group in the foreground) spawns /bin/probe and prints what
 * it sees → the whole screen and exit status. A second terminal, /dev/pts/1, is nobody's
 * controlling terminal. The errors are those glibc 2.36 on Linux 6 gives for the same spawns.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { boot } from '../../src/index.js';
import type { Kernel } from '../../src/kernel/kernel.js';
import { DEFAULT_SYSTEM } from '../../src/cli/default-system.js';
import { HEADER, TtyScreen, type Step } from '../tty/helpers.js';

/**
 * The child: what its first calls see of the terminal on fd 2 (not with 'hold'); then with 'read' a
 * line read from the terminal; with 'block' or 'hold' it says it is ready on fd 4 and waits for
 * the end of fd 3 (see `held` below).
 */
const PROBE = `#!posixbox
import os from 'posixbox/os';
export function main(argv) {
  const mode = argv[1] ?? '';
  if (mode !== 'hold') console.log('child: own group', os.getpgrp() === os.getpid(), 'foreground', os.tcgetpgrp(2) === os.getpgrp());
  if (mode === 'read') console.log('child read', JSON.stringify(new TextDecoder().decode(os.read(0, 100))));
  if (mode === 'block' || mode === 'hold') { os.write(4, 'x'); os.read(3, 1); }
  return 0;
}
`;

/** Helpers for the bodies: spawn the probe, report an error, say who has the terminal. */
const PRELUDE = `const spawn = (o, arg) => os.posix_spawn('/bin/probe', arg ? ['probe', arg] : ['probe'], undefined, o);
  const attempt = (what, o) => { try { const p = spawn(o); const [, s] = os.waitpid(p, 0); console.log(what, 'status', s) } catch (e) { console.log(what, String(e)) } };
  const fgIsMine = () => os.tcgetpgrp(0) === os.getpgrp();
  signal.signal(signal.SIGTTOU, signal.SIG_IGN);
  const takeBack = () => os.tcsetpgrp(0, os.getpgrp());
  const [hr, hw] = os.pipe(); const [rr, rw] = os.pipe();
  /** Spawn a child that waits until release(); returns once it is ready. */
  const held = (mode, o) => { const p = spawn({ ...o, file_actions: [['dup2', hr, 3], ['dup2', rw, 4]] }, mode); os.read(rr, 1); return p };
  const release = () => os.close(hw);
`;

interface Case {
  readonly name: string;
  readonly body: string;
  readonly screen: string;
  readonly steps?: readonly Step[];
  readonly status?: number;
}

const CASES: readonly Case[] = [
  { name: 'setpgroup 0 with tcsetpgrp: the child\'s first call sees its new group in the foreground; the terminal stays with that group until taken back',
    body: `const p = spawn({ setpgroup: 0, tcsetpgrp: 0 }); const [, s] = os.waitpid(p, 0);
      console.log('status', s, 'terminal with the child\\'s group', os.tcgetpgrp(0) === p, 'mine', fgIsMine()); takeBack(); console.log('mine', fgIsMine())`,
    screen: 'child: own group true foreground true\r\nstatus 0 terminal with the child\'s group true mine false\r\nmine true\r\n' },
  { name: 'without it the child starts in a background group',
    body: `const p = spawn({ setpgroup: 0 }); os.waitpid(p, 0)`,
    screen: 'child: own group true foreground false\r\n' },
  { name: 'a child that reads the terminal at once reads it (no SIGTTIN); without tcsetpgrp it is stopped by SIGTTIN',
    body: `console.log('spawning'); const p = spawn({ setpgroup: 0, tcsetpgrp: 0 }, 'read'); const [, s] = os.waitpid(p, os.WUNTRACED); takeBack();
      console.log('exited', os.WIFEXITED(s), 'stopped', os.WIFSTOPPED(s));
      const q = spawn({ setpgroup: 0 }, 'read'); const [, t] = os.waitpid(q, os.WUNTRACED);
      console.log('stopped', os.WIFSTOPPED(t), os.WSTOPSIG(t)); os.kill(q, signal.SIGKILL); os.waitpid(q, 0)`,
    steps: [['foreground true\r\n', 'hello\n']],
    screen: 'spawning\r\nchild: own group true foreground true\r\nhello\r\nchild read "hello\\n"\r\nexited true stopped false\r\n' +
      'child: own group true foreground false\r\nstopped true 21\r\n' },
  { name: 'the action without setpgroup: the caller\'s own group, which keeps the terminal',
    body: `const p = spawn({ file_actions: [['tcsetpgrp', 0]] }); os.waitpid(p, 0); console.log('mine', fgIsMine())`,
    screen: 'child: own group false foreground true\r\nmine true\r\n' },
  { name: 'the action runs in order with the others; the keyword comes before them all',
    body: `attempt('/dev/null on 0, then tcsetpgrp 0:', { setpgroup: 0, file_actions: [['open', 0, '/dev/null', os.O_RDONLY, 0], ['tcsetpgrp', 0]] });
      const p = spawn({ setpgroup: 0, tcsetpgrp: 0, file_actions: [['open', 0, '/dev/null', os.O_RDONLY, 0]] });
      os.waitpid(p, 0); console.log('keyword first: terminal with the child', os.tcgetpgrp(0) === p); takeBack()`,
    screen: '/dev/null on 0, then tcsetpgrp 0: [Errno 25] Inappropriate ioctl for device\r\n' +
      'child: own group true foreground true\r\nkeyword first: terminal with the child true\r\n' },
  { name: 'errors: not a terminal, not the controlling terminal, a new session (ENOTTY); a bad descriptor (EBADF)',
    body: `const nul = os.open('/dev/null', os.O_RDONLY); const other = os.open('/dev/pts/1', os.O_RDWR | os.O_NOCTTY);
      attempt('/dev/null:', { setpgroup: 0, tcsetpgrp: nul });
      attempt('/dev/pts/1:', { setpgroup: 0, tcsetpgrp: other });
      attempt('setsid:', { setsid: true, tcsetpgrp: 0 });
      attempt('fd 99:', { setpgroup: 0, tcsetpgrp: 99 });
      attempt('fd -1:', { setpgroup: 0, tcsetpgrp: -1 });
      try { os.waitpid(-1, os.WNOHANG) } catch (e) { console.log('no child left:', String(e)) } console.log('mine', fgIsMine())`,
    screen: '/dev/null: [Errno 25] Inappropriate ioctl for device\r\n/dev/pts/1: [Errno 25] Inappropriate ioctl for device\r\n' +
      'setsid: [Errno 25] Inappropriate ioctl for device\r\nfd 99: [Errno 9] Bad file descriptor\r\nfd -1: [Errno 9] Bad file descriptor\r\n' +
      'no child left: [Errno 10] No child processes\r\nmine true\r\n' },
  { name: 'setpgroup errors come first: a group of another session, a group that does not exist, setsid with setpgroup (EPERM)',
    body: `const c = held('hold', { setsid: true });
      attempt('another session:', { setpgroup: c, tcsetpgrp: 0 });
      attempt('no such group:', { setpgroup: 999, tcsetpgrp: 0 });
      attempt('setsid and setpgroup 0:', { setsid: true, setpgroup: 0, tcsetpgrp: 0 });
      release(); os.waitpid(c, 0); console.log('mine', fgIsMine())`,
    screen: 'another session: [Errno 1] Operation not permitted\r\nno such group: [Errno 1] Operation not permitted\r\n' +
      'setsid and setpgroup 0: [Errno 1] Operation not permitted\r\nmine true\r\n' },
  { name: 'an action failing after tcsetpgrp fails the spawn and leaves the terminal to the group that never ran',
    body: `attempt('missing file:', { setpgroup: 0, tcsetpgrp: 0, file_actions: [['open', 7, '/nonexistent', os.O_RDONLY, 0]] });
      console.log('mine', fgIsMine()); takeBack(); console.log('mine', fgIsMine())`,
    screen: "missing file: [Errno 2] No such file or directory\r\nmine false\r\nmine true\r\n" },
  { name: 'a caller in the background (SIGTTOU at its default) may still hand the terminal to a new child',
    body: `signal.signal(signal.SIGTTOU, signal.SIG_DFL);
      const a = held('block', { setpgroup: 0, tcsetpgrp: 0 });
      const b = spawn({ setpgroup: 0, tcsetpgrp: 0 }); os.waitpid(b, 0); console.log('terminal with b', os.tcgetpgrp(0) === b);
      release(); os.waitpid(a, 0)`,
    screen: 'child: own group true foreground true\r\nchild: own group true foreground true\r\nterminal with b true\r\n' },
];

const kernels: Kernel[] = [];
afterEach(() => { for (const k of kernels.splice(0)) k.shutdown(); });

async function onTerminal(c: Case): Promise<{ screen: string; status: number; kernel: Kernel }> {
  const k = boot({ ...DEFAULT_SYSTEM, poolSize: 2, realtime: false });
  kernels.push(k);
  const pty = k.openpty({ rows: 24, cols: 80 });
  k.openpty(); // /dev/pts/1: nobody's controlling terminal
  const root = k.rootContext();
  const f = k.vfs.open(root, '/bin/probe', 0o1101, 0o755);
  k.vfs.write(f, new TextEncoder().encode(PROBE), root.creds);
  k.vfs.close(f);
  const screen = new TtyScreen(pty);
  const h = k.spawn({
    program: { source: `${HEADER}${PRELUDE}${c.body}\n}\n`, path: 'prog.js' },
    argv: ['prog'], env: ['PATH=/bin:/usr/bin', 'HOME=/root'], uid: 0, gid: 0,
    stdio: [{ kind: 'tty', pty }, { kind: 'tty', pty }, { kind: 'tty', pty }],
  });
  await screen.play(pty, c.steps ?? []);
  const status = await h.exited;
  return { screen: screen.text, status, kernel: k };
}

describe('posix_spawn with tcsetpgrp', () => {
  for (const c of CASES) {
    it(c.name, async () => {
      const r = await onTerminal(c);
      expect({ screen: r.screen, status: r.status }).toEqual({ screen: c.screen, status: (c.status ?? 0) << 8 });
      expect(r.kernel.bugs).toEqual([]);
    });
  }
});
