/**
 * The pieces of sed's script syntax that the parser (lib/sedparse.ts) builds on: the parsed
 * forms (addresses, commands, instructions), SedError with GNU's `char N` place, the Reader over
 * the script text, delimited text (`/re/`, `s/a/b/`, `y/a/b/`) with GNU's escapes and brackets,
 * the end of a command, numbers, file names, and compiled regexes.
 */
import { translate } from './regex.js';

export class SedError extends Error {
  /** `at` undefined: a message without a place (labels). `0`: GNU's `char 0` for an open `{`. */
  constructor(message: string, readonly at?: number) {
    super(message);
  }
}

/** A compiled regex; `undefined` stands for the empty regex (the last one used). */
export interface SedRegex {
  readonly re: RegExp | undefined;
}

export type Addr =
  | { readonly kind: 'line'; readonly n: number }
  | { readonly kind: 'last' }
  | { readonly kind: 're'; readonly re: SedRegex }
  | { readonly kind: 'step'; readonly first: number; readonly step: number }
  | { readonly kind: 'plus'; readonly n: number }
  | { readonly kind: 'mult'; readonly n: number };

/** A piece of an s replacement: literal text, a group (0 = &), or a case conversion. */
export type ReplPart =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'group'; readonly n: number }
  | { readonly kind: 'case'; readonly mode: 'L' | 'U' | 'l' | 'u' | 'E' };

export type Command =
  | { readonly name: '{'; end: number }
  | { readonly name: '}' | '=' | 'd' | 'D' | 'g' | 'G' | 'h' | 'H' | 'n' | 'N' | 'p' | 'P' | 'x' | 'z' | 'F' | ':' }
  | { readonly name: 'a' | 'i' | 'c'; readonly text: string }
  | { readonly name: 'b' | 't' | 'T'; readonly label: string; target: number }
  | { readonly name: 'q' | 'Q'; readonly status: number }
  | { readonly name: 'l'; readonly width: number | undefined }
  | { readonly name: 'r' | 'R' | 'w' | 'W'; readonly file: string }
  | { readonly name: 's'; readonly re: SedRegex; readonly repl: readonly ReplPart[]; readonly global: boolean;
    readonly nth: number; readonly print: boolean; readonly file: string | undefined }
  | { readonly name: 'y'; readonly map: ReadonlyMap<string, string> };

export interface Instruction {
  readonly a1: Addr | undefined;
  readonly a2: Addr | undefined;
  /** a1 is `0` (0,/re/). */
  readonly zero: boolean;
  readonly negate: boolean;
  readonly cmd: Command;
  readonly label?: string;
}

export interface Script {
  readonly program: readonly Instruction[];
  /** `#n` on the first line. */
  readonly quiet: boolean;
}

const SPACE = /[ \t\r\v\f]/;

export class Reader {
  pos = 0;
  constructor(readonly s: string) {}
  eof(): boolean { return this.pos >= this.s.length; }
  peek(): string | undefined { return this.s[this.pos]; }
  next(): string | undefined { return this.pos < this.s.length ? this.s[this.pos++] : undefined; }
  skipSpace(): void { while (!this.eof() && SPACE.test(this.s[this.pos]!)) this.pos++; }
  skipSpaceNl(): void { while (!this.eof() && /[ \t\r\v\f\n;]/.test(this.s[this.pos]!)) this.pos++; }
  fail(message: string): never { throw new SedError(message, this.pos); }
}

/**
 * Read up to an unescaped `delim` (consumed): `\delim` becomes delim, `\n` a newline (in a regex
 * kept as `\n` for the translator), brackets are skipped whole in a regex. undefined at a raw
 * newline or the end.
 */
export function delimited(r: Reader, delim: string, regex: boolean): string | undefined {
  let out = '';
  for (;;) {
    const c = r.next();
    if (c === undefined || (c === '\n' && delim !== '\n')) return undefined;
    if (c === delim) return out;
    if (c === '\\') {
      const e = r.next();
      if (e === undefined) return undefined;
      if (e === delim) out += delim;
      else if (e === '\n') out += regex ? '\\n' : '\\\n';
      else out += `\\${e}`;
      continue;
    }
    if (c === '[' && regex) {
      // A bracket expression: to its `]` (the first one after an optional ^ is literal).
      let j = r.pos;
      if (r.s[j] === '^') j++;
      if (r.s[j] === ']') j++;
      for (; j < r.s.length && r.s[j] !== ']'; j++) {
        if (r.s[j] === '[' && /[:.=]/.test(r.s[j + 1] ?? '')) {
          const close = r.s.indexOf(`${r.s[j + 1]}]`, j + 2);
          if (close >= 0) j = close + 1;
        }
      }
      if (j >= r.s.length) { r.pos = r.s.length; return undefined; }
      out += `[${r.s.slice(r.pos, j + 1)}`;
      r.pos = j + 1;
      continue;
    }
    out += c;
  }
}

/** A sed regex compiled with the `g` flag (for lastIndex); '' stands for the last regex used. */
export function compile(source: string, flags: string, extended: boolean): SedRegex {
  if (source === '') return { re: undefined };
  const tr = translate(source, { extended, sed: true });
  return { re: new RegExp(tr.source, `g${flags}`) };
}

/** How many groups `\N` may name (any, for the empty regex: it is checked when it runs). */
export function groupsOf(source: string, extended: boolean): number {
  return source === '' ? 9 : translate(source, { extended, sed: true }).groups;
}

/** The file name of r, R, w, W and s///w: the rest of the line. */
export function readFilename(r: Reader): string {
  r.skipSpace();
  const start = r.pos;
  while (!r.eof() && r.peek() !== '\n') r.pos++;
  const name = r.s.slice(start, r.pos);
  if (name === '') r.fail('missing filename in r/R/w/W commands');
  return name;
}

/** After a command: spaces, then `;`, `}`, `#`, a newline or the end. */
export function endOfCommand(r: Reader, message = 'extra characters after command'): void {
  r.skipSpace();
  const c = r.peek();
  if (c === undefined || c === '\n' || c === ';' || c === '}' || c === '#') {
    if (c === ';' || c === '\n') r.pos++;
    return;
  }
  r.pos++;
  r.fail(message);
}

/** A decimal number at the cursor, if there is one. */
export function number(r: Reader): number | undefined {
  const m = /^\d+/.exec(r.s.slice(r.pos));
  if (!m) return undefined;
  r.pos += m[0].length;
  return Number(m[0]);
}
