/**
 * What buffering standard output must not change: the order of output with stderr on the same
 * pipe (`cmd 2>&1 | cat`: GNU's, since coreutils, grep and find flush stdout before a diagnostic
 * and sed does not), output before a child's (find -exec, xargs, fork, exec), a script's order, and
 * what a write error does (EPIPE with SIGPIPE ignored or not, ENOSPC): the message and status each
 * utility gave when it wrote unbuffered. Expected outputs are GNU's (coreutils 9.1, grep 3.8,
 * sed 4.9, findutils 4.9, LC_ALL=C), where the utility does the same there.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { traced, type Run } from './stdio-harness.js';

const FILES: Run['files'] = [
  { path: '/g/a', content: 'one\ntwo\n' },
  { path: '/g/b', content: 'x\ny\n' },
  { path: '/g/d/f', content: '' },
];
const NOPE = 'No such file or directory';

interface Case {
  /** A command line for sh -c, run in /g. */
  readonly sh: string;
  readonly out: string;
  readonly err?: string;
  readonly status?: number;
}

function table(cases: readonly Case[]): void {
  it.each(cases.map((c) => [c.sh, c] as const))('%s', async (_t, c) => {
    const r = await traced({ argv: ['sh', '-c', c.sh], files: FILES, cwd: '/g' });
    expect({ out: r.out, err: r.err, status: r.status }).toEqual({ out: c.out, err: c.err ?? '', status: c.status ?? 0 });
  });
}

describe('2>&1 | cat: stdout flushed before a diagnostic (error()), but not by sed', () => table([
  { sh: 'find a nope b 2>&1 | cat', out: `a\nfind: 'nope': ${NOPE}\nb\n` },
  { sh: 'find nope a 2>&1 | cat', out: `find: 'nope': ${NOPE}\na\n` },
  { sh: 'grep -H o a nope b 2>&1 | cat', out: `a:one\na:two\ngrep: nope: ${NOPE}\n` },
  { sh: 'grep -c o a nope b 2>&1 | cat', out: `a:2\ngrep: nope: ${NOPE}\nb:0\n` },
  { sh: 'cut -c1 a nope b 2>&1 | cat', out: `o\nt\ncut: nope: ${NOPE}\nx\ny\n` },
  { sh: 'wc a nope b 2>&1 | cat', out: ` 2  2  8 a\nwc: nope: ${NOPE}\n 2  2  4 b\n 4  4 12 total\n` },
  { sh: 'head -n1 a nope b 2>&1 | cat', out: `==> a <==\none\nhead: cannot open 'nope' for reading: ${NOPE}\n\n==> b <==\nx\n` },
  { sh: 'head -c3 a nope b 2>&1 | cat', out: `==> a <==\nonehead: cannot open 'nope' for reading: ${NOPE}\n\n==> b <==\nx\ny` },
  { sh: 'tail -n1 a nope b 2>&1 | cat', out: `==> a <==\ntwo\ntail: cannot open 'nope' for reading: ${NOPE}\n\n==> b <==\ny\n` },
  { sh: 'cat a nope b 2>&1 | cat', out: `one\ntwo\ncat: nope: ${NOPE}\nx\ny\n` },
  { sh: 'cat -n a nope b 2>&1 | cat', out: `     1\tone\n     2\ttwo\ncat: nope: ${NOPE}\n     3\tx\n     4\ty\n` },
  { sh: 'ls -d a nope b 2>&1 | cat', out: `ls: cannot access 'nope': ${NOPE}\na\nb\n` },
  { sh: 'ls -R d nope 2>&1 | cat', out: `ls: cannot access 'nope': ${NOPE}\nd:\nf\n` },
  // GNU sed's messages go straight to stderr, its output at exit (or when 64 KiB are held).
  { sh: 'sed p a nope b 2>&1 | cat', out: `sed: can't read nope: ${NOPE}\none\none\ntwo\ntwo\nx\nx\ny\ny\n` },
  { sh: 'sed -n p nope a 2>&1 | cat', out: `sed: can't read nope: ${NOPE}\none\ntwo\n` },
  // sed -u writes each line at once.
  { sh: 'sed -u p a nope b 2>&1 | cat', out: `one\none\ntwo\ntwo\nsed: can't read nope: ${NOPE}\nx\nx\ny\ny\n` },
]));

describe('before a child: find -exec, xargs; and a script keeps its order', () => table([
  { sh: 'find a nope -print -exec echo E {} ";" 2>&1 | cat', out: `a\nE a\nfind: 'nope': ${NOPE}\n` },
  { sh: 'find a b -print -exec /bin/echo E {} + | cat', out: 'a\nb\nE a b\n' },
  { sh: 'seq 3 | xargs -t echo 2>&1 | cat', out: 'echo 1 2 3\n1 2 3\n' },
  { sh: 'printf "a\\nb\\n" | xargs -I{} sh -c "echo {}; seq 2" | cat', out: 'a\n1\n2\nb\n1\n2\n' },
  { sh: '{ seq 1 3; echo x; seq 4 5; /bin/echo y; ls a; } | cat', out: '1\n2\n3\nx\n4\n5\ny\na\n' },
  { sh: 'yes | head -n 1; echo $?', out: 'y\n0\n' },
]));

describe('write errors: as the utility reported them unbuffered', () => {
  table([
    // SIGPIPE ignored: EPIPE, reported, when a block is written mid-way or when what is held is written at exit.
    { sh: "trap '' PIPE; seq 100000 | head -n 1", out: '1\n', err: 'seq: write error: Broken pipe\n' },
    { sh: "trap '' PIPE; { sleep 1; seq 3; } | true", out: '', err: 'seq: write error: Broken pipe\n' },
    { sh: "trap '' PIPE; { sleep 1; find a; } | true", out: '', err: 'find: write error: Broken pipe\n' },
    { sh: "trap '' PIPE; { sleep 1; grep o a; } | true", out: '', err: 'grep: write error: Broken pipe\n' },
    { sh: "trap '' PIPE; { sleep 1; sed p a; } | true", out: '', err: "sed: couldn't write: Broken pipe\n" },
    { sh: "trap '' PIPE; { sleep 1; ls a; } | true", out: '', err: 'ls: write error: Broken pipe\n' },
    { sh: "trap '' PIPE; { sleep 1; /bin/echo a; } | true", out: '', err: '/bin/echo: write error: Broken pipe\n' },
    // ENOSPC: the status each gave; find keeps the failed flush before its diagnostic for exit, as GNU find.
    { sh: 'find a > /dev/full; echo $?', out: '1\n', err: 'find: write error: No space left on device\n' },
    { sh: 'find a nope > /dev/full; echo $?', out: '1\n', err: `find: 'nope': ${NOPE}\nfind: write error: No space left on device\n` },
    { sh: 'grep o a > /dev/full; echo $?', out: '2\n', err: 'grep: write error: No space left on device\n' },
    { sh: "sed p a > /dev/full; echo $?", out: '4\n', err: "sed: couldn't write: No space left on device\n" },
    { sh: 'seq 3 > /dev/full; echo $?', out: '1\n', err: 'seq: write error: No space left on device\n' },
    { sh: 'sort a > /dev/full; echo $?', out: '1\n', err: 'sort: write error: No space left on device\n' },
    { sh: '/bin/kill -l > /dev/full; echo $?', out: '1\n', err: '/bin/kill: write error: No space left on device\n' },
  ]);

  // SIGPIPE not ignored: the write that meets the closed pipe kills the process, as in C.
  it.each([['seq', '3'], ['find', '/g'], ['ls', '/g'], ['sed', 'p', '/g/a']])('%s … into a pipe nobody reads: killed by SIGPIPE', async (...argv) => {
    const r = await traced({ argv, files: FILES, stdout: 'closed' });
    expect(r).toEqual({ out: '', err: '', status: 128 + 13, writes: { [argv[0]!]: 1 } });
  });
});

/** A program linked with the utilities' lib, as src/bin's are: writes, then forks or execs. */
const FIXTURE = `
import os from 'posixbox/os';
import { entry } from './src/bin/lib.js';
import { execvp, fork } from './src/bin/lib/children.js';
export function main(argv) {
  return entry('fixture', (t) => {
    t.stdout.write('before\\n');
    const flush = argv[2] === 'flushed';
    if (argv[1] === 'exec') {
      if (flush) execvp(t.stdout, 'echo', ['echo', 'after']);
      else os.execvp('echo', ['echo', 'after']);
    }
    const pid = flush ? fork(t.stdout) : os.fork();
    if (pid === 0) {
      t.stdout.write('child\\n');
      return 0;
    }
    os.waitpid(pid, 0);
    t.stdout.write('parent\\n');
    return 0;
  });
}
`;

describe('before fork and exec (lib/children.ts)', () => {
  let source = '';
  beforeAll(async () => {
    const r = await build({
      stdin: { contents: FIXTURE, resolveDir: fileURLToPath(new URL('../..', import.meta.url)), loader: 'js', sourcefile: 'fixture.js' },
      bundle: true, write: false, format: 'esm', platform: 'neutral', target: 'es2022', external: ['posixbox/os'], logLevel: 'warning',
    });
    source = r.outputFiles[0]!.text;
  });
  it.each([
    ['fork flushed first: the child does not hold the parent\'s line', ['fork', 'flushed'], 'before\nchild\nparent\n', { fixture: 3 }],
    ['a bare os.fork: the child prints the held line again (what the flush prevents)', ['fork'], 'before\nchild\nbefore\nparent\n', { fixture: 2 }],
    ['exec flushed first', ['exec', 'flushed'], 'before\nafter\n', { fixture: 1, echo: 1 }],
    ['a bare os.execvp: the held line is lost (what the flush prevents)', ['exec'], 'after\n', { echo: 1 }],
  ] as const)('%s', async (_t, args, out, writes) => {
    const r = await traced({ argv: ['fixture', ...args], source });
    expect(r).toEqual({ out, err: '', status: 0, writes });
  });
});
