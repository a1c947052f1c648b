/**
 * uniq: grouping, counts, -d -D -u, skipping fields and bytes, and errors. Expected outputs are GNU's (coreutils 9.1, grep 3.8, sed 4.9, findutils 4.9) in the C locale.
 */
import { describe } from 'vitest';
import { table, type Case } from './harness.js';

const F: Case['files'] = [
  { path: "/tmp/dup", content: "a\na\nb\nc\nc\nc\na\n" },
  { path: "/tmp/case", content: "x\nX\ny" },
  { path: "/tmp/fld", content: "x a 1\ny a 2\nz b 3\n" },
  { path: "/tmp/secret", content: "x\n", mode: '0600' },
];

describe('uniq', () => table([
  { argv: ["uniq", "dup"], files: F, cwd: '/tmp', out: "a\nb\nc\na\n" },
  { argv: ["uniq", "-c", "dup"], files: F, cwd: '/tmp', out: "      2 a\n      1 b\n      3 c\n      1 a\n" },
  { argv: ["uniq", "-d", "dup"], files: F, cwd: '/tmp', out: "a\nc\n" },
  { argv: ["uniq", "-u", "dup"], files: F, cwd: '/tmp', out: "b\na\n" },
  { argv: ["uniq", "-D", "dup"], files: F, cwd: '/tmp', out: "a\na\nc\nc\nc\n" },
  { argv: ["uniq", "-cd", "dup"], files: F, cwd: '/tmp', out: "      2 a\n      3 c\n" },
  { argv: ["uniq", "-du", "dup"], files: F, cwd: '/tmp' },
  { argv: ["uniq", "-u", "-D", "dup"], files: F, cwd: '/tmp', out: "a\nc\nc\n" },
  { argv: ["uniq", "case"], files: F, cwd: '/tmp', out: "x\nX\ny\n" },
  { argv: ["uniq", "-i", "-c", "case"], files: F, cwd: '/tmp', out: "      2 x\n      1 y\n" },
  { argv: ["uniq", "-f", "1", "fld"], files: F, cwd: '/tmp', out: "x a 1\ny a 2\nz b 3\n" },
  { argv: ["uniq", "-f1", "-c", "fld"], files: F, cwd: '/tmp', out: "      1 x a 1\n      1 y a 2\n      1 z b 3\n" },
  { argv: ["uniq", "-s", "2", "-c", "fld"], files: F, cwd: '/tmp', out: "      1 x a 1\n      1 y a 2\n      1 z b 3\n" },
  { argv: ["uniq", "-w", "1", "-c", "dup"], files: F, cwd: '/tmp', out: "      2 a\n      1 b\n      3 c\n      1 a\n" },
  { argv: ["uniq", "-f", "2", "fld"], files: F, cwd: '/tmp', out: "x a 1\ny a 2\nz b 3\n" },
  { argv: ["uniq", "--skip-chars=4", "fld"], files: F, cwd: '/tmp', out: "x a 1\ny a 2\nz b 3\n" },
  { argv: ["uniq"], stdin: "q\nq\nr\n", files: F, cwd: '/tmp', out: "q\nr\n" },
  { argv: ["uniq", "-z", "-c"], stdin: "a\u0000a\u0000b\u0000", files: F, cwd: '/tmp', out: "      2 a\u0000      1 b\u0000" },
  { argv: ["uniq", "-", "out"], stdin: "q\nq\n", files: F, cwd: '/tmp', after: {"/tmp/out": "file 0644 0:0 \"q\\n\""} },
  { argv: ["uniq", "nofile"], files: F, cwd: '/tmp', err: "uniq: nofile: No such file or directory\n", status: 1 },
  { argv: ["uniq", "."], files: F, cwd: '/tmp', err: "uniq: error reading '.'\n", status: 1 },
  { argv: ["uniq", "secret"], as: 'alice', files: F, cwd: '/tmp', err: "uniq: secret: Permission denied\n", status: 1 },
  { argv: ["uniq", "dup", "/nodir/out"], files: F, cwd: '/tmp', err: "uniq: /nodir/out: No such file or directory\n", status: 1 },
  { argv: ["uniq", "a", "b", "c"], files: F, cwd: '/tmp', err: "uniq: extra operand 'c'\nTry 'uniq --help' for more information.\n", status: 1 },
  { argv: ["uniq", "-f", "x", "dup"], files: F, cwd: '/tmp', err: "uniq: x: invalid number of fields to skip\n", status: 1 },
  { argv: ["uniq", "-s", "-1", "dup"], files: F, cwd: '/tmp', err: "uniq: -1: invalid number of bytes to skip\n", status: 1 },
  { argv: ["uniq", "-w", "x", "dup"], files: F, cwd: '/tmp', err: "uniq: x: invalid number of bytes to compare\n", status: 1 },
  { argv: ["uniq", "-cD", "dup"], files: F, cwd: '/tmp', err: "uniq: printing all duplicated lines and repeat counts is meaningless\nTry 'uniq --help' for more information.\n", status: 1 },
  { argv: ["uniq", "-x"], files: F, cwd: '/tmp', err: "uniq: invalid option -- 'x'\nTry 'uniq --help' for more information.\n", status: 1 },
  { argv: ["uniq", "--bogus"], files: F, cwd: '/tmp', err: "uniq: unrecognized option '--bogus'\nTry 'uniq --help' for more information.\n", status: 1 },
]));

