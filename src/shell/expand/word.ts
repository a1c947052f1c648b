/**
 * Word expansion (POSIX XCU 2.6): tilde expansion, parameter expansion in all its forms,
 * command substitution, arithmetic expansion, then field splitting (fields.ts), pathname
 * expansion (glob.ts) and quote removal (implicit: quoting lives in the word's parts). The shell
 * side (running a command substitution, home directories, the pathname matcher) comes in through
 * ExpandHost, so this module holds no process state of its own.
 */
import type { List, ParamPart, Word, WordPart } from '../ast.js';
import { ArithError, evalArith } from '../arith.js';
import { hasGlob, trimPattern } from '../pattern.js';
import { ShellError, type ShellState } from '../state.js';
import { Fields } from './fields.js';

export interface ExpandHost {
  readonly st: ShellState;
  /** Run a command substitution; its output with trailing newlines removed. */
  cmdsubst(body: List): string;
  /** The home directory of a user ('' for $HOME); undefined if unknown. */
  home(user: string): string | undefined;
  /** Pathname expansion of a pattern: the sorted matches, empty if none. */
  glob(pat: string): string[];
}

const DIGITS = /^[0-9]+$/;

/** Expand words into fields: splitting and pathname expansion included (command arguments, for lists). */
export function expandFields(h: ExpandHost, words: readonly Word[]): string[] {
  const out: string[] = [];
  for (const w of words) {
    const b = new Fields(h.st.get('IFS'), true);
    expandParts(h, w.parts, b, false, true);
    for (const f of b.finish()) {
      if (!h.st.on('noglob') && hasGlob(f.pat)) {
        const m = h.glob(f.pat);
        if (m.length) { out.push(...m); continue; }
      }
      out.push(f.text);
    }
  }
  return out;
}

/** Expand a word to one string: no splitting, no pathname expansion (assignments, case words, redirections). */
export function expandString(h: ExpandHost, w: Word, assign = false): string {
  const b = new Fields(undefined, false);
  if (assign) expandAssign(h, w.parts, b);
  else expandParts(h, w.parts, b, false, true);
  return b.finish().map((f) => f.text).join(' ');
}

/** Expand a word to a pattern (quoted characters escaped): case patterns, ${x#pattern}. */
export function expandPattern(h: ExpandHost, w: Word): string {
  const b = new Fields(undefined, false);
  expandParts(h, w.parts, b, false, false);
  return b.finish().map((f) => f.pat).join(' ');
}

/** Expand a here-document body (only $, ` and \ are special). */
export function expandHere(h: ExpandHost, w: Word): string {
  const b = new Fields(undefined, false);
  expandParts(h, w.parts, b, true, false);
  return b.finish().map((f) => f.text).join('');
}

function expandAssign(h: ExpandHost, parts: readonly WordPart[], b: Fields): void {
  parts.forEach((p, i) => {
    if (p.t !== 'lit') { expandParts(h, [p], b, false, false); return; }
    // tilde after the = and after each unquoted colon
    const segs = p.v.split(':');
    segs.forEach((s, k) => {
      if (k > 0) b.literal(':');
      const atStart = k > 0 || i === 0;
      const m = atStart ? /^~([^/]*)(.*)$/s.exec(s) : null;
      const closed = m && (m[2] !== '' || k < segs.length - 1 || i === parts.length - 1);
      const home = m && closed ? h.home(m[1]!) : undefined;
      if (m && home !== undefined) { b.quoted(home); b.literal(m[2]!); } else b.literal(s);
    });
  });
}

function expandParts(h: ExpandHost, parts: readonly WordPart[], b: Fields, dq: boolean, tilde: boolean, splitLit = false): void {
  parts.forEach((p, i) => {
    switch (p.t) {
      case 'lit': {
        if (i === 0 && tilde && !dq && p.v.startsWith('~')) {
          const slash = p.v.indexOf('/');
          const user = slash < 0 ? p.v.slice(1) : p.v.slice(1, slash);
          const closed = slash >= 0 || i === parts.length - 1;
          const home = closed ? h.home(user) : undefined;
          if (home !== undefined) {
            b.quoted(home);
            b.literal(slash < 0 ? '' : p.v.slice(slash));
            return;
          }
        }
        if (dq) b.quoted(p.v);
        else if (splitLit) b.split(p.v);
        else b.literal(p.v);
        return;
      }
      case 'sq': case 'esc':
        b.quoted(p.v);
        return;
      case 'dq':
        if (!(p.parts.length === 1 && isAt(p.parts[0]!) && h.st.positional.length === 0)) b.keep();
        expandParts(h, p.parts, b, true, false);
        return;
      case 'param':
        param(h, p, b, dq);
        return;
      case 'cmd': {
        const out = h.cmdsubst(p.body);
        if (dq) b.quoted(out);
        else b.split(out);
        return;
      }
      case 'arith': {
        const s = String(arith(h, p.expr));
        if (dq) b.quoted(s);
        else b.split(s);
        return;
      }
      default:
    }
  });
}

function isAt(p: WordPart): boolean {
  return p.t === 'param' && p.name === '@' && !p.op && !p.len;
}

/** Evaluate `$((…))`. */
export function arith(h: ExpandHost, expr: Word): bigint {
  const text = expandHere(h, expr);
  try {
    return evalArith(text, {
      get: (n) => {
        const v = h.st.get(n);
        if (v === undefined && h.st.on('nounset')) throw new ShellError(`${n}: parameter not set`);
        return v;
      },
      set: (n, v) => h.st.set(n, v),
    });
  } catch (e) {
    if (e instanceof ArithError) throw new ShellError(e.message);
    throw e;
  }
}

/** The value of a parameter, or undefined if unset. */
export function paramValue(st: ShellState, name: string): string | undefined {
  switch (name) {
    case '@': case '*': return st.positional.length ? st.positional.join(' ') : undefined;
    case '#': return String(st.positional.length);
    case '?': return String(st.status);
    case '-': return st.flags();
    case '$': return String(st.pid);
    case '!': return st.lastBg === undefined ? undefined : String(st.lastBg);
    case '0': return st.arg0;
    default:
      if (DIGITS.test(name)) return st.positional[Number(name) - 1];
      return st.get(name);
  }
}

function param(h: ExpandHost, p: ParamPart, b: Fields, dq: boolean): void {
  const st = h.st;
  if (p.bad) throw new ShellError('Bad substitution');
  const special = p.name === '@' || p.name === '*';
  let value = paramValue(st, p.name);
  const emit = (s: string): void => { if (dq) b.quoted(s); else b.split(s); };
  const unsetCheck = (): void => {
    if (value === undefined && st.on('nounset') && !special) throw new ShellError(`${p.name}: parameter not set`);
  };
  if (p.len) {
    unsetCheck();
    emit(String([...(value ?? '')].length));
    return;
  }
  if (!p.op) {
    if (special) { positional(st, p.name, b, dq); return; }
    unsetCheck();
    if (value !== undefined) emit(value);
    return;
  }
  const missing = value === undefined || (p.colon === true && value === '');
  switch (p.op) {
    case '-':
      if (missing) expandParts(h, p.arg!.parts, b, dq, true, true);
      else if (special) positional(st, p.name, b, dq);
      else emit(value!);
      return;
    case '+':
      if (!missing) expandParts(h, p.arg!.parts, b, dq, true, true);
      return;
    case '=':
      if (missing) {
        if (special || DIGITS.test(p.name) || !/^[A-Za-z_]/.test(p.name)) throw new ShellError(`${p.name}: bad variable name`);
        value = expandString(h, p.arg!);
        st.set(p.name, value);
      }
      emit(value!);
      return;
    case '?':
      if (missing) {
        const msg = p.arg!.parts.length ? expandString(h, p.arg!) : p.colon ? 'parameter not set or null' : 'parameter not set';
        throw new ShellError(`${p.name}: ${msg}`);
      }
      emit(value!);
      return;
    default: {
      unsetCheck();
      const pat = expandPattern(h, p.arg!);
      emit(trimPattern(value ?? '', pat, p.op[0] === '%', p.op.length === 2));
    }
  }
}

/** `$@` and `$*`: in double quotes "$@" is one field per parameter and "$*" one field joined by IFS[0]. */
function positional(st: ShellState, name: string, b: Fields, dq: boolean): void {
  const ps = st.positional;
  if (dq && name === '*') {
    const ifs = st.get('IFS');
    b.quoted(ps.join(ifs === undefined ? ' ' : ifs.slice(0, 1)));
    return;
  }
  ps.forEach((v, i) => {
    if (dq) {
      if (i > 0) b.end();
      b.quoted(v);
    } else {
      if (i > 0) b.soft();
      b.split(v);
    }
  });
}
