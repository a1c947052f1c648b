/**
 * The shell parser as tables: source → the tree it parses to (rendered by show.ts), and source →
 * the syntax error (dash's wording), its line and whether the input merely ended too soon (the
 * `incomplete` flag an interactive shell continues on with PS2).
 */
import { describe, expect, it } from 'vitest';
import { parse } from '../../src/shell/parser.js';
import { ParseError } from '../../src/shell/lexer.js';
import { list } from './show.js';

const TREES: readonly (readonly [string, string])[] = [
  ['echo a b', '(echo a b)'],
  ['a=1 b=2 cmd x', '(a=1 b=2 cmd x)'],
  ['x=1', '(x=1)'],
  ["echo 'a b' \"c $d\" \\e", `(echo 'a b' "c \${d}" \\e)`],
  ['echo ${x:-a b} ${#y} ${z#*.} ${w%%x} ${v?oops} ${u+set} ${t=def}', '(echo ${x:-a b} ${#y} ${z#*.} ${w%%x} ${v?oops} ${u+set} ${t=def})'],
  ['echo $1 $@ $* $# $? $$ $! $- $0 ${10}', '(echo ${1} ${@} ${*} ${#} ${?} ${$} ${!} ${-} ${0} ${10})'],
  ['echo $(ls -l) `pwd` $((1 + $x))', '(echo $((ls -l)) $((pwd)) $((1 + ${x})))'],
  ['echo $( (a) )', '(echo $((sub (a))))'],
  ['echo a$', '(echo a$)'],
  ['a && b || c', '(a) && (b) || (c)'],
  ['a | b | c &', '(a) | (b) | (c) &'],
  ['! a | b; c', '! (a) | (b); (c)'],
  ['a &\nb', '(a) &; (b)'],
  ['{ a; b; }', '{(a); (b)}'],
  ['(a; b) > f', '(sub (a); (b)) >f'],
  ['if a; then b; elif c; then d; else e; fi', '(if (a) then (b) elif (c) then (d) else (e))'],
  ['while a; do b; done', '(while (a) do (b))'],
  ['until a\ndo\nb\ndone', '(until (a) do (b))'],
  ['for i in 1 2; do echo $i; done', '(for i in 1 2 do (echo ${i}))'],
  ['for i; do :; done', '(for i do (:))'],
  ['for i\ndo :; done', '(for i do (:))'],
  ['case $x in a|b) one;; (c) two;; *) ;; esac', '(case ${x} a|b) (one) ;; c) (two) ;; *) )'],
  ['case x in\n  x) echo\nesac', '(case x x) (echo))'],
  ['f() { echo; }', '(func f {(echo)})'],
  ['f() (echo) >o', '(func f (sub (echo)) >o)'],
  ['cmd 2>&1 >f <in 3<>rw 4>>a 5>|c <&- 0<&3', '(cmd 2>&1 >f <in 3<>rw 4>>a 5>|c <&- 0<&3)'],
  ['cat <<E\nhi $x\nE\n', '(cat <<E["hi ${x}\\n"])'],
  ["cat <<'E'\nhi $x\nE\n", `(cat <<'E'[q"hi $x\\n"])`],
  ['cat <<-E\n\t\tindented\n\tE\n', '(cat <<-E["indented\\n"])'],
  ['cat <<A <<B\na\nA\nb\nB\n', '(cat <<A["a\\n"] <<B["b\\n"])'],
  ['echo "a\\"b\\$c\\d"', '(echo "a\\"b\\$c\\d")'],
  ['echo a\\\nb', '(echo ab)'],
  ['echo # comment\necho', '(echo); (echo)'],
  ['echo \'#\' a#b', "(echo '#' a#b)"],
  ['echo if then', '(echo if then)'],
  ['"if" x', '("if" x)'],
  ['echo ${x:-"a b"} "${y#"p"}"', '(echo ${x:-"a b"} "${y#"p"}")'],
  ['echo ${x!}', '(echo ${BAD})'],
];

const ERRORS: readonly (readonly [string, string, number, boolean])[] = [
  ['if true; then', 'Syntax error: end of file unexpected (expecting "fi")', 1, true],
  ['fi', 'Syntax error: "fi" unexpected', 1, false],
  ['(echo', 'Syntax error: end of file unexpected (expecting ")")', 1, true],
  ['echo (', 'Syntax error: end of file unexpected (expecting ")")', 1, true],
  ['for x in a b; echo', 'Syntax error: word unexpected (expecting "do")', 1, false],
  ['echo "abc', 'Syntax error: Unterminated quoted string', 1, true],
  ["echo 'abc", 'Syntax error: Unterminated quoted string', 1, true],
  ['echo ${x', "Syntax error: Missing '}'", 1, true],
  ['echo `ls', 'Syntax error: EOF in backquote substitution', 1, true],
  ['echo $((1 + 2', "Syntax error: Missing '))'", 1, true],
  ['echo a |', 'Syntax error: end of file unexpected', 1, true],
  ['echo a &&', 'Syntax error: end of file unexpected', 1, true],
  [';', 'Syntax error: ";" unexpected', 1, false],
  ['f() { }', 'Syntax error: "}" unexpected', 1, false],
  ['while true; do done', 'Syntax error: "done" unexpected', 1, false],
  ['echo >\n', 'Syntax error: newline unexpected', 2, false],
  ['cat <<<w', 'Syntax error: redirection unexpected', 1, false],
  ['! ! true', 'Syntax error: "!" unexpected', 1, false],
  ['export() { :; }', 'Syntax error: Bad function name', 1, false],
  ['echo ok\n\nthen', 'Syntax error: "then" unexpected', 3, false],
  ['case a in', 'Syntax error: end of file unexpected (expecting ")")', 1, true],
];

describe('parse trees', () => {
  it.each(TREES)('%j', (src, tree) => {
    expect(list(parse(src))).toBe(tree);
  });
});

describe('syntax errors', () => {
  it.each(ERRORS)('%j', (src, message, line, incomplete) => {
    let got: ParseError | undefined;
    try {
      parse(src);
    } catch (e) {
      if (!(e instanceof ParseError)) throw e;
      got = e;
    }
    expect(got && { message: got.message, line: got.line, incomplete: got.incomplete }).toEqual({ message, line, incomplete });
  });
});

describe('aliases', () => {
  const aliases = new Map([['ll', 'ls -l '], ['x', 'expanded'], ['begin', '{'], ['end', '}']]);
  it.each([
    ['ll x', '(ls -l expanded)'],
    ['begin echo; end', '{(echo)}'],
    ['echo ll', '(echo ll)'],
    ["'ll'", "('ll')"],
  ])('%j', (src, tree) => {
    expect(list(parse(src, (n) => aliases.get(n)))).toBe(tree);
  });
});
