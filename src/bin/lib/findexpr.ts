/**
 * find's expression language (GNU findutils): parsing the arguments after the paths into a tree,
 * with findutils' messages for bad input. Grammar, loosest first:
 *
 *   expr    ::= or (',' or)*
 *   or      ::= and (('-o' | '-or') and)*
 *   and     ::= unary (['-a' | '-and'] unary)*
 *   unary   ::= ('!' | '-not') unary | '(' expr ')' | primary
 *
 * Primaries become closures over an Entry (see find.ts for the walk that makes them); the global
 * options (-maxdepth, -mindepth, -depth, -xdev) are collected into Globals.
 */
import os, { grp, pwd, stat, time } from 'posixbox/os';
import { Fatal } from '../lib.js';
import { fnmatchRegExp } from './fnmatch.js';
import { compilePrintf } from './findprintf.js';
import { adjustMode, compileMode } from './mode.js';

type Stat = ReturnType<typeof os.stat>;

/** A file as the expression sees it. */
export interface Entry {
  readonly path: string;
  /** The name -name matches: the last component (the whole starting point's, slashes trimmed). */
  readonly name: string;
  readonly depth: number;
  /** The starting point it was found under (for -printf's %H and %P). */
  readonly start: string;
  /** lstat, or stat when following links (-L, or -H on a starting point). */
  readonly st: Stat;
}

/** What the walk offers the expression: output, pruning, running commands, the status. */
export interface Walk {
  print(text: string): void;
  prune(): void;
  quit(): void;
  fail(message: string): void;
  /** Run argv; true if it exited 0. */
  run(argv: readonly string[]): boolean;
  /** Queue `path` for an `-exec … {} +` batch. */
  batch(id: number, path: string): void;
  remove(e: Entry): boolean;
}

export type Pred = (e: Entry, w: Walk) => boolean;

export interface Globals {
  maxdepth: number;
  mindepth: number;
  depthFirst: boolean;
  /** The `-exec … {} +` commands, by batch id: the arguments before `{}`. */
  readonly batches: string[][];
}

export interface Parsed {
  readonly pred: Pred;
  readonly globals: Globals;
}

const ACTIONS = new Set(['-print', '-print0', '-exec', '-execdir', '-ok', '-delete', '-quit', '-printf', '-fprint', '-ls']);
const TYPES = 'bcdpflsD';

function typeTest(t: string, m: number): boolean {
  switch (t) {
    case 'b': return stat.S_ISBLK(m);
    case 'c': return stat.S_ISCHR(m);
    case 'd': return stat.S_ISDIR(m);
    case 'p': return stat.S_ISFIFO(m);
    case 'f': return stat.S_ISREG(m);
    case 'l': return stat.S_ISLNK(m);
    case 's': return stat.S_ISSOCK(m);
    default: return false;
  }
}

/** `+N`, `-N` or `N` compared with `value`. */
function compare(spec: string, value: number): boolean {
  const n = Number(spec.replace(/^[-+]/, ''));
  return spec.startsWith('+') ? value > n : spec.startsWith('-') ? value < n : value === n;
}

class Parser {
  private i = 0;
  readonly globals: Globals = { maxdepth: Infinity, mindepth: 0, depthFirst: false, batches: [] };
  constructor(private readonly args: readonly string[], private readonly warn: (m: string) => void) {}

  private peek(): string | undefined {
    return this.args[this.i];
  }

  private arg(opt: string): string {
    const v = this.args[this.i++];
    if (v === undefined) throw new Fatal(`missing argument to \`${opt}'`);
    return v;
  }

  parse(): Pred | undefined {
    if (this.i >= this.args.length) return undefined;
    const e = this.expr();
    if (this.i < this.args.length) {
      const t = this.args[this.i]!;
      if (t === ')') throw new Fatal("you have too many ')'");
      throw new Fatal(`paths must precede expression: \`${t}'`);
    }
    return e;
  }

  private expr(): Pred {
    let l = this.or();
    while (this.peek() === ',') {
      this.i++;
      const a = l;
      const b = this.or();
      l = (e, w) => (a(e, w), b(e, w));
    }
    return l;
  }

  private or(): Pred {
    let l = this.and();
    while (this.peek() === '-o' || this.peek() === '-or') {
      this.i++;
      const a = l;
      const b = this.and();
      l = (e, w) => a(e, w) || b(e, w);
    }
    return l;
  }

  private and(): Pred {
    let l = this.unary();
    for (;;) {
      const t = this.peek();
      if (t === undefined || t === ')' || t === ',' || t === '-o' || t === '-or') return l;
      if (t === '-a' || t === '-and') this.i++;
      const a = l;
      const b = this.unary();
      l = (e, w) => a(e, w) && b(e, w);
    }
  }

  private unary(): Pred {
    const t = this.peek();
    if (t === undefined) throw new Fatal(`expected an expression after '${this.args[this.i - 1] ?? ''}'`);
    if (t === '!' || t === '-not') {
      this.i++;
      const p = this.unary();
      return (e, w) => !p(e, w);
    }
    if (t === '(') {
      this.i++;
      if (this.peek() === ')') throw new Fatal("invalid expression; empty parentheses are not allowed.");
      const p = this.expr();
      if (this.peek() !== ')') throw new Fatal("invalid expression; I was expecting to find a ')' somewhere but did not see one.");
      this.i++;
      return p;
    }
    if (t === ')') throw new Fatal("invalid expression; you have used a binary operator ')' with nothing before it.");
    if (t === '-o' || t === '-or' || t === '-a' || t === '-and' || t === ',') {
      throw new Fatal(`invalid expression; you have used a binary operator '${t}' with nothing before it.`);
    }
    this.i++;
    return this.primary(t);
  }

  private number(opt: string, v: string): number {
    if (!/^\d+$/.test(v)) throw new Fatal(`Expected a positive decimal integer argument to ${opt}, but got ${quoteArg(v)}`);
    return Number(v);
  }

  private primary(t: string): Pred {
    switch (t) {
      case '-true': return () => true;
      case '-false': return () => false;
      case '-print': return (e, w) => (w.print(`${e.path}\n`), true);
      case '-print0': return (e, w) => (w.print(`${e.path}\0`), true);
      case '-printf': {
        const f = compilePrintf(this.arg(t), (m) => this.warn(m));
        return (e, w) => (w.print(f(e)), true);
      }
      case '-prune': return (_e, w) => (w.prune(), true);
      case '-quit': return (_e, w) => (w.quit(), true);
      case '-delete': this.globals.depthFirst = true; return (e, w) => w.remove(e);
      case '-depth': case '-d': this.globals.depthFirst = true; return () => true;
      case '-xdev': case '-mount': case '-noleaf': case '-ignore_readdir_race': return () => true;
      case '-maxdepth': this.globals.maxdepth = this.number(t, this.arg(t)); return () => true;
      case '-mindepth': this.globals.mindepth = this.number(t, this.arg(t)); return () => true;
      case '-name': case '-iname': {
        const re = fnmatchRegExp(this.arg(t), t === '-iname');
        return (e) => re.test(e.name);
      }
      case '-path': case '-wholename': case '-ipath': case '-iwholename': {
        const re = fnmatchRegExp(this.arg(t), t.startsWith('-i'));
        return (e) => re.test(e.path);
      }
      case '-type': return this.type(this.arg(t));
      case '-perm': return this.perm(this.arg(t));
      case '-user': case '-uid': return this.owner(t, this.arg(t), 'user');
      case '-group': case '-gid': return this.owner(t, this.arg(t), 'group');
      case '-nouser': return (e) => !known(() => pwd.getpwuid(e.st.st_uid));
      case '-nogroup': return (e) => !known(() => grp.getgrgid(e.st.st_gid));
      case '-size': return this.size(this.arg(t));
      case '-empty': return (e) => isEmpty(e);
      case '-links': return this.numeric(t, (e) => e.st.st_nlink);
      case '-inum': return this.numeric(t, (e) => e.st.st_ino);
      case '-newer': {
        const f = this.arg(t);
        let ref: bigint;
        try { ref = os.stat(f).st_mtime_ns; } catch (err) { throw new Fatal(`${quoteName(f)}: ${(err as { strerror?: string }).strerror ?? String(err)}`); }
        return (e) => e.st.st_mtime_ns > ref;
      }
      case '-mtime': case '-atime': case '-ctime': case '-mmin': case '-amin': case '-cmin': return this.age(t, this.arg(t));
      case '-readable': return (e) => os.access(e.path, os.R_OK, { effective_ids: true });
      case '-writable': return (e) => os.access(e.path, os.W_OK, { effective_ids: true });
      case '-executable': return (e) => os.access(e.path, os.X_OK, { effective_ids: true });
      case '-exec': case '-execdir': case '-ok': case '-okdir': return this.exec(t);
      default:
        throw new Fatal(t.startsWith('-') && t.length > 1 ? `unknown predicate \`${t}'` : `paths must precede expression: \`${t}'`);
    }
  }

  private numeric(t: string, get: (e: Entry) => number): Pred {
    const v = this.arg(t);
    if (!/^[-+]?\d+$/.test(v)) throw new Fatal(`invalid argument \`${v}' to \`${t}'`);
    return (e) => compare(v, get(e));
  }

  private type(v: string): Pred {
    const types = v.split(',');
    for (const x of types) {
      if (x.length !== 1 || !TYPES.includes(x)) {
        throw new Fatal(x.length > 1 ? `Must separate multiple arguments to -type using: ','` : `Unknown argument to -type: ${x}`);
      }
    }
    return (e) => types.some((x) => typeTest(x, e.st.st_mode));
  }

  private perm(v: string): Pred {
    const kind = v.startsWith('-') ? '-' : v.startsWith('/') ? '/' : '';
    const text = kind ? v.slice(1) : v;
    const changes = compileMode(text);
    if (!changes) throw new Fatal(`invalid mode ${quoteArg(v)}`);
    const mode = adjustMode(0, false, 0, changes).mode & 0o7777;
    if (kind === '-') return (e) => (e.st.st_mode & mode) === mode;
    if (kind === '/') return (e) => mode === 0 || (e.st.st_mode & mode) !== 0;
    return (e) => (e.st.st_mode & 0o7777) === mode;
  }

  private owner(t: string, v: string, what: 'user' | 'group'): Pred {
    let id: number | undefined;
    if (t === '-uid' || t === '-gid') {
      if (!/^[-+]?\d+$/.test(v)) throw new Fatal(`invalid argument \`${v}' to \`${t}'`);
      return (e) => compare(v, what === 'user' ? e.st.st_uid : e.st.st_gid);
    }
    const found = what === 'user' ? known(() => pwd.getpwnam(v).pw_uid) : known(() => grp.getgrnam(v).gr_gid);
    if (found !== undefined) id = found;
    else if (/^\d+$/.test(v)) id = Number(v);
    else if (v === '') throw new Fatal(`The argument to -${what} should not be empty`);
    else throw new Fatal(what === 'user' ? `${quoteArg(v)} is not the name of a known user` : `${quoteArg(v)} is not the name of an existing group`);
    return (e) => (what === 'user' ? e.st.st_uid : e.st.st_gid) === id;
  }

  private size(v: string): Pred {
    const m = /^([-+]?)(\d+)([bcwkMG]?)$/.exec(v);
    if (!m) {
      const bad = /^[-+]?\d*(.)/.exec(v);
      throw new Fatal(bad ? `invalid -size type \`${bad[1]}'` : `invalid argument \`${v}' to \`-size'`);
    }
    const unit = { b: 512, c: 1, w: 2, k: 1024, M: 1048576, G: 1073741824, '': 512 }[m[3] as 'b']!;
    const spec = `${m[1]}${m[2]}`;
    return (e) => compare(spec, Math.ceil(e.st.st_size / unit));
  }

  private age(t: string, v: string): Pred {
    if (!/^[-+]?\d+$/.test(v)) throw new Fatal(`invalid argument \`${v}' to \`${t}'`);
    const field = t[1] === 'm' ? 'st_mtime' : t[1] === 'a' ? 'st_atime' : 'st_ctime';
    const minutes = t.endsWith('min');
    const now = time.time();
    return (e) => {
      const age = now - e.st[field];
      return compare(v, minutes ? Math.ceil(age / 60) : Math.floor(age / 86400));
    };
  }

  private exec(t: string): Pred {
    const start = this.i;
    for (; this.i < this.args.length; this.i++) {
      const a = this.args[this.i]!;
      if (a === ';') break;
      if (a === '+' && this.i > start && this.args[this.i - 1] === '{}') break;
    }
    if (this.i >= this.args.length || this.i === start) throw new Fatal(`missing argument to \`${t}'`);
    const cmd = this.args.slice(start, this.i);
    const plus = this.args[this.i] === '+';
    this.i++;
    if (t === '-ok' || t === '-okdir' || t === '-execdir') throw new Fatal(`${t} is not supported`);
    if (plus) {
      const id = this.globals.batches.length;
      this.globals.batches.push(cmd.slice(0, -1));
      return (e, w) => (w.batch(id, e.path), true);
    }
    return (e, w) => w.run(cmd.map((a) => a.replaceAll('{}', e.path)));
  }

  hasAction(): boolean {
    return this.args.some((a) => ACTIONS.has(a));
  }
}

const known = <T>(fn: () => T): T | undefined => {
  try { return fn(); } catch { return undefined; }
};

function isEmpty(e: Entry): boolean {
  if (stat.S_ISREG(e.st.st_mode)) return e.st.st_size === 0;
  if (!stat.S_ISDIR(e.st.st_mode)) return false;
  try { return os.listdir(e.path).length === 0; } catch { return false; }
}

/** findutils' quoting of an argument in a message: 'x' (its locale quoting, C locale). */
export const quoteArg = (v: string): string => `'${v}'`;
const quoteName = quoteArg;

export function parseExpression(args: readonly string[], warn: (m: string) => void): Parsed {
  const p = new Parser(args, warn);
  let pred = p.parse() ?? (() => true);
  if (!p.hasAction()) {
    const body = pred;
    pred = (e, w) => body(e, w) && (w.print(`${e.path}\n`), true);
  }
  return { pred, globals: p.globals };
}
