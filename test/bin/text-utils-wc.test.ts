/**
 * wc: the counts, their order and column widths, totals, and errors. Expected outputs are GNU's (coreutils 9.1, grep 3.8, sed 4.9, findutils 4.9) in the C locale.
 */
import { describe } from 'vitest';
import { table, type Case } from './harness.js';

const F: Case['files'] = [
  { path: "/tmp/n5", content: "1\n2\n3\n4\n5\n" },
  { path: "/tmp/ny", content: "x\ny" },
  { path: "/tmp/text", content: "the quick  brown\tfox\n\njumps over\n" },
  { path: "/tmp/long", content: "a\tb\nabcdefghij\n" },
  { path: "/tmp/ctl", content: "a\u0001 b\n\u0001\n" },
  { path: "/tmp/secret", content: "x\n", mode: '0600' },
];

describe('wc', () => table([
  { argv: ["wc", "text"], files: F, cwd: '/tmp', out: " 3  6 33 text\n" },
  { argv: ["wc", "-l", "text"], files: F, cwd: '/tmp', out: "3 text\n" },
  { argv: ["wc", "-w", "text"], files: F, cwd: '/tmp', out: "6 text\n" },
  { argv: ["wc", "-c", "text"], files: F, cwd: '/tmp', out: "33 text\n" },
  { argv: ["wc", "-m", "text"], files: F, cwd: '/tmp', out: "33 text\n" },
  { argv: ["wc", "-L", "long"], files: F, cwd: '/tmp', out: "10 long\n" },
  { argv: ["wc", "-lc", "n5"], files: F, cwd: '/tmp', out: " 5 10 n5\n" },
  { argv: ["wc", "n5", "ny", "text"], files: F, cwd: '/tmp', out: " 5  5 10 n5\n 1  2  3 ny\n 3  6 33 text\n 9 13 46 total\n" },
  { argv: ["wc", "-l", "n5", "ny"], files: F, cwd: '/tmp', out: " 5 n5\n 1 ny\n 6 total\n" },
  { argv: ["wc", "-wL", "text", "long"], files: F, cwd: '/tmp', out: " 6 27 text\n 3 10 long\n 9 27 total\n" },
  { argv: ["wc", "-w", "ctl"], files: F, cwd: '/tmp', out: "2 ctl\n" },
  { argv: ["wc", "--lines", "--bytes", "ny"], files: F, cwd: '/tmp', out: "1 3 ny\n" },
  { argv: ["wc"], stdin: "one two\nthree\n", files: F, cwd: '/tmp', out: "      2       3      14\n" },
  { argv: ["wc", "-l"], stdin: "a\nb\n", files: F, cwd: '/tmp', out: "2\n" },
  { argv: ["wc", "n5", "-"], stdin: "x y\n", files: F, cwd: '/tmp', out: "      5       5      10 n5\n      1       2       4 -\n      6       7      14 total\n" },
  { argv: ["wc", "-c"], stdin: "", files: F, cwd: '/tmp', out: "0\n" },
  { argv: ["wc", "nofile"], files: F, cwd: '/tmp', err: "wc: nofile: No such file or directory\n", status: 1 },
  { argv: ["wc", "nofile", "n5"], files: F, cwd: '/tmp', out: " 5  5 10 n5\n 5  5 10 total\n", err: "wc: nofile: No such file or directory\n", status: 1 },
  { argv: ["wc", "."], files: F, cwd: '/tmp', out: "      0       0       0 .\n", err: "wc: .: Is a directory\n", status: 1 },
  { argv: ["wc", "secret"], as: 'alice', files: F, cwd: '/tmp', err: "wc: secret: Permission denied\n", status: 1 },
  { argv: ["wc", "-x"], files: F, cwd: '/tmp', err: "wc: invalid option -- 'x'\nTry 'wc --help' for more information.\n", status: 1 },
  { argv: ["wc", "--bogus"], files: F, cwd: '/tmp', err: "wc: unrecognized option '--bogus'\nTry 'wc --help' for more information.\n", status: 1 },
]));

