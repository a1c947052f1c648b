/**
 * Arithmetic expansion `$((…))` (POSIX XCU 2.6.4): signed 64-bit integers (BigInt wrapped to 64
 * bits, as dash's intmax_t), decimal, octal (leading 0) and hex (0x) constants, variables by
 * name, and C's operators by precedence: unary + - ! ~, * / %, + -, << >>, < <= > >=, == !=, &,
 * ^, |, &&, ||, ?:, and the assignments = *= /= %= += -= <<= >>= &= ^= |=. && || ?: do not
 * evaluate (or assign in) the side not taken. Messages are dash's
 * (`arithmetic expression: expecting primary: "1 +"`).
 */

export class ArithError extends Error {}

export interface ArithVars {
  get(name: string): string | undefined;
  set(name: string, value: string): void;
}

type Tok = { k: 'num'; v: bigint } | { k: 'name'; v: string } | { k: 'op'; v: string } | { k: 'eof' };

const OPS = ['<<=', '>>=', '&&', '||', '==', '!=', '<=', '>=', '<<', '>>', '*=', '/=', '%=', '+=', '-=', '&=', '^=', '|=',
  '+', '-', '*', '/', '%', '<', '>', '&', '^', '|', '!', '~', '?', ':', '=', '(', ')'];
const BINARY: readonly (readonly string[])[] = [
  ['||'], ['&&'], ['|'], ['^'], ['&'], ['==', '!='], ['<', '<=', '>', '>='], ['<<', '>>'], ['+', '-'], ['*', '/', '%'],
];
const wrap = (n: bigint): bigint => BigInt.asIntN(64, n);

/** A number as dash's strtoimax-based parser reads it; null if the text is not one. */
export function parseNumber(s: string): bigint | null {
  const t = s.trim();
  let m = /^([+-]?)0[xX]([0-9a-fA-F]+)$/.exec(t);
  if (m) return wrap(BigInt(`${m[1] === '-' ? '-' : ''}0x${m[2]}`.replace('-0x', '0x')) * (m[1] === '-' ? -1n : 1n));
  m = /^([+-]?)0([0-7]+)$/.exec(t);
  if (m) return wrap(BigInt(`0o${m[2]}`) * (m[1] === '-' ? -1n : 1n));
  if (/^[+-]?(0|[1-9][0-9]*)$/.test(t)) return wrap(BigInt(t));
  return null;
}

class Evaluator {
  private toks: Tok[] = [];
  private i = 0;
  private noeval = 0;

  constructor(private readonly text: string, private readonly vars: ArithVars) {
    this.lex();
  }

  private fail(what: string): never {
    throw new ArithError(`arithmetic expression: ${what}: "${this.text}"`);
  }

  private lex(): void {
    const s = this.text;
    let i = 0;
    while (i < s.length) {
      const c = s[i]!;
      if (/\s/.test(c)) { i++; continue; }
      if (/[0-9]/.test(c)) {
        const m = /^(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)/.exec(s.slice(i))![0];
        const n = parseNumber(m);
        if (n === null || /^[A-Za-z_]/.test(s.slice(i + m.length))) {
          this.toks.push({ k: 'name', v: '\0bad' });
          return;
        }
        this.toks.push({ k: 'num', v: n });
        i += m.length;
        continue;
      }
      if (/[A-Za-z_]/.test(c)) {
        const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(s.slice(i))![0];
        this.toks.push({ k: 'name', v: m });
        i += m.length;
        continue;
      }
      const op = OPS.find((o) => s.startsWith(o, i));
      if (!op) { this.toks.push({ k: 'name', v: '\0bad' }); return; }
      this.toks.push({ k: 'op', v: op });
      i += op.length;
    }
  }

  private peek(): Tok {
    return this.toks[this.i] ?? { k: 'eof' };
  }

  private isOp(v: string): boolean {
    const t = this.peek();
    return t.k === 'op' && t.v === v;
  }

  run(): bigint {
    const v = this.assign();
    if (this.peek().k !== 'eof') this.fail('expecting EOF');
    return v;
  }

  private value(name: string): bigint {
    const s = this.vars.get(name);
    if (s === undefined || s === '') return 0n;
    const n = parseNumber(s);
    if (n === null) throw new ArithError(`Illegal number: ${s}`);
    return n;
  }

  private assign(): bigint {
    const t = this.peek();
    const next = this.toks[this.i + 1];
    if (t.k === 'name' && next?.k === 'op' && /^(?:[-+*/%&^|]|<<|>>)?=$/.test(next.v) && next.v !== '==') {
      this.i += 2;
      const rhs = this.assign();
      if (this.noeval) return 0n;
      const v = next.v === '=' ? rhs : this.binop(next.v.slice(0, -1), this.value(t.v), rhs);
      this.vars.set(t.v, String(v));
      return v;
    }
    return this.ternary();
  }

  private ternary(): bigint {
    const c = this.binary(0);
    if (!this.isOp('?')) return c;
    this.i++;
    if (c === 0n) this.noeval++;
    const a = this.assign();
    if (c === 0n) this.noeval--;
    if (!this.isOp(':')) this.fail('expecting \':\'');
    this.i++;
    if (c !== 0n) this.noeval++;
    const b = this.assign();
    if (c !== 0n) this.noeval--;
    return c !== 0n ? a : b;
  }

  private binary(level: number): bigint {
    if (level >= BINARY.length) return this.unary();
    let left = this.binary(level + 1);
    for (;;) {
      const t = this.peek();
      if (t.k !== 'op' || !BINARY[level]!.includes(t.v)) return left;
      this.i++;
      if (t.v === '&&' || t.v === '||') {
        const skip = t.v === '&&' ? left === 0n : left !== 0n;
        if (skip) this.noeval++;
        const right = this.binary(level + 1);
        if (skip) this.noeval--;
        left = skip ? (t.v === '||' ? 1n : 0n) : (right !== 0n ? 1n : 0n);
        continue;
      }
      const right = this.binary(level + 1);
      left = this.noeval ? 0n : this.binop(t.v, left, right);
    }
  }

  private binop(op: string, a: bigint, b: bigint): bigint {
    switch (op) {
      case '+': return wrap(a + b);
      case '-': return wrap(a - b);
      case '*': return wrap(a * b);
      case '/': case '%':
        if (b === 0n) this.fail('division by zero');
        if (a === -(2n ** 63n) && b === -1n) return op === '/' ? a : 0n;
        return op === '/' ? a / b : a % b;
      case '<<': return wrap(a << (b & 63n));
      case '>>': return a >> (b & 63n);
      case '<': return a < b ? 1n : 0n;
      case '<=': return a <= b ? 1n : 0n;
      case '>': return a > b ? 1n : 0n;
      case '>=': return a >= b ? 1n : 0n;
      case '==': return a === b ? 1n : 0n;
      case '!=': return a !== b ? 1n : 0n;
      case '&': return a & b;
      case '^': return a ^ b;
      case '|': return a | b;
      default: return this.fail(`unknown operator ${op}`);
    }
  }

  private unary(): bigint {
    const t = this.peek();
    if (t.k === 'op' && (t.v === '-' || t.v === '+' || t.v === '!' || t.v === '~')) {
      this.i++;
      const v = this.unary();
      if (t.v === '-') return wrap(-v);
      if (t.v === '!') return v === 0n ? 1n : 0n;
      if (t.v === '~') return ~v;
      return v;
    }
    return this.primary();
  }

  private primary(): bigint {
    const t = this.peek();
    if (t.k === 'num') { this.i++; return t.v; }
    if (t.k === 'name' && t.v !== '\0bad') { this.i++; return this.noeval ? 0n : this.value(t.v); }
    if (t.k === 'op' && t.v === '(') {
      this.i++;
      const v = this.assign();
      if (!this.isOp(')')) this.fail('expecting \')\'');
      this.i++;
      return v;
    }
    return this.fail('expecting primary');
  }
}

/** Evaluate an arithmetic expression (already parameter-expanded). */
export function evalArith(text: string, vars: ArithVars): bigint {
  return new Evaluator(text, vars).run();
}
