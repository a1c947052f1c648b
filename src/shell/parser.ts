/**
 * The shell's parser: recursive descent over the POSIX shell grammar (XCU 2.10.2), one method per
 * production (complete_command, list, and_or, pipeline, command, compound_command, subshell,
 * compound_list, for_clause, case_clause, if_clause, while_clause, until_clause,
 * function_definition, brace_group, do_group, simple_command, io_redirect, io_here). Reserved
 * words are recognized only where the grammar allows them; aliases are expanded in command-name
 * position. Errors are ParseErrors in dash's wording; `incomplete` is set when the input ended
 * inside a construct (an interactive shell then reads a continuation line).
 */
import type { AndOr, Assign, CaseItem, Command, Compound, List, Pipeline, Redir, RedirOp, SimpleCommand, Word } from './ast.js';
import { Lexer, ParseError, type Token } from './lexer.js';

const SPECIAL_BUILTINS = new Set(['break', ':', '.', 'continue', 'eval', 'exec', 'exit', 'export', 'readonly', 'return', 'set', 'shift', 'times', 'trap', 'unset']);
const RESERVED = new Set(['!', '{', '}', 'case', 'do', 'done', 'elif', 'else', 'esac', 'fi', 'for', 'if', 'in', 'then', 'until', 'while']);
const REDIR_OPS = new Set(['<', '>', '>>', '<>', '>|', '<&', '>&', '<<', '<<-']);
const ASSIGN = /^[A-Za-z_][A-Za-z0-9_]*=/;
export const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const MAX_ALIAS_DEPTH = 64;

export type AliasLookup = (name: string) => string | undefined;

/** Whether a word is the plain (unquoted, unexpanded) text `s`. */
function plain(w: Word): string | undefined {
  return w.parts.length === 1 && w.parts[0]!.t === 'lit' ? w.parts[0]!.v : undefined;
}

export class Parser {
  private la: Token | null = null;
  /** The last alias expanded ended in a blank: the word after it is checked for an alias too. */
  private aliasNext: number | undefined;
  private depth = 0;

  constructor(readonly lx: Lexer, private readonly aliases: AliasLookup = () => undefined) {
    lx.sub = {
      paren: (l) => {
        const p = new Parser(l, aliases);
        const body = p.compoundList(true);
        p.expectOp(')');
        return body;
      },
      text: (src, line) => {
        const sublx = new Lexer(src, null, line);
        return new Parser(sublx, aliases).parseAll();
      },
    };
  }

  /** Parse a whole program (eval, backquotes). */
  parseAll(): List {
    const all: AndOr[] = [];
    for (let l = this.parseLine(); l !== null; l = this.parseLine()) all.push(...l);
    return all;
  }

  /** complete_command: the next line's list (possibly empty), or null at end of input. */
  parseLine(): List | null {
    const t = this.peek();
    if (t.k === 'eof') return null;
    if (t.k === 'nl') { this.take(); return []; }
    const list = this.list();
    const end = this.peek();
    if (end.k === 'nl') this.take();
    else if (end.k !== 'eof') throw this.unexpected(end);
    return list;
  }

  /** The line number of the next token. */
  get line(): number {
    return this.peek().line;
  }

  private peek(): Token {
    this.la ??= this.lx.next();
    return this.la;
  }

  private take(): Token {
    const t = this.peek();
    this.la = null;
    return t;
  }

  private isOp(t: Token, v: string): boolean {
    return t.k === 'op' && t.v === v && t.fd === undefined;
  }

  private isWord(t: Token, w: string): boolean {
    return t.k === 'word' && plain(t.word) === w;
  }

  private describe(t: Token): string {
    if (t.k === 'eof') return 'end of file';
    if (t.k === 'nl') return 'newline';
    if (t.k === 'op') return `"${t.v}"`;
    const p = plain(t.word);
    return p !== undefined && RESERVED.has(p) ? `"${p}"` : 'word';
  }

  private unexpected(t: Token, expecting?: string): ParseError {
    const what = this.describe(t);
    const exp = expecting ? ` (expecting "${expecting}")` : '';
    return new ParseError(`Syntax error: ${what} unexpected${exp}`, t.k === 'nl' ? t.line + 1 : t.line, t.k === 'eof', t.at);
  }

  private expectOp(v: string): void {
    const t = this.take();
    if (!this.isOp(t, v)) throw this.unexpected(t, v);
  }

  private expectWord(w: string): void {
    const t = this.take();
    if (!this.isWord(t, w)) throw this.unexpected(t, w);
  }

  /** linebreak: any number of newlines. */
  private linebreak(): void {
    while (this.peek().k === 'nl') this.take();
  }

  /** list: and_or ((';' | '&') and_or)*, ending at a newline or end of input. */
  private list(): List {
    const out: AndOr[] = [];
    for (;;) {
      const ao = this.andOr();
      const t = this.peek();
      if (this.isOp(t, '&') || this.isOp(t, ';')) {
        this.take();
        out.push(this.isOp(t, '&') ? { ...ao, bg: true } : ao);
        const n = this.peek();
        if (n.k === 'nl' || n.k === 'eof') return out;
        continue;
      }
      out.push(ao);
      return out;
    }
  }

  /** Whether the next token ends a compound_list. */
  private atListEnd(): boolean {
    this.expandAliases();
    const t = this.peek();
    if (t.k === 'eof') return true;
    if (t.k === 'op') return t.fd === undefined && (t.v === ')' || t.v === ';;');
    if (t.k !== 'word') return false;
    const p = plain(t.word);
    return p === 'then' || p === 'else' || p === 'elif' || p === 'fi' || p === 'do' || p === 'done' || p === 'esac' || p === '}';
  }

  /** compound_list: terms separated by ';', '&' or newlines; empty only where `allowEmpty`. */
  compoundList(allowEmpty = false, expecting?: string): List {
    if (++this.depth > 200) throw new ParseError('Syntax error: nesting too deep', this.line);
    try {
      const out: AndOr[] = [];
      this.linebreak();
      while (!this.atListEnd()) {
        const ao = this.andOr();
        const t = this.peek();
        if (this.isOp(t, '&')) { this.take(); out.push({ ...ao, bg: true }); }
        else if (this.isOp(t, ';')) { this.take(); out.push(ao); }
        else if (t.k === 'nl') { out.push(ao); }
        else { out.push(ao); if (!this.atListEnd()) throw this.unexpected(t); }
        this.linebreak();
      }
      if (out.length === 0 && !allowEmpty) throw this.unexpected(this.peek(), this.peek().k === 'eof' ? expecting : undefined);
      return out;
    } finally {
      this.depth--;
    }
  }

  /** and_or: pipeline (('&&' | '||') linebreak pipeline)*. */
  private andOr(): AndOr {
    const start = this.peek().at;
    const first = this.pipeline();
    const rest: { op: '&&' | '||'; pipe: Pipeline }[] = [];
    let end = this.lastEnd;
    for (;;) {
      const t = this.peek();
      if (!this.isOp(t, '&&') && !this.isOp(t, '||')) break;
      this.take();
      this.linebreak();
      rest.push({ op: (t as { v: '&&' | '||' }).v, pipe: this.pipeline() });
      end = this.lastEnd;
    }
    return { first, rest, bg: false, text: this.lx.src.slice(start, end).trim() };
  }

  private lastEnd = 0;

  /** pipeline: ['!'] pipe_sequence; pipe_sequence: command ('|' linebreak command)*. */
  private pipeline(): Pipeline {
    let bang = false;
    if (this.isWord(this.peek(), '!')) {
      this.take();
      bang = true;
      if (this.isWord(this.peek(), '!')) throw this.unexpected(this.peek());
    }
    const cmds: Command[] = [this.command()];
    while (this.isOp(this.peek(), '|')) {
      this.take();
      this.linebreak();
      cmds.push(this.command());
    }
    return { bang, cmds };
  }

  /** command: compound_command redirect_list | function_definition | simple_command. */
  private command(): Command {
    this.expandAliases();
    const t = this.peek();
    let c: Compound | undefined;
    if (this.isOp(t, '(')) c = this.subshell();
    else if (t.k === 'word') {
      switch (plain(t.word)) {
        case '{': c = this.braceGroup(); break;
        case 'if': c = this.ifClause(); break;
        case 'while': c = this.whileClause(false); break;
        case 'until': c = this.whileClause(true); break;
        case 'for': c = this.forClause(); break;
        case 'case': c = this.caseClause(); break;
        default:
      }
    }
    if (c) {
      const redirs = this.redirectList();
      return redirs.length ? { ...c, redirs } : c;
    }
    return this.simpleCommand();
  }

  /** Replace an alias in command-name position by its value (again while the value ends in a blank). */
  private expandAliases(): void {
    this.aliasNext = undefined;
    const seen = new Set<string>();
    for (let i = 0; i < MAX_ALIAS_DEPTH; i++) {
      const t = this.peek();
      if (t.k !== 'word') return;
      const name = plain(t.word);
      if (name === undefined || seen.has(name) || RESERVED.has(name)) return;
      const value = this.aliases(name);
      if (value === undefined) return;
      seen.add(name);
      this.la = null;
      this.lx.insert(value);
      this.aliasNext = /[ \t]$/.test(value) ? this.lx.pos + value.length : undefined;
    }
  }

  private redirectList(): Redir[] {
    const out: Redir[] = [];
    while (this.peek().k === 'op' && REDIR_OPS.has((this.peek() as { v: string }).v)) out.push(this.ioRedirect());
    return out;
  }

  /** io_redirect: [IO_NUMBER] (io_file | io_here). */
  private ioRedirect(): Redir {
    const t = this.take() as Token & { k: 'op' };
    const w = this.take();
    this.lastEnd = w.end;
    if (w.k === 'op' && REDIR_OPS.has(w.v)) throw new ParseError('Syntax error: redirection unexpected', w.line);
    if (w.k !== 'word') throw this.unexpected(w);
    const op = t.v as RedirOp;
    if ((op === '<&' || op === '>&') && w.word.parts.every((p) => p.t === 'lit') && !/^([0-9]+|-)$/.test(w.word.text)) {
      this.peek();
      throw new ParseError('Syntax error: Bad fd number', this.lx.line);
    }
    const r: Redir = t.fd === undefined ? { op, target: w.word } : { op, fd: t.fd, target: w.word };
    if (op === '<<' || op === '<<-') this.lx.addHeredoc(op === '<<-', w.word, (h) => { r.here = h; });
    return r;
  }

  /** simple_command: cmd_prefix? WORD cmd_suffix?, or a function_definition. */
  private simpleCommand(): Command {
    const line = this.peek().line;
    const assigns: Assign[] = [];
    const words: Word[] = [];
    const redirs: Redir[] = [];
    for (;;) {
      if (this.aliasNext !== undefined && words.length > 0 && this.peek().at >= this.aliasNext) this.expandAliases();
      const t = this.peek();
      if (t.k === 'op' && REDIR_OPS.has(t.v)) { redirs.push(this.ioRedirect()); continue; }
      if (t.k !== 'word') break;
      if (words.length === 0) {
        const first = t.word.parts[0];
        if (first?.t === 'lit' && ASSIGN.test(first.v)) {
          this.take();
          this.lastEnd = t.end;
          assigns.push(assignment(t.word));
          continue;
        }
        if (assigns.length === 0 && redirs.length === 0) {
          const p = plain(t.word);
          if (p !== undefined && RESERVED.has(p) && p !== '{' && p !== '!') throw this.unexpected(t);
          this.take();
          this.lastEnd = t.end;
          if (this.isOp(this.peek(), '(')) return this.functionDefinition(t.word, line);
          words.push(t.word);
          continue;
        }
      }
      this.take();
      this.lastEnd = t.end;
      words.push(t.word);
    }
    if (assigns.length + words.length + redirs.length === 0) throw this.unexpected(this.peek());
    const c: SimpleCommand = { t: 'simple', assigns, words, redirs, line };
    return c;
  }

  /** function_definition: fname '(' ')' linebreak function_body. */
  private functionDefinition(name: Word, line: number): Command {
    const n = plain(name);
    this.take();
    const t = this.take();
    if (!this.isOp(t, ')')) throw this.unexpected(t, ')');
    if (n === undefined || !NAME.test(n) || SPECIAL_BUILTINS.has(n)) throw new ParseError(`Syntax error: Bad function name`, line);
    this.linebreak();
    const body = this.command();
    if (body.t === 'func') throw new ParseError('Syntax error: Bad function name', line);
    return { t: 'func', name: n, body, line };
  }

  private subshell(): Compound {
    const line = this.take().line;
    const body = this.compoundList(false, ')');
    this.expectOp(')');
    this.lastEnd = this.lx.pos;
    return { t: 'subshell', body, redirs: [], line };
  }

  private braceGroup(): Compound {
    const line = this.take().line;
    const body = this.compoundList(false, '}');
    this.expectWord('}');
    this.lastEnd = this.lx.pos;
    return { t: 'group', body, redirs: [], line };
  }

  private ifClause(): Compound {
    const line = this.take().line;
    const clauses: { cond: List; body: List }[] = [];
    let elsePart: List | undefined;
    for (;;) {
      const cond = this.compoundList(false, 'then');
      this.expectWord('then');
      const body = this.compoundList(false, 'fi');
      clauses.push({ cond, body });
      const t = this.take();
      if (this.isWord(t, 'elif')) continue;
      if (this.isWord(t, 'else')) {
        elsePart = this.compoundList(false, 'fi');
        this.expectWord('fi');
        break;
      }
      if (this.isWord(t, 'fi')) break;
      throw this.unexpected(t, 'fi');
    }
    this.lastEnd = this.lx.pos;
    return elsePart ? { t: 'if', clauses, else: elsePart, redirs: [], line } : { t: 'if', clauses, redirs: [], line };
  }

  private whileClause(until: boolean): Compound {
    const line = this.take().line;
    const cond = this.compoundList(false, 'do');
    const body = this.doGroup();
    return { t: 'loop', until, cond, body, redirs: [], line };
  }

  /** do_group: 'do' compound_list 'done'. */
  private doGroup(): List {
    this.expectWord('do');
    const body = this.compoundList(false, 'done');
    this.expectWord('done');
    this.lastEnd = this.lx.pos;
    return body;
  }

  private forClause(): Compound {
    const line = this.take().line;
    const nt = this.take();
    const name = nt.k === 'word' ? plain(nt.word) : undefined;
    if (name === undefined || !NAME.test(name)) {
      if (nt.k === 'word') throw new ParseError(`Syntax error: Bad for loop variable`, nt.line);
      throw this.unexpected(nt);
    }
    let items: Word[] | undefined;
    this.linebreak();
    if (this.isWord(this.peek(), 'in')) {
      this.take();
      items = [];
      for (let t = this.peek(); t.k === 'word'; t = this.peek()) { this.take(); items.push(t.word); }
      const s = this.take();
      if (!this.isOp(s, ';') && s.k !== 'nl') throw this.unexpected(s, 'do');
      this.linebreak();
    } else if (this.isOp(this.peek(), ';')) {
      this.take();
      this.linebreak();
    }
    const body = this.doGroup();
    return items ? { t: 'for', name, items, body, redirs: [], line } : { t: 'for', name, body, redirs: [], line };
  }

  private caseClause(): Compound {
    const line = this.take().line;
    const wt = this.take();
    if (wt.k !== 'word') throw this.unexpected(wt);
    this.linebreak();
    this.expectWord('in');
    this.linebreak();
    const items: CaseItem[] = [];
    for (;;) {
      const t = this.peek();
      if (this.isWord(t, 'esac')) { this.take(); break; }
      if (this.isOp(t, '(')) this.take();
      const patterns: Word[] = [];
      for (;;) {
        const p = this.take();
        if (p.k !== 'word') throw this.unexpected(p, ')');
        patterns.push(p.word);
        const s = this.take();
        if (this.isOp(s, ')')) break;
        if (!this.isOp(s, '|')) throw this.unexpected(s, ')');
      }
      const body = this.compoundList(true);
      items.push({ patterns, body });
      const e = this.take();
      if (this.isWord(e, 'esac')) break;
      if (!this.isOp(e, ';;')) throw this.unexpected(e, 'esac');
      this.linebreak();
    }
    this.lastEnd = this.lx.pos;
    return { t: 'case', word: wt.word, items, redirs: [], line };
  }
}

function assignment(w: Word): Assign {
  const first = w.parts[0] as { t: 'lit'; v: string };
  const eq = first.v.indexOf('=');
  const rest = first.v.slice(eq + 1);
  const parts = [...(rest ? [{ t: 'lit' as const, v: rest }] : []), ...w.parts.slice(1)];
  return { name: first.v.slice(0, eq), value: { parts, text: w.text.slice(eq + 1) } };
}

/** Parse a whole string (eval, `sh -c` when parsed at once, tests). */
export function parse(src: string, aliases?: AliasLookup, line = 1): List {
  return new Parser(new Lexer(src, null, line), aliases).parseAll();
}
