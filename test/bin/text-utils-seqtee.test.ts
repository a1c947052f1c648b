/**
 * seq and tee: sequences, separators, widths and formats; copying to files, appending, and the errors of each. Expected outputs are GNU's (coreutils 9.1, grep 3.8, sed 4.9, findutils 4.9) in the C locale.
 */
import { describe } from 'vitest';
import { table, type Case } from './harness.js';

describe('seq', () => table([
  { argv: ["seq", "3"], out: "1\n2\n3\n" },
  { argv: ["seq", "2", "4"], out: "2\n3\n4\n" },
  { argv: ["seq", "1", "2", "7"], out: "1\n3\n5\n7\n" },
  { argv: ["seq", "5", "-2", "1"], out: "5\n3\n1\n" },
  { argv: ["seq", "-1", "1"], out: "-1\n0\n1\n" },
  { argv: ["seq", "-3", "-1"], out: "-3\n-2\n-1\n" },
  { argv: ["seq", "1", "0"] },
  { argv: ["seq", "1", "0.5", "3"], out: "1.0\n1.5\n2.0\n2.5\n3.0\n" },
  { argv: ["seq", "0.1", "0.1", "0.3"], out: "0.1\n0.2\n0.3\n" },
  { argv: ["seq", "1e2", "1e2"], out: "100\n" },
  { argv: ["seq", "2e0", "3"], out: "2\n3\n" },
  { argv: ["seq", "1", "1", "3.5"], out: "1\n2\n3\n" },
  { argv: ["seq", "10.00", "2"] },
  { argv: ["seq", "-s,", "5"], out: "1,2,3,4,5\n" },
  { argv: ["seq", "-s", "", "3"], out: "123\n" },
  { argv: ["seq", "-s", " - ", "1", "3"], out: "1 - 2 - 3\n" },
  { argv: ["seq", "-w", "8", "11"], out: "08\n09\n10\n11\n" },
  { argv: ["seq", "-w", "-1", "1"], out: "-1\n00\n01\n" },
  { argv: ["seq", "-w", "9.5", "10.5"], out: "09.5\n10.5\n" },
  { argv: ["seq", "-w", "1", "0.5", "2"], out: "1.0\n1.5\n2.0\n" },
  { argv: ["seq", "-f", "%03g", "3"], out: "001\n002\n003\n" },
  { argv: ["seq", "-f", "x%.2fy", "1", "2"], out: "x1.00y\nx2.00y\n" },
  { argv: ["seq", "-f", "%e", "1", "2"], out: "1.000000e+00\n2.000000e+00\n" },
  { argv: ["seq", "-f", "%g", "0.5", "0.25", "1"], out: "0.5\n0.75\n1\n" },
  { argv: ["seq", "-f", "%-4g|", "9", "10"], out: "9   |\n10  |\n" },
  { argv: ["seq", "-f", "%+G%%", "1"], out: "+1%\n" },
  { argv: ["seq", "-f", "%g", "1000000", "1000000"], out: "1e+06\n" },
  { argv: ["seq", "-f", "%10.3e", "12346", "12346"], out: " 1.235e+04\n" },
  { argv: ["seq", "-f", "%.3e", "12345", "12345"], out: "1.234e+04\n" },
  { argv: ["seq", "-f", "n%05.1f", "2.25", "4"], out: "n002.2\nn003.2\n" },
  { argv: ["seq", "-f", "%.0f", "0.5", "1", "3.5"], out: "0\n2\n2\n4\n" },
  { argv: ["seq", "18446744073709551615", "18446744073709551617"], out: "18446744073709551615\n18446744073709551616\n18446744073709551617\n" },
  { argv: ["seq"], err: "seq: missing operand\nTry 'seq --help' for more information.\n", status: 1 },
  { argv: ["seq", "x"], err: "seq: invalid floating point argument: 'x'\nTry 'seq --help' for more information.\n", status: 1 },
  { argv: ["seq", "1", "2", "3", "4"], err: "seq: extra operand '4'\nTry 'seq --help' for more information.\n", status: 1 },
  { argv: ["seq", "1", "0", "3"], err: "seq: invalid Zero increment value: '0'\nTry 'seq --help' for more information.\n", status: 1 },
  { argv: ["seq", "-f", "x", "1"], err: "seq: format 'x' has no % directive\n", status: 1 },
  { argv: ["seq", "-f", "%d", "1"], err: "seq: format '%d' has unknown %d directive\n", status: 1 },
  { argv: ["seq", "-f", "%g %g", "1"], err: "seq: format '%g %g' has too many % directives\n", status: 1 },
  { argv: ["seq", "-w", "-f", "%g", "1"], err: "seq: format string may not be specified when printing equal width strings\nTry 'seq --help' for more information.\n", status: 1 },
  { argv: ["seq", "-x"], err: "seq: invalid option -- 'x'\nTry 'seq --help' for more information.\n", status: 1 },
  { argv: ["seq", "--bogus"], err: "seq: unrecognized option '--bogus'\nTry 'seq --help' for more information.\n", status: 1 },
]));

const T: Case['files'] = [
  { path: "/tmp/old", content: "old\n" },
  { path: "/tmp/ro", content: "ro\n", mode: '0444' },
  { path: "/tmp/secret", content: "s\n", mode: '0600' },
];

describe('tee', () => table([
  { argv: ["tee"], stdin: "hello\n", files: T, cwd: '/tmp', out: "hello\n" },
  { argv: ["tee", "new"], stdin: "hello\n", files: T, cwd: '/tmp', out: "hello\n", after: {"/tmp/new": "file 0644 0:0 \"hello\\n\""} },
  { argv: ["tee", "old"], stdin: "x\n", files: T, cwd: '/tmp', out: "x\n", after: {"/tmp/old": "file 0644 0:0 \"x\\n\""} },
  { argv: ["tee", "-a", "old"], stdin: "x\n", files: T, cwd: '/tmp', out: "x\n", after: {"/tmp/old": "file 0644 0:0 \"old\\nx\\n\""} },
  { argv: ["tee", "f1", "f2"], stdin: "two\nlines", files: T, cwd: '/tmp', out: "two\nlines", after: {"/tmp/f1": "file 0644 0:0 \"two\\nlines\"", "/tmp/f2": "file 0644 0:0 \"two\\nlines\""} },
  { argv: ["tee", "--append", "old", "f2"], stdin: "y\n", files: T, cwd: '/tmp', out: "y\n", after: {"/tmp/old": "file 0644 0:0 \"old\\ny\\n\"", "/tmp/f2": "file 0644 0:0 \"y\\n\""} },
  { argv: ["tee", "-i", "f1"], stdin: "z\n", files: T, cwd: '/tmp', out: "z\n", after: {"/tmp/f1": "file 0644 0:0 \"z\\n\""} },
  { argv: ["tee", "-"], stdin: "dash\n", files: T, cwd: '/tmp', out: "dash\n", after: {"/tmp/-": "file 0644 0:0 \"dash\\n\""} },
  { argv: ["tee"], stdin: "", files: T, cwd: '/tmp' },
  { argv: ["tee", "/nodir/x", "f1"], stdin: "q\n", files: T, cwd: '/tmp', out: "q\n", err: "tee: /nodir/x: No such file or directory\n", status: 1, after: {"/tmp/f1": "file 0644 0:0 \"q\\n\""} },
  { argv: ["tee", "secret"], stdin: "q\n", as: 'alice', files: T, cwd: '/tmp', out: "q\n", err: "tee: secret: Permission denied\n", status: 1 },
  { argv: ["tee", "ro"], stdin: "q\n", as: 'alice', files: T, cwd: '/tmp', out: "q\n", err: "tee: ro: Permission denied\n", status: 1 },
  { argv: ["tee", "."], stdin: "q\n", files: T, cwd: '/tmp', out: "q\n", err: "tee: .: Is a directory\n", status: 1 },
  { argv: ["tee", "-x"], files: T, cwd: '/tmp', err: "tee: invalid option -- 'x'\nTry 'tee --help' for more information.\n", status: 1 },
  { argv: ["tee", "--bogus"], files: T, cwd: '/tmp', err: "tee: unrecognized option '--bogus'\nTry 'tee --help' for more information.\n", status: 1 },
]));

