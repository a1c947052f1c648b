/**
 * realpath, readlink, mkfifo and which: name resolution under each rule for missing components,
 * link loops, FIFO modes, PATH searches, and their errors. Expected outputs are GNU coreutils
 * 9.1's (Debian's which) in the C locale.
 */
import { describe } from 'vitest';
import { table, type Case } from './harness.js';

const TRY = (n: string): string => `Try '${n} --help' for more information.\n`;
const FILES: Case['files'] = [
  { path: '/h/a', content: 'a' },
  { path: '/h/l', type: 'symlink', target: 'a' },
  { path: '/h/abs', type: 'symlink', target: '/h/d/../a' },
  { path: '/h/dang', type: 'symlink', target: 'nowhere' },
  { path: '/h/loop1', type: 'symlink', target: 'loop2' },
  { path: '/h/loop2', type: 'symlink', target: 'loop1' },
  { path: '/h/d/sub', type: 'dir' },
  { path: '/h/dl', type: 'symlink', target: 'd/sub' },
  { path: '/h/priv/f', content: 'f' },
  { path: '/h/priv', type: 'dir', mode: '0700' },
];
const at = (c: Case): Case => ({ cwd: '/h', ...c, files: [...FILES!, ...(c.files ?? [])] });

describe('realpath', () => table([
  at({ argv: ['realpath', 'a', 'l', 'abs', 'dang', '.', 'd/sub/..', '/'], out: '/h/a\n/h/a\n/h/a\n/h/nowhere\n/h\n/h/d\n/\n' }),
  at({ argv: ['realpath', 'dl/../sub/'], out: '/h/d/sub\n' }),
  at({ argv: ['realpath', '-e', 'dang', 'a'], out: '/h/a\n', err: 'realpath: dang: No such file or directory\n', status: 1 }),
  at({ argv: ['realpath', '-m', 'nope/x/../y', 'a/x'], out: '/h/nope/y\n/h/a/x\n' }),
  at({ argv: ['realpath', 'nope/x'], err: 'realpath: nope/x: No such file or directory\n', status: 1 }),
  at({ argv: ['realpath', 'a/x'], err: 'realpath: a/x: Not a directory\n', status: 1 }),
  at({ argv: ['realpath', 'loop1'], err: 'realpath: loop1: Too many levels of symbolic links\n', status: 1 }),
  at({ argv: ['realpath', '-s', 'l', './d/../a'], out: '/h/l\n/h/a\n' }),
  at({ argv: ['realpath', '-L', 'dl/..'], out: '/h\n' }),
  at({ argv: ['realpath', 'dl/..'], out: '/h/d\n' }),
  at({ argv: ['realpath', '-q', 'nope/x'], status: 1 }),
  at({ argv: ['realpath', '-z', 'a', 'l'], out: '/h/a\0/h/a\0' }),
  at({ argv: ['realpath', '--relative-to=/h/d/sub', 'a', '/h/d'], out: '../../a\n..\n' }),
  at({ argv: ['realpath', ''], err: "realpath: '': No such file or directory\n", status: 1 }),
  at({ argv: ['realpath', 'priv/f'], as: 'alice', err: 'realpath: priv/f: Permission denied\n', status: 1 }),
  at({ argv: ['realpath'], err: `realpath: missing operand\n${TRY('realpath')}`, status: 1 }),
  at({ argv: ['realpath', '-x', 'a'], err: `realpath: invalid option -- 'x'\n${TRY('realpath')}`, status: 1 }),
]));

describe('readlink', () => table([
  at({ argv: ['readlink', 'l', 'abs', 'dang'], out: 'a\n/h/d/../a\nnowhere\n' }),
  at({ argv: ['readlink', 'a'], status: 1 }),
  at({ argv: ['readlink', '-v', 'a', 'nope'], err: 'readlink: a: Invalid argument\nreadlink: nope: No such file or directory\n', status: 1 }),
  at({ argv: ['readlink', '-f', 'l', 'dang', 'dl/..', 'nope/x'], out: '/h/a\n/h/nowhere\n/h/d\n', status: 1 }),
  at({ argv: ['readlink', '-e', 'l', 'dang'], out: '/h/a\n', status: 1 }),
  at({ argv: ['readlink', '-ev', 'dang'], err: 'readlink: dang: No such file or directory\n', status: 1 }),
  at({ argv: ['readlink', '-m', 'nope/x/..', 'dang/y'], out: '/h/nope\n/h/nowhere/y\n' }),
  at({ argv: ['readlink', '-fv', 'loop1'], err: 'readlink: loop1: Too many levels of symbolic links\n', status: 1 }),
  at({ argv: ['readlink', '-n', 'l'], out: 'a' }),
  at({ argv: ['readlink', '-n', 'l', 'dang'], out: 'a\nnowhere\n', err: 'readlink: ignoring --no-newline with multiple arguments\n' }),
  at({ argv: ['readlink', '-z', 'l'], out: 'a\0' }),
  at({ argv: ['readlink', '-f', ''], status: 1 }),
  at({ argv: ['readlink', '-v', 'priv/f'], as: 'alice', err: 'readlink: priv/f: Permission denied\n', status: 1 }),
  at({ argv: ['readlink'], err: `readlink: missing operand\n${TRY('readlink')}`, status: 1 }),
  at({ argv: ['readlink', '-x', 'l'], err: `readlink: invalid option -- 'x'\n${TRY('readlink')}`, status: 1 }),
]));

describe('mkfifo', () => table([
  at({ argv: ['mkfifo', 'f', 'g'], after: { '/h/f': 'other 10644', '/h/g': 'other 10644' } }),
  at({ argv: ['mkfifo', 'f'], umask: 0o077, after: { '/h/f': 'other 10600' } }),
  at({ argv: ['mkfifo', '-m', '777', 'f'], after: { '/h/f': 'other 10777' } }),
  at({ argv: ['mkfifo', '--mode=u+x', 'f'], after: { '/h/f': 'other 10766' } }),
  at({ argv: ['mkfifo', '-m', 'a-w', 'f'], after: { '/h/f': 'other 10444' } }),
  at({ argv: ['mkfifo', 'a', 'f'], err: "mkfifo: cannot create fifo 'a': File exists\n", status: 1, after: { '/h/f': 'other 10644' } }),
  at({ argv: ['mkfifo', 'nodir/x'], err: "mkfifo: cannot create fifo 'nodir/x': No such file or directory\n", status: 1 }),
  at({ argv: ['mkfifo', '/etc/ff'], as: 'alice', err: "mkfifo: cannot create fifo '/etc/ff': Permission denied\n", status: 1 }),
  at({ argv: ['mkfifo', '-m', 'xyz', 'f'], err: 'mkfifo: invalid mode\n', status: 1, after: { '/h/f': 'absent' } }),
  at({ argv: ['mkfifo', '-m', 'g+s', 'f'], err: 'mkfifo: mode must specify only file permission bits\n', status: 1 }),
  at({ argv: ['mkfifo'], err: `mkfifo: missing operand\n${TRY('mkfifo')}`, status: 1 }),
  at({ argv: ['mkfifo', '-q', 'f'], err: `mkfifo: invalid option -- 'q'\n${TRY('mkfifo')}`, status: 1 }),
]));

const BINS: Case['files'] = [
  { path: '/bin/ls', mode: '0755', content: 'x' },
  { path: '/usr/bin/ls', mode: '0755', content: 'x' },
  { path: '/usr/bin/foo', mode: '0755', content: 'x' },
  { path: '/usr/bin/noexec', mode: '0644', content: 'x' },
  { path: '/usr/bin/dir', type: 'dir' },
  { path: '/h/tool', mode: '0700', content: 'x' },
];
const PATH = ['PATH=/bin:/usr/bin'];
describe('which', () => table([
  at({ argv: ['which', 'ls'], env: PATH, files: BINS, out: '/bin/ls\n' }),
  at({ argv: ['which', '-a', 'ls', 'foo'], env: PATH, files: BINS, out: '/bin/ls\n/usr/bin/ls\n/usr/bin/foo\n' }),
  at({ argv: ['which', 'foo', 'nope', 'ls'], env: PATH, files: BINS, out: '/usr/bin/foo\n/bin/ls\n', status: 1 }),
  at({ argv: ['which', 'noexec', 'dir'], env: PATH, files: BINS, status: 1 }),
  at({ argv: ['which', '/bin/ls', './tool', 'h/nope'], env: PATH, files: BINS, out: '/bin/ls\n./tool\n', status: 1 }),
  at({ argv: ['which', './tool'], as: 'alice', env: PATH, files: BINS, status: 1 }),
  at({ argv: ['which', 'tool'], env: ['PATH=/usr/bin:'], files: BINS, out: './tool\n' }),
  at({ argv: ['which', 'ls'], env: ['PATH=/usr/bin::/bin'], files: BINS, out: '/usr/bin/ls\n' }),
  at({ argv: ['which', 'ls'], env: [], files: BINS, status: 1 }),
  at({ argv: ['which'], env: PATH, status: 1 }),
  at({ argv: ['which', '-x', 'ls'], env: PATH, out: 'Usage: which [-a] args\n', err: 'Illegal option -x\n', status: 2 }),
]));
