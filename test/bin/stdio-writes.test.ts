/**
 * Standard output buffered in user space (src/bin/lib/stdio.ts), counted with the kernel's strace:
 * into a pipe a utility writes a 64 KiB block at a time (find over 400 files: one write(2), where
 * it made one per line before), with the same bytes as unbuffered output; on a terminal it writes
 * a line at a time, while it still reads. Each case gives the whole output and the number of
 * write(2) calls each program made on its fd 1.
 */
import { describe, expect, it } from 'vitest';
import type { FileSpec } from '../../src/kernel/setup.js';
import { traced, type Run } from './stdio-harness.js';

const range = (n: number, from = 1): number[] => Array.from({ length: n }, (_, i) => i + from);
const lines = (xs: readonly (string | number)[]): string => xs.map((x) => `${x}\n`).join('');

/** /w: four directories of 100 files each; /w/lines: 1000 lines `N line`, N a permutation of 0–999. */
const DIRS = ['d1', 'd2', 'd3', 'd4'];
const NAMES = range(100).map((i) => `f${String(i).padStart(3, '0')}`);
const NUMBERS = range(1000, 0).map((i) => (i * 7) % 1000);
const TEXT = lines(NUMBERS.map((n) => `${n} line`));
/** /big: 30000 lines `N x` (`N y` when 3 divides N), 228894 bytes: four blocks. */
const BIG_LINES = range(30000).map((i) => `${i} ${i % 3 ? 'x' : 'y'}`);
const BIG = lines(BIG_LINES);
const TREE: FileSpec[] = [
  ...DIRS.map((d) => ({ path: `/w/${d}`, type: 'dir' as const })),
  ...DIRS.flatMap((d) => NAMES.map((n) => ({ path: `/w/${d}/${n}`, content: `${d}/${n}\n` }))),
  { path: '/w/lines', content: TEXT },
  { path: '/big', content: BIG },
  { path: '/small/a', content: '' }, { path: '/small/b', content: '' }, { path: '/small/c', content: '' },
];
const blocks = (s: string): number => Math.ceil(s.length / 65536);

interface Case extends Run {
  readonly out: string;
  /** write(2) calls on fd 1 by each program. */
  readonly writes: Readonly<Record<string, number>>;
}

function table(cases: readonly Case[]): void {
  it.each(cases.map((c) => [c.argv.join(' '), c] as const))('%s', async (_t, c) => {
    const r = await traced({ files: TREE, ...c });
    expect(r).toEqual({ out: c.out, err: '', status: 0, writes: c.writes });
  });
}

const FIND_ALL = lines(['/w', ...DIRS.flatMap((d) => [`/w/${d}`, ...NAMES.map((n) => `/w/${d}/${n}`)]), '/w/lines']);

describe('into a pipe: a 64 KiB block per write(2)', () => table([
  // Before: one write per line (406).
  { argv: ['find', '/w'], out: FIND_ALL, writes: { find: 1 } },
  { argv: ['find', '/w', '-name', 'f00*', '-type', 'f'], out: lines(DIRS.flatMap((d) => NAMES.slice(0, 9).map((n) => `/w/${d}/${n}`))), writes: { find: 1 } },
  { argv: ['find', '/w/d1', '-printf', '%f\n'], out: lines(['d1', ...NAMES]), writes: { find: 1 } },
  { argv: ['ls', '/w/d1'], out: lines(NAMES), writes: { ls: 1 } },
  { argv: ['ls', '-R', '/w'], out: `/w:\n${lines([...DIRS, 'lines'])}${DIRS.map((d) => `\n/w/${d}:\n${lines(NAMES)}`).join('')}`, writes: { ls: 1 } },
  { argv: ['seq', '1000'], out: lines(range(1000)), writes: { seq: 1 } },
  { argv: ['seq', '30000'], out: lines(range(30000)), writes: { seq: blocks(lines(range(30000))) } },
  { argv: ['grep', '^1', '/w/lines'], out: lines(NUMBERS.filter((n) => String(n).startsWith('1')).map((n) => `${n} line`)), writes: { grep: 1 } },
  { argv: ['grep', 'y', '/big'], out: lines(BIG_LINES.filter((l) => l.endsWith('y'))), writes: { grep: blocks(lines(BIG_LINES.filter((l) => l.endsWith('y')))) } },
  { argv: ['sed', 's/line/L/', '/w/lines'], out: lines(NUMBERS.map((n) => `${n} L`)), writes: { sed: 1 } },
  { argv: ['sed', 's/x/xx/', '/big'], out: BIG.replace(/x/g, 'xx'), writes: { sed: blocks(BIG.replace(/x/g, 'xx')) } },
  { argv: ['sort', '-n', '/w/lines'], out: lines(range(1000, 0).map((n) => `${n} line`)), writes: { sort: 1 } },
  { argv: ['uniq', '/w/lines'], out: TEXT, writes: { uniq: 1 } },
  { argv: ['uniq', '/big'], out: BIG, writes: { uniq: blocks(BIG) } },
  { argv: ['wc', '-l', '/w/lines', '/big'], out: '  1000 /w/lines\n 30000 /big\n 31000 total\n', writes: { wc: 1 } },
  { argv: ['head', '-n', '3', '/w/lines', '/big'], out: '==> /w/lines <==\n0 line\n7 line\n14 line\n\n==> /big <==\n1 x\n2 x\n3 y\n', writes: { head: 1 } },
  { argv: ['head', '-n', '25000', '/big'], out: lines(BIG_LINES.slice(0, 25000)), writes: { head: blocks(lines(BIG_LINES.slice(0, 25000))) } },
  { argv: ['tail', '-n', '2', '/w/lines', '/big'], out: '==> /w/lines <==\n986 line\n993 line\n\n==> /big <==\n29999 x\n30000 y\n', writes: { tail: 1 } },
  { argv: ['cut', '-d', ' ', '-f1', '/w/lines'], out: lines(NUMBERS), writes: { cut: 1 } },
  { argv: ['cut', '-c1-2', '/big'], out: lines(BIG_LINES.map((l) => l.slice(0, 2))), writes: { cut: blocks(lines(BIG_LINES.map((l) => l.slice(0, 2)))) } },
  { argv: ['tr', 'a-z', 'A-Z'], stdin: TEXT, out: TEXT.toUpperCase(), writes: { tr: 1 } },
  // cat writes what each read gave before it reads again (GNU cat holds nothing while it waits).
  { argv: ['cat', '/w/d1/f001', '/w/d1/f002'], out: 'd1/f001\nd1/f002\n', writes: { cat: 2 } },
  { argv: ['cat', '/big'], out: BIG, writes: { cat: blocks(BIG) } },
  { argv: ['echo', 'a', 'b'], out: 'a b\n', writes: { echo: 1 } },
  { argv: ['printf', '%s\\n', 'a', 'b', 'c'], out: 'a\nb\nc\n', writes: { printf: 1 } },
  // tee stays unbuffered, as coreutils' tee: each read is written through at once.
  { argv: ['tee'], stdin: TEXT, out: TEXT, writes: { tee: 1 } },
  // yes fills the pipe with one write; its second waits until head has gone, and SIGPIPE ends it.
  { argv: ['sh', '-c', 'yes | head -n 3'], out: 'y\ny\ny\n', writes: { yes: 2, head: 1 } },
  { argv: ['sh', '-c', 'seq 1 3; echo x; seq 4 5'], out: '1\n2\n3\nx\n4\n5\n', writes: { seq: 2, sh: 1 } },
]));

describe('on a terminal: a line per write(2), shown while the utility still reads', () => {
  const crlf = (s: string): string => s.replace(/\n/g, '\r\n');
  it.each([
    { argv: ['ls', '/small'], out: crlf('a\nb\nc\n'), writes: { ls: 3 } },
    // seq prints the separator before each number, as coreutils' seq: "1\n2", "\n3", "\n".
    { argv: ['seq', '3'], out: crlf('1\n2\n3\n'), writes: { seq: 3 } },
    { argv: ['find', '/small'], out: crlf('/small\n/small/a\n/small/b\n/small/c\n'), writes: { find: 4 } },
    // Each line typed shows (echo), then grep's copy of it, before the next is typed.
    { argv: ['grep', 'x'], keys: [['', 'x1\n'], ['x1\r\nx1\r\n', 'y\n'], ['y\r\n', 'x2\n'], ['x2\r\nx2\r\n', '\x04']],
      out: crlf('x1\nx1\ny\nx2\nx2\n'), writes: { grep: 2 } },
    { argv: ['sed', 's/a/b/'], keys: [['', 'a1\n'], ['a1\r\nb1\r\n', 'a2\n'], ['a2\r\nb2\r\n', '\x04']],
      out: crlf('a1\nb1\na2\nb2\n'), writes: { sed: 2 } },
  ] as const)('$argv', async (c) => {
    const r = await traced({ files: TREE, stdout: 'tty', ...c });
    expect(r).toEqual({ out: c.out, err: '', status: 0, writes: c.writes });
  });
});
