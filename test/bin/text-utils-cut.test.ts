/**
 * cut: bytes, characters and fields, ranges, --complement, --output-delimiter, -s, and the errors of bad lists, options and files. Expected outputs are GNU's (coreutils 9.1, grep 3.8, sed 4.9, findutils 4.9) in the C locale.
 */
import { describe } from 'vitest';
import { table, type Case } from './harness.js';

const F: Case['files'] = [
  { path: "/tmp/csv", content: "a:b:c:d\n1:2:3:4\nnodelim\n" },
  { path: "/tmp/tab", content: "x\ty\tz\nlone\n" },
  { path: "/tmp/txt", content: "abcdefgh\n12345\n" },
  { path: "/tmp/secret", content: "x\n", mode: '0600' },
];

describe('cut', () => table([
  { argv: ["cut", "-b", "1-3", "txt"], files: F, cwd: '/tmp', out: "abc\n123\n" },
  { argv: ["cut", "-c", "2,4", "txt"], files: F, cwd: '/tmp', out: "bd\n24\n" },
  { argv: ["cut", "-b", "3-", "txt"], files: F, cwd: '/tmp', out: "cdefgh\n345\n" },
  { argv: ["cut", "-b", "-2", "txt"], files: F, cwd: '/tmp', out: "ab\n12\n" },
  { argv: ["cut", "-b", "2-3,1-2", "txt"], files: F, cwd: '/tmp', out: "abc\n123\n" },
  { argv: ["cut", "-b", "7,1", "txt"], files: F, cwd: '/tmp', out: "ag\n1\n" },
  { argv: ["cut", "-b", "1-2,4", "--output-delimiter=_", "txt"], files: F, cwd: '/tmp', out: "ab_d\n12_4\n" },
  { argv: ["cut", "-b", "1-2,3", "--output-delimiter=_", "txt"], files: F, cwd: '/tmp', out: "ab_c\n12_3\n" },
  { argv: ["cut", "--complement", "-b", "2-3", "txt"], files: F, cwd: '/tmp', out: "adefgh\n145\n" },
  { argv: ["cut", "-d:", "-f2", "csv"], files: F, cwd: '/tmp', out: "b\n2\nnodelim\n" },
  { argv: ["cut", "-d", ":", "-f", "1,3-", "csv"], files: F, cwd: '/tmp', out: "a:c:d\n1:3:4\nnodelim\n" },
  { argv: ["cut", "-d:", "-f", "3,1", "csv"], files: F, cwd: '/tmp', out: "a:c\n1:3\nnodelim\n" },
  { argv: ["cut", "-d:", "-s", "-f2", "csv"], files: F, cwd: '/tmp', out: "b\n2\n" },
  { argv: ["cut", "-d:", "-f2-", "--output-delimiter=|", "csv"], files: F, cwd: '/tmp', out: "b|c|d\n2|3|4\nnodelim\n" },
  { argv: ["cut", "-d:", "--complement", "-f2", "csv"], files: F, cwd: '/tmp', out: "a:c:d\n1:3:4\nnodelim\n" },
  { argv: ["cut", "-f2", "tab"], files: F, cwd: '/tmp', out: "y\nlone\n" },
  { argv: ["cut", "-f", "1 3", "tab"], files: F, cwd: '/tmp', out: "x\tz\nlone\n" },
  { argv: ["cut", "-d:", "-f5", "csv"], files: F, cwd: '/tmp', out: "\n\nnodelim\n" },
  { argv: ["cut", "-c1"], stdin: "hello\nworld", files: F, cwd: '/tmp', out: "h\nw\n" },
  { argv: ["cut", "-z", "-c1"], stdin: "ab\u0000cd\u0000", files: F, cwd: '/tmp', out: "a\u0000c\u0000" },
  { argv: ["cut", "-d", " ", "-f2", "-", "txt"], stdin: "a b c\n", files: F, cwd: '/tmp', out: "b\nabcdefgh\n12345\n" },
  { argv: ["cut", "-b1", "nofile", "txt"], files: F, cwd: '/tmp', out: "a\n1\n", err: "cut: nofile: No such file or directory\n", status: 1 },
  { argv: ["cut", "-b1", "."], files: F, cwd: '/tmp', err: "cut: .: Is a directory\n", status: 1 },
  { argv: ["cut", "-b1", "secret"], as: 'alice', files: F, cwd: '/tmp', err: "cut: secret: Permission denied\n", status: 1 },
  { argv: ["cut"], files: F, cwd: '/tmp', err: "cut: you must specify a list of bytes, characters, or fields\nTry 'cut --help' for more information.\n", status: 1 },
  { argv: ["cut", "-x"], files: F, cwd: '/tmp', err: "cut: invalid option -- 'x'\nTry 'cut --help' for more information.\n", status: 1 },
  { argv: ["cut", "-b", "0", "txt"], files: F, cwd: '/tmp', err: "cut: byte/character positions are numbered from 1\nTry 'cut --help' for more information.\n", status: 1 },
  { argv: ["cut", "-f", "0", "txt"], files: F, cwd: '/tmp', err: "cut: fields are numbered from 1\nTry 'cut --help' for more information.\n", status: 1 },
  { argv: ["cut", "-b", "x", "txt"], files: F, cwd: '/tmp', err: "cut: invalid byte/character position 'x'\nTry 'cut --help' for more information.\n", status: 1 },
  { argv: ["cut", "-f", "x", "txt"], files: F, cwd: '/tmp', err: "cut: invalid field value 'x'\nTry 'cut --help' for more information.\n", status: 1 },
  { argv: ["cut", "-b", "3-1", "txt"], files: F, cwd: '/tmp', err: "cut: invalid decreasing range\nTry 'cut --help' for more information.\n", status: 1 },
  { argv: ["cut", "-b", "1-2-3", "txt"], files: F, cwd: '/tmp', err: "cut: invalid byte or character range\nTry 'cut --help' for more information.\n", status: 1 },
  { argv: ["cut", "-f", "1-2-3", "txt"], files: F, cwd: '/tmp', err: "cut: invalid field range\nTry 'cut --help' for more information.\n", status: 1 },
  { argv: ["cut", "-b", "-", "txt"], files: F, cwd: '/tmp', err: "cut: invalid range with no endpoint: -\nTry 'cut --help' for more information.\n", status: 1 },
  { argv: ["cut", "-b", "1-x", "txt"], files: F, cwd: '/tmp', err: "cut: invalid byte/character position 'x'\nTry 'cut --help' for more information.\n", status: 1 },
  { argv: ["cut", "-b", ",", "txt"], files: F, cwd: '/tmp', err: "cut: byte/character positions are numbered from 1\nTry 'cut --help' for more information.\n", status: 1 },
  { argv: ["cut", "-d", "ab", "-f1", "txt"], files: F, cwd: '/tmp', err: "cut: the delimiter must be a single character\nTry 'cut --help' for more information.\n", status: 1 },
  { argv: ["cut", "-b1", "-f1", "txt"], files: F, cwd: '/tmp', err: "cut: only one list may be specified\nTry 'cut --help' for more information.\n", status: 1 },
  { argv: ["cut", "-d:", "-b1", "txt"], files: F, cwd: '/tmp', err: "cut: an input delimiter may be specified only when operating on fields\nTry 'cut --help' for more information.\n", status: 1 },
  { argv: ["cut", "-s", "-b1", "txt"], files: F, cwd: '/tmp', err: "cut: suppressing non-delimited lines makes sense\n\tonly when operating on fields\nTry 'cut --help' for more information.\n", status: 1 },
]));

