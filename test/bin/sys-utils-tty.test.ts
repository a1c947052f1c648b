/**
 * The utilities on a pseudo-terminal: tty, stty (-a, -g, the changed-settings report, flags,
 * combinations, control characters, size), more's paging keys, nohup's redirections and clear.
 * Each case boots a kernel, opens a 24×80 (or the case's size) pty, runs the utility with the
 * pty as its stdio, types the case's keys when the screen shows what it waits for, and compares
 * the whole screen (output after the terminal's output processing: \n → \r\n) and the status.
 * Expected screens follow coreutils 9.1 and util-linux more on Linux, in the C locale.
 */
import { TtyScreen } from '../tty/helpers.js';
import { describe, expect, it } from 'vitest';
import { PROGRAMS } from '#programs';
import { boot } from '../../src/index.js';
import { DEFAULT_SYSTEM } from '../../src/cli/default-system.js';
import { WHO, describePath } from './harness.js';
import type { FileSpec } from '../../src/kernel/setup.js';

interface TtyCase {
  readonly name?: string;
  readonly argv: readonly string[];
  /** [text the screen must show first, keys to type then] */
  readonly keys?: ReadonlyArray<readonly [string, string]>;
  readonly rows?: number;
  readonly cols?: number;
  readonly as?: keyof typeof WHO;
  readonly cwd?: string;
  readonly files?: readonly FileSpec[];
  readonly env?: readonly string[];
  /** Utilities run after it on the same terminal (to show what it changed). */
  readonly then?: ReadonlyArray<readonly string[]>;
  readonly screen: string;
  readonly status?: number;
  readonly after?: Readonly<Record<string, string>>;
}

async function onTty(c: TtyCase): Promise<{ screen: string; status: number; after?: Record<string, string> }> {
  const k = boot({ ...DEFAULT_SYSTEM, ...(c.files ? { files: c.files } : {}), poolSize: 1 });
  try {
    const who = WHO[c.as ?? 'root'];
    const pty = k.openpty({ rows: c.rows ?? 24, cols: c.cols ?? 80, uid: who.uid });
    const screen = new TtyScreen(pty);
    const name = c.argv[0]!;
    const h = k.spawn({
      program: { source: PROGRAMS[name]!, path: `/bin/${name}` },
      argv: c.argv, env: c.env ?? ['PATH=/bin', 'TERM=xterm', `HOME=${who.home}`],
      uid: who.uid, gid: who.gid, groups: who.groups, cwd: c.cwd ?? '/',
      stdio: [{ kind: 'tty', pty }, { kind: 'tty', pty }, { kind: 'tty', pty }],
    });
    await screen.play(pty, c.keys ?? []);
    const wstatus = await h.exited;
    const status = (wstatus & 0x7f) === 0 ? wstatus >> 8 : 128 + (wstatus & 0x7f);
    for (const argv of c.then ?? []) {
      const next = k.spawn({
        program: { source: PROGRAMS[argv[0]!]!, path: `/bin/${argv[0]}` },
        argv, env: c.env ?? ['PATH=/bin', 'TERM=xterm', `HOME=${who.home}`],
        uid: who.uid, gid: who.gid, groups: who.groups, cwd: c.cwd ?? '/',
        stdio: [{ kind: 'tty', pty }, { kind: 'tty', pty }, { kind: 'tty', pty }],
      });
      await next.exited;
    }
    const after = c.after ? Object.fromEntries(Object.keys(c.after).map((p) => [p, describePath(k, p)])) : undefined;
    return { screen: screen.text, status, ...(after ? { after } : {}) };
  } finally {
    k.shutdown();
  }
}

function ttyTable(cases: readonly TtyCase[]): void {
  it.each(cases.map((c) => [c.name ?? c.argv.join(' '), c] as const))('%s', async (_t, c) => {
    expect(await onTty(c)).toEqual({ screen: c.screen, status: c.status ?? 0, ...(c.after ? { after: { ...c.after } } : {}) });
  });
}

const crlf = (s: string): string => s.replace(/\n/g, '\r\n');

const ALL_80 = crlf(`speed 38400 baud; rows 24; columns 80; line = 0;
intr = ^C; quit = ^\\; erase = ^?; kill = ^U; eof = ^D; eol = <undef>;
eol2 = <undef>; swtch = <undef>; start = ^Q; stop = ^S; susp = ^Z; rprnt = ^R;
werase = ^W; lnext = ^V; discard = ^O; min = 1; time = 0;
-parenb -parodd -cmspar cs8 hupcl -cstopb cread -clocal -crtscts
-ignbrk -brkint -ignpar -parmrk -inpck -istrip -inlcr -igncr icrnl ixon -ixoff
-iuclc -ixany -imaxbel iutf8
opost -olcuc -ocrnl onlcr -onocr -onlret -ofill -ofdel nl0 cr0 tab0 bs0 vt0 ff0
isig icanon iexten echo echoe echok -echonl -noflsh -xcase -tostop -echoprt
echoctl echoke -flusho -extproc
`);

const ALL_40 = crlf(`speed 38400 baud; rows 10; columns 40;
line = 0;
intr = ^C; quit = ^\\; erase = ^?;
kill = ^U; eof = ^D; eol = <undef>;
eol2 = <undef>; swtch = <undef>;
start = ^Q; stop = ^S; susp = ^Z;
rprnt = ^R; werase = ^W; lnext = ^V;
discard = ^O; min = 1; time = 0;
-parenb -parodd -cmspar cs8 hupcl -cstopb
cread -clocal -crtscts
-ignbrk -brkint -ignpar -parmrk -inpck
-istrip -inlcr -igncr icrnl ixon -ixoff
-iuclc -ixany -imaxbel iutf8
opost -olcuc -ocrnl onlcr -onocr -onlret
-ofill -ofdel nl0 cr0 tab0 bs0 vt0 ff0
isig icanon iexten echo echoe echok
-echonl -noflsh -xcase -tostop -echoprt
echoctl echoke -flusho -extproc
`);

describe('tty on a terminal', () => ttyTable([
  { argv: ['tty'], screen: '/dev/pts/0\r\n' },
  { argv: ['tty', '-s'], screen: '' },
  { argv: ['tty'], as: 'alice', screen: '/dev/pts/0\r\n' },
]));

describe('stty', () => ttyTable([
  { argv: ['stty'], screen: crlf('speed 38400 baud; line = 0;\n-brkint -imaxbel iutf8\n') },
  { argv: ['stty', '-a'], screen: ALL_80 },
  { argv: ['stty', '--all'], rows: 10, cols: 40, screen: ALL_40 },
  { argv: ['stty', '-g'], screen: '4500:5:4bf:8a3b:3:1c:7f:15:4:0:1:0:11:13:1a:0:12:f:17:16:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0\r\n' },
  { argv: ['stty', 'size'], rows: 30, cols: 100, screen: '30 100\r\n' },
  { argv: ['stty', 'speed'], screen: '38400\r\n' },
  { name: 'raw, then the report (no output processing: bare \\n)', argv: ['stty', 'raw'], then: [['stty']],
    screen: 'speed 38400 baud; line = 0;\nmin = 1; time = 0;\n-brkint -icrnl -imaxbel\n-opost\n-isig -icanon\n' },
  { argv: ['stty', 'raw', '-raw'], then: [['stty']], screen: crlf('speed 38400 baud; line = 0;\n-imaxbel\n') },
  { argv: ['stty', '-echo', '-icanon', 'min', '0', 'time', '5'], then: [['stty']],
    screen: crlf('speed 38400 baud; line = 0;\nmin = 0; time = 5;\n-brkint -imaxbel iutf8\n-icanon -echo\n') },
  { argv: ['stty', 'cbreak', 'intr', '^X', 'eof', 'undef', 'erase', '^H', 'susp', 'q'], then: [['stty']],
    screen: crlf('speed 38400 baud; line = 0;\nintr = ^X; erase = ^H; eof = <undef>; susp = q; min = 1; time = 0;\n-brkint -imaxbel iutf8\n-icanon\n') },
  { argv: ['stty', 'raw', 'sane'], then: [['stty']], screen: crlf('speed 38400 baud; line = 0;\n') },
  { argv: ['stty', 'tostop', 'echonl', '-opost', 'ixany'], then: [['stty']], screen: 'speed 38400 baud; line = 0;\n-brkint ixany -imaxbel iutf8\n-opost\nechonl tostop\n' },
  { argv: ['stty', 'cooked'], then: [['stty']], screen: crlf('speed 38400 baud; line = 0;\n-imaxbel iutf8\n') },
  { name: '-g, read back', argv: ['stty', '500:5:bf:8a3b:3:1c:7f:15:4:0:1:0:11:13:1a:0:12:f:17:16:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0'], then: [['stty', '-g']],
    screen: '500:5:bf:8a3b:3:1c:7f:15:4:0:1:0:11:13:1a:0:12:f:17:16:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0\r\n' },
  { argv: ['stty', 'rows', '50', 'cols', '132'], then: [['stty', 'size']], screen: '50 132\r\n' },
  { argv: ['stty', 'rows', '50', 'cols', '132', 'size'], screen: '24 80\r\n' },
  { argv: ['stty', 'bogus'], screen: crlf("stty: invalid argument 'bogus'\nTry 'stty --help' for more information.\n"), status: 1 },
  { argv: ['stty', 'constructor'], screen: crlf("stty: invalid argument 'constructor'\nTry 'stty --help' for more information.\n"), status: 1 },
  { argv: ['stty', 'rows'], screen: crlf("stty: missing argument to 'rows'\nTry 'stty --help' for more information.\n"), status: 1 },
  { argv: ['stty', 'rows', 'x'], screen: "stty: invalid integer argument: 'x'\r\n", status: 1 },
  { argv: ['stty', 'min', '300'], screen: "stty: invalid integer argument: '300': Numerical result out of range\r\n", status: 1 },
  { argv: ['stty', '-a', 'echo'], screen: 'stty: when specifying an output style, modes may not be set\r\n', status: 1 },
  { argv: ['stty', '-F', '/nope'], screen: 'stty: /nope: No such file or directory\r\n', status: 1 },
  { argv: ['stty', '-F', '/dev/null'], screen: 'stty: /dev/null: Inappropriate ioctl for device\r\n', status: 1 },
]));

describe('more on a terminal', () => {
  const S20: FileSpec[] = [{ path: '/t/s20', content: Array.from({ length: 20 }, (_, i) => `${i + 1}\n`).join('') }];
  const PROMPT = (p: number): string => `\x1b[7m--More--(${p}%)\x1b[27m`;
  ttyTable([
    { name: 'space, enter, q', argv: ['more', '/t/s20'], rows: 5, cols: 40, files: S20,
      keys: [[PROMPT(15), ' '], [PROMPT(31), '\r'], [PROMPT(35), 'q']],
      screen: `1\r\n2\r\n3\r\n4\r\n${PROMPT(15)}\r5\x1b[K\r\n6\r\n7\r\n8\r\n${PROMPT(31)}\r9\x1b[K\r\n${PROMPT(35)}\r\x1b[K` },
    { name: 'to the end', argv: ['more', '/t/s20'], rows: 11, files: S20, keys: [[PROMPT(41), ' ']],
      screen: `${crlf('1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n')}${PROMPT(41)}\r11\x1b[K\r\n${crlf('12\n13\n14\n15\n16\n17\n18\n19\n20\n')}` },
    { name: 'd: half a screen', argv: ['more', '/t/s20'], rows: 5, files: S20, keys: [[PROMPT(15), 'd'], [PROMPT(23), 'q']],
      screen: `1\r\n2\r\n3\r\n4\r\n${PROMPT(15)}\r5\x1b[K\r\n6\r\n${PROMPT(23)}\r\x1b[K` },
    { name: 'a short file: no prompt', argv: ['more', '/t/s'], files: [{ path: '/t/s', content: 'a\nb\n' }], screen: 'a\r\nb\r\n' },
    { name: 'missing file', argv: ['more', '/t/nope'], screen: 'more: cannot open /t/nope: No such file or directory\r\n' },
  ]);
});

describe('nohup on a terminal', () => ttyTable([
  { argv: ['nohup', '/bin/echo', 'hi'], cwd: '/tmp', files: [{ path: '/bin/echo', mode: '0755', content: PROGRAMS.echo! }],
    screen: "nohup: ignoring input and appending output to 'nohup.out'\r\n", after: { '/tmp/nohup.out': 'file 0600 0:0 "hi\\n"' } },
  { argv: ['nohup', '/bin/echo', 'hi'], as: 'alice', cwd: '/', files: [{ path: '/bin/echo', mode: '0755', content: PROGRAMS.echo! }],
    screen: "nohup: ignoring input and appending output to '/home/alice/nohup.out'\r\n", after: { '/home/alice/nohup.out': 'file 0600 1000:1000 "hi\\n"' } },
]));

describe('ps on a terminal', () => ttyTable([
  { argv: ['ps'], screen: crlf('    PID TTY          TIME CMD\n      2 pts/0    00:00:00 ps\n') },
  { argv: ['ps', '-e', '-o', 'pid,tty,comm'], screen: crlf('    PID TT       COMMAND\n      1 ?        init\n      2 pts/0    ps\n') },
  { argv: ['ps', '-f'], as: 'alice', screen: crlf('UID          PID    PPID  C STIME TTY          TIME CMD\nalice          2       1  0 00:00 pts/0    00:00:00 ps -f\n') },
]));

describe('clear on a terminal', () => ttyTable([
  { argv: ['clear'], screen: '\x1b[H\x1b[2J\x1b[3J' },
]));
