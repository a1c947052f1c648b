/**
 * Terminal cases: a program on a fresh pseudo-terminal (its session leader, in the foreground),
 * keys typed when the screen shows a text → the whole screen (echo and output, after output
 * processing: \n shows as \r\n) and the exit status. `show(b)` prints bytes read as JSON.
 */
import type { Step } from './helpers.js';

export interface TtyCase {
  readonly name: string;
  readonly body: string;
  readonly steps?: readonly Step[];
  readonly screen: string;
  readonly status?: number;
}

const SHOW = `const show = (b) => console.log(JSON.stringify(new TextDecoder().decode(b)));`;

/** Fork a child that runs `child` in its own (background) process group; the parent runs on. */
const BG_CHILD = (child: string): string =>
  `const c = os.fork(); if (c === 0) { os.setpgid(0, 0); ${child}; os._exit(0) } os.setpgid(c, c);`;

export const TTY_CASES: readonly TtyCase[] = [
  { name: 'canonical input with erase: ab DEL c newline reads as "ac\\n"',
    body: `${SHOW} show(os.read(0, 100))`,
    steps: [['', 'ab\x7fc\n']],
    screen: 'ab\b \bc\r\n"ac\\n"\r\n' },
  { name: 'editing: ^H erases, ^U kills the line, ^W erases a word',
    body: `${SHOW} show(os.read(0, 100)); show(os.read(0, 100))`,
    steps: [['', 'xy\x08z\n'], ['"xz\\n"\r\n', 'abc\x15def gh\x17ij\n']],
    screen: 'xy\b \bz\r\n"xz\\n"\r\nabc\b \b\b \b\b \bdef gh\b \b\b \bij\r\n"def ij\\n"\r\n' },
  { name: 'one line per read; a short read leaves the rest of the line for the next',
    body: `${SHOW} show(os.read(0, 2)); show(os.read(0, 100)); show(os.read(0, 100))`,
    steps: [['', 'abcd\nef\n']],
    screen: 'abcd\r\nef\r\n"ab"\r\n"cd\\n"\r\n"ef\\n"\r\n' },
  { name: 'echo off (a password prompt): nothing typed is shown, then echo comes back',
    body: `${SHOW} const old = termios.tcgetattr(0); const m = termios.tcgetattr(0); m[3] &= ~termios.ECHO;
      termios.tcsetattr(0, termios.TCSADRAIN, m); sys.stdout.write('pw: '); show(os.read(0, 100));
      termios.tcsetattr(0, termios.TCSANOW, old); console.log('echo on'); show(os.read(0, 100))`,
    steps: [['pw: ', 'secret\n'], ['echo on\r\n', 'seen\n']],
    screen: 'pw: "secret\\n"\r\necho on\r\nseen\r\n"seen\\n"\r\n' },
  { name: 'control characters echo as ^X; ^V takes the next one literally',
    body: `${SHOW} show(os.read(0, 100))`,
    steps: [['', 'a\x01\x16\x15b\n']],
    screen: 'a^A^\b^Ub\r\n"a\\u0001\\u0015b\\n"\r\n' },
  { name: '^D ends a line without a newline, and at the start of a line is end of file',
    body: `${SHOW} for (;;) { const b = os.read(0, 100); if (b.length === 0) break; show(b) } console.log('EOF')`,
    steps: [['', 'abc\x04'], ['"abc"\r\n', '\x04']],
    screen: 'abc"abc"\r\nEOF\r\n' },
  { name: 'ICRNL: a carriage return is read as a newline',
    body: `${SHOW} show(os.read(0, 100))`,
    steps: [['', 'ok\r']],
    screen: 'ok\r\n"ok\\n"\r\n' },
  { name: '^C: SIGINT to the foreground group (a handler runs, a member dies), not to a background job',
    body: `${SHOW} signal.signal(signal.SIGINT, () => console.log('SIGINT'));
      ${BG_CHILD('signal.pause()')}
      const f = os.fork(); if (f === 0) { signal.signal(signal.SIGINT, signal.SIG_DFL); signal.pause(); os._exit(0) }
      time.sleep(1); console.log('ready'); show(os.read(0, 100));
      const [, fs] = os.waitpid(f, 0); console.log('fg child', os.WIFSIGNALED(fs), os.WTERMSIG(fs));
      os.kill(c, signal.SIGTERM); const [, bs] = os.waitpid(c, 0); console.log('bg child', os.WIFSIGNALED(bs), os.WTERMSIG(bs))`,
    steps: [['ready\r\n', 'lost\x03'], ['SIGINT\r\n', 'kept\n']],
    screen: 'ready\r\nlost^CSIGINT\r\nkept\r\n"kept\\n"\r\nfg child true 2\r\nbg child true 15\r\n' },
  { name: '^\\ sends SIGQUIT (a core action; not "core dumped" under the default RLIMIT_CORE of 0)',
    body: `signal.signal(signal.SIGQUIT, signal.SIG_IGN);
      const f = os.fork(); if (f === 0) { signal.signal(signal.SIGQUIT, signal.SIG_DFL); console.log('child'); os.read(0, 10); os._exit(0) } const [, s] = os.waitpid(f, 0); console.log(os.WTERMSIG(s), os.WCOREDUMP(s))`,
    steps: [['child\r\n', '\x1c']],
    screen: 'child\r\n^\\3 false\r\n' },
  { name: '^Z stops the foreground job; its parent sees WIFSTOPPED with WUNTRACED',
    body: `signal.signal(signal.SIGTTOU, signal.SIG_IGN);
      const c = os.fork(); if (c === 0) { os.setpgid(0, 0); console.log('child reads'); os.read(0, 10); os._exit(0) }
      os.setpgid(c, c); os.tcsetpgrp(0, c);
      const [, s] = os.waitpid(c, os.WUNTRACED); os.tcsetpgrp(0, os.getpgrp());
      console.log('stopped', os.WIFSTOPPED(s), os.WSTOPSIG(s), 'foreground', os.tcgetpgrp(0) === os.getpgrp());
      os.kill(c, signal.SIGKILL); console.log(os.WTERMSIG(os.waitpid(c, 0)[1]))`,
    steps: [['child reads\r\n', '\x1a']],
    screen: 'child reads\r\n^Zstopped true 20 foreground true\r\n9\r\n' },
  { name: 'ISIG off: ^C is an ordinary byte',
    body: `${SHOW} const m = termios.tcgetattr(0); m[3] &= ~termios.ISIG; termios.tcsetattr(0, termios.TCSANOW, m); console.log('go'); show(os.read(0, 10))`,
    steps: [['go\r\n', '\x03\n']],
    screen: 'go\r\n^C\r\n"\\u0003\\n"\r\n' },
  { name: 'raw mode (tty.setraw) reads single keys: no echo, no signals, no output processing',
    body: `${SHOW} const old = tty.setraw(0); console.log('raw'); for (let i = 0; i < 3; i++) show(os.read(0, 10));
      termios.tcsetattr(0, termios.TCSAFLUSH, old); console.log('cooked')`,
    steps: [['raw\n', 'a'], ['"a"\n', '\x03'], ['"\\u0003"\n', '\r']],
    screen: 'raw\n"a"\n"\\u0003"\n"\\r"\ncooked\r\n' },
  { name: 'cbreak mode: keys one by one without echo (so ^C is not echoed either), ^C still interrupts',
    body: `${SHOW} tty.setcbreak(0); console.log('cbreak'); show(os.read(0, 10)); os.read(0, 10); console.log('not reached')`,
    steps: [['cbreak\r\n', 'x'], ['"x"\r\n', '\x03']],
    screen: 'cbreak\r\n"x"\r\n',
    status: 2 },
  { name: 'VMIN 0, VTIME 5: a read with nothing typed returns empty after 0.5 s of the kernel clock',
    body: `const m = termios.tcgetattr(0); m[3] &= ~termios.ICANON; m[6][termios.VMIN] = 0; m[6][termios.VTIME] = 5;
      termios.tcsetattr(0, termios.TCSANOW, m); const t0 = time.time(); const b = os.read(0, 10); console.log(b.length, time.time() - t0)`,
    screen: '0 0.5\r\n' },
  { name: 'VMIN 3: a read waits for three bytes',
    body: `${SHOW} const m = termios.tcgetattr(0); m[3] &= ~(termios.ICANON | termios.ECHO); m[6][termios.VMIN] = 3; termios.tcsetattr(0, termios.TCSANOW, m);
      console.log('min3'); show(os.read(0, 10))`,
    steps: [['min3\r\n', 'a'], ['', 'b'], ['', 'cd']],
    screen: 'min3\r\n"abcd"\r\n' },
  { name: 'window size: TIOCGWINSZ, the host resizing and TIOCSWINSZ raise SIGWINCH in the foreground group',
    body: `signal.signal(signal.SIGWINCH, () => console.log('SIGWINCH', JSON.stringify(os.get_terminal_size(0))));
      const s = os.get_terminal_size(1); console.log(s.columns, s.lines, JSON.stringify(termios.tcgetwinsize(0)));
      console.log('ready'); os.read(0, 10);
      termios.tcsetwinsize(0, [30, 100]); termios.tcsetwinsize(0, [30, 100]); console.log(JSON.stringify(os.get_terminal_size()))`,
    steps: [['ready\r\n', (pty) => pty.resize(50, 132)], ['SIGWINCH', '\n']],
    screen: '80 24 [24,80]\r\nready\r\nSIGWINCH [132,50]\r\n\r\nSIGWINCH [100,30]\r\n[100,30]\r\n' },
  { name: 'isatty and ttyname: the terminal, /dev/tty and a pipe',
    body: `const [r] = os.pipe(); const t = os.open('/dev/tty', os.O_RDWR); const p = os.open('/dev/pts/0', os.O_RDWR);
      console.log(os.isatty(0), os.ttyname(0), os.isatty(t), os.ttyname(t), os.ttyname(p), os.isatty(r));
      try { os.ttyname(r) } catch (e) { console.log(String(e)) }
      console.log(os.tcgetpgrp(t) === os.getpgrp(), os.stat('/dev/pts/0').st_mode.toString(8), os.stat('/dev/pts/0').st_gid)`,
    screen: 'true /dev/pts/0 true /dev/tty /dev/pts/0 false\r\n[Errno 25] Inappropriate ioctl for device\r\ntrue 20620 5\r\n' },
  { name: 'ENOTTY: termios on a file or a pipe, tcgetpgrp on a pipe; ENXIO: /dev/tty with no controlling terminal',
    body: `const [r] = os.pipe(); const f = os.open('/etc/passwd', os.O_RDONLY);
      try { termios.tcgetattr(f) } catch (e) { console.log(e.name, String(e)) }
      try { tty.setraw(r) } catch (e) { console.log(e.name, String(e)) }
      try { os.tcgetpgrp(r) } catch (e) { console.log(String(e)) }
      const c = os.fork(); if (c === 0) { os.setsid(); try { os.open('/dev/tty', os.O_RDWR) } catch (e) { console.log(String(e)) }
        try { os.tcgetpgrp(0) } catch (e) { console.log('not mine:', String(e)) } os._exit(0) }
      os.waitpid(c, 0)`,
    screen: "termios.error (25, 'Inappropriate ioctl for device')\r\ntermios.error (25, 'Inappropriate ioctl for device')\r\n" +
      "[Errno 25] Inappropriate ioctl for device\r\n[Errno 6] No such device or address: '/dev/tty'\r\nnot mine: [Errno 25] Inappropriate ioctl for device\r\n" },
  { name: 'tcsetpgrp: a group of another session is EPERM, a missing one ESRCH',
    body: `const c = os.fork(); if (c === 0) { os.setsid(); signal.pause(); os._exit(0) } time.sleep(1);
      try { os.tcsetpgrp(0, 999) } catch (e) { console.log(String(e)) }
      try { os.tcsetpgrp(0, c) } catch (e) { console.log(String(e)) }
      os.kill(c, signal.SIGKILL); os.waitpid(c, 0)`,
    screen: '[Errno 3] No such process\r\n[Errno 1] Operation not permitted\r\n' },
  { name: 'a background read gets SIGTTIN (stopped); ignoring SIGTTIN makes it EIO',
    body: `${BG_CHILD('os.read(0, 10)')}
      const [, s] = os.waitpid(c, os.WUNTRACED); console.log('stopped', os.WIFSTOPPED(s), os.WSTOPSIG(s)); os.kill(c, signal.SIGKILL); os.waitpid(c, 0);
      const d = os.fork(); if (d === 0) { os.setpgid(0, 0); signal.signal(signal.SIGTTIN, signal.SIG_IGN); try { os.read(0, 10) } catch (e) { console.log(String(e)) } os._exit(0) }
      os.setpgid(d, d); os.waitpid(d, 0)`,
    screen: 'stopped true 21\r\n[Errno 5] Input/output error\r\n' },
  { name: 'a background write: allowed without TOSTOP, SIGTTOU with it; tcsetattr from the background is SIGTTOU',
    body: `${BG_CHILD("console.log('bg writes')")} os.waitpid(c, 0);
      const m = termios.tcgetattr(0); m[3] |= termios.TOSTOP; termios.tcsetattr(0, termios.TCSANOW, m);
      for (const act of ['write', 'tcsetattr']) {
        const k = os.fork();
        if (k === 0) { os.setpgid(0, 0); if (act === 'write') console.log('not shown'); else termios.tcsetattr(0, termios.TCSANOW, m); os._exit(0) }
        os.setpgid(k, k); const [, s] = os.waitpid(k, os.WUNTRACED); console.log(act, 'stopped', os.WSTOPSIG(s)); os.kill(k, signal.SIGKILL); os.waitpid(k, 0) }`,
    screen: 'bg writes\r\nwrite stopped 22\r\ntcsetattr stopped 22\r\n' },
  { name: 'a handler for SIGTTIN runs, and the read is restarted (SA_RESTART) into another SIGTTIN',
    body: `let n = 0; ${BG_CHILD("signal.signal(signal.SIGTTIN, () => { n++; if (n === 2) { console.log('handler ran twice'); os._exit(3) } }); os.read(0, 10)")}
      console.log(os.WEXITSTATUS(os.waitpid(c, 0)[1]))`,
    screen: 'handler ran twice\r\n3\r\n' },
  { name: 'the host hangs up: SIGHUP to the foreground group',
    body: `console.log('waiting'); os.read(0, 10); console.log('not reached')`,
    steps: [['waiting\r\n', (pty) => pty.close()]],
    screen: 'waiting\r\n',
    status: 1 },
];
