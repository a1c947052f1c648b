/**
 * xargs: input formats, -n -L -I -s -E -r -t -0 -d, and the exit statuses of commands that fail, are missing or cannot run. Expected outputs are GNU's (coreutils 9.1, grep 3.8, sed 4.9, findutils 4.9) in the C locale.
 */
import { describe } from 'vitest';
import { table, type Case } from './harness.js';

const F: Case['files'] = [
  { path: "/tmp/noexec", content: "#!/bin/sh\necho hi\n" },
];

describe('xargs', () => table([
  { argv: ["xargs"], stdin: "a b\nc\n", files: F, cwd: '/tmp', out: "a b c\n" },
  { argv: ["xargs", "echo", "x"], stdin: "a b\nc", files: F, cwd: '/tmp', out: "x a b c\n" },
  { argv: ["xargs", "-t", "echo", "x"], stdin: "a b\nc", files: F, cwd: '/tmp', out: "x a b c\n", err: "echo x a b c\n" },
  { argv: ["xargs", "echo", "x"], stdin: "", files: F, cwd: '/tmp', out: "x\n" },
  { argv: ["xargs", "-r", "echo", "x"], stdin: "", files: F, cwd: '/tmp' },
  { argv: ["xargs", "-r", "echo", "x"], stdin: " \n\n", files: F, cwd: '/tmp' },
  { argv: ["xargs", "-n1", "echo"], stdin: "'a b' \"c d\" e\\ f\n", files: F, cwd: '/tmp', out: "a b\nc d\ne f\n" },
  { argv: ["xargs", "-n", "2", "echo", "-"], stdin: "1 2 3 4 5\n", files: F, cwd: '/tmp', out: "- 1 2\n- 3 4\n- 5\n" },
  { argv: ["xargs", "-I{}", "echo", "[{}]"], stdin: "  a b  \n c\n", files: F, cwd: '/tmp', out: "[a b  ]\n[c]\n" },
  { argv: ["xargs", "-I", "X", "echo", "X", "X"], stdin: "a\nb\n", files: F, cwd: '/tmp', out: "a a\nb b\n" },
  { argv: ["xargs", "-L2", "echo"], stdin: "a b\nc d\ne\n", files: F, cwd: '/tmp', out: "a b c d\ne\n" },
  { argv: ["xargs", "-L1", "echo"], stdin: "a \nb\nc\n", files: F, cwd: '/tmp', out: "a b\nc\n" },
  { argv: ["xargs", "-0", "-n1", "echo"], stdin: "a\u0000b c\u0000", files: F, cwd: '/tmp', out: "a\nb c\n" },
  { argv: ["xargs", "-n1", "-L1", "echo"], stdin: "a b\nc\n", files: F, cwd: '/tmp', out: "a b\nc\n", err: "xargs: warning: options --max-args and -L are mutually exclusive, ignoring previous --max-args value\n" },
  { argv: ["xargs", "-L1", "-n1", "echo"], stdin: "a b\nc\n", files: F, cwd: '/tmp', out: "a\nb\nc\n", err: "xargs: warning: options --max-lines and --max-args/-n are mutually exclusive, ignoring previous --max-lines value\n" },
  { argv: ["xargs", "-n1", "-I{}", "echo", "{}"], stdin: "a b\nc\n", files: F, cwd: '/tmp', out: "a b\nc\n", err: "xargs: warning: options --max-args and --replace/-I/-i are mutually exclusive, ignoring previous --max-args value\n" },
  { argv: ["xargs", "-d:", "-n2", "echo"], stdin: "a:b:c", files: F, cwd: '/tmp', out: "a b\nc\n" },
  { argv: ["xargs", "-d", "\\n", "echo"], stdin: "a b\nc\n", files: F, cwd: '/tmp', out: "a b c\n" },
  { argv: ["xargs", "-E", "stop", "echo"], stdin: "a b stop c\n", files: F, cwd: '/tmp', out: "a b\n" },
  { argv: ["xargs", "-s", "12", "echo"], stdin: "abc def", files: F, cwd: '/tmp', out: "abc\ndef\n" },
  { argv: ["xargs", "-s", "5", "echo"], stdin: "a", files: F, cwd: '/tmp', err: "xargs: argument line too long\n", status: 1 },
  { argv: ["xargs", "true"], stdin: "a\n", files: F, cwd: '/tmp' },
  { argv: ["xargs", "false"], stdin: "a\n", files: F, cwd: '/tmp', status: 123 },
  { argv: ["xargs", "-n1", "false"], stdin: "a b\n", files: F, cwd: '/tmp', status: 123 },
  { argv: ["xargs", "sh", "-c", "exit 255"], stdin: "a\n", files: F, cwd: '/tmp', err: "xargs: sh: exited with status 255; aborting\n", status: 124 },
  { argv: ["xargs", "-n1", "sh", "-c", "echo $0; exit 3"], stdin: "a b\n", files: F, cwd: '/tmp', out: "a\nb\n", status: 123 },
  { argv: ["xargs", "sh", "-c", "kill -9 $$"], stdin: "a\n", files: F, cwd: '/tmp', err: "xargs: sh: terminated by signal 9\n", status: 125 },
  { argv: ["xargs", "nosuchcmd"], stdin: "a\n", files: F, cwd: '/tmp', err: "xargs: nosuchcmd: No such file or directory\n", status: 127 },
  { argv: ["xargs", "./noexec"], stdin: "a\n", files: F, cwd: '/tmp', err: "xargs: ./noexec: Permission denied\n", status: 126 },
  { argv: ["xargs", "/etc"], stdin: "a\n", files: F, cwd: '/tmp', err: "xargs: /etc: Permission denied\n", status: 126 },
  { argv: ["xargs", "echo"], stdin: "it's\n", files: F, cwd: '/tmp', err: "xargs: unmatched single quote; by default quotes are special to xargs unless you use the -0 option\n", status: 1 },
  { argv: ["xargs", "echo"], stdin: "say \"hi\n", files: F, cwd: '/tmp', out: "say\n", err: "xargs: unmatched double quote; by default quotes are special to xargs unless you use the -0 option\n", status: 1 },
  { argv: ["xargs", "-n", "0", "echo"], stdin: "1", files: F, cwd: '/tmp', err: "xargs: value 0 for -n option should be >= 1\nTry 'xargs --help' for more information.\n", status: 1 },
  { argv: ["xargs", "-n", "x", "echo"], stdin: "1", files: F, cwd: '/tmp', err: "xargs: invalid number \"x\" for -n option\nTry 'xargs --help' for more information.\n", status: 1 },
  { argv: ["xargs", "-I"], stdin: "1", files: F, cwd: '/tmp', err: "xargs: option requires an argument -- 'I'\nTry 'xargs --help' for more information.\n", status: 1 },
  { argv: ["xargs", "-j"], stdin: "1", files: F, cwd: '/tmp', err: "xargs: invalid option -- 'j'\nTry 'xargs --help' for more information.\n", status: 1 },
  { argv: ["xargs", "--bogus"], stdin: "1", files: F, cwd: '/tmp', err: "xargs: unrecognized option '--bogus'\nTry 'xargs --help' for more information.\n", status: 1 },
]));

