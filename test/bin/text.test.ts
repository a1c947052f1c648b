/**
 * The /bin utilities that only read and print: true, false, echo, cat, basename, dirname, uname,
 * printenv, env, sleep, pwd, yes. Expected outputs are GNU coreutils 9.1's in the C locale.
 */
import { describe, expect, it } from 'vitest';
import { boot } from '../../src/index.js';
import { PROGRAMS } from '#programs';
import { O_WRONLY } from '../../src/kernel/abi/fcntl.js';
import type { Kernel } from '../../src/kernel/kernel.js';
import { expected, runCase, table, type Case } from './harness.js';

const TRY = (name: string): string => `Try '${name} --help' for more information.\n`;

describe('true and false', () => table([
  { argv: ['true'] },
  { argv: ['true', '-x', '--help', 'y'] },
  { argv: ['true', '--help'], out: 'Usage: true [ignored command line arguments]\nExit with a status code indicating success.\n' },
  { argv: ['true', '--version'], out: 'true (posixbox) 0.1.0\n' },
  { argv: ['false'], status: 1 },
  { argv: ['false', '--version'], out: 'false (posixbox) 0.1.0\n', status: 1 },
]));

describe('echo', () => table([
  { argv: ['echo'], out: '\n' },
  { argv: ['echo', 'hello', ' world '], out: 'hello  world \n' },
  { argv: ['echo', '-n', 'a', 'b'], out: 'a b' },
  { argv: ['echo', 'a\\tb'], out: 'a\\tb\n' },
  { argv: ['echo', '-e', 'a\\tb\\x41\\x4g\\xZ\\0101\\101\\1011\\08\\q\\\\'], out: 'a\tbA\x04g\\xZAAA1\x008\\q\\\n' },
  { argv: ['echo', '-e', '\\303\\251\\e\\a\\v\\f\\r\\b'], out: 'é\x1b\x07\x0b\x0c\r\b\n' },
  { argv: ['echo', '-e', 'x\\cy', 'z'], out: 'x' },
  { argv: ['echo', '-e', 'x\\'], out: 'x\\\n' },
  { argv: ['echo', '-e', '-E', '\\n'], out: '\\n\n' },
  { argv: ['echo', '-E', '-e', '\\n'], out: '\n\n' },
  { argv: ['echo', '-neE', 'a'], out: 'a' },
  { argv: ['echo', '-neX', 'a'], out: '-neX a\n' },
  { argv: ['echo', '-', '-n'], out: '- -n\n' },
  { argv: ['echo', '--', 'a'], out: '-- a\n' },
  { argv: ['echo', 'a', '-n'], out: 'a -n\n' },
  { argv: ['echo', '--help'], out: 'Usage: echo [SHORT-OPTION]... [STRING]...\nEcho the STRING(s) to standard output.\n' },
  { argv: ['echo', '--help', 'x'], out: '--help x\n' },
]));

const TEXT: Case['files'] = [
  { path: '/tmp/a', content: 'one\n\n\n\ntwo\tthree\n' },
  { path: '/tmp/b', content: 'no newline' },
  { path: '/tmp/c', content: '\x01\x7f\u00e9\n' },
  { path: '/tmp/secret', content: 'x\n', mode: '0600' },
];

describe('cat', () => table([
  { argv: ['cat'], stdin: 'hello\nworld\n', out: 'hello\nworld\n' },
  { argv: ['cat', '-', '/etc/hostname', '-'], stdin: 'x\n', out: 'x\nposixbox\n' },
  { argv: ['cat', '/tmp/a', '/tmp/b'], files: TEXT, out: 'one\n\n\n\ntwo\tthree\nno newline' },
  { argv: ['cat', '-n', '/tmp/a', '/tmp/b'], files: TEXT,
    out: '     1\tone\n     2\t\n     3\t\n     4\t\n     5\ttwo\tthree\n     6\tno newline' },
  { argv: ['cat', '-n', '/tmp/b', '/tmp/a'], files: TEXT,
    out: '     1\tno newlineone\n     2\t\n     3\t\n     4\t\n     5\ttwo\tthree\n' },
  { argv: ['cat', '-b', '/tmp/a'], files: TEXT, out: '     1\tone\n\n\n\n     2\ttwo\tthree\n' },
  { argv: ['cat', '-s', '/tmp/a'], files: TEXT, out: 'one\n\ntwo\tthree\n' },
  { argv: ['cat', '-ns', '/tmp/a'], files: TEXT, out: '     1\tone\n     2\t\n     3\ttwo\tthree\n' },
  { argv: ['cat', '-bE', '/tmp/a'], files: TEXT, out: '     1\tone$\n$\n$\n$\n     2\ttwo\tthree$\n' },
  { argv: ['cat', '-T', '/tmp/a'], files: TEXT, out: 'one\n\n\n\ntwo^Ithree\n' },
  { argv: ['cat', '-A', '/tmp/a'], files: TEXT, out: 'one$\n$\n$\n$\ntwo^Ithree$\n' },
  { argv: ['cat', '-v', '/tmp/c'], files: TEXT, out: '^A^?M-CM-)\n' },
  { argv: ['cat', '--number', '/tmp/b'], files: TEXT, out: '     1\tno newline' },
  { argv: ['cat', '/no/such/file', '/etc/hostname'], out: 'posixbox\n', err: 'cat: /no/such/file: No such file or directory\n', status: 1 },
  { argv: ['cat', 'a b', "it's", 'a:b'], err: "cat: 'a b': No such file or directory\ncat: \"it's\": No such file or directory\ncat: 'a:b': No such file or directory\n", status: 1 },
  { argv: ['cat', 'new\nline', 'caf\u00e9'], err: "cat: 'new'$'\\n''line': No such file or directory\ncat: 'caf'$'\\303\\251': No such file or directory\n", status: 1 },
  { name: 'UTF-8 locale', argv: ['cat', 'caf\u00e9'], env: ['LANG=C.UTF-8'], err: 'cat: caf\u00e9: No such file or directory\n', status: 1 },
  { argv: ['cat', '/tmp'], err: 'cat: /tmp: Is a directory\n', status: 1 },
  { argv: ['cat', '/tmp/secret'], as: 'alice', files: TEXT, err: 'cat: /tmp/secret: Permission denied\n', status: 1 },
  { argv: ['cat', '-x'], err: `cat: invalid option -- 'x'\n${TRY('cat')}`, status: 1 },
  { argv: ['cat', '--nu'], err: `cat: option '--nu' is ambiguous; possibilities: '--number-nonblank' '--number'\n${TRY('cat')}`, status: 1 },
  { argv: ['cat', '--show'], err: `cat: option '--show' is ambiguous; possibilities: '--show-nonprinting' '--show-ends' '--show-tabs' '--show-all'\n${TRY('cat')}`, status: 1 },
  { argv: ['cat', '--help'], out: 'Usage: cat [OPTION]... [FILE]...\nConcatenate FILE(s) to standard output.\n' },
  { name: 'the name is argv[0]', argv: ['/bin/cat', '-x'], err: `/bin/cat: invalid option -- 'x'\n${TRY('/bin/cat')}`, status: 1 },
]));

describe('basename and dirname', () => table([
  { argv: ['basename', '/usr/lib/libc.so'], out: 'libc.so\n' },
  { argv: ['basename', '/a/b/'], out: 'b\n' },
  { argv: ['basename', '//'], out: '/\n' },
  { argv: ['basename', ''], out: '\n' },
  { argv: ['basename', 'a.txt', '.txt'], out: 'a\n' },
  { argv: ['basename', '.txt', '.txt'], out: '.txt\n' },
  { argv: ['basename', '/', '/'], out: '/\n' },
  { argv: ['basename', '-s', '.c', 'a.c', 'dir/b.c', 'c.h'], out: 'a\nb\nc.h\n' },
  { argv: ['basename', '-a', 'x/y', 'z/w'], out: 'y\nw\n' },
  { argv: ['basename', '--suffix=.h', 'x.h'], out: 'x\n' },
  { argv: ['basename', '-z', 'a/b'], out: 'b\0' },
  { argv: ['basename'], err: `basename: missing operand\n${TRY('basename')}`, status: 1 },
  { argv: ['basename', 'a', 'b', 'c'], err: `basename: extra operand 'c'\n${TRY('basename')}`, status: 1 },
  { argv: ['basename', '-s'], err: `basename: option requires an argument -- 's'\n${TRY('basename')}`, status: 1 },
  { argv: ['dirname', '/', 'a', 'a/b/', '//a//b//', '//', '', '/usr/lib', 'a/'], out: '/\n.\na\n//a\n/\n.\n/usr\n.\n' },
  { argv: ['dirname', '-z', 'a/b', 'c'], out: 'a\0.\0' },
  { argv: ['dirname'], err: `dirname: missing operand\n${TRY('dirname')}`, status: 1 },
]));

describe('uname', () => table([
  { argv: ['uname'], out: 'Linux\n' },
  { argv: ['uname', '-a'], out: 'Linux posixbox 6.1.0-posixbox #1 SMP posixbox x86_64 GNU/Linux\n' },
  { argv: ['uname', '-snrm'], out: 'Linux posixbox 6.1.0-posixbox x86_64\n' },
  { argv: ['uname', '-m', '-s'], out: 'Linux x86_64\n' },
  { argv: ['uname', '-o', '-i', '-p'], out: 'unknown unknown GNU/Linux\n' },
  { argv: ['uname', '--kernel-release', '--nodename'], out: 'posixbox 6.1.0-posixbox\n' },
  { argv: ['uname', 'x'], err: `uname: extra operand 'x'\n${TRY('uname')}`, status: 1 },
  { argv: ['uname', '-x'], err: `uname: invalid option -- 'x'\n${TRY('uname')}`, status: 1 },
]));

const ENV = ['PATH=/bin:/usr/bin', 'HOME=/root', 'A=1'];

describe('printenv and env', () => table([
  { argv: ['printenv'], env: ENV, out: 'PATH=/bin:/usr/bin\nHOME=/root\nA=1\n' },
  { argv: ['printenv', 'A', 'HOME'], env: ENV, out: '1\n/root\n' },
  { argv: ['printenv', 'HOME', 'NOPE', 'A'], env: ENV, out: '/root\n1\n', status: 1 },
  { argv: ['printenv', 'A=1'], env: ENV, status: 1 },
  { argv: ['printenv', '-0', 'A', 'HOME'], env: ENV, out: '1\0/root\0' },
  { argv: ['printenv', '-x'], env: ENV, err: `printenv: invalid option -- 'x'\n${TRY('printenv')}`, status: 2 },
  { argv: ['env'], env: ENV, out: 'PATH=/bin:/usr/bin\nHOME=/root\nA=1\n' },
  { argv: ['env', '-i'], env: ENV },
  { argv: ['env', '-i', 'FOO=1', 'B=x=y'], env: ENV, out: 'FOO=1\nB=x=y\n' },
  { argv: ['env', '-u', 'HOME', 'PATH=/x', 'Z=z'], env: ENV, out: 'PATH=/x\nA=1\nZ=z\n' },
  { argv: ['env', '--unset=A', '--unset', 'PATH'], env: ENV, out: 'HOME=/root\n' },
  { argv: ['env', '-', 'A=2'], env: ENV, out: 'A=2\n' },
  { argv: ['env', '-0i', 'A=1', 'B=2'], env: ENV, out: 'A=1\0B=2\0' },
  { argv: ['env', 'A=1', '-i'], env: ENV, err: "env: '-i': No such file or directory\n", status: 127 },
  { argv: ['env', '/nonexistent'], env: ENV, err: "env: '/nonexistent': No such file or directory\n", status: 127 },
  { argv: ['env', '/etc/passwd'], env: ENV, err: "env: '/etc/passwd': Permission denied\n", status: 126 },
  { argv: ['env', '-0', 'true'], env: ENV, err: `env: cannot specify --null (-0) with command\n${TRY('env')}`, status: 125 },
  { argv: ['env', '-i', 'B=2', 'printenv'], env: ENV, out: 'B=2\n' },
  { argv: ['env', '-u', 'HOME', 'A=1', '/bin/sh', '-c', 'echo "$A ${HOME-unset}"'], env: ENV, out: '1 unset\n' },
  { argv: ['env', '-u'], env: ENV, err: `env: option requires an argument -- 'u'\n${TRY('env')}`, status: 125 },
  { argv: ['env', '-u', 'A=B'], env: ENV, err: "env: cannot unset 'A=B': Invalid argument\n", status: 125 },
  { argv: ['env', '=x', 'A=2'], env: ENV, out: 'PATH=/bin:/usr/bin\nHOME=/root\nA=2\n=x\n' },
  { argv: ['env', '-x'], env: ENV, err: `env: invalid option -- 'x'\n${TRY('env')}`, status: 125 },
]));

describe('sleep', () => {
  table([
    { argv: ['sleep', '1'] },
    { argv: ['sleep', '0.5s', '1m', '.1h', '1d', '1e-1', '0x1p-3', ' 2', '+1.'] },
    { argv: ['sleep'], err: `sleep: missing operand\n${TRY('sleep')}`, status: 1 },
    { argv: ['sleep', 'x', '1y', '1', '0x', '1e', '1ss', 'nan', ''],
      err: ["x", '1y', '0x', '1e', '1ss', 'nan', ''].map((a) => `sleep: invalid time interval '${a}'\n`).join('') + TRY('sleep'), status: 1 },
    { argv: ['sleep', '-1'], err: `sleep: invalid option -- '1'\n${TRY('sleep')}`, status: 1 },
    { argv: ['sleep', '--', '-1'], err: `sleep: invalid time interval '-1'\n${TRY('sleep')}`, status: 1 },
    { argv: ['sleep', "it's"], err: `sleep: invalid time interval 'it\\'s'\n${TRY('sleep')}`, status: 1 },
    { argv: ['sleep', "it's"], env: ['LC_ALL=C.UTF-8'], err: `sleep: invalid time interval \u2018it's\u2019\n${TRY('sleep')}`, status: 1 },
  ]);

  it('sleeps on the kernel clock: 1.5m and 30s take 120 virtual seconds', async () => {
    const k = boot({ poolSize: 1 });
    const start = k.clock.now().sec;
    const h = k.spawn({ program: { source: PROGRAMS.sleep!, path: '/bin/sleep' }, argv: ['sleep', '1.5m', '30'] });
    expect(await h.exited).toBe(0);
    expect(k.clock.now().sec - start).toBe(120);
    k.shutdown();
  });
});

const LINKED: Case['files'] = [
  { path: '/srv/real', type: 'dir' },
  { path: '/srv/link', target: 'real' },
];
const pwdCase = (argv: string[], PWD: string | undefined, out: string, more: Partial<Case> = {}): Case => ({
  ...more, argv, cwd: '/srv/link', files: LINKED, out,
  env: ['PATH=/bin', ...(PWD !== undefined ? [`PWD=${PWD}`] : []), ...(more.env ?? [])],
});

describe('pwd', () => table([
  { argv: ['pwd'], cwd: '/tmp', out: '/tmp\n' },
  pwdCase(['pwd'], '/srv/link', '/srv/real\n'),
  pwdCase(['pwd', '-L'], '/srv/link', '/srv/link\n'),
  pwdCase(['pwd', '--logical'], '/srv/link', '/srv/link\n'),
  pwdCase(['pwd', '-L', '-P'], '/srv/link', '/srv/real\n'),
  pwdCase(['pwd', '-PL'], '/srv/link', '/srv/link\n'),
  pwdCase(['pwd', '-L'], '/srv/./link', '/srv/real\n'),
  pwdCase(['pwd', '-L'], '/srv/../srv/link', '/srv/real\n'),
  pwdCase(['pwd', '-L'], 'srv/link', '/srv/real\n'),
  pwdCase(['pwd', '-L'], '/tmp', '/srv/real\n'),
  pwdCase(['pwd', '-L'], undefined, '/srv/real\n'),
  pwdCase(['pwd'], '/srv/link', '/srv/link\n', { name: 'POSIXLY_CORRECT: -L', env: ['POSIXLY_CORRECT=1'] }),
  pwdCase(['pwd', 'x'], '/srv/link', '/srv/real\n', { err: 'pwd: ignoring non-option arguments\n' }),
  { argv: ['pwd', '-x'], err: `pwd: invalid option -- 'x'\n${TRY('pwd')}`, status: 1 },
]));

describe('yes', () => {
  const full = { stdout: (k: Kernel) => ({ kind: 'file' as const, file: k.vfs.open(k.rootContext(), '/dev/full', O_WRONLY, 0) }) };
  it('stops at a write error', async () => {
    const c: Case = { argv: ['yes'], err: 'yes: standard output: No space left on device\n', status: 1 };
    expect(await runCase(c, full)).toEqual(expected(c));
  });
  it('echo reports a write error', async () => {
    const c: Case = { argv: ['echo', 'x'], err: 'echo: write error: No space left on device\n', status: 1 };
    expect(await runCase(c, full)).toEqual(expected(c));
  });
  it('cat reports a write error', async () => {
    const c: Case = { argv: ['cat', '/etc/hostname'], err: 'cat: write error: No space left on device\n', status: 1 };
    expect(await runCase(c, full)).toEqual(expected(c));
  });
  table([{ argv: ['yes', '-x'], err: `yes: invalid option -- 'x'\n${TRY('yes')}`, status: 1 }]);

  it.each([[['yes'], 'y\ny\ny\n'], [['yes', 'a', '-n', 'b'], 'a -n b\na -n b\n']])('%j until the reader goes', async (argv, want) => {
    const k = boot({ poolSize: 2 });
    const [r, w] = k.makePipe(k.init.creds, 0);
    const got: Uint8Array[] = [];
    const reader = `import os from 'posixbox/os';
export function main() { let s = ''; while (s.length < ${want.length}) s += new TextDecoder().decode(os.read(0, ${want.length} - s.length)); os.write(1, s); return 0; }`;
    const yes = k.spawn({ program: { source: PROGRAMS.yes!, path: '/bin/yes' }, argv, stdio: [{ kind: 'null' }, { kind: 'file', file: w }, { kind: 'sink', write: (b) => got.push(b) }] });
    const head = k.spawn({ program: { source: reader, path: 'head.js' }, argv: ['head'], stdio: [{ kind: 'file', file: r }, { kind: 'sink', write: (b) => got.push(b) }, { kind: 'null' }] });
    k.vfs.close(r);
    k.vfs.close(w);
    expect(await head.exited).toBe(0);
    const status = await yes.exited;
    const text = new TextDecoder().decode(Buffer.concat(got));
    // Killed by SIGPIPE (wait status 13) where the kernel raises it; else EPIPE, reported.
    const sigpipe = [want, 13];
    const epipe = [`${want}yes: standard output: Broken pipe\n`, 1 << 8];
    expect([sigpipe, epipe]).toContainEqual([text, status]);
    k.shutdown();
  });
});
