import { describe, expect, it } from 'vitest';
import { floatRepr, floatStr, isTuple, oct, pyRepr, pyStr, tuple } from '../../src/os/pyfmt.js';

// Every expected value below is Python 2.7.18's repr(v) / str(v) for the corresponding value.
// [value, repr, str]
const VALUES: Array<[unknown, string, string]> = [
  [null, 'None', 'None'],
  [undefined, 'None', 'None'],
  [true, 'True', 'True'],
  [false, 'False', 'False'],
  [0, '0', '0'],
  [-5, '-5', '-5'],
  [1516, '1516', '1516'],
  [2 ** 53 + 2, '9007199254740994', '9007199254740994'],
  [10n ** 20n, '100000000000000000000', '100000000000000000000'],
  [0.1, '0.1', '0.1'],
  [1 / 3, '0.3333333333333333', '0.333333333333'],
  [1289745636.25, '1289745636.25', '1289745636.25'],
  [Infinity, 'inf', 'inf'],
  [-Infinity, '-inf', '-inf'],
  [NaN, 'nan', 'nan'],
  ['plain', "'plain'", 'plain'],
  ["it's", `"it's"`, "it's"],
  ['say "hi"', `'say "hi"'`, 'say "hi"'],
  [`both ' and "`, `'both \\' and "'`, `both ' and "`],
  ['tab\tnl\ncr\r', "'tab\\tnl\\ncr\\r'", 'tab\tnl\ncr\r'],
  ['to stdout\n', "'to stdout\\n'", 'to stdout\n'],
  ['\x00\x1f\x7f', "'\\x00\\x1f\\x7f'", '\x00\x1f\x7f'],
  ['back\\slash', "'back\\\\slash'", 'back\\slash'],
  ['é', "'\\xc3\\xa9'", 'é'], // a Python 2 str holds the UTF-8 bytes
  [new Uint8Array([0x80, 0xff, 0x41]), "'\\x80\\xffA'", '\ufffd\ufffdA'],
  ['', "''", ''],
  [[], '[]', '[]'],
  [[501, 102, 204], '[501, 102, 204]', '[501, 102, 204]'],
  [['example.txt'], "['example.txt']", "['example.txt']"],
  [tuple(14155, 0), '(14155, 0)', '(14155, 0)'],
  [tuple(14155), '(14155,)', '(14155,)'],
  [tuple(), '()', '()'],
  [[null, true, 'a', tuple(1, 'b'), [2.5]], "[None, True, 'a', (1, 'b'), [2.5]]", "[None, True, 'a', (1, 'b'), [2.5]]"],
  [{ a: 1 }, "{'a': 1}", "{'a': 1}"],
  [new Map<unknown, unknown>([['k', tuple(1, 2)]]), "{'k': (1, 2)}", "{'k': (1, 2)}"],
];

describe('pyRepr and pyStr', () => {
  it.each(VALUES)('%o', (value, repr, str) => {
    expect(pyRepr(value)).toBe(repr);
    expect(pyStr(value)).toBe(str);
  });

  it('marks recursion as Python does', () => {
    const a: unknown[] = [1];
    a.push(a);
    expect(pyRepr(a)).toBe('[1, [...]]');
  });

  it('uses an Error’s own text for str (the os API makes it Python 2’s)', () => {
    const err = new Error('x');
    err.toString = () => "[Errno 2] No such file or directory: 'nope'";
    expect(pyStr(err)).toBe("[Errno 2] No such file or directory: 'nope'");
  });

  it('honours __str__ and __repr__', () => {
    const v = { __str__: () => 'S', __repr__: () => 'R' };
    expect(pyStr(v)).toBe('S');
    expect(pyRepr([v])).toBe('[R]');
  });
});

describe('floats', () => {
  // [x, repr(x), str(x)] from Python 2.7.18. Whole-number floats cannot be told from ints in
  // JavaScript, so pyStr prints them as ints; floatRepr/floatStr format them as floats.
  it.each([
    [1.0, '1.0', '1.0'],
    [-0.0, '-0.0', '-0.0'],
    [1e16, '1e+16', '1e+16'],
    [1e15, '1000000000000000.0', '1e+15'],
    [1e11, '100000000000.0', '1e+11'],
    [12345678901.0, '12345678901.0', '12345678901.0'],
    [0.0001, '0.0001', '0.0001'],
    [0.00001, '1e-05', '1e-05'],
    [1289745636.0, '1289745636.0', '1289745636.0'],
    [123456789012.5, '123456789012.5', '1.23456789012e+11'], // ties round to even
    [999999999999.5, '999999999999.5', '1e+12'],
    [5e-324, '5e-324', '4.94065645841e-324'],
    [1.7976931348623157e308, '1.7976931348623157e+308', '1.79769313486e+308'],
  ])('%d', (x, repr, str) => {
    expect(floatRepr(x)).toBe(repr);
    expect(floatStr(x)).toBe(str);
  });
});

describe('tuple', () => {
  it('is a frozen array marked as a tuple', () => {
    const t = tuple(1, 2);
    expect(Array.isArray(t)).toBe(true);
    expect(isTuple(t)).toBe(true);
    expect(isTuple([1, 2])).toBe(false);
    expect(Object.isFrozen(t)).toBe(true);
    expect([...t]).toEqual([1, 2]);
  });
});

describe('oct', () => {
  it.each([
    [0, '0'],
    [0o100644, '0100644'],
    [0o120777, '0120777'],
    [0o744, '0744'],
    [8, '010'],
    [-8, '-010'],
  ])('oct(%d) = %s', (n, want) => {
    expect(oct(n)).toBe(want);
  });

  it('takes bigints and refuses fractions', () => {
    expect(oct(8n)).toBe('010');
    expect(() => oct(1.5)).toThrow(TypeError);
  });
});
