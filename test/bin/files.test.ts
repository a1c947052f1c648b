/**
 * The /bin utilities that change the tree: mkdir, rmdir, touch, rm, ln, chmod. Each case checks
 * the whole output and status and what the paths it names look like afterwards. Expected outputs
 * are GNU coreutils 9.1's (C locale); the default umask is 022.
 */
import { describe } from 'vitest';
import { table, type Case } from './harness.js';

const TRY = (name: string): string => `Try '${name} --help' for more information.\n`;
const BOOT = 946684800; // the default clock start, 2000-01-01T00:00:00Z

describe('mkdir', () => table([
  { argv: ['mkdir', '/tmp/a'], after: { '/tmp/a': 'dir 0755 0:0' } },
  { argv: ['mkdir', 'x', 'y'], as: 'alice', cwd: '/home/alice', after: { '/home/alice/x': 'dir 0755 1000:1000', '/home/alice/y': 'dir 0755 1000:1000' } },
  { argv: ['mkdir', '/tmp/a/b/c'], err: "mkdir: cannot create directory '/tmp/a/b/c': No such file or directory\n", status: 1, after: { '/tmp/a': 'absent' } },
  { argv: ['mkdir', '-p', '/tmp/a/b/c'], after: { '/tmp/a': 'dir 0755 0:0', '/tmp/a/b/c': 'dir 0755 0:0' } },
  { argv: ['mkdir', '-p', '-m', '700', '/tmp/a/b/'], after: { '/tmp/a': 'dir 0755 0:0', '/tmp/a/b': 'dir 0700 0:0' } },
  { argv: ['mkdir', '-p', 'q/r'], cwd: '/tmp', umask: 0o077, after: { '/tmp/q': 'dir 0700 0:0', '/tmp/q/r': 'dir 0700 0:0' } },
  { argv: ['mkdir', '-p', 'q/r'], cwd: '/tmp', umask: 0o777, after: { '/tmp/q': 'dir 0300 0:0', '/tmp/q/r': 'dir 0000 0:0' } },
  ...([['777', '0777'], ['+w', '0777'], ['u=rwx', '0777'], ['a=r', '0444'], ['go-rx', '0722'], ['g+s', '2777'],
    ['1777', '1777'], ['u+s', '4777'], ['o=', '0770'], ['=', '0000']] as const).map(([m, mode]): Case =>
    ({ argv: ['mkdir', '-m', m, '/tmp/d'], after: { '/tmp/d': `dir ${mode} 0:0` } })),
  { argv: ['mkdir', '--mode=700', '/tmp/d'], after: { '/tmp/d': 'dir 0700 0:0' } },
  { argv: ['mkdir', '-m', '999', 'x'], err: "mkdir: invalid mode '999'\n", status: 1 },
  { argv: ['mkdir', '-m', 'u+q', 'x'], err: "mkdir: invalid mode 'u+q'\n", status: 1 },
  { argv: ['mkdir', '/tmp', '/tmp/n'], err: "mkdir: cannot create directory '/tmp': File exists\n", status: 1, after: { '/tmp/n': 'dir 0755 0:0' } },
  { argv: ['mkdir', '-p', '/tmp', '/'] },
  { argv: ['mkdir', '-p', '/etc/passwd/x'], err: "mkdir: cannot create directory '/etc/passwd': Not a directory\n", status: 1 },
  { argv: ['mkdir', '-p', '/etc/passwd'], err: "mkdir: cannot create directory '/etc/passwd': File exists\n", status: 1 },
  { argv: ['mkdir', '/etc/x'], as: 'alice', err: "mkdir: cannot create directory '/etc/x': Permission denied\n", status: 1 },
  { argv: ['mkdir', '-pv', '/tmp/s/t'], out: "mkdir: created directory '/tmp/s'\nmkdir: created directory '/tmp/s/t'\n" },
  { argv: ['mkdir'], err: `mkdir: missing operand\n${TRY('mkdir')}`, status: 1 },
  { argv: ['mkdir', '-m'], err: `mkdir: option requires an argument -- 'm'\n${TRY('mkdir')}`, status: 1 },
  { argv: ['mkdir', '--mode'], err: `mkdir: option '--mode' requires an argument\n${TRY('mkdir')}`, status: 1 },
  { argv: ['mkdir', '--parents=x', 'd'], err: `mkdir: option '--parents' doesn't allow an argument\n${TRY('mkdir')}`, status: 1 },
  { argv: ['mkdir', '--ver'], err: `mkdir: option '--ver' is ambiguous; possibilities: '--verbose' '--version'\n${TRY('mkdir')}`, status: 1 },
  { argv: ['mkdir', '--foo=bar'], err: `mkdir: unrecognized option '--foo=bar'\n${TRY('mkdir')}`, status: 1 },
  { argv: ['mkdir', '--version'], out: 'mkdir (posixbox) 0.1.0\n' },
]));

const TREE: Case['files'] = [
  { path: '/tmp/a/b/c', type: 'dir' },
  { path: '/tmp/x/y', type: 'dir' },
  { path: '/tmp/x/f', content: '' },
];

describe('rmdir', () => table([
  { argv: ['rmdir', '/tmp/a/b/c'], files: TREE, after: { '/tmp/a/b/c': 'absent', '/tmp/a/b': 'dir 0755 0:0' } },
  { argv: ['rmdir', '-p', 'a/b/c/'], cwd: '/tmp', files: TREE, after: { '/tmp/a': 'absent' } },
  { argv: ['rmdir', '-pv', 'a/b/c'], cwd: '/tmp', files: TREE, after: { '/tmp/a': 'absent' },
    out: "rmdir: removing directory, 'a/b/c'\nrmdir: removing directory, 'a/b'\nrmdir: removing directory, 'a'\n" },
  { argv: ['rmdir', '-p', 'x/y'], cwd: '/tmp', files: TREE, after: { '/tmp/x/y': 'absent', '/tmp/x': 'dir 0755 0:0' },
    err: "rmdir: failed to remove directory 'x': Directory not empty\n", status: 1 },
  { argv: ['rmdir', '/tmp/a', '/nosuch', '/tmp/x/f'], files: TREE, status: 1,
    err: "rmdir: failed to remove '/tmp/a': Directory not empty\nrmdir: failed to remove '/nosuch': No such file or directory\nrmdir: failed to remove '/tmp/x/f': Not a directory\n" },
  { argv: ['rmdir', '--ignore-fail-on-non-empty', '/tmp/a'], files: TREE, after: { '/tmp/a': 'dir 0755 0:0' } },
  { argv: ['rmdir', '/home/bob'], as: 'alice', err: "rmdir: failed to remove '/home/bob': Permission denied\n", status: 1 },
  { argv: ['rmdir'], err: `rmdir: missing operand\n${TRY('rmdir')}`, status: 1 },
]));

const OLD: Case['files'] = [
  { path: '/tmp/old', content: 'x', mtime: 1000, atime: 1000 },
  { path: '/tmp/dir', type: 'dir', mtime: 1000, atime: 1000 },
];

describe('touch', () => table([
  { argv: ['touch', '/tmp/f'], after: { '/tmp/f': 'file 0644 0:0 ""' }, times: { '/tmp/f': `${BOOT} ${BOOT}` } },
  { argv: ['touch', 'n'], as: 'alice', cwd: '/home/alice', umask: 0o027, after: { '/home/alice/n': 'file 0640 1000:1000 ""' } },
  { argv: ['touch', '/tmp/old', '/tmp/dir'], files: OLD, after: { '/tmp/old': 'file 0644 0:0 "x"' },
    times: { '/tmp/old': `${BOOT} ${BOOT}`, '/tmp/dir': `${BOOT} ${BOOT}` } },
  { argv: ['touch', '-a', '/tmp/old'], files: OLD, times: { '/tmp/old': `${BOOT} 1000` } },
  { argv: ['touch', '-m', '/tmp/old'], files: OLD, times: { '/tmp/old': `1000 ${BOOT}` } },
  { argv: ['touch', '-r', '/tmp/old', '/tmp/new'], files: OLD, times: { '/tmp/new': '1000 1000' } },
  { argv: ['touch', '--reference=/nope', '/tmp/new'], err: "touch: failed to get attributes of '/nope': No such file or directory\n", status: 1, after: { '/tmp/new': 'absent' } },
  { argv: ['touch', '-c', '/tmp/nope'], after: { '/tmp/nope': 'absent' } },
  { argv: ['touch', '/nodir/f'], err: "touch: cannot touch '/nodir/f': No such file or directory\n", status: 1 },
  { argv: ['touch', '/etc/passwd'], as: 'alice', err: "touch: cannot touch '/etc/passwd': Permission denied\n", status: 1 },
  { argv: ['touch'], err: `touch: missing file operand\n${TRY('touch')}`, status: 1 },
  { argv: ['touch', '-t', '202001021530.45', '/tmp/t'], env: ['TZ=UTC'], times: { '/tmp/t': '1577979045 1577979045' } },
  { argv: ['touch', '-t', '9901021530', '/tmp/t'], env: ['TZ=UTC'], times: { '/tmp/t': '915291000 915291000' } },
  { argv: ['touch', '-t', '01021530', '/tmp/t'], env: ['TZ=UTC'], times: { '/tmp/t': '946827000 946827000' } },
  { argv: ['touch', '-m', '-t', '200001010000', '/tmp/old'], files: OLD, env: ['TZ=UTC'], times: { '/tmp/old': '1000 946684800' } },
  { argv: ['touch', '-d', '@86400', '/tmp/t'], times: { '/tmp/t': '86400 86400' } },
  { argv: ['touch', '-d', '2020-01-02', '/tmp/t'], env: ['TZ=UTC'], times: { '/tmp/t': '1577923200 1577923200' } },
  { argv: ['touch', '-r', '/tmp/old', '-d', '+1 hour', '/tmp/t'], files: OLD, times: { '/tmp/t': '4600 4600' } },
  { argv: ['touch', '-t', '2020x', '/tmp/t'], err: "touch: invalid date format '2020x'\n", status: 1, after: { '/tmp/t': 'absent' } },
  { argv: ['touch', '-d', '@1', '-t', '202001010000', '/tmp/t'], err: `touch: cannot specify times from more than one source\n${TRY('touch')}`, status: 1 },
]));

const RM: Case['files'] = [
  { path: '/tmp/f', content: 'f' },
  { path: '/tmp/d/x', content: 'x' },
  { path: '/tmp/d/e/y', content: 'y' },
  { path: '/tmp/empty', type: 'dir' },
  { path: '/tmp/bobs', type: 'dir', uid: 1001, gid: 1001 },
  { path: '/tmp/bobs/f', content: '', uid: 1001, gid: 1001 },
  { path: '/tmp/u', type: 'dir', uid: 1000, gid: 1000 },
  { path: '/tmp/u/v/w', content: '', uid: 1000, gid: 1000 },
  { path: '/tmp/u/v', type: 'dir', mode: '0000', uid: 1000, gid: 1000 },
];

describe('rm', () => table([
  { argv: ['rm', '/tmp/f'], files: RM, after: { '/tmp/f': 'absent' } },
  { argv: ['rm', '/tmp/nope', '/tmp/f'], files: RM, err: "rm: cannot remove '/tmp/nope': No such file or directory\n", status: 1, after: { '/tmp/f': 'absent' } },
  { argv: ['rm', '-f', '/tmp/nope'] },
  { argv: ['rm', '-f'] },
  { argv: ['rm'], err: `rm: missing operand\n${TRY('rm')}`, status: 1 },
  { argv: ['rm', '/tmp/d'], files: RM, err: "rm: cannot remove '/tmp/d': Is a directory\n", status: 1 },
  { argv: ['rm', '-d', '/tmp/empty', '/tmp/d'], files: RM, err: "rm: cannot remove '/tmp/d': Directory not empty\n", status: 1, after: { '/tmp/empty': 'absent' } },
  { argv: ['rm', '-r', '/tmp/d', '/tmp/f'], files: RM, after: { '/tmp/d': 'absent', '/tmp/f': 'absent' } },
  { argv: ['rm', '-rv', '/tmp/d/'], files: RM, after: { '/tmp/d': 'absent' },
    out: "removed '/tmp/d/x'\nremoved '/tmp/d/e/y'\nremoved directory '/tmp/d/e'\nremoved directory '/tmp/d/'\n" },
  { argv: ['rm', '-r', '.', '/tmp/d/..', 'e/.'], cwd: '/tmp/d', files: RM, status: 1,
    err: ["'.'", "'/tmp/d/..'", "'e/.'"].map((p) => `rm: refusing to remove '.' or '..' directory: skipping ${p}\n`).join('') },
  { argv: ['rm', '-rf', '/'], status: 1, err: "rm: it is dangerous to operate recursively on '/'\nrm: use --no-preserve-root to override this failsafe\n" },
  { argv: ['rm', '-r', '/tmp/bobs'], as: 'alice', files: RM, err: "rm: cannot remove '/tmp/bobs/f': Permission denied\n", status: 1,
    after: { '/tmp/bobs': 'dir 0755 1001:1001' } },
  { argv: ['rm', '-r', '/tmp/u'], as: 'alice', files: RM, err: "rm: cannot remove '/tmp/u/v': Permission denied\n", status: 1,
    after: { '/tmp/u/v': 'dir 0000 1000:1000' } },
]));

const LN: Case['files'] = [
  { path: '/tmp/f', content: 'hi' },
  { path: '/tmp/d', type: 'dir' },
  { path: '/tmp/dl', target: 'd' },
];

describe('ln', () => table([
  { argv: ['ln', '-s', 'f', '/tmp/l'], files: LN, after: { '/tmp/l': 'link f' } },
  { argv: ['ln', '/tmp/f', '/tmp/h'], files: LN, after: { '/tmp/h': 'file 0644 0:0 "hi"' } },
  { argv: ['ln', '/tmp/f', '/tmp/d'], files: LN, after: { '/tmp/d/f': 'file 0644 0:0 "hi"' } },
  { argv: ['ln', '-s', '/tmp/f'], cwd: '/tmp/d', files: LN, after: { '/tmp/d/f': 'link /tmp/f' } },
  { argv: ['ln', '-s', 'a', 'b', '/tmp/d/'], files: LN, after: { '/tmp/d/a': 'link a', '/tmp/d/b': 'link b' } },
  { argv: ['ln', '-s', 'x', '/tmp/f'], files: LN, err: "ln: failed to create symbolic link '/tmp/f': File exists\n", status: 1 },
  { argv: ['ln', '-sf', 'x', '/tmp/f'], files: LN, after: { '/tmp/f': 'link x' } },
  { argv: ['ln', '-sf', 'f', '/tmp/dl'], files: LN, after: { '/tmp/dl': 'link d', '/tmp/d/f': 'link f' } },
  { argv: ['ln', '-sfn', 'f', '/tmp/dl'], files: LN, after: { '/tmp/dl': 'link f' } },
  { argv: ['ln', '/tmp/f', '/tmp/f'], files: LN, err: "ln: failed to create hard link '/tmp/f': File exists\n", status: 1 },
  { argv: ['ln', '-f', '/tmp/f', '/tmp/d/../f'], files: LN, err: "ln: '/tmp/f' and '/tmp/d/../f' are the same file\n", status: 1 },
  { argv: ['ln', '-sf', './f', 'f'], cwd: '/tmp', files: LN, err: "ln: './f' and 'f' are the same file\n", status: 1 },
  { argv: ['ln', '/tmp/d', '/tmp/dd'], files: LN, err: 'ln: /tmp/d: hard link not allowed for directory\n', status: 1 },
  { argv: ['ln', '/nope', '/tmp/z'], err: "ln: failed to access '/nope': No such file or directory\n", status: 1 },
  { argv: ['ln', '-s', 'a', 'b', '/tmp/f'], files: LN, err: "ln: target '/tmp/f': Not a directory\n", status: 1 },
  { argv: ['ln', '-s', 'a', 'b', '/tmp/nod'], err: "ln: target '/tmp/nod': No such file or directory\n", status: 1 },
  { argv: ['ln', '-sv', 'f', '/tmp/v'], files: LN, out: "'/tmp/v' -> 'f'\n" },
  { argv: ['ln', '-v', '/tmp/f', '/tmp/h'], files: LN, out: "'/tmp/h' => '/tmp/f'\n" },
  { argv: ['ln', '-s', '', '/tmp/e'], err: "ln: failed to create symbolic link '/tmp/e' -> '': No such file or directory\n", status: 1 },
  { argv: ['ln', '-s', 'a', '/etc/x'], as: 'alice', err: "ln: failed to create symbolic link '/etc/x': Permission denied\n", status: 1 },
  { argv: ['ln', '/etc/passwd', '/etc/x'], as: 'alice', err: "ln: failed to create hard link '/etc/x' => '/etc/passwd': Operation not permitted\n", status: 1 },
  { argv: ['ln'], err: `ln: missing file operand\n${TRY('ln')}`, status: 1 },
]));

const MODES: Case['files'] = [
  { path: '/tmp/f', content: '' },
  { path: '/tmp/rw', content: '', mode: '0666' },
  { path: '/tmp/d', type: 'dir' },
  { path: '/tmp/d/x', content: '' },
  { path: '/tmp/d/l', target: '../f' },
  { path: '/tmp/s', type: 'dir', mode: '2755' },
  { path: '/tmp/dang', target: 'nowhere' },
];
const mode = (argv: string[], path: string, want: string, more: Partial<Case> = {}): Case =>
  ({ ...more, argv, files: MODES, after: { [path]: want } });

describe('chmod', () => table([
  mode(['chmod', '755', '/tmp/f'], '/tmp/f', 'file 0755 0:0 ""'),
  mode(['chmod', 'u+x,go-w,a=r', '/tmp/f'], '/tmp/f', 'file 0444 0:0 ""'),
  mode(['chmod', 'g=u', '/tmp/f'], '/tmp/f', 'file 0664 0:0 ""'),
  mode(['chmod', '+x', '/tmp/f'], '/tmp/f', 'file 0755 0:0 ""'),
  mode(['chmod', '+x', '/tmp/f'], '/tmp/f', 'file 0744 0:0 ""', { umask: 0o077 }),
  mode(['chmod', '=rw,+X', '/tmp/f'], '/tmp/f', 'file 0644 0:0 ""'),
  mode(['chmod', '=rw,+X', '/tmp/d'], '/tmp/d', 'dir 0755 0:0'),
  mode(['chmod', '4755', '/tmp/f'], '/tmp/f', 'file 4755 0:0 ""'),
  mode(['chmod', 'u+s,g+s', '/tmp/f'], '/tmp/f', 'file 6644 0:0 ""'),
  mode(['chmod', '755', '/tmp/s'], '/tmp/s', 'dir 2755 0:0'),
  mode(['chmod', '00755', '/tmp/s'], '/tmp/s', 'dir 0755 0:0'),
  mode(['chmod', 'g-s', '/tmp/s'], '/tmp/s', 'dir 0755 0:0'),
  mode(['chmod', 'a=rx', '/tmp/s'], '/tmp/s', 'dir 2555 0:0'),
  mode(['chmod', '+t', '/tmp/d'], '/tmp/d', 'dir 1755 0:0'),
  mode(['chmod', 'u+t', '/tmp/d'], '/tmp/d', 'dir 0755 0:0'),
  mode(['chmod', '600', '/tmp/d/l'], '/tmp/f', 'file 0600 0:0 ""'),
  mode(['chmod', '-w', '/tmp/rw'], '/tmp/rw', 'file 0466 0:0 ""',
    { err: 'chmod: /tmp/rw: new permissions are r--rw-rw-, not r--r--r--\n', status: 1 }),
  mode(['chmod', '-w', '/tmp/rw'], '/tmp/rw', 'file 0444 0:0 ""', { umask: 0 }),
  mode(['chmod', '-x,u+w', '/tmp/rw'], '/tmp/rw', 'file 0666 0:0 ""'),
  mode(['chmod', '-fw', '/tmp/rw'], '/tmp/rw', 'file 0666 0:0 ""', { err: `chmod: invalid mode: '-fw'\n${TRY('chmod')}`, status: 1 }),
  mode(['chmod', '-R', 'go-rwx', '/tmp/d'], '/tmp/d/x', 'file 0600 0:0 ""'),
  { argv: ['chmod', '-R', 'go-rwx', '/tmp/d'], files: MODES, after: { '/tmp/d': 'dir 0700 0:0', '/tmp/f': 'file 0644 0:0 ""' } },
  { argv: ['chmod', '-Rv', 'u+x', '/tmp/d'], files: MODES,
    out: "mode of '/tmp/d' retained as 0755 (rwxr-xr-x)\nmode of '/tmp/d/x' changed from 0644 (rw-r--r--) to 0744 (rwxr--r--)\nneither symbolic link '/tmp/d/l' nor referent has been changed\n" },
  { argv: ['chmod', '-c', '644', '/tmp/f'], files: MODES },
  { argv: ['chmod', '-c', '1600', '/tmp/f'], files: MODES, out: "mode of '/tmp/f' changed from 0644 (rw-r--r--) to 1600 (rw------T)\n" },
  mode(['chmod', '--reference=/tmp/s', '/tmp/f'], '/tmp/f', 'file 2755 0:0 ""'),
  { argv: ['chmod', '--reference=/nope', '/tmp/f'], err: "chmod: failed to get attributes of '/nope': No such file or directory\n", status: 1 },
  { argv: ['chmod', '644', '/tmp/dang', '/nope'], files: MODES, status: 1,
    err: "chmod: cannot operate on dangling symlink '/tmp/dang'\nchmod: cannot access '/nope': No such file or directory\n" },
  { argv: ['chmod', '-f', '644', '/nope'], status: 1 },
  { argv: ['chmod', '777', '/etc/passwd'], as: 'alice', err: "chmod: changing permissions of '/etc/passwd': Operation not permitted\n", status: 1 },
  { argv: ['chmod'], err: `chmod: missing operand\n${TRY('chmod')}`, status: 1 },
  { argv: ['chmod', 'u+x'], err: `chmod: missing operand after 'u+x'\n${TRY('chmod')}`, status: 1 },
  { argv: ['chmod', 'u+q', '/tmp'], err: `chmod: invalid mode: 'u+q'\n${TRY('chmod')}`, status: 1 },
  { argv: ['chmod', '7777', '/tmp'], after: { '/tmp': 'dir 7777 0:0' } },
  { argv: ['chmod', '17777', '/tmp'], err: `chmod: invalid mode: '17777'\n${TRY('chmod')}`, status: 1 },
]));
