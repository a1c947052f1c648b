/**
 * sed's script parser, as GNU sed 4.9 reads scripts: the pieces from -e and -f joined by
 * newlines, commands separated by newlines or `;`, `{…}` blocks, addresses (N, $, /re/ and
 * \cREc with I and M, first~step, addr,+N, addr,~N, 0,/re/, `!`), and the commands
 * `{ } = a b c d D F g G h H i l n N p P q Q r R s t T v w W x y z # :label`. A syntax error is a
 * SedError whose `at` is the count of script characters read when it was found, as GNU's
 * `char N` is; the caller turns it into `-e expression #K, char N` or `file F line N`.
 */
import { RegexError, sedEscape } from './regex.js';
import {
  compile, delimited, endOfCommand, groupsOf, number, Reader, readFilename, SedError,
  type Addr, type Command, type Instruction, type ReplPart, type Script, type SedRegex,
} from './sedsyntax.js';

export { SedError };
export type { Addr, Command, Instruction, ReplPart, Script, SedRegex };

/** The text of a, i, c (GNU: one-liner or after `\` and a newline); escapes processed. */
function readText(r: Reader, name: string): string {
  r.skipSpace();
  let classic = false;
  if (r.peek() === '\\') {
    r.pos++;
    classic = true;
    if (r.peek() === '\n') r.pos++;
  } else if (r.eof() || r.peek() === '\n') {
    r.fail(`expected \\ after \`a', \`c' or \`i'`);
  }
  let text = '';
  for (;;) {
    const c = r.next();
    if (c === undefined || c === '\n') break;
    if (c === '\\') {
      const e = r.next();
      if (e === undefined) break;
      const esc = sedEscape(r.s, r.pos - 1);
      if (esc && e !== '\n') { text += esc[0]; r.pos = esc[1]; } else text += e;
      continue;
    }
    text += c;
  }
  void name;
  return classic && text === '' ? '' : `${text}\n`;
}

function readLabel(r: Reader): string {
  r.skipSpace();
  const start = r.pos;
  while (!r.eof() && r.peek() !== '\n' && r.peek() !== ';') r.pos++;
  return r.s.slice(start, r.pos).replace(/\s+$/, '');
}

function regexAddr(r: Reader, delim: string, extended: boolean): Addr {
  const src = delimited(r, delim, true);
  if (src === undefined) r.fail('unterminated address regex');
  let flags = '';
  for (;;) {
    const f = r.peek();
    if (f === 'I') flags += flags.includes('i') ? '' : 'i';
    else if (f === 'M') flags += flags.includes('m') ? '' : 'm';
    else break;
    r.pos++;
  }
  try {
    return { kind: 're', re: compile(src, flags, extended) };
  } catch (e) {
    if (e instanceof RegexError) r.fail(e.message);
    throw e;
  }
}

function address(r: Reader, extended: boolean, second: boolean): Addr | undefined {
  const c = r.peek();
  if (c === undefined) return undefined;
  if (/\d/.test(c)) {
    const n = number(r)!;
    if (!second && r.peek() === '~') {
      r.pos++;
      return { kind: 'step', first: n, step: number(r) ?? 0 };
    }
    return { kind: 'line', n };
  }
  if (second && (c === '+' || c === '~')) {
    r.pos++;
    const n = number(r);
    if (n === undefined) r.fail("expected newer version of sed");
    return c === '+' ? { kind: 'plus', n } : { kind: 'mult', n };
  }
  if (c === '$') { r.pos++; return { kind: 'last' }; }
  if (c === '/') { r.pos++; return regexAddr(r, '/', extended); }
  if (c === '\\') {
    r.pos++;
    const d = r.next();
    if (d === undefined || d === '\n' || d === '\\') r.fail('unterminated address regex');
    return regexAddr(r, d, extended);
  }
  return undefined;
}

function substitute(r: Reader, extended: boolean): Command {
  const delim = r.next();
  if (delim === undefined || delim === '\n' || delim === '\\') r.fail("unterminated `s' command");
  const src = delimited(r, delim, true);
  if (src === undefined) r.fail("unterminated `s' command");
  const rawRepl = delimited(r, delim, false);
  if (rawRepl === undefined) r.fail("unterminated `s' command");
  let global = false;
  let print = false;
  let nth = 0;
  let flags = '';
  let file: string | undefined;
  for (let done = false; !done;) {
    const c = r.peek();
    if (c === 'g') { r.pos++; if (global) r.fail("multiple `g' options to `s' command"); global = true; continue; }
    if (c === 'p') { r.pos++; if (print) r.fail("multiple `p' options to `s' command"); print = true; continue; }
    if (c === 'i' || c === 'I') { r.pos++; flags += flags.includes('i') ? '' : 'i'; continue; }
    if (c === 'm' || c === 'M') { r.pos++; flags += flags.includes('m') ? '' : 'm'; continue; }
    if (c !== undefined && /\d/.test(c)) {
      if (nth) { r.pos++; r.fail("multiple number options to `s' command"); }
      const n = number(r)!;
      if (n === 0) r.fail("number option to `s' command may not be zero");
      nth = n;
      continue;
    }
    if (c === 'w') { r.pos++; file = readFilename(r); done = true; continue; }
    endOfCommand(r, "unknown option to `s'");
    done = true;
  }
  const repl = replacement(rawRepl);
  let re: SedRegex;
  try {
    re = compile(src, flags, extended);
    const groups = groupsOf(src, extended);
    const bad = repl.find((p) => p.kind === 'group' && p.n > groups);
    if (bad && bad.kind === 'group') r.fail(`invalid reference \\${bad.n} on \`s' command's RHS`);
  } catch (e) {
    if (e instanceof RegexError) r.fail(e.message);
    throw e;
  }
  return { name: 's', re, repl, global, nth: nth || 1, print, file };
}

/** An s replacement's parts; `raw` keeps backslashes (but `\delim` is already the delimiter). */
function replacement(raw: string): ReplPart[] {
  const parts: ReplPart[] = [];
  let text = '';
  const flush = (): void => { if (text) parts.push({ kind: 'text', text }); text = ''; };
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i]!;
    if (c === '&') { flush(); parts.push({ kind: 'group', n: 0 }); continue; }
    if (c !== '\\' || i + 1 >= raw.length) { text += c; continue; }
    const e = raw[++i]!;
    if (/[0-9]/.test(e)) { flush(); parts.push({ kind: 'group', n: Number(e) }); continue; }
    if (/[LUluE]/.test(e)) { flush(); parts.push({ kind: 'case', mode: e as 'L' }); continue; }
    if (e === '\n') { text += '\n'; continue; }
    const esc = sedEscape(raw, i);
    if (esc) { text += esc[0]; i = esc[1] - 1; continue; }
    text += e;
  }
  flush();
  return parts;
}

function transliterate(r: Reader): Command {
  const delim = r.next();
  if (delim === undefined || delim === '\n' || delim === '\\') r.fail("unterminated `y' command");
  const unescape = (s: string): string[] => {
    const out: string[] = [];
    for (let i = 0; i < s.length; i++) {
      if (s[i] === '\\' && i + 1 < s.length) {
        const esc = s[i + 1] === '\\' ? ['\\', i + 2] as const : sedEscape(s, i + 1);
        if (esc) { out.push(esc[0]); i = esc[1] - 1; continue; }
        r.fail("unknown option to `s'");
      }
      out.push(s[i]!);
    }
    return out;
  };
  const a = delimited(r, delim, false);
  if (a === undefined) r.fail("unterminated `y' command");
  const b = delimited(r, delim, false);
  if (b === undefined) r.fail("unterminated `y' command");
  const from = unescape(a);
  const to = unescape(b);
  if (from.length !== to.length) r.fail("strings for `y' command are different lengths");
  endOfCommand(r);
  return { name: 'y', map: new Map(from.map((c, i) => [c, to[i]!])) };
}

/** Parse a whole script (the pieces already joined by newlines). */
export function parseScript(s: string, extended: boolean): Script {
  const r = new Reader(s);
  const program: Instruction[] = [];
  const open: number[] = [];
  const quiet = /^#n(\n|$)/.test(s);
  for (;;) {
    r.skipSpaceNl();
    if (r.eof()) break;
    const start = r.pos;
    let a1 = address(r, extended, false);
    let a2: Addr | undefined;
    let zero = false;
    if (a1) {
      r.skipSpace();
      if (r.peek() === ',') {
        r.pos++;
        r.skipSpace();
        a2 = address(r, extended, true);
        if (!a2) { if (!r.eof()) r.pos++; r.fail("unexpected `,'"); }
      }
      if (a1.kind === 'line' && a1.n === 0) zero = true;
    }
    r.skipSpace();
    let negate = false;
    while (r.peek() === '!') {
      r.pos++;
      if (negate) r.fail("multiple `!'s");
      negate = true;
      r.skipSpace();
    }
    const name = r.next();
    if (name === undefined || name === '\n' || name === ';') r.fail('missing command');
    if (zero && !(a2?.kind === 're')) r.fail('invalid usage of line address 0');
    if (zero) a1 = { kind: 'line', n: 0 };
    const noAddr = (what: string): void => { if (a1) r.fail(what); };
    const oneAddr = (): void => { if (a2) r.fail('command only uses one address'); };
    let cmd: Command;
    switch (name) {
      case '{':
        open.push(program.length);
        cmd = { name: '{', end: -1 };
        break;
      case '}':
        noAddr("unexpected `,'");
        if (open.length === 0) r.fail("unexpected `}'");
        (program[open.pop()!]!.cmd as { end: number }).end = program.length + 1;
        cmd = { name: '}' };
        endOfCommand(r);
        break;
      case '#':
        noAddr("comments don't accept any addresses");
        while (!r.eof() && r.peek() !== '\n') r.pos++;
        continue;
      case ':': {
        if (a1) r.fail(": doesn't want any addresses");
        const label = readLabel(r);
        if (label === '') r.fail('":" lacks a label');
        if (r.peek() === ';') r.pos++;
        program.push({ a1, a2, zero, negate, cmd: { name: ':' }, label });
        continue;
      }
      case '=': case 'd': case 'D': case 'g': case 'G': case 'h': case 'H': case 'n': case 'N':
      case 'p': case 'P': case 'x': case 'z': case 'F':
        cmd = { name };
        endOfCommand(r);
        break;
      case 'a': case 'i': case 'c':
        cmd = { name, text: readText(r, name) };
        break;
      case 'b': case 't': case 'T': {
        const label = readLabel(r);
        if (r.peek() === ';') r.pos++;
        cmd = { name, label, target: -1 };
        break;
      }
      case 'q': case 'Q': {
        oneAddr();
        r.skipSpace();
        cmd = { name, status: number(r) ?? 0 };
        endOfCommand(r);
        break;
      }
      case 'l': {
        r.skipSpace();
        cmd = { name, width: number(r) };
        endOfCommand(r);
        break;
      }
      case 'v': // GNU: needs at least this version of sed; every version is here.
        readLabel(r);
        if (r.peek() === ';') r.pos++;
        continue;
      case 'r': case 'R': case 'w': case 'W':
        cmd = { name, file: readFilename(r) };
        break;
      case 's':
        cmd = substitute(r, extended);
        break;
      case 'y':
        cmd = transliterate(r);
        break;
      default:
        return r.fail(`unknown command: \`${name}'`);
    }
    void start;
    program.push({ a1, a2, zero, negate, cmd });
  }
  if (open.length > 0) throw new SedError("unmatched `{'", 0);
  const labels = new Map<string, number>();
  program.forEach((ins, i) => { if (ins.label !== undefined && !labels.has(ins.label)) labels.set(ins.label, i); });
  for (const ins of program) {
    const c = ins.cmd;
    if (c.name === 'b' || c.name === 't' || c.name === 'T') {
      if (c.label === '') { c.target = program.length; continue; }
      const at = labels.get(c.label);
      if (at === undefined) throw new SedError(`can't find label for jump to \`${c.label}'`);
      c.target = at;
    }
  }
  return { program, quiet };
}
