/**
 * head and tail: counts of lines and bytes, all-but and from-start forms, headers, NUL-ended
 * lines, and their errors. Expected outputs are GNU coreutils 9.1's in the C locale.
 */
import { describe } from 'vitest';
import { table, type Case } from './harness.js';

const F: Case['files'] = [
  { path: "/tmp/n5", content: "1\n2\n3\n4\n5\n" },
  { path: "/tmp/ny", content: "x\ny" },
  { path: "/tmp/n12", content: "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n" },
  { path: "/tmp/z", content: "a\u0000b\u0000c\u0000" },
  { path: "/tmp/secret", content: "x\n", mode: '0600' },
];

describe('head', () => table([
  { argv: ["head", "n12"], files: F, cwd: '/tmp', out: "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n" },
  { argv: ["head", "-n", "2", "n5", "ny"], files: F, cwd: '/tmp', out: "==> n5 <==\n1\n2\n\n==> ny <==\nx\ny" },
  { argv: ["head", "-n", "-2", "n5"], files: F, cwd: '/tmp', out: "1\n2\n3\n" },
  { argv: ["head", "-n-4", "ny"], files: F, cwd: '/tmp' },
  { argv: ["head", "-c", "3", "n5"], files: F, cwd: '/tmp', out: "1\n2" },
  { argv: ["head", "-c", "-3", "ny"], files: F, cwd: '/tmp' },
  { argv: ["head", "-c", "-10", "ny"], files: F, cwd: '/tmp' },
  { argv: ["head", "-v", "-n1", "n5"], files: F, cwd: '/tmp', out: "==> n5 <==\n1\n" },
  { argv: ["head", "-q", "-n1", "n5", "ny"], files: F, cwd: '/tmp', out: "1\nx\n" },
  { argv: ["head", "-2", "n5"], files: F, cwd: '/tmp', out: "1\n2\n" },
  { argv: ["head", "-3c", "n5"], files: F, cwd: '/tmp', out: "1\n2" },
  { argv: ["head", "--lines=1", "n5"], files: F, cwd: '/tmp', out: "1\n" },
  { argv: ["head", "-n", "0", "n5"], files: F, cwd: '/tmp' },
  { argv: ["head", "-c", "1k", "n5"], files: F, cwd: '/tmp', out: "1\n2\n3\n4\n5\n" },
  { argv: ["head", "-z", "-n", "2", "z"], files: F, cwd: '/tmp', out: "a\u0000b\u0000" },
  { argv: ["head", "-n", "1", "-", "n5"], stdin: "in1\nin2\n", files: F, cwd: '/tmp', out: "==> standard input <==\nin1\n\n==> n5 <==\n1\n" },
  { argv: ["head", "-n", "3"], stdin: "a\nb\nc\nd\n", files: F, cwd: '/tmp', out: "a\nb\nc\n" },
  { argv: ["head", "-n", "x", "n5"], files: F, cwd: '/tmp', err: "head: invalid number of lines: 'x'\n", status: 1 },
  { argv: ["head", "-n", "-x", "n5"], files: F, cwd: '/tmp', err: "head: invalid number of lines: 'x'\n", status: 1 },
  { argv: ["head", "-c", "", "n5"], files: F, cwd: '/tmp', err: "head: invalid number of bytes: ''\n", status: 1 },
  { argv: ["head", "-c", "2Q", "n5"], files: F, cwd: '/tmp', err: "head: invalid number of bytes: '2Q'\n", status: 1 },
  { argv: ["head", "nofile", "n5"], files: F, cwd: '/tmp', out: "==> n5 <==\n1\n2\n3\n4\n5\n", err: "head: cannot open 'nofile' for reading: No such file or directory\n", status: 1 },
  { argv: ["head", "."], files: F, cwd: '/tmp', err: "head: error reading '.': Is a directory\n", status: 1 },
  { argv: ["head", "secret"], as: 'alice', files: F, cwd: '/tmp', err: "head: cannot open 'secret' for reading: Permission denied\n", status: 1 },
  { argv: ["head", "-x"], files: F, cwd: '/tmp', err: "head: invalid option -- 'x'\nTry 'head --help' for more information.\n", status: 1 },
  { argv: ["head", "--bogus"], files: F, cwd: '/tmp', err: "head: unrecognized option '--bogus'\nTry 'head --help' for more information.\n", status: 1 },
  { argv: ["head", "-n"], files: F, cwd: '/tmp', err: "head: option requires an argument -- 'n'\nTry 'head --help' for more information.\n", status: 1 },
]));

describe('tail', () => table([
  { argv: ["tail", "n12"], files: F, cwd: '/tmp', out: "3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n" },
  { argv: ["tail", "-n", "2", "n5", "ny"], files: F, cwd: '/tmp', out: "==> n5 <==\n4\n5\n\n==> ny <==\nx\ny" },
  { argv: ["tail", "-n", "+2", "n5"], files: F, cwd: '/tmp', out: "2\n3\n4\n5\n" },
  { argv: ["tail", "-n", "+0", "ny"], files: F, cwd: '/tmp', out: "x\ny" },
  { argv: ["tail", "-n", "-1", "ny"], files: F, cwd: '/tmp', out: "y" },
  { argv: ["tail", "-c", "3", "n5"], files: F, cwd: '/tmp', out: "\n5\n" },
  { argv: ["tail", "-c", "+3", "ny"], files: F, cwd: '/tmp', out: "y" },
  { argv: ["tail", "-c", "10", "ny"], files: F, cwd: '/tmp', out: "x\ny" },
  { argv: ["tail", "-v", "-n1", "n5"], files: F, cwd: '/tmp', out: "==> n5 <==\n5\n" },
  { argv: ["tail", "-q", "-n1", "n5", "ny"], files: F, cwd: '/tmp', out: "5\ny" },
  { argv: ["tail", "-2", "n5"], files: F, cwd: '/tmp', out: "4\n5\n" },
  { argv: ["tail", "+4", "n5"], files: F, cwd: '/tmp', out: "4\n5\n" },
  { argv: ["tail", "-3c", "n5"], files: F, cwd: '/tmp', out: "\n5\n" },
  { argv: ["tail", "--lines=1", "n5"], files: F, cwd: '/tmp', out: "5\n" },
  { argv: ["tail", "-n", "0", "n5"], files: F, cwd: '/tmp' },
  { argv: ["tail", "-n", "100", "n5"], files: F, cwd: '/tmp', out: "1\n2\n3\n4\n5\n" },
  { argv: ["tail", "-z", "-n", "2", "z"], files: F, cwd: '/tmp', out: "b\u0000c\u0000" },
  { argv: ["tail", "-n", "1", "-", "n5"], stdin: "in1\nin2\n", files: F, cwd: '/tmp', out: "==> standard input <==\nin2\n\n==> n5 <==\n5\n" },
  { argv: ["tail", "-n", "+3"], stdin: "a\nb\nc\nd\n", files: F, cwd: '/tmp', out: "c\nd\n" },
  { argv: ["tail", "-n", "2"], stdin: "a\n\n\n", files: F, cwd: '/tmp', out: "\n\n" },
  { argv: ["tail", "-n", "x", "n5"], files: F, cwd: '/tmp', err: "tail: invalid number of lines: 'x'\n", status: 1 },
  { argv: ["tail", "-c", "", "n5"], files: F, cwd: '/tmp', err: "tail: invalid number of bytes: ''\n", status: 1 },
  { argv: ["tail", "nofile", "n5"], files: F, cwd: '/tmp', out: "==> n5 <==\n1\n2\n3\n4\n5\n", err: "tail: cannot open 'nofile' for reading: No such file or directory\n", status: 1 },
  { argv: ["tail", "."], files: F, cwd: '/tmp', err: "tail: error reading '.': Is a directory\n", status: 1 },
  { argv: ["tail", "secret"], as: 'alice', files: F, cwd: '/tmp', err: "tail: cannot open 'secret' for reading: Permission denied\n", status: 1 },
  { argv: ["tail", "-x"], files: F, cwd: '/tmp', err: "tail: invalid option -- 'x'\nTry 'tail --help' for more information.\n", status: 1 },
  { argv: ["tail", "--bogus"], files: F, cwd: '/tmp', err: "tail: unrecognized option '--bogus'\nTry 'tail --help' for more information.\n", status: 1 },
  { argv: ["tail", "-c"], files: F, cwd: '/tmp', err: "tail: option requires an argument -- 'c'\nTry 'tail --help' for more information.\n", status: 1 },
]));
