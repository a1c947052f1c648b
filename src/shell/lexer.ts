/**
 * The shell's lexer (POSIX XCU 2.3 Token Recognition). It reads characters on demand from a
 * source (a string plus a `more()` callback that supplies further lines, so an interactive shell
 * can prompt with PS2) and produces tokens: operators (DAND `&&`, DLESS `<<`, … named by their
 * text), NEWLINE, IO_NUMBER-prefixed redirection operators, and WORDs already split into quoting
 * parts. Here-document bodies are read when the NEWLINE after their operator is consumed.
 * Command substitution `$(…)` is parsed recursively through the `sub` hooks the parser installs.
 */
import type { List, ParamPart, Word, WordPart } from './ast.js';

/**
 * A syntax error: the message in dash's words, the line it is reported on (dash's numbering),
 * the source offset where it was found (-1 if unknown), and `incomplete` when the input ended
 * inside a construct (an interactive shell reads a continuation line instead of failing).
 */
export class ParseError extends Error {
  constructor(message: string, readonly line: number, readonly incomplete = false, readonly offset = -1) {
    super(message);
  }
}

interface At {
  readonly line: number;
  /** Source offsets of the token's text. */
  readonly at: number;
  end: number;
}
export type Token =
  | ({ readonly k: 'word'; readonly word: Word } & At)
  | ({ readonly k: 'op'; readonly v: string; readonly fd?: number } & At)
  | ({ readonly k: 'nl' } & At)
  | ({ readonly k: 'eof' } & At);

export interface SubParsers {
  /** Parse a command list up to the `)` of `$(`, consuming it. */
  paren(lx: Lexer): List;
  /** Parse the text of a backquoted substitution. */
  text(src: string, line: number): List;
}

interface PendingHere {
  readonly strip: boolean;
  readonly delim: string;
  readonly quoted: boolean;
  readonly set: (here: { quoted: boolean; body: Word }) => void;
}

const OPS = ['&&', '||', ';;', '<<-', '<<', '>>', '<&', '>&', '<>', '>|', '&', '|', ';', '<', '>', '(', ')'];
const META = new Set([' ', '\t', '\n', ';', '&', '|', '<', '>', '(', ')']);
const SPECIAL_PARAMS = new Set(['@', '*', '#', '?', '-', '$', '!', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
const NAME_START = /[A-Za-z_]/;
const NAME_CHAR = /[A-Za-z0-9_]/;
/** A bound on nested constructs, so hostile input cannot exhaust the stack. */
const MAX_DEPTH = 200;

type Mode = 'word' | 'dq' | 'brace' | 'bracedq' | 'here' | 'arith';

export class Lexer {
  src: string;
  pos = 0;
  line: number;
  private done: boolean;
  private pending: PendingHere[] = [];
  private depth = 0;
  sub!: SubParsers;
  /** Set true by the parser after an alias whose value ends in a blank. */
  aliasActive = new Set<string>();

  constructor(src: string, private readonly more: (() => string | null) | null = null, line = 1) {
    this.src = src;
    this.line = line;
    this.done = more === null;
  }

  /** The character `off` ahead, or '' at end of input (asking for more input first). */
  peek(off = 0): string {
    while (this.pos + off >= this.src.length && !this.done) {
      const m = this.more!();
      if (m === null) this.done = true;
      else this.src += m;
    }
    return this.src[this.pos + off] ?? '';
  }

  private take(): string {
    const c = this.peek();
    if (c) this.pos++;
    if (c === '\n') this.line++;
    return c;
  }

  atEof(): boolean {
    return this.peek() === '';
  }

  /** Insert text (an alias value) at the current position. */
  insert(text: string): void {
    this.src = this.src.slice(0, this.pos) + text + this.src.slice(this.pos);
  }

  error(msg: string, incomplete = false): ParseError {
    return new ParseError(msg, this.line, incomplete, this.pos);
  }

  /** Skip blanks, comments and line continuations between tokens. */
  private skipBlank(): void {
    for (;;) {
      const c = this.peek();
      if (c === ' ' || c === '\t') this.pos++;
      else if (c === '\\' && this.peek(1) === '\n') { this.pos += 2; this.line++; }
      else if (c === '#') { while (this.peek() !== '\n' && this.peek() !== '') this.pos++; }
      else return;
    }
  }

  next(): Token {
    const t = this.token();
    t.end = this.pos;
    return t;
  }

  private token(): Token {
    this.skipBlank();
    const at = this.pos;
    const end = at;
    const line = this.line;
    const c = this.peek();
    if (c === '') {
      if (this.pending.length) this.readHeredocs();
      return { k: 'eof', line, at, end };
    }
    if (c === '\n') {
      this.take();
      if (this.pending.length) this.readHeredocs();
      return { k: 'nl', line, at, end };
    }
    for (const op of OPS) if (this.startsWith(op)) { this.pos += op.length; return { k: 'op', v: op, line, at, end }; }
    // IO_NUMBER: digits directly followed by < or >
    let n = 0;
    while (/[0-9]/.test(this.peek(n))) n++;
    if (n > 0 && (this.peek(n) === '<' || this.peek(n) === '>')) {
      const fd = Number(this.src.slice(this.pos, this.pos + n));
      this.pos += n;
      for (const op of OPS) if (this.startsWith(op)) { this.pos += op.length; return { k: 'op', v: op, fd, line, at, end }; }
    }
    const start = this.pos;
    const parts = this.scan('word');
    return { k: 'word', word: { parts, text: this.src.slice(start, this.pos) }, line, at, end };
  }

  private startsWith(s: string): boolean {
    for (let i = 0; i < s.length; i++) if (this.peek(i) !== s[i]) return false;
    return true;
  }

  /** Register a here-document whose body is read at the next newline. */
  addHeredoc(strip: boolean, delimWord: Word, set: PendingHere['set']): void {
    const quoted = delimWord.parts.some((p) => p.t !== 'lit');
    this.pending.push({ strip, delim: unquoteText(delimWord.parts), quoted, set });
  }

  private readHeredocs(): void {
    const list = this.pending;
    this.pending = [];
    for (const h of list) {
      let body = '';
      const startLine = this.line;
      for (;;) {
        if (this.peek() === '') break;
        let ln = '';
        while (this.peek() !== '\n' && this.peek() !== '') ln += this.take();
        const nl = this.take();
        if (h.strip) ln = ln.replace(/^\t+/, '');
        if (ln === h.delim) break;
        body += ln + nl;
      }
      if (h.quoted) {
        h.set({ quoted: true, body: { parts: [{ t: 'sq', v: body }], text: body } });
      } else {
        const lx = new Lexer(body, null, startLine);
        lx.sub = this.sub;
        h.set({ quoted: false, body: { parts: lx.scan('here'), text: body } });
      }
    }
  }

  /** Scan word parts in a context until its terminator (which is not consumed). */
  scan(mode: Mode): WordPart[] {
    if (++this.depth > MAX_DEPTH) throw this.error('Syntax error: nesting too deep');
    try {
      return this.scanParts(mode);
    } finally {
      this.depth--;
    }
  }

  private scanParts(mode: Mode): WordPart[] {
    const parts: WordPart[] = [];
    let lit = '';
    const flush = (): void => {
      if (lit) parts.push({ t: 'lit', v: lit });
      lit = '';
    };
    let parenDepth = 0;
    for (;;) {
      const c = this.peek();
      if (c === '') {
        if (mode === 'dq' || mode === 'bracedq') throw this.error('Syntax error: Unterminated quoted string', true);
        if (mode === 'brace') throw this.error("Syntax error: Missing '}'", true);
        if (mode === 'arith') throw this.error("Syntax error: Missing '))'", true);
        break;
      }
      if (mode === 'word' && META.has(c)) break;
      if (mode === 'dq' && c === '"') break;
      if ((mode === 'brace' || mode === 'bracedq') && c === '}') break;
      if (mode === 'arith') {
        if (c === '(') parenDepth++;
        if (c === ')') {
          if (parenDepth === 0) break;
          parenDepth--;
        }
      }
      const quoting = mode === 'word' || mode === 'brace' || mode === 'bracedq';
      if (c === '\\') {
        const d = this.peek(1);
        if (d === '\n') { this.pos += 2; this.line++; continue; }
        if (d === '') { this.pos++; lit += '\\'; continue; }
        if (quoting || (mode === 'dq' && '$`"\\'.includes(d)) || (mode !== 'dq' && '$`\\'.includes(d))) {
          if (mode === 'bracedq' && !'$`"\\}'.includes(d)) { lit += this.take(); continue; }
          flush();
          this.pos++;
          parts.push({ t: 'esc', v: this.take() });
        } else {
          lit += this.take();
        }
        continue;
      }
      if (c === "'" && (mode === 'word' || mode === 'brace')) {
        flush();
        this.pos++;
        const from = this.pos;
        while (this.peek() !== "'") {
          if (this.peek() === '') throw this.error('Syntax error: Unterminated quoted string', true);
          this.take();
        }
        parts.push({ t: 'sq', v: this.src.slice(from, this.pos) });
        this.pos++;
        continue;
      }
      if (c === '"' && quoting) {
        flush();
        this.pos++;
        const inner = this.scan('dq');
        this.pos++;
        parts.push({ t: 'dq', parts: inner });
        continue;
      }
      if (c === '$') {
        const p = this.dollar(mode === 'dq' || mode === 'bracedq');
        if (p) { flush(); parts.push(p); } else { lit += '$'; }
        continue;
      }
      if (c === '`') {
        flush();
        parts.push(this.backquote(mode === 'dq' || mode === 'bracedq'));
        continue;
      }
      lit += this.take();
    }
    flush();
    return parts;
  }

  /** After `$`: a parameter, command substitution or arithmetic; null when `$` is literal. */
  private dollar(inDq: boolean): WordPart | null {
    const c = this.peek(1);
    if (c === '{') { this.pos += 2; return this.braceParam(inDq); }
    if (c === '(') {
      if (this.peek(2) === '(' && this.isArith()) {
        this.pos += 3;
        const start = this.pos;
        const parts = this.scan('arith');
        const text = this.src.slice(start, this.pos);
        this.pos += 2;
        return { t: 'arith', expr: { parts, text } };
      }
      this.pos += 2;
      if (++this.depth > MAX_DEPTH) throw this.error('Syntax error: nesting too deep');
      try {
        return { t: 'cmd', body: this.sub.paren(this), bq: false };
      } finally {
        this.depth--;
      }
    }
    if (SPECIAL_PARAMS.has(c)) { this.pos += 2; return { t: 'param', name: c }; }
    if (NAME_START.test(c)) {
      this.pos++;
      let name = '';
      while (NAME_CHAR.test(this.peek())) name += this.take();
      return { t: 'param', name };
    }
    this.pos++;
    return null;
  }

  /** Whether the `$((` here closes with `))` (arithmetic) rather than being `$( (…) )`. */
  private isArith(): boolean {
    let depth = 0;
    for (let i = 3; ; i++) {
      const c = this.peek(i);
      if (c === '') return true;
      if (c === '(') depth++;
      else if (c === ')') {
        if (depth === 0) return this.peek(i + 1) === ')';
        depth--;
      }
    }
  }

  private braceParam(inDq: boolean): ParamPart {
    const line = this.line;
    try {
      return this.braceParamAt(inDq);
    } catch (e) {
      if (e instanceof ParseError && e.message.includes("Missing '}'")) throw new ParseError(e.message, line, true);
      throw e;
    }
  }

  private braceParamAt(inDq: boolean): ParamPart {
    let len = false;
    let name = '';
    const c = this.peek();
    if (c === '#' && /[A-Za-z_0-9@*?$!#]/.test(this.peek(1))) {
      len = true;
      this.pos++;
    }
    const d = this.peek();
    if (NAME_START.test(d)) {
      while (NAME_CHAR.test(this.peek())) name += this.take();
    } else if (/[0-9]/.test(d)) {
      while (/[0-9]/.test(this.peek())) name += this.take();
    } else if (SPECIAL_PARAMS.has(d)) {
      name = this.take();
    } else if (d === '') {
      throw this.error("Syntax error: Missing '}'", true);
    } else {
      this.skipToBrace();
      return badSubst();
    }
    if (this.peek() === '}') { this.pos++; return len ? { t: 'param', name, len } : { t: 'param', name }; }
    if (len) { this.skipToBrace(); return badSubst(); }
    let colon = false;
    if (this.peek() === ':') { colon = true; this.pos++; }
    let op: ParamPart['op'];
    const o = this.peek();
    if ('-=?+'.includes(o) && o !== '') { op = o as ParamPart['op']; this.pos++; }
    else if (!colon && (o === '#' || o === '%')) {
      this.pos++;
      if (this.peek() === o) { this.pos++; op = (o + o) as ParamPart['op']; } else op = o as ParamPart['op'];
    } else {
      this.skipToBrace();
      return badSubst();
    }
    const start = this.pos;
    const parts = this.scan(inDq && (op === '-' || op === '=' || op === '?' || op === '+') ? 'bracedq' : 'brace');
    const arg = { parts, text: this.src.slice(start, this.pos) };
    this.pos++;
    return colon ? { t: 'param', name, op, colon, arg } : { t: 'param', name, op, arg };
  }

  private skipToBrace(): void {
    while (this.peek() !== '}') {
      if (this.peek() === '') throw this.error("Syntax error: Missing '}'", true);
      this.take();
    }
    this.pos++;
  }

  private backquote(inDq: boolean): WordPart {
    const line = this.line;
    this.pos++;
    let text = '';
    for (;;) {
      const c = this.take();
      if (c === '') throw this.error('Syntax error: EOF in backquote substitution', true);
      if (c === '`') break;
      if (c === '\\') {
        const d = this.peek();
        if (d === '$' || d === '`' || d === '\\' || (inDq && d === '"')) { text += this.take(); continue; }
        if (d === '\n') { this.take(); continue; }
      }
      text += c;
    }
    return { t: 'cmd', body: this.sub.text(text, line), bq: true };
  }
}

function badSubst(): ParamPart {
  return { t: 'param', name: '', bad: true };
}

/** The text of word parts with quotes removed and no expansion (here-document delimiters). */
export function unquoteText(parts: readonly WordPart[]): string {
  return parts.map((p) => {
    switch (p.t) {
      case 'lit': case 'sq': case 'esc': return p.v;
      case 'dq': return unquoteText(p.parts);
      case 'param': return `$${p.name}`;
      default: return '';
    }
  }).join('');
}
