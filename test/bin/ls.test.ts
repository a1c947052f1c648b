/**
 * ls: the listing formats, sorting, operands and errors, over a small tree. Expected outputs are
 * GNU coreutils 9.1's (`LC_ALL=C TZ=UTC ls …`, output not a terminal), checked against the real ls
 * on a copy of the tree. The clock stands at 2000-01-01T00:00:00Z, so an mtime of exactly now (a
 * file the fixture gives no mtime) is not "recent" and shows its year, as coreutils shows it.
 */
import { describe } from 'vitest';
import { table, type Case } from './harness.js';

const TRY = "Try 'ls --help' for more information.\n";

const T: Case['files'] = [
  { path: '/tmp/t/sub/x', content: 'x', mtime: 946000000 },
  { path: '/tmp/t/sub', type: 'dir', mtime: 946000000 },
  { path: '/tmp/t/a.txt', content: 'hello\n', uid: 1000, gid: 1000, mtime: 946681200 },
  { path: '/tmp/t/B', size: 5000, mode: '0755', mtime: 900000000 },
  { path: '/tmp/t/.hidden', content: '' },
  { path: '/tmp/t/link', type: 'symlink', target: 'a.txt' },
  { path: '/tmp/t/dang', type: 'symlink', target: 'nowhere' },
  { path: '/tmp/t/suid', content: '', mode: '4755' },
  { path: '/tmp/t/p', type: 'fifo' },
];

const LONG_T = [
  'total 16',
  '-rwxr-xr-x 1 root  root  5000 Jul  9  1998 B',
  '-rw-r--r-- 1 alice alice    6 Dec 31 23:00 a.txt',
  'lrwxrwxrwx 1 root  root     7 Jan  1  2000 dang -> nowhere',
  'lrwxrwxrwx 1 root  root     5 Jan  1  2000 link -> a.txt',
  'prw-r--r-- 1 root  root     0 Jan  1  2000 p',
  'drwxr-xr-x 2 root  root  4096 Dec 24 01:46 sub',
  '-rwsr-xr-x 1 root  root     0 Jan  1  2000 suid',
  '',
].join('\n');

const lines = (...l: string[]): string => l.map((s) => `${s}\n`).join('');

describe('ls', () => table([
  { argv: ['ls', '/tmp/t'], files: T, out: lines('B', 'a.txt', 'dang', 'link', 'p', 'sub', 'suid') },
  { argv: ['ls'], cwd: '/tmp/t', files: T, out: lines('B', 'a.txt', 'dang', 'link', 'p', 'sub', 'suid') },
  { argv: ['ls', '-a', '/tmp/t'], files: T, out: lines('.', '..', '.hidden', 'B', 'a.txt', 'dang', 'link', 'p', 'sub', 'suid') },
  { argv: ['ls', '-A', '/tmp/t'], files: T, out: lines('.hidden', 'B', 'a.txt', 'dang', 'link', 'p', 'sub', 'suid') },
  { argv: ['ls', '-l', '/tmp/t'], files: T, out: LONG_T },
  { argv: ['ls', '-1l', '/tmp/t'], files: T, out: LONG_T },
  { argv: ['ls', '-l1', '/tmp/t'], files: T, out: LONG_T },
  { argv: ['ls', '-ln', '/tmp/t/a.txt', '/tmp/t/B'], files: T,
    out: lines('-rwxr-xr-x 1    0    0 5000 Jul  9  1998 /tmp/t/B', '-rw-r--r-- 1 1000 1000    6 Dec 31 23:00 /tmp/t/a.txt') },
  { argv: ['ls', '-l', '/tmp/'], out: 'total 0\n' },
  { argv: ['ls', '-la', '/tmp/t/sub'], files: T, out: lines('total 12',
    'drwxr-xr-x 2 root root 4096 Dec 24 01:46 .',
    'drwxr-xr-x 3 root root 4096 Jan  1  2000 ..',
    '-rw-r--r-- 1 root root    1 Dec 24 01:46 x') },
  { argv: ['ls', '-ld', '/tmp', '/'], out: lines('drwxr-xr-x 11 root root 4096 Jan  1  2000 /', 'drwxrwxrwt  2 root root 4096 Jan  1  2000 /tmp') },
  { argv: ['ls', '-d', '/tmp/t', '/tmp/t/sub/'], files: T, out: lines('/tmp/t', '/tmp/t/sub/') },
  { argv: ['ls', '-F', '/tmp/t'], files: T, out: lines('B*', 'a.txt', 'dang@', 'link@', 'p|', 'sub/', 'suid*') },
  { argv: ['ls', '-lF', '/tmp/t/link', '/tmp/t/dang', '/tmp/t/sub'], files: T,
    // The widths count the directory operand too, though it is listed apart (as coreutils does).
    out: lines('lrwxrwxrwx 1 root root    7 Jan  1  2000 /tmp/t/dang -> nowhere', 'lrwxrwxrwx 1 root root    5 Jan  1  2000 /tmp/t/link -> a.txt',
      '', '/tmp/t/sub:', 'total 4', '-rw-r--r-- 1 root root 1 Dec 24 01:46 x') },
  { argv: ['ls', '-t', '/tmp/t'], files: T, out: lines('dang', 'link', 'p', 'suid', 'a.txt', 'sub', 'B') },
  { argv: ['ls', '-tr', '/tmp/t'], files: T, out: lines('B', 'sub', 'a.txt', 'suid', 'p', 'link', 'dang') },
  { argv: ['ls', '-S', '/tmp/t'], files: T, out: lines('B', 'sub', 'dang', 'a.txt', 'link', 'p', 'suid') },
  { argv: ['ls', '-Sr', '/tmp/t'], files: T, out: lines('suid', 'p', 'link', 'a.txt', 'dang', 'sub', 'B') },
  { argv: ['ls', '-U', '/tmp/t'], files: T, out: lines('sub', 'a.txt', 'B', 'link', 'dang', 'suid', 'p') },
  { argv: ['ls', '-Ur', '/tmp/t'], files: T, out: lines('sub', 'a.txt', 'B', 'link', 'dang', 'suid', 'p') },
  { argv: ['ls', '-R', '/tmp/t'], files: T, out: lines('/tmp/t:', 'B', 'a.txt', 'dang', 'link', 'p', 'sub', 'suid', '', '/tmp/t/sub:', 'x') },
  { argv: ['ls', '-R'], cwd: '/tmp/t/sub', files: T, out: lines('.:', 'x') },
  { argv: ['ls', '-lh', '/tmp/t/B', '/tmp/t/a.txt'], files: T,
    out: lines('-rwxr-xr-x 1 root  root  4.9K Jul  9  1998 /tmp/t/B', '-rw-r--r-- 1 alice alice    6 Dec 31 23:00 /tmp/t/a.txt') },
  { argv: ['ls', '-i', '/tmp/t/sub', '/tmp/t/B'], files: T, out: lines('22 /tmp/t/B', '', '/tmp/t/sub:', '20 x') },
  { argv: ['ls', '-id', '/', '/tmp/t/B'], files: T, out: lines(' 1 /', '22 /tmp/t/B') },
  { argv: ['ls', '-li', '/tmp/t/sub'], files: T, out: lines('total 4', '20 -rw-r--r-- 1 root root 1 Dec 24 01:46 x') },
  { argv: ['ls', '-l', '/dev/null'], out: 'crw-rw-rw- 1 root root 1, 3 Jan  1  2000 /dev/null\n' },
  { argv: ['ls', '/tmp/t/sub', '/tmp/t/a.txt', '/tmp/t'], files: T,
    out: lines('/tmp/t/a.txt', '', '/tmp/t:', 'B', 'a.txt', 'dang', 'link', 'p', 'sub', 'suid', '', '/tmp/t/sub:', 'x') },
  { name: 'a symlink to a directory is followed without -l', argv: ['ls', '/tmp/t/s'],
    files: [...T!, { path: '/tmp/t/s', type: 'symlink', target: 'sub' }], out: 'x\n' },
  { argv: ['ls', '/nosuch', '/tmp/t/sub'], files: T, out: lines('/tmp/t/sub:', 'x'),
    err: "ls: cannot access '/nosuch': No such file or directory\n", status: 2 },
  { argv: ['ls', '--', '-l'], err: "ls: cannot access '-l': No such file or directory\n", status: 2 },
  { argv: ['ls', '/root'], as: 'alice', err: "ls: cannot open directory '/root': Permission denied\n", status: 2 },
  { argv: ['ls', '/root', '/tmp'], as: 'alice', out: '/tmp:\n', err: "ls: cannot open directory '/root': Permission denied\n", status: 2 },
  { name: 'an unreadable subdirectory', argv: ['ls', '-R', '/tmp/u'], as: 'alice',
    files: [{ path: '/tmp/u/v/w', content: '' }, { path: '/tmp/u/v', type: 'dir', mode: '0700' }],
    out: lines('/tmp/u:', 'v'), err: "ls: cannot open directory '/tmp/u/v': Permission denied\n", status: 1 },
  { name: 'a directory that cannot be searched', argv: ['ls', '-l', '/tmp/u'], as: 'alice',
    files: [{ path: '/tmp/u/f', content: 'x' }, { path: '/tmp/u', type: 'dir', mode: '0744' }],
    out: lines('total 0', '-????????? ? ? ? ?            ? f'), err: "ls: cannot access '/tmp/u/f': Permission denied\n", status: 1 },
  { name: 'a directory that cannot be searched', argv: ['ls', '-F', '/tmp/u'], as: 'alice',
    files: [{ path: '/tmp/u/f', content: 'x' }, { path: '/tmp/u', type: 'dir', mode: '0744' }],
    out: 'f\n', err: "ls: cannot access '/tmp/u/f': Permission denied\n", status: 1 },
  { name: 'a directory that cannot be searched', argv: ['ls', '-i', '/tmp/u'], as: 'alice',
    files: [{ path: '/tmp/u/f', content: 'x' }, { path: '/tmp/u', type: 'dir', mode: '0744' }],
    out: '? f\n', err: "ls: cannot access '/tmp/u/f': Permission denied\n", status: 1 },
  { name: 'a directory that cannot be searched', argv: ['ls', '/tmp/u'], as: 'alice',
    files: [{ path: '/tmp/u/f', content: 'x' }, { path: '/tmp/u', type: 'dir', mode: '0744' }], out: 'f\n' },
  { argv: ['ls', '/tmp/r', '/tmp/t/sub'], as: 'alice', files: [...T!, { path: '/tmp/r', type: 'dir', mode: '0700' }],
    out: lines('/tmp/t/sub:', 'x'), err: "ls: cannot open directory '/tmp/r': Permission denied\n", status: 2 },
  { name: 'TZ', argv: ['ls', '-l', '/tmp/t/a.txt'], env: ['TZ=EST5'], files: T, out: '-rw-r--r-- 1 alice alice 6 Dec 31 18:00 /tmp/t/a.txt\n' },
  { name: 'in the future, or more than six months old', argv: ['ls', '-ltr', '/tmp'],
    files: [{ path: '/tmp/f', content: '', mtime: 946684800 + 86400 }, { path: '/tmp/o', content: '', mtime: 946684800 - 15778477 },
      { path: '/tmp/r', content: '', mtime: 946684800 - 15778475 }],
    out: lines('total 0', '-rw-r--r-- 1 root root 0 Jul  2  1999 o', '-rw-r--r-- 1 root root 0 Jul  2 09:05 r', '-rw-r--r-- 1 root root 0 Jan  2  2000 f') },
  { argv: ['ls', '/tmp'] },
  { argv: ['ls', '--almost-all', '--classify', '/tmp/t/sub'], files: T, out: 'x\n' },
  { argv: ['ls', '-k'], err: `ls: invalid option -- 'k'\n${TRY}`, status: 2 },
]));
