/**
 * kill, ps, nohup, tty, hostname, clear and more without a terminal (the harness gives pipes and
 * /dev/null). In a harness kernel the processes are init (pid 1) and the utility (pid 2), on no
 * terminal. Expected outputs follow procps-ng 4.0.2, coreutils 9.1, ncurses and util-linux, in the
 * C locale; test/bin/sys-utils-tty.test.ts covers the terminal side.
 */
import { describe } from 'vitest';
import { PROGRAMS } from '#programs';
import { table, type Case } from './harness.js';

const TRY = (n: string): string => `Try '${n} --help' for more information.\n`;
const BIN: Case['files'] = ['echo', 'sh', 'true'].filter((n) => PROGRAMS[n] !== undefined).map((n) => ({ path: `/bin/${n}`, mode: '0755', content: PROGRAMS[n]! }));
const SIGNALS = 'HUP INT QUIT ILL TRAP ABRT BUS FPE KILL USR1 SEGV USR2 PIPE ALRM TERM STKFLT\n'
  + 'CHLD CONT STOP TSTP TTIN TTOU URG XCPU XFSZ VTALRM PROF WINCH POLL PWR SYS\n';
const TABLE = ' 1 HUP      2 INT      3 QUIT     4 ILL      5 TRAP     6 ABRT     7 BUS\n'
  + ' 8 FPE      9 KILL    10 USR1    11 SEGV    12 USR2    13 PIPE    14 ALRM\n'
  + '15 TERM    16 STKFLT  17 CHLD    18 CONT    19 STOP    20 TSTP    21 TTIN\n'
  + '22 TTOU    23 URG     24 XCPU    25 XFSZ    26 VTALRM  27 PROF    28 WINCH\n'
  + '29 POLL    30 PWR     31 SYS     \n';
const KILL_USAGE = '\nUsage:\n kill [options] <pid> [...]\n\nOptions:\n <pid> [...]            send the signal to each <pid>\n'
  + ' -<signal>, -s, --signal <signal>\n                        the signal to send (a name or a number)\n'
  + ' -n <number>            the signal, by number\n'
  + ' -l, --list [<signal>]  list the signal names, or convert one to a name or number\n'
  + ' -L, --table            list the signal names in a table\n';

describe('kill', () => table([
  { argv: ['kill', '-l'], out: SIGNALS },
  { argv: ['kill', '-L'], out: TABLE },
  { argv: ['kill', '-l', '9'], out: 'KILL\n' },
  { argv: ['kill', '-l', 'sigterm'], out: '15\n' },
  { argv: ['kill', '-l', '64'], err: 'kill: unknown signal name 64\n', status: 1 },
  { argv: ['kill', '-0', '1'] },
  { argv: ['kill', '-s', 'KILL', '2'], status: 137 },
  { argv: ['kill', '-9', '2'], status: 137 },
  { argv: ['kill', '-SIGUSR1', '2'], status: 138 },
  { argv: ['kill', '-n', '15', '2'], status: 143 },
  { argv: ['kill', '2'], status: 143 },
  { argv: ['kill', '-0', '99999', '1'], err: 'kill: (99999): No such process\n', status: 1 },
  { argv: ['kill', '--', '-99999'], err: 'kill: (-99999): No such process\n', status: 1 },
  { argv: ['kill', '1'], as: 'alice', err: 'kill: (1): Operation not permitted\n', status: 1 },
  { argv: ['kill', 'abc'], err: "kill: failed to parse argument: 'abc'\n", status: 1 },
  { argv: ['kill', '-s', 'constructor', '1'], err: 'kill: unknown signal name constructor\n', status: 1 },
  { argv: ['kill', '-s', 'FOO', '1'], err: 'kill: unknown signal name FOO\n', status: 1 },
  { argv: ['kill', '-FOO', '1'], err: `kill: invalid argument F\n${KILL_USAGE}`, status: 1 },
  { argv: ['kill'], err: KILL_USAGE, status: 1 },
  { argv: ['kill', '-9'], err: KILL_USAGE, status: 1 },
]));

const PS_USAGE = '\nUsage:\n ps [options]\n\n Options: -e, -A (all), -f (full), -p PIDLIST, -u USERLIST, -o FORMAT, --no-headers\n';
describe('ps', () => table([
  { argv: ['ps'], out: '    PID TTY          TIME CMD\n      1 ?        00:00:00 init\n      2 ?        00:00:00 ps\n' },
  { argv: ['ps'], as: 'alice', out: '    PID TTY          TIME CMD\n      2 ?        00:00:00 ps\n' },
  { argv: ['ps', '-e'], as: 'alice', out: '    PID TTY          TIME CMD\n      1 ?        00:00:00 init\n      2 ?        00:00:00 ps\n' },
  { argv: ['ps', '-ef'], as: 'bob', out: 'UID          PID    PPID  C STIME TTY          TIME CMD\nroot           1       0  0 00:00 ?        00:00:00 init\nbob            2       1  0 00:00 ?        00:00:00 ps -ef\n' },
  { argv: ['ps', '-f', '-p', '2'], out: 'UID          PID    PPID  C STIME TTY          TIME CMD\nroot           2       1  0 00:00 ?        00:00:00 ps -f -p 2\n' },
  { argv: ['ps', '-o', 'pid,ppid,user,comm,args', '-A'], as: 'alice',
    out: '    PID    PPID USER     COMMAND         COMMAND\n      1       0 root     init            init\n      2       1 alice    ps              ps -o pid,ppid,user,comm,args -A\n' },
  { argv: ['ps', '-o', 'args,comm', '-p', '2'], out: 'COMMAND                     COMMAND\nps -o args,comm -p 2        ps\n' },
  { argv: ['ps', '-p', '1', '-o', 'pid=,comm='], out: '      1 init\n' },
  { argv: ['ps', '-p1,2', '-o', 'pid,uid,gid,group,stat,tty,time,etime'], as: 'alice',
    out: '    PID   UID   GID GROUP    STAT TT           TIME     ELAPSED\n      1     0     0 root     S    ?        00:00:00       00:00\n      2  1000  1000 alice    R    ?        00:00:00       00:00\n' },
  { argv: ['ps', '-o', 'pid=PROCESS,comm=NAME', '-p', '1'], out: 'PROCESS NAME\n      1 init\n' },
  { argv: ['ps', '-u', 'alice', '--no-headers'], as: 'alice', out: '      2 ?        00:00:00 ps\n' },
  { argv: ['ps', '-u', 'root', '-o', 'pid'], as: 'alice', out: '    PID\n      1\n' },
  { argv: ['ps', '-p', '99'], out: '    PID TTY          TIME CMD\n', status: 1 },
  { argv: ['ps', '-p', 'abc'], err: `error: process ID list syntax error\n${PS_USAGE}`, status: 1 },
  { argv: ['ps', '-o', 'bogus'], err: `error: unknown user-defined format specifier "bogus"\n${PS_USAGE}`, status: 1 },
  { argv: ['ps', '-o', '__proto__'], err: `error: unknown user-defined format specifier "__proto__"\n${PS_USAGE}`, status: 1 },
  { argv: ['ps', '-Q'], err: `error: unsupported SysV option\n${PS_USAGE}`, status: 1 },
  { argv: ['ps', '-u', 'nosuch'], err: `error: user name does not exist\n${PS_USAGE}`, status: 1 },
]));

describe('nohup', () => table([
  { argv: ['nohup', 'echo', 'hi'], files: BIN, out: 'hi\n' },
  { argv: ['nohup', 'sh', '-c', 'kill -HUP $$; echo survived'], files: BIN, out: 'survived\n' },
  { argv: ['nohup', 'nope'], files: BIN, err: "nohup: failed to run command 'nope': No such file or directory\n", status: 127 },
  { argv: ['nohup', '/etc/passwd'], err: "nohup: failed to run command '/etc/passwd': Permission denied\n", status: 126 },
  { argv: ['nohup', '/tmp/x'], as: 'alice', files: [{ path: '/tmp/x', mode: '0700', content: 'x' }], err: "nohup: failed to run command '/tmp/x': Permission denied\n", status: 126 },
  { argv: ['nohup'], err: `nohup: missing operand\n${TRY('nohup')}`, status: 125 },
  { argv: ['nohup', '--bogus'], err: `nohup: unrecognized option '--bogus'\n${TRY('nohup')}`, status: 125 },
  { argv: ['nohup', '--version'], out: 'nohup (posixbox) 0.1.0\n' },
]));

describe('tty', () => table([
  { argv: ['tty'], out: 'not a tty\n', status: 1 },
  { argv: ['tty'], stdin: 'x', out: 'not a tty\n', status: 1 },
  { argv: ['tty', '-s'], status: 1 },
  { argv: ['tty', '--silent'], status: 1 },
  { argv: ['tty', 'x'], err: `tty: extra operand 'x'\n${TRY('tty')}`, status: 2 },
  { argv: ['tty', '-q'], err: `tty: invalid option -- 'q'\n${TRY('tty')}`, status: 2 },
]));

describe('stty (not a terminal)', () => table([
  { argv: ['stty'], err: "stty: 'standard input': Inappropriate ioctl for device\n", status: 1 },
  { argv: ['stty', '-a'], stdin: '', err: "stty: 'standard input': Inappropriate ioctl for device\n", status: 1 },
  { argv: ['stty', 'raw'], err: "stty: 'standard input': Inappropriate ioctl for device\n", status: 1 },
  { argv: ['stty', '-F', '/etc/passwd', '-g'], err: 'stty: /etc/passwd: Inappropriate ioctl for device\n', status: 1 },
  { argv: ['stty', '-F', '/root/x'], as: 'alice', files: [{ path: '/root/x' }, { path: '/root', type: 'dir', mode: '0700' }], err: 'stty: /root/x: Permission denied\n', status: 1 },
  { argv: ['stty', '--bogus'], err: `stty: invalid argument '--bogus'\n${TRY('stty')}`, status: 1 },
  { argv: ['stty', 'bogus'], err: `stty: invalid argument 'bogus'\n${TRY('stty')}`, status: 1 },
  { argv: ['stty', 'rows'], err: `stty: missing argument to 'rows'\n${TRY('stty')}`, status: 1 },
  { argv: ['stty', 'rows', 'x'], err: "stty: 'standard input': Inappropriate ioctl for device\n", status: 1 },
  { argv: ['stty', '-a', 'echo'], err: 'stty: when specifying an output style, modes may not be set\n', status: 1 },
]));

const HOST_USAGE = 'Usage: hostname [-s|-f|-d]            display the host name (short, long, domain)\n'
  + '       hostname NAME | -F FILE          set the host name (root only)\n       hostname -h|--help|-V|--version\n';
describe('hostname', () => table([
  { argv: ['hostname'], out: 'posixbox\n' },
  { argv: ['hostname'], as: 'bob', out: 'posixbox\n' },
  { argv: ['hostname', '-s'], out: 'posixbox\n' },
  { argv: ['hostname', '--fqdn'], out: 'posixbox\n' },
  { argv: ['hostname', '-d'] },
  { argv: ['hostname', 'other'], as: 'alice', err: 'hostname: you must be root to change the host name\n', status: 1 },
  { argv: ['sh', '-c', 'hostname other.example && hostname && hostname -s && hostname -d'], out: 'other.example\nother\nexample\n' },
  { argv: ['sh', '-c', 'hostname -F /etc/newname && hostname'], files: [{ path: '/etc/newname', content: '# comment\n\nfrom-file\n' }], out: 'from-file\n' },
  { argv: ['hostname', 'bad name'], err: 'hostname: the specified hostname is invalid\n', status: 1 },
  { argv: ['hostname', 'a'.repeat(70)], err: 'hostname: name too long\n', status: 1 },
  { argv: ['hostname', '-F', '/nope'], err: 'hostname: No such file or directory\n', status: 1 },
  { argv: ['hostname', '-Q'], err: "hostname: invalid option -- 'Q'\n", out: HOST_USAGE, status: 255 },
  { argv: ['hostname', 'a', 'b'], err: HOST_USAGE, status: 255 },
]));

const CLEAR_USAGE = 'Usage: clear [options]\n\nOptions:\n  -T TERM     the terminal type, instead of $TERM\n  -V          print the version\n  -x          leave the scrollback alone\n';
describe('clear', () => table([
  { argv: ['clear'], env: ['TERM=xterm'], out: '\x1b[H\x1b[2J\x1b[3J' },
  { argv: ['clear', '-x'], env: ['TERM=xterm-256color'], out: '\x1b[H\x1b[2J' },
  { argv: ['clear'], env: ['TERM=screen'], out: '\x1b[H\x1b[J' },
  { argv: ['clear'], env: ['TERM=linux'], out: '\x1b[H\x1b[J\x1b[3J' },
  { argv: ['clear', '-T', 'vt100'], env: ['TERM=xterm'], out: '\x1b[H\x1b[J' },
  { argv: ['clear'], env: ['TERM=dumb'], status: 1 },
  { argv: ['clear'], env: ['TERM=nope'], err: "'nope': unknown terminal type.\n", status: 1 },
  { argv: ['clear'], env: ['TERM=constructor'], err: "'constructor': unknown terminal type.\n", status: 1 },
  { argv: ['clear'], env: ['TERM='], err: "'': unknown terminal type.\n", status: 1 },
  { argv: ['clear'], env: [], err: 'TERM environment variable not set.\n', status: 1 },
  { argv: ['clear', 'x'], env: ['TERM=xterm'], err: CLEAR_USAGE, status: 1 },
]));

const TEXT: Case['files'] = [{ path: '/t/m1', content: 'one\n' }, { path: '/t/m2', content: 'two' }, { path: '/t/d', type: 'dir' },
  { path: '/t/secret', content: 's', mode: '0600' }];
describe('more (not a terminal)', () => table([
  { argv: ['more', '/t/m1'], files: TEXT, out: 'one\n' },
  { argv: ['more', 'm1', 'm2'], cwd: '/t', files: TEXT, out: '::::::::::::::\nm1\n::::::::::::::\none\n::::::::::::::\nm2\n::::::::::::::\ntwo' },
  { argv: ['more'], stdin: 'piped\ntext\n', out: 'piped\ntext\n' },
  { argv: ['more', '-'], stdin: 'dash\n', out: 'dash\n' },
  { argv: ['more', 'd'], cwd: '/t', files: TEXT, out: '\n*** d: directory ***\n\n' },
  { argv: ['more', 'nope', 'm1'], cwd: '/t', files: TEXT, out: '::::::::::::::\nm1\n::::::::::::::\none\n', err: 'more: cannot open nope: No such file or directory\n' },
  { argv: ['more', 'secret'], as: 'alice', cwd: '/t', files: TEXT, err: 'more: cannot open secret: Permission denied\n' },
  { argv: ['more', '--bogus'], err: `more: unrecognized option '--bogus'\n${TRY('more')}`, status: 1 },
  { argv: ['more', '-z'], err: `more: invalid option -- 'z'\n${TRY('more')}`, status: 1 },
]));
