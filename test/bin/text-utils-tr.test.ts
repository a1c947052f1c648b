/**
 * tr: translation with ranges, classes, escapes and repeats; -c -d -s -t; and the messages of bad sets and operands. Expected outputs are GNU's (coreutils 9.1, grep 3.8, sed 4.9, findutils 4.9) in the C locale.
 */
import { describe } from 'vitest';
import { table } from './harness.js';

describe('tr', () => table([
  { argv: ["tr", "a-z", "A-Z"], stdin: "Hello World\n", out: "HELLO WORLD\n" },
  { argv: ["tr", "[:lower:]", "[:upper:]"], stdin: "Hello World\n", out: "HELLO WORLD\n" },
  { argv: ["tr", "[:upper:]", "[:lower:]"], stdin: "Hello World\n", out: "hello world\n" },
  { argv: ["tr", "a-y", "b-z"], stdin: "hello\n", out: "ifmmp\n" },
  { argv: ["tr", "el", "x"], stdin: "hello\n", out: "hxxxo\n" },
  { argv: ["tr", "-t", "elo", "x"], stdin: "hello\n", out: "hxllo\n" },
  { argv: ["tr", ".", "\\n"], stdin: "a.b.c", out: "a\nb\nc" },
  { argv: ["tr", "abc", "[x*]"], stdin: "abcd\n", out: "xxxd\n" },
  { argv: ["tr", "abcd", "x[y*2]z"], stdin: "abcd\n", out: "xyyz\n" },
  { argv: ["tr", "a-", "xy"], stdin: "a-b\n", out: "xyb\n" },
  { argv: ["tr", "[:space:]", "_"], stdin: "tab\tx y\n", out: "tab_x_y_" },
  { argv: ["tr", "[=a=]", "x"], stdin: "abc\n", out: "xbc\n" },
  { argv: ["tr", "\\101\\n", "b_"], stdin: "AA\nA\n", out: "bb_b_" },
  { argv: ["tr", "-c", "a-z", "*"], stdin: "hello world\n", out: "hello*world*" },
  { argv: ["tr", "-cd", "l\\n"], stdin: "hello\n", out: "ll\n" },
  { argv: ["tr", "-d", "lo"], stdin: "hello world\n", out: "he wrd\n" },
  { argv: ["tr", "-d", "[:digit:]"], stdin: "a1b22c333\n", out: "abc\n" },
  { argv: ["tr", "-s", "a-c "], stdin: "aabbcc  dd\n", out: "abc dd\n" },
  { argv: ["tr", "-s", "l"], stdin: "hello\n", out: "helo\n" },
  { argv: ["tr", "-s", "a", "b"], stdin: "aaxxbb\n", out: "bxxb\n" },
  { argv: ["tr", "-ds", "a", "b"], stdin: "abbaab\n", out: "b\n" },
  { argv: ["tr", "-s", "\\n"], stdin: "a\n\n\nb\n", out: "a\nb\n" },
  { argv: ["tr", "ab", "x\\\\"], stdin: "abc\n", out: "x\\c\n" },
  { argv: ["tr", "a\\", "xy"], stdin: "a\\b\n", out: "xyb\n", err: "tr: warning: an unescaped backslash at end of string is not portable\n" },
  { argv: ["tr", "[:alpha:]", "[x*]"], stdin: "ab1\n", out: "xx1\n" },
  { argv: ["tr", "a-c", "[x*2]"], stdin: "abc\n", out: "xxx\n" },
  { argv: ["tr"], stdin: "", err: "tr: missing operand\nTry 'tr --help' for more information.\n", status: 1 },
  { argv: ["tr", "abc"], stdin: "", err: "tr: missing operand after 'abc'\nTwo strings must be given when translating.\nTry 'tr --help' for more information.\n", status: 1 },
  { argv: ["tr", "-d"], stdin: "", err: "tr: missing operand\nTry 'tr --help' for more information.\n", status: 1 },
  { argv: ["tr", "-d", "a", "b"], stdin: "", err: "tr: extra operand 'b'\nOnly one string may be given when deleting without squeezing repeats.\nTry 'tr --help' for more information.\n", status: 1 },
  { argv: ["tr", "-ds", "a"], stdin: "", err: "tr: missing operand after 'a'\nTwo strings must be given when both deleting and squeezing repeats.\nTry 'tr --help' for more information.\n", status: 1 },
  { argv: ["tr", "a", "b", "c"], stdin: "", err: "tr: extra operand 'c'\nTry 'tr --help' for more information.\n", status: 1 },
  { argv: ["tr", "z-a", "x"], stdin: "", err: "tr: range-endpoints of 'z-a' are in reverse collating sequence order\n", status: 1 },
  { argv: ["tr", "a", "[:alpha:]"], stdin: "", err: "tr: when translating, the only character classes that may appear in\nstring2 are 'upper' and 'lower'\n", status: 1 },
  { argv: ["tr", "[a*]", "x"], stdin: "", err: "tr: the [c*] repeat construct may not appear in string1\n", status: 1 },
  { argv: ["tr", "a", ""], stdin: "a\n", err: "tr: when not truncating set1, string2 must be non-empty\n", status: 1 },
  { argv: ["tr", "-x"], stdin: "", err: "tr: invalid option -- 'x'\nTry 'tr --help' for more information.\n", status: 1 },
  { argv: ["tr", "--bogus"], stdin: "", err: "tr: unrecognized option '--bogus'\nTry 'tr --help' for more information.\n", status: 1 },
]));

