/**
 * The pure pieces of expansion as tables: arithmetic (values and dash's messages), pattern
 * matching and ${x#p}-style trimming, and IFS field splitting.
 */
import { describe, expect, it } from 'vitest';
import { ArithError, evalArith } from '../../src/shell/arith.js';
import { hasGlob, matchPattern, trimPattern } from '../../src/shell/pattern.js';
import { Fields } from '../../src/shell/expand/fields.js';

function arith(expr: string, vars: Record<string, string> = {}): string {
  const m = new Map(Object.entries(vars));
  try {
    const v = evalArith(expr, { get: (n) => m.get(n), set: (n, x) => { m.set(n, x); } });
    return `${v}${m.size ? ` ${[...m].map(([k, x]) => `${k}=${x}`).join(' ')}` : ''}`;
  } catch (e) {
    if (e instanceof ArithError) return `error: ${e.message}`;
    throw e;
  }
}

describe('arithmetic', () => {
  it.each([
    ['1 + 2 * 3', '7'],
    ['(1 + 2) * 3', '9'],
    ['-7 / 2', '-3'],
    ['-7 % 2', '-1'],
    ['2 << 3 | 1', '17'],
    ['~0', '-1'],
    ['!5', '0'],
    ['1 < 2 && 2 <= 2 && 3 > 2 && 3 >= 4', '0'],
    ['1 == 1 ? 10 : 20', '10'],
    ['0 || 0', '0'],
    ['5 & 3 ^ 1', '0'],
    ['0x1f + 010', '39'],
    ['1 << 63', '-9223372036854775808'],
    ['9223372036854775807 + 1', '-9223372036854775808'],
    ['x = 5', '5 x=5'],
    ['y += 3', '3 y=3'],
    ['x *= 2', '10 x=10'],
    ['0 && (x = 1)', '0'],
    ['1 || (x = 1)', '1'],
    ['x', '0'],
    ['1 / 0', 'error: arithmetic expression: division by zero: "1 / 0"'],
    ['1 +', 'error: arithmetic expression: expecting primary: "1 +"'],
    ['', 'error: arithmetic expression: expecting primary: ""'],
    ['2 ** 3', 'error: arithmetic expression: expecting primary: "2 ** 3"'],
    ['08', 'error: arithmetic expression: expecting EOF: "08"'],
    ['a b', 'error: arithmetic expression: expecting EOF: "a b"'],
  ] as const)('%j', (expr, want) => {
    expect(arith(expr, expr.startsWith('x *=') ? { x: '5' } : {})).toBe(want);
  });
  it('a variable that is not a number', () => {
    expect(arith('x + 1', { x: 'abc' })).toBe('error: Illegal number: abc');
    expect(arith('x + 1', { x: ' 12 ' })).toBe('13 x= 12 ');
  });
});

describe('patterns', () => {
  it.each([
    ['*', 'anything', true],
    ['a?c', 'abc', true],
    ['a?c', 'ac', false],
    ['[abc]x', 'bx', true],
    ['[!abc]x', 'bx', false],
    ['[^abc]x', 'dx', true],
    ['[a-c]*', 'cat', true],
    ['[[:digit:]][[:alpha:]]', '1a', true],
    ['[[:upper:]]', 'a', false],
    ['\\*', '*', true],
    ['\\*', 'a', false],
    ['[', '[', true],
    ['a[', 'a[', true],
    ['[]]', ']', true],
    ['*.txt', 'a.txt', true],
    ['*.txt', 'a.txt.gz', false],
  ] as const)('%j matches %j: %j', (p, s, want) => {
    expect(matchPattern(p, s)).toBe(want);
  });
  it.each([
    ['a*', true], ['abc', false], ['\\*', false], ['[ab]', true], ['[ab', false],
  ] as const)('hasGlob(%j) is %j', (p, want) => {
    expect(hasGlob(p)).toBe(want);
  });
  it.each([
    ['path/to/file.tar.gz', '*/', false, false, 'to/file.tar.gz'],
    ['path/to/file.tar.gz', '*/', false, true, 'file.tar.gz'],
    ['path/to/file.tar.gz', '.*', true, false, 'path/to/file.tar'],
    ['path/to/file.tar.gz', '.*', true, true, 'path/to/file'],
    ['abc', 'x', false, false, 'abc'],
    ['aaa', 'a', true, true, 'aa'],
  ] as const)('trim %j by %j (suffix %j, longest %j)', (s, p, suffix, longest, want) => {
    expect(trimPattern(s, p, suffix, longest)).toBe(want);
  });
});

/** Split one unquoted expansion result between an optional literal prefix and suffix. */
function split(ifs: string | undefined, value: string, pre = '', post = ''): string[] {
  const f = new Fields(ifs, true);
  f.literal(pre);
  f.split(value);
  f.literal(post);
  return f.finish().map((x) => x.text);
}

describe('field splitting', () => {
  it.each([
    [undefined, '  a  b  ', '', '', ['a', 'b']],
    [undefined, 'a\tb\nc', '', '', ['a', 'b', 'c']],
    [':', 'a::b:', '', '', ['a', '', 'b']],
    [':', ':a', '', '', ['', 'a']],
    [': ', 'a : b', '', '', ['a', 'b']],
    [': ', 'a : : b', '', '', ['a', '', 'b']],
    ['', 'a b', '', '', ['a b']],
    [undefined, 'a ', 'x', 'y', ['xa', 'y']],
    [undefined, ' a', 'x', '', ['x', 'a']],
    [undefined, '', '', '', []],
  ] as const)('IFS=%j %j between %j and %j', (ifs, value, pre, post, want) => {
    expect(split(ifs, value, pre, post)).toEqual(want);
  });
  it('a quoted empty string is a field', () => {
    const f = new Fields(undefined, true);
    f.quoted('');
    expect(f.finish().map((x) => x.text)).toEqual(['']);
  });
});
