/**
 * sudo: the sudoers subset (lib/sudoers.ts), passwords read with -S from stdin (a terminal:
 * auth-tty.test.ts), sudo 1.9's messages, and what it execs with what environment (the show
 * program; auth-fixtures.ts). alice and bob run it as a set-user-ID root program would.
 */
import { describe } from 'vitest';
import { table } from './harness.js';
import { ALICE, ALICE_SUID, BOB_SUID, GROUPS, SHOW, shown, withShells } from './auth-fixtures.js';
import type { FileSpec } from '../../src/kernel/setup.js';

const SUDOERS = `# sudoers for the tests
Defaults env_reset
Defaults secure_path="/usr/local/bin:/usr/bin:/bin"
root    ALL=(ALL:ALL) ALL
alice   ALL=(ALL) ALL
bob     ALL=(root) NOPASSWD: /bin/id, /bin/echo hello, \\
                   /usr/local/bin/
%users  posixbox=(alice) /bin/cat
`;

const sudoers = (text = SUDOERS, mode = '0440', uid = 0): FileSpec[] => [
  ...withShells(), { path: '/etc/sudoers', mode, uid, content: text },
  { path: '/home/alice/secret', mode: '0600', uid: 1000, gid: 1000, content: 'for alice only\n' },
];
const FILES = sudoers();
const ENV = ['PATH=/bin:/usr/bin', 'HOME=/home/alice', 'USER=alice', 'LOGNAME=alice', 'TERM=vt100', 'SHELL=/usr/local/bin/show', 'FOO=1', 'LC_ALL=C'];
const ASK = (user: string): string => `[sudo] password for ${user}: `;
const ROOT_ID = 'uid=0(root) gid=0(root) groups=0(root)\n';
const SUDO_ENV = (cmd: string, user = 'alice', uid = 1000) => ['TERM=vt100', 'LC_ALL=C', 'PATH=/usr/local/bin:/usr/bin:/bin', 'HOME=/root', 'LOGNAME=root', 'USER=root',
  `SHELL=${SHOW}`, 'MAIL=/var/mail/root', `SUDO_COMMAND=${cmd}`, `SUDO_USER=${user}`, `SUDO_UID=${uid}`, `SUDO_GID=${uid}`];
const NO_SOURCES = 'sudo: no valid sudoers sources found, quitting\n';

describe('sudo', () => table([
  { name: 'alice, with her password: the command runs as root', argv: ['sudo', '-S', 'id'], creds: ALICE_SUID, files: FILES, env: ENV,
    stdin: 'alice\n', err: ASK('alice'), out: ROOT_ID },
  { name: 'the environment is reset; secure_path is the PATH', argv: ['sudo', '-S', 'show', 'a b'], creds: ALICE_SUID, files: FILES, env: ENV,
    stdin: 'alice\n', cwd: '/tmp', err: ASK('alice'),
    out: shown({ argv: ['show', 'a b'], uid: 0, gid: 0, groups: GROUPS.root, cwd: '/tmp', env: SUDO_ENV(`${SHOW} a b`) }) },
  { name: 'three wrong passwords', argv: ['sudo', '-S', 'id'], creds: ALICE_SUID, files: FILES, env: ENV, stdin: 'a\nb\nc\nalice\n', status: 1,
    err: `${ASK('alice')}Sorry, try again.\n${ASK('alice')}Sorry, try again.\n${ASK('alice')}sudo: 3 incorrect password attempts\n` },
  { name: 'a wrong password, then end of input', argv: ['sudo', '-S', 'id'], creds: ALICE_SUID, files: FILES, env: ENV, stdin: 'bob\n', status: 1,
    err: `${ASK('alice')}Sorry, try again.\n${ASK('alice')}sudo: 1 incorrect password attempt\n` },
  { name: 'the second try is right', argv: ['sudo', '-S', 'id'], creds: ALICE_SUID, files: FILES, env: ENV, stdin: 'bob\nalice\n',
    err: `${ASK('alice')}Sorry, try again.\n${ASK('alice')}`, out: ROOT_ID },
  { name: 'no terminal and no -S', argv: ['sudo', 'id'], creds: ALICE_SUID, files: FILES, env: ENV, status: 1,
    err: 'sudo: a terminal is required to read the password; either use the -S option to read from standard input or configure an askpass helper\nsudo: a password is required\n' },
  { name: '-n never asks', argv: ['sudo', '-n', 'id'], creds: ALICE_SUID, files: FILES, env: ENV, status: 1, err: 'sudo: a password is required\n' },
  { name: 'NOPASSWD: bob runs /bin/id without a password', argv: ['sudo', 'id'], creds: BOB_SUID, files: FILES, env: ENV, out: ROOT_ID },
  { name: 'NOPASSWD with exact arguments', argv: ['sudo', 'echo', 'hello'], creds: BOB_SUID, files: FILES, env: ENV, out: 'hello\n' },
  { name: 'NOPASSWD for every command in a directory', argv: ['sudo', 'show'], creds: BOB_SUID, files: FILES, env: ENV, cwd: '/tmp',
    out: shown({ argv: ['show'], uid: 0, gid: 0, groups: GROUPS.root, cwd: '/tmp', env: SUDO_ENV(SHOW, 'bob', 1001) }) },
  { name: 'other arguments are not allowed: asked, then refused', argv: ['sudo', '-S', 'echo', 'bye'], creds: BOB_SUID, files: FILES, env: ENV,
    stdin: 'bob\n', status: 1, err: `${ASK('bob')}Sorry, user bob is not allowed to execute '/bin/echo bye' as root on posixbox.\n` },
  { name: '%group and -u: bob may cat as alice', argv: ['sudo', '-S', '-u', 'alice', 'cat', '/home/alice/secret'], creds: BOB_SUID, files: FILES, env: ENV,
    stdin: 'bob\n', err: ASK('bob'), out: 'for alice only\n' },
  { name: '-u #uid', argv: ['sudo', '-S', '-u', '#1000', 'id', '-un'], creds: ALICE_SUID, files: FILES, env: ENV, stdin: 'alice\n', err: ASK('alice'), out: 'alice\n' },
  { name: 'root is never asked', argv: ['sudo', 'id'], files: FILES, env: ENV, out: ROOT_ID },
  { name: 'not in the sudoers file', argv: ['sudo', '-S', 'id'], creds: ALICE_SUID, files: sudoers('root ALL=(ALL) ALL\n'), env: ENV,
    stdin: 'alice\n', status: 1, err: `${ASK('alice')}alice is not in the sudoers file.\n` },
  { name: 'a command not found', argv: ['sudo', '-S', 'nosuch'], creds: ALICE_SUID, files: FILES, env: ENV, stdin: 'alice\n', status: 1,
    err: `${ASK('alice')}sudo: nosuch: command not found\n` },
  { name: 'an unknown user', argv: ['sudo', '-u', 'nosuch', 'id'], creds: ALICE_SUID, files: FILES, env: ENV, status: 1, err: 'sudo: unknown user nosuch\n' },
  { name: 'no command', argv: ['sudo'], creds: ALICE_SUID, files: FILES, status: 1,
    err: 'usage: sudo -h | -K | -k | -V\nusage: sudo -l [-nS] [-u user]\nusage: sudo [-knS] [-u user] [-i | -s] [command [arg ...]]\n' },
  { name: 'a bad option: the message and the usage', argv: ['sudo', '-x', 'id'], creds: ALICE_SUID, files: FILES, status: 1,
    err: "sudo: invalid option -- 'x'\nusage: sudo -h | -K | -k | -V\nusage: sudo -l [-nS] [-u user]\nusage: sudo [-knS] [-u user] [-i | -s] [command [arg ...]]\n" },
  { name: '-u without a user', argv: ['sudo', '-u'], creds: ALICE_SUID, files: FILES, status: 1,
    err: "sudo: option requires an argument -- 'u'\nusage: sudo -h | -K | -k | -V\nusage: sudo -l [-nS] [-u user]\nusage: sudo [-knS] [-u user] [-i | -s] [command [arg ...]]\n" },
  { name: '-k alone', argv: ['sudo', '-k'], creds: ALICE_SUID, files: FILES },
  { name: 'options end at the command', argv: ['sudo', 'echo', '-u', 'x'], creds: BOB_SUID, files: sudoers('bob ALL=(ALL) NOPASSWD: ALL\n'), out: '-u x\n' },
  { name: 'a syntax error in sudoers', argv: ['sudo', 'id'], creds: ALICE_SUID, files: sudoers('root ALL=(ALL) ALL\nalice ALL=(ALL\n'), status: 1,
    err: `>>> /etc/sudoers: syntax error near line 2 <<<\nsudo: parse error in /etc/sudoers near line 2\n${NO_SOURCES}` },
  { name: 'aliases are not supported', argv: ['sudo', 'id'], creds: ALICE_SUID, files: sudoers('User_Alias ADMINS = alice\nADMINS ALL=(ALL) ALL\n'), status: 1,
    err: `>>> /etc/sudoers: syntax error near line 1 <<<\nsudo: parse error in /etc/sudoers near line 1\n${NO_SOURCES}` },
  { name: 'no sudoers file', argv: ['sudo', 'id'], creds: ALICE_SUID, files: withShells(), status: 1,
    err: `sudo: unable to open /etc/sudoers: No such file or directory\n${NO_SOURCES}` },
  { name: 'a world-writable sudoers', argv: ['sudo', 'id'], creds: ALICE_SUID, files: sudoers(SUDOERS, '0666'), status: 1,
    err: `sudo: /etc/sudoers is world writable\n${NO_SOURCES}` },
  { name: 'a sudoers not owned by root', argv: ['sudo', 'id'], creds: ALICE_SUID, files: sudoers(SUDOERS, '0440', 1000), status: 1,
    err: `sudo: /etc/sudoers is owned by uid 1000, should be 0\n${NO_SOURCES}` },
  { name: '/bin/sudo not set-user-ID', argv: ['sudo', 'id'], creds: ALICE, files: FILES, status: 1,
    err: "sudo: effective uid is not 0, is /bin/sudo on a file system with the 'nosuid' option set or an NFS file system without root privileges?\n" },
  { name: '-i: the target\'s login shell in its home directory', argv: ['sudo', '-S', '-i'], creds: ALICE_SUID, files: FILES, env: ENV, cwd: '/tmp',
    stdin: 'alice\n', err: ASK('alice'),
    out: shown({ argv: ['-show'], uid: 0, gid: 0, groups: GROUPS.root, cwd: '/root', env: SUDO_ENV(SHOW) }) },
  { name: '-i COMMAND: quoted for the shell\'s -c', argv: ['sudo', '-S', '-i', 'echo', 'a b', '$HOME'], creds: ALICE_SUID, files: FILES, env: ENV,
    stdin: 'alice\n', err: ASK('alice'),
    out: shown({ argv: ['-show', '-c', 'echo a\\ b $HOME'], uid: 0, gid: 0, groups: GROUPS.root, cwd: '/root', env: SUDO_ENV(`${SHOW} -c echo a\\ b $HOME`) }) },
  { name: '-s: $SHELL, where sudo was', argv: ['sudo', '-S', '-s'], creds: ALICE_SUID, files: FILES, env: ENV, cwd: '/tmp',
    stdin: 'alice\n', err: ASK('alice'),
    out: shown({ argv: ['show'], uid: 0, gid: 0, groups: GROUPS.root, cwd: '/tmp', env: SUDO_ENV(SHOW) }) },
  { name: '-l lists the caller\'s rules', argv: ['sudo', '-S', '-l'], creds: ALICE_SUID, files: FILES, env: ENV, stdin: 'alice\n', err: ASK('alice'),
    out: 'User alice may run the following commands on posixbox:\n    (ALL) ALL\n    (alice) /bin/cat\n' },
  { name: '-l for a NOPASSWD user asks nothing', argv: ['sudo', '-l'], creds: BOB_SUID, files: sudoers('bob ALL=(ALL) NOPASSWD: ALL\n'),
    out: 'User bob may run the following commands on posixbox:\n    (ALL) NOPASSWD: ALL\n' },
]));
