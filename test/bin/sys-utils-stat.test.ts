/**
 * stat: the default report, -t, -c/--format and --printf directives, -L, errors. Expected outputs
 * follow GNU coreutils 9.1 in the C locale; the kernel keeps no birth time (`-`, 0), devices are
 * the VFS's (8,1 for the root file system, anonymous 0,N for /dev and /proc).
 */
import { describe } from 'vitest';
import { table, type Case } from './harness.js';

const TRY = 'Try \'stat --help\' for more information.\n';
const T0 = '2000-01-01 00:00:00.000000000 +0000';
const FILES: Case['files'] = [
  { path: '/tmp/a', content: 'abc', mode: '0640', uid: 1000, gid: 100, mtime: 1000000000, atime: 1000000001 },
  { path: '/tmp/e', content: '' },
  { path: '/tmp/l', type: 'symlink', target: 'a' },
  { path: '/tmp/sp ace', content: 'x' },
  { path: '/tmp/d', type: 'dir', mode: '2775' },
  { path: '/tmp/p', type: 'fifo', mode: '0600' },
  { path: '/tmp/u', content: 'u', uid: 4242, gid: 4343, mode: '4755' },
  { path: '/tmp/priv', type: 'dir', mode: '0700' },
  { path: '/tmp/priv/f', content: 'f' },
];
const at = (c: Case): Case => ({ files: FILES, cwd: '/tmp', ...c });
const report = (name: string, size: string, blocks: string, type: string, ino: string, links: string, access: string, ids: string, times = [T0, T0, T0]): string =>
  `  File: ${name}\n  Size: ${size.padEnd(10)}\tBlocks: ${blocks.padEnd(10)} IO Block: 4096   ${type}\n`
  + `Device: 8,1\tInode: ${ino.padEnd(10)}  Links: ${links}\nAccess: (${access})  ${ids}\n`
  + `Access: ${times[0]}\nModify: ${times[1]}\nChange: ${times[2]}\n Birth: -\n`;
const ROOT = 'Uid: (    0/    root)   Gid: (    0/    root)';

describe('stat', () => table([
  at({ argv: ['stat', 'a'], out: report('a', '3', '8', 'regular file', '18', '1', '0640/-rw-r-----', 'Uid: ( 1000/   alice)   Gid: (  100/   users)',
    ['2001-09-09 01:46:41.000000000 +0000', '2001-09-09 01:46:40.000000000 +0000', T0]) }),
  at({ argv: ['stat', 'e', 'l'], out: report('e', '0', '0', 'regular empty file', '19', '1', '0644/-rw-r--r--', ROOT)
    + report('l -> a', '1', '0', 'symbolic link', '20', '1', '0777/lrwxrwxrwx', ROOT) }),
  at({ argv: ['stat', 'd', 'sp ace'], out: report('d', '4096', '8', 'directory', '22', '2', '2775/drwxrwsr-x', ROOT)
    + report('sp ace', '1', '8', 'regular file', '21', '1', '0644/-rw-r--r--', ROOT) }),
  at({ argv: ['stat', 'p', 'u'], out: report('p', '0', '0', 'fifo', '23', '1', '0600/prw-------', ROOT)
    + report('u', '1', '8', 'regular file', '24', '1', '4755/-rwsr-xr-x', 'Uid: ( 4242/ UNKNOWN)   Gid: ( 4343/ UNKNOWN)') }),
  at({ argv: ['stat', '/dev/null'], out: '  File: /dev/null\n  Size: 0         \tBlocks: 0          IO Block: 4096   character special file\n'
    + 'Device: 0,17\tInode: 2           Links: 1     Device type: 1,3\nAccess: (0666/crw-rw-rw-)  Uid: (    0/    root)   Gid: (    0/    root)\n'
    + `Access: ${T0}\nModify: ${T0}\nChange: ${T0}\n Birth: -\n` }),
  at({ argv: ['stat', '-L', 'l'], out: report('l', '3', '8', 'regular file', '18', '1', '0640/-rw-r-----', 'Uid: ( 1000/   alice)   Gid: (  100/   users)',
    ['2001-09-09 01:46:41.000000000 +0000', '2001-09-09 01:46:40.000000000 +0000', T0]) }),
  at({ argv: ['stat', '-t', 'a', 'l', '/dev/null'], out: 'a 3 8 81a0 1000 100 801 18 1 0 0 1000000001 1000000000 946684800 0 4096\n'
    + 'l 1 0 a1ff 0 0 801 20 1 0 0 946684800 946684800 946684800 0 4096\n/dev/null 0 0 21b6 0 0 11 2 1 1 3 946684800 946684800 946684800 0 4096\n' }),
  at({ argv: ['stat', '-c', '%n|%a|%A|%s|%b|%B|%o|%h|%i|%u|%U|%g|%G|%f|%F', 'a', 'd'],
    out: 'a|640|-rw-r-----|3|8|512|4096|1|18|1000|alice|100|users|81a0|regular file\nd|2775|drwxrwsr-x|4096|8|512|4096|2|22|0|root|0|root|45fd|directory\n' }),
  at({ argv: ['stat', '-c', '%N', 'a', 'l', 'sp ace'], out: "'a'\n'l' -> 'a'\n'sp ace'\n" }),
  at({ argv: ['stat', '-Lc', '%N %F', 'l'], out: "'l' regular file\n" }),
  at({ argv: ['stat', '--format=%d %D %Hd %Ld %m', 'a', '/dev/null', '/proc/self'], out: '2049 801 8 1 /\n17 11 0 17 /dev\n18 12 0 18 /proc\n' }),
  at({ argv: ['stat', '-c', '%t %T %r %R %Hr %Lr', '/dev/null', 'a'], out: '1 3 259 103 1 3\n0 0 0 0 0 0\n' }),
  at({ argv: ['stat', '-c', '%x|%y|%z|%w', 'a'], out: '2001-09-09 01:46:41.000000000 +0000|2001-09-09 01:46:40.000000000 +0000|2000-01-01 00:00:00.000000000 +0000|-\n' }),
  at({ argv: ['stat', '-c', '%X %Y %Z %W %.3Y %.9X %.0Z %12.2Y|', 'a'], out: '1000000001 1000000000 946684800 0 1000000000.000 1000000001.000000000 946684800 1000000000.00|\n' }),
  at({ argv: ['stat', '-c', '%y', 'a'], env: ['TZ=Asia/Kolkata'], out: '2001-09-09 07:16:40.000000000 +0530\n' }),
  at({ argv: ['stat', '-c', '%y %Z', 'a'], env: ['TZ=America/New_York'], out: '2001-09-08 21:46:40.000000000 -0400 946684800\n' }),
  at({ argv: ['stat', '-c', '%10n|%-4a|%#a|%+s|%05s|%-6s|%.2n|%Q|%', 'a'], out: '         a|640 |0640|+3|00003|3     |a|?|%\n' }),
  at({ argv: ['stat', '-c', '%%|%5%|', 'a'], out: '%|', err: "stat: '%5%': invalid directive\n", status: 1 }),
  at({ argv: ['stat', '--printf', '%n\\t%s\\n\\101\\x42\\q%%\n', 'a'], out: 'a\t3\nAB q%\n'.replace(' ', ''), err: "stat: warning: unrecognized escape '\\q'\n" }),
  at({ argv: ['stat', '--printf=%s,', 'a', 'e'], out: '3,0,' }),
  at({ argv: ['stat', '-c', '%i %F', '-'], stdin: '', out: '3 character special file\n' }),
  at({ argv: ['stat', 'nope', 'a', '-c', '%s'], out: '3\n', err: "stat: cannot statx 'nope': No such file or directory\n", status: 1 }),
  at({ argv: ['stat', 'a/', '-c', '%s'], err: "stat: cannot statx 'a/': Not a directory\n", status: 1 }),
  at({ argv: ['stat', '-L', 'dangling'], files: [{ path: '/tmp/dangling', type: 'symlink', target: 'nowhere' }], err: "stat: cannot statx 'dangling': No such file or directory\n", status: 1 }),
  at({ argv: ['stat', '-c', '%s', 'priv/f'], as: 'alice', err: "stat: cannot statx 'priv/f': Permission denied\n", status: 1 }),
  at({ argv: ['stat', '-c', '%A', 'priv'], as: 'alice', out: 'drwx------\n' }),
  at({ argv: ['stat'], err: `stat: missing operand\n${TRY}`, status: 1 }),
  at({ argv: ['stat', '-c'], err: `stat: option requires an argument -- 'c'\n${TRY}`, status: 1 }),
  at({ argv: ['stat', '-x', 'a'], err: `stat: invalid option -- 'x'\n${TRY}`, status: 1 }),
  at({ argv: ['stat', '--form', '%s', 'a'], out: '3\n' }),
]));
