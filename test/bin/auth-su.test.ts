/**
 * su: who may become whom, the password prompt and its messages (util-linux 2.38's, checked on
 * Linux with stdin not a terminal: `Password: ` on stderr with no newline after it), and what it
 * execs (the users' login shell is the show program; see auth-fixtures.ts). On a terminal the
 * prompt turns echo off: test/bin/auth-tty.test.ts.
 */
import { describe } from 'vitest';
import { table } from './harness.js';
import { ALICE, ALICE_SUID, BOB_SUID, GROUPS, SHOW, shown, withShells } from './auth-fixtures.js';

const ENV = ['PATH=/bin:/usr/bin', 'HOME=/home/alice', 'USER=alice', 'LOGNAME=alice', 'TERM=vt100', 'FOO=1'];
const FAIL = 'Password: su: Authentication failure\n';

describe('su', () => table([
  { name: 'root needs no password; the environment is kept, HOME SHELL USER LOGNAME set', argv: ['su', 'alice'], files: withShells(), cwd: '/tmp',
    env: ['PATH=/bin', 'HOME=/root', 'FOO=1'],
    out: shown({ argv: ['show'], uid: 1000, gid: 1000, groups: GROUPS.alice, cwd: '/tmp', env: ['PATH=/bin', 'HOME=/home/alice', 'FOO=1', `SHELL=${SHOW}`, 'USER=alice', 'LOGNAME=alice'] }) },
  { name: 'alice becomes bob with his password (read from stdin, which is not a terminal)', argv: ['su', 'bob'], creds: ALICE_SUID, files: withShells(),
    stdin: 'bob\n', env: ENV, cwd: '/tmp', err: 'Password: ',
    out: shown({ argv: ['show'], uid: 1001, gid: 1001, groups: GROUPS.bob, cwd: '/tmp',
      env: ['PATH=/bin:/usr/bin', 'HOME=/home/bob', 'USER=bob', 'LOGNAME=bob', 'TERM=vt100', 'FOO=1', `SHELL=${SHOW}`] }) },
  { name: 'to root (the default user), USER and LOGNAME stay', argv: ['su'], creds: BOB_SUID, files: withShells(),
    stdin: 'root\n', env: ENV, err: 'Password: ',
    out: shown({ argv: ['show'], uid: 0, gid: 0, groups: GROUPS.root, cwd: '/',
      env: ['PATH=/bin:/usr/bin', 'HOME=/root', 'USER=alice', 'LOGNAME=alice', 'TERM=vt100', 'FOO=1', `SHELL=${SHOW}`] }) },
  { name: '- : a login shell in the home directory with a clean environment', argv: ['su', '-', 'bob'], creds: ALICE_SUID, files: withShells(),
    stdin: 'bob\n', env: ENV, cwd: '/tmp', err: 'Password: ',
    out: shown({ argv: ['-show'], uid: 1001, gid: 1001, groups: GROUPS.bob, cwd: '/home/bob',
      env: ['TERM=vt100', 'HOME=/home/bob', `SHELL=${SHOW}`, 'USER=bob', 'LOGNAME=bob', 'PATH=/usr/local/bin:/usr/bin:/bin'] }) },
  { name: '-l to root: root\'s PATH', argv: ['su', '-l'], env: ['FOO=1'], files: withShells(),
    out: shown({ argv: ['-show'], uid: 0, gid: 0, groups: GROUPS.root, cwd: '/root',
      env: ['HOME=/root', `SHELL=${SHOW}`, 'USER=root', 'LOGNAME=root', 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'] }) },
  { name: '-c COMMAND and the arguments after the user go to the shell', argv: ['su', 'alice', '-c', 'echo "$@"', 'x', 'y'], env: [], files: withShells(),
    out: shown({ argv: ['show', '-c', 'echo "$@"', 'x', 'y'], uid: 1000, gid: 1000, groups: GROUPS.alice, cwd: '/',
      env: ['HOME=/home/alice', `SHELL=${SHOW}`, 'USER=alice', 'LOGNAME=alice'] }) },
  { name: '-m keeps the whole environment', argv: ['su', '-m', 'alice'], env: ['HOME=/root', 'SHELL=/bin/sh'], files: withShells(),
    out: shown({ argv: ['show'], uid: 1000, gid: 1000, groups: GROUPS.alice, cwd: '/', env: ['HOME=/root', 'SHELL=/bin/sh'] }) },
  { name: '-s SHELL, by root', argv: ['su', '-s', '/bin/echo', 'alice', '-c', 'hi'], files: withShells(), out: '-c hi\n' },
  { name: 'a wrong password', argv: ['su', 'bob'], creds: ALICE_SUID, files: withShells(), stdin: 'alice\n', err: FAIL, status: 1 },
  { name: 'no password at all (end of input)', argv: ['su', 'bob'], creds: ALICE_SUID, files: withShells(), stdin: '', err: FAIL, status: 1 },
  { name: 'only the first line is the password', argv: ['su', 'bob'], creds: ALICE_SUID, files: withShells(), stdin: 'bo\nb\n', err: FAIL, status: 1 },
  { name: 'a locked account', argv: ['su', 'bob'], creds: ALICE_SUID, stdin: '\n',
    files: [...withShells(), { path: '/etc/shadow', mode: '0640', content: 'root:plain$root:0:0:99999:7:::\nbob:!plain$bob:0:0:99999:7:::\n' }], err: FAIL, status: 1 },
  { name: 'an empty password field asks nothing', argv: ['su', 'bob', '-c', 'x'], creds: ALICE_SUID,
    files: [...withShells({ bob: '/bin/echo' }), { path: '/etc/shadow', mode: '0640', content: 'bob::0:0:99999:7:::\n' }], out: '-c x\n' },
  { name: '/bin/su not set-user-ID: /etc/shadow cannot be read, so no password matches', argv: ['su', 'bob'], creds: ALICE, files: withShells(),
    stdin: 'bob\n', err: FAIL, status: 1 },
  { name: 'an unknown user', argv: ['su', 'nosuch'], err: 'su: user nosuch does not exist or the user entry does not contain all the required fields\n', status: 1 },
  { name: 'a bad option', argv: ['su', '-x'], err: "su: invalid option -- 'x'\nTry 'su --help' for more information.\n", status: 1 },
  { name: 'the login directory is missing: a warning, and the shell starts where su was', argv: ['su', '-', 'alice'], cwd: '/tmp', env: [],
    files: withShells({}, { alice: '/nonexistent' }),
    err: 'su: warning: cannot change directory to /nonexistent: No such file or directory\n',
    out: shown({ argv: ['-show'], uid: 1000, gid: 1000, groups: GROUPS.alice, cwd: '/tmp',
      env: ['HOME=/nonexistent', `SHELL=${SHOW}`, 'USER=alice', 'LOGNAME=alice', 'PATH=/usr/local/bin:/usr/bin:/bin'] }) },
  { name: 'the shell is missing', argv: ['su', 'alice'], files: withShells({ alice: '/bin/nosh' }),
    err: 'su: failed to execute /bin/nosh: No such file or directory\n', status: 127 },
  { name: 'the shell is not executable', argv: ['su', 'alice'], files: withShells({ alice: '/etc/passwd' }),
    err: 'su: failed to execute /etc/passwd: Permission denied\n', status: 126 },
  { name: 'the shell\'s status is su\'s', argv: ['su', 'alice'], files: withShells({ alice: '/bin/false' }), status: 1 },
]));
