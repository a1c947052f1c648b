/**
 * test and [ (POSIX XCU test, with dash's extensions -a -o ( ) -nt -ot -ef -k -O -G): shared by
 * the builtin and /bin/test. The 0-4 argument cases follow POSIX's table; longer expressions use
 * the classic grammar (or: and ('-o' and)*, and: not ('-a' not)*, not: '!' not | primary).
 * Errors are reported through `fail` (dash: `test: a: unexpected operator`) and give status 2.
 */
import os from 'posixbox/os';

/** A malformed expression: `message` in dash's words, `gnu` in coreutils' (for /bin/test). */
export class TestError extends Error {
  constructor(message: string, readonly gnu = message) {
    super(message);
  }
}

const UNARY = new Set(['-b', '-c', '-d', '-e', '-f', '-g', '-h', '-k', '-L', '-n', '-O', '-G', '-p', '-r', '-s', '-S', '-t', '-u', '-w', '-x', '-z']);
const BINARY = new Set(['=', '!=', '==', '-eq', '-ne', '-lt', '-le', '-gt', '-ge', '-nt', '-ot', '-ef', '<', '>']);

function int(s: string): bigint {
  const t = s.trim();
  if (!/^[+-]?[0-9]+$/.test(t)) throw new TestError(`Illegal number: ${s}`, `invalid integer '${s}'`);
  return BigInt(t);
}

function stat(path: string, follow = true): ReturnType<typeof os.stat> | undefined {
  try {
    return follow ? os.stat(path) : os.lstat(path);
  } catch {
    return undefined;
  }
}

function unary(op: string, a: string): boolean {
  const type = (mask: number): boolean => ((stat(a)?.st_mode ?? 0) & 0o170000) === mask;
  switch (op) {
    case '-z': return a === '';
    case '-n': return a !== '';
    case '-e': return stat(a) !== undefined;
    case '-f': return type(0o100000);
    case '-d': return type(0o040000);
    case '-b': return type(0o060000);
    case '-c': return type(0o020000);
    case '-p': return type(0o010000);
    case '-S': return type(0o140000);
    case '-h': case '-L': return ((stat(a, false)?.st_mode ?? 0) & 0o170000) === 0o120000;
    case '-s': return (stat(a)?.st_size ?? 0) > 0;
    case '-u': return ((stat(a)?.st_mode ?? 0) & 0o4000) !== 0;
    case '-g': return ((stat(a)?.st_mode ?? 0) & 0o2000) !== 0;
    case '-k': return ((stat(a)?.st_mode ?? 0) & 0o1000) !== 0;
    case '-O': { const s = stat(a); return s !== undefined && s.st_uid === os.geteuid(); }
    case '-G': { const s = stat(a); return s !== undefined && s.st_gid === os.getegid(); }
    case '-r': return stat(a) !== undefined && os.access(a, os.R_OK);
    case '-w': return stat(a) !== undefined && os.access(a, os.W_OK);
    case '-x': return stat(a) !== undefined && os.access(a, os.X_OK);
    case '-t': {
      const fd = Number(int(a));
      return os.isatty(fd);
    }
    default: throw new TestError(`${op}: unexpected operator`, `'${op}': unary operator expected`);
  }
}

function mtime(p: string): number | undefined {
  return stat(p)?.st_mtime;
}

function binary(a: string, op: string, b: string): boolean {
  switch (op) {
    case '=': case '==': return a === b;
    case '!=': return a !== b;
    case '<': return a < b;
    case '>': return a > b;
    case '-eq': return int(a) === int(b);
    case '-ne': return int(a) !== int(b);
    case '-lt': return int(a) < int(b);
    case '-le': return int(a) <= int(b);
    case '-gt': return int(a) > int(b);
    case '-ge': return int(a) >= int(b);
    case '-nt': { const x = mtime(a); const y = mtime(b); return x !== undefined && (y === undefined || x > y); }
    case '-ot': { const x = mtime(a); const y = mtime(b); return y !== undefined && (x === undefined || x < y); }
    case '-ef': { const x = stat(a); const y = stat(b); return !!x && !!y && x.st_dev === y.st_dev && x.st_ino === y.st_ino; }
    default: throw new TestError(`${op}: unexpected operator`, `'${op}': binary operator expected`);
  }
}

class Expr {
  i = 0;
  constructor(readonly a: readonly string[]) {}

  private peek(k = 0): string | undefined {
    return this.a[this.i + k];
  }

  or(): boolean {
    let v = this.and();
    while (this.peek() === '-o') { this.i++; const r = this.and(); v = v || r; }
    return v;
  }

  private and(): boolean {
    let v = this.not();
    while (this.peek() === '-a') { this.i++; const r = this.not(); v = v && r; }
    return v;
  }

  private not(): boolean {
    if (this.peek() === '!') { this.i++; return !this.not(); }
    return this.primary();
  }

  private primary(): boolean {
    const t = this.peek();
    if (t === undefined) throw new TestError('argument expected');
    if (t === '(' ) {
      this.i++;
      const v = this.or();
      if (this.peek() !== ')') throw new TestError(`${this.peek() ?? 'argument'}: ${this.peek() === undefined ? 'expected' : 'unexpected operator'}`);
      this.i++;
      return v;
    }
    const op = this.peek(1);
    if (op !== undefined && BINARY.has(op)) {
      const b = this.peek(2);
      if (b === undefined) throw new TestError(`${op}: argument expected`, `missing argument after '${op}'`);
      this.i += 3;
      return binary(t, op, b);
    }
    if (UNARY.has(t)) {
      const a = this.peek(1);
      if (a === undefined) { this.i++; return true; }
      this.i += 2;
      return unary(t, a);
    }
    this.i++;
    return t !== '';
  }
}

/** Evaluate test's arguments (without the closing `]`); true/false, or TestError. */
export function evaluate(args: readonly string[]): boolean {
  const n = args.length;
  const [a, b, c, d] = args as string[];
  if (n === 0) return false;
  if (n === 1) return a !== '';
  if (n === 2) {
    if (a === '!') return b === '';
    if (UNARY.has(a!)) return unary(a!, b!);
    if (BINARY.has(b!)) throw new TestError(`${b}: argument expected`, `missing argument after '${b}'`);
    throw new TestError(`${a}: unexpected operator`, `'${a}': unary operator expected`);
  }
  if (n === 3) {
    if (BINARY.has(b!)) return binary(a!, b!, c!);
    if (a === '!') return !evaluate([b!, c!]);
    if (a === '(' && c === ')') return b !== '';
    if (b === '-a') return a !== '' && c !== '';
    if (b === '-o') return a !== '' || c !== '';
    throw new TestError(`${a}: unexpected operator`, `'${b}': binary operator expected`);
  }
  if (n === 4) {
    if (a === '!') return !evaluate([b!, c!, d!]);
    if (a === '(' && d === ')') return evaluate([b!, c!]);
  }
  const e = new Expr(args);
  const v = e.or();
  if (e.i < n) throw new TestError(`${args[e.i]}: unexpected operator`, `extra argument '${args[e.i]}'`);
  return v;
}

/** test/[ as a command: 0 true, 1 false, 2 error (reported through `warn`, in coreutils' words if `gnu`). */
export function runTest(argv: readonly string[], warn: (message: string) => void, gnu = false): number {
  let args = argv.slice(1);
  if (/(^|\/)\[$/.test(argv[0] ?? '')) {
    if (args[args.length - 1] !== ']') { warn(gnu ? "missing ']'" : 'missing ]'); return 2; }
    args = args.slice(0, -1);
  }
  try {
    return evaluate(args) ? 0 : 1;
  } catch (e) {
    if (e instanceof TestError) { warn(gnu ? e.gnu : e.message); return 2; }
    throw e;
  }
}
