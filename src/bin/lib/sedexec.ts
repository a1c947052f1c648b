/**
 * sed's execution, as GNU sed 4.9 runs a parsed script: a cycle per input line over the pattern
 * space, the hold space, range state per instruction, the append queue (a, r, R) written at the
 * end of the cycle or when n/N read the next line, the `t` flag, and GNU's rule that a last line
 * without its newline is printed without one (a newline is added before anything printed after).
 * s: POSIX empty-match rules (`s/x*\/-/g` on `abc` is `-a-b-c-`; no empty match right after a
 * match), N-th match and N-th onwards (`2g`), `&`, `\1`–`\9`, `\L \U \l \u \E`.
 */
import type { Addr, Instruction, ReplPart, Script, SedRegex } from './sedparse.js';
import type { SedInput } from './sedinput.js';
import { longestMatch } from './regex.js';

/** A fatal run-time error (`no previous regular expression`), status 4 as GNU. */
export class SedRuntimeError extends Error {}

/** Where output goes: a stream that remembers whether its last line lacked its newline. */
export interface Sink {
  write(s: string): void;
}

export class Stream {
  private missing = false;
  constructor(private readonly sink: Sink) {}
  /** Write `text`; `terminated` false leaves it without its newline until something follows. */
  line(text: string, terminated: boolean, nl: string): void {
    this.sink.write(`${this.missing ? nl : ''}${text}${terminated ? nl : ''}`);
    this.missing = !terminated;
  }
  /** Text as it is (a, i, c, =, l): after the newline a previous line lacked. */
  raw(text: string): void {
    this.sink.write(`${this.missing ? '\n' : ''}${text}`);
    this.missing = false;
  }
  /** A file's bytes (r, R) as they are; a missing last newline stays missing, unrepaired. */
  bytes(text: string): void {
    if (text === '') return;
    this.raw(text);
  }
}

export interface Host {
  readonly stdout: Stream;
  readonly quiet: boolean;
  /** Line width for `l` (-l N; 70). */
  readonly lineWrap: number;
  /** `\n`, or `\0` with -z. */
  readonly nl: string;
  /** The stream for `w FILE` (opened before the run). */
  writer(file: string): Stream;
  /** The whole text of a file for `r` ('' if unreadable: nothing is appended). */
  readFile(file: string): string;
  /** The next line of a file for `R`, with its newline if it has one ('' at the end). */
  readLine(file: string): string;
}

type Pending = { readonly kind: 'text'; readonly text: string } | { readonly kind: 'file'; readonly file: string }
  | { readonly kind: 'line'; readonly file: string };

const MAX_STEPS = 100_000_000;

/** The script's state across lines and files (hold space, ranges, last regex). */
export class Sed {
  private hold = '';
  private lastRe: RegExp | undefined;
  private readonly active: boolean[];
  private readonly rangeEnd: number[];
  /** A range whose first address is a line number has been used (it cannot start again). */
  private readonly closed: boolean[];
  private steps = 0;

  /** `where` prefixes run-time errors as GNU places them (`-e expression #1, char 0: `). */
  constructor(private readonly script: Script, private readonly host: Host, private readonly where = '') {
    this.active = script.program.map((i) => i.zero);
    this.rangeEnd = script.program.map(() => 0);
    this.closed = script.program.map((i) => i.zero); // 0,/re/ starts active, before line 1
  }

  private regex(r: SedRegex): RegExp {
    const re = r.re ?? this.lastRe;
    if (re === undefined) throw new SedRuntimeError(`${this.where}no previous regular expression`);
    this.lastRe = re;
    return re;
  }

  private test(r: SedRegex, ps: string): boolean {
    const re = this.regex(r);
    re.lastIndex = 0;
    return re.test(ps);
  }

  private matchOne(a: Addr, ps: string, input: SedInput): boolean {
    switch (a.kind) {
      case 'line': return input.lineNo === a.n;
      case 'last': return input.isLast();
      case 're': return this.test(a.re, ps);
      case 'step': return a.step <= 0 ? input.lineNo === a.first : input.lineNo >= a.first && (input.lineNo - a.first) % a.step === 0;
      default: return false;
    }
  }

  private matches(i: number, ins: Instruction, ps: string, input: SedInput): boolean {
    if (!ins.a1) return true;
    if (!ins.a2) return this.matchOne(ins.a1, ps, input);
    const a2 = ins.a2;
    const n = input.lineNo;
    if (this.active[i]) {
      let ends: boolean;
      switch (a2.kind) {
        case 'line': ends = n >= a2.n; break;
        case 'plus': ends = n >= this.rangeEnd[i]!; break;
        case 'mult': ends = n >= this.rangeEnd[i]!; break;
        default: ends = this.matchOne(a2, ps, input);
      }
      if (a2.kind === 'line' && n > a2.n) {
        // Its line-number end was passed (N read over it): the range ends before this line (GNU).
        this.active[i] = false;
        return false;
      }
      if (ends) this.active[i] = false;
      return true;
    }
    // A line number starts a range on any later line too (N may have read past it), once.
    if (ins.a1.kind === 'line') {
      if (this.closed[i] || n < ins.a1.n) return false;
      this.closed[i] = true;
      if (n > ins.a1.n && a2.kind === 'line' && n > a2.n) return false; // both passed: never
    } else if (!this.matchOne(ins.a1, ps, input)) {
      return false;
    }
    switch (a2.kind) {
      case 'line': this.active[i] = a2.n > n; break;
      case 'plus': this.rangeEnd[i] = n + a2.n; this.active[i] = a2.n > 0; break;
      // GNU 4.9: to the next multiple of N after this line, even when this line is one.
      case 'mult': this.rangeEnd[i] = a2.n > 0 ? (Math.floor(n / a2.n) + 1) * a2.n : n; this.active[i] = a2.n > 0; break;
      case 'last': this.active[i] = !input.isLast(); break;
      default: this.active[i] = true;
    }
    return true;
  }

  /**
   * Run the script over the input, printing to `stdout` (default the host's; -i gives each
   * file's temporary file); returns the exit status of q/Q, or undefined at the end of
   * the input.
   */
  run(input: SedInput, stdout?: Stream): number | undefined {
    const { program } = this.script;
    const h = this.host;
    const out = stdout ?? h.stdout;
    let ps = '';
    let terminated = true;
    let reuse = false; // D: start the next cycle with what is left, without reading
    for (;;) {
      if (!reuse) {
        const line = input.next();
        if (line === undefined) return undefined;
        ps = line.text;
        terminated = line.terminated;
      }
      reuse = false;
      let tflag = false;
      const append: Pending[] = [];
      const flushAppend = (): void => {
        for (const p of append.splice(0)) {
          if (p.kind === 'text') out.raw(p.text);
          else if (p.kind === 'file') out.bytes(h.readFile(p.file));
          else out.bytes(h.readLine(p.file));
        }
      };
      const autoprint = (): void => { if (!h.quiet) out.line(ps, terminated, h.nl); };
      let printAtEnd = true;
      let quit: number | undefined;
      let pc = 0;
      cycle: while (pc < program.length) {
        if (++this.steps > MAX_STEPS) throw new SedRuntimeError('too many steps (a loop in the script?)');
        const ins = program[pc]!;
        const c = ins.cmd;
        if (this.matches(pc, ins, ps, input) === ins.negate) {
          pc = c.name === '{' ? c.end : pc + 1;
          continue;
        }
        pc++;
        switch (c.name) {
          case '{': case '}': case ':': break;
          case '=': out.raw(`${input.lineNo}\n`); break;
          case 'a': append.push({ kind: 'text', text: c.text }); break;
          case 'i': out.raw(c.text); break;
          case 'c':
            if (ins.negate || !ins.a2 || !this.active[pc - 1]) out.raw(c.text);
            printAtEnd = false;
            break cycle;
          case 'd': printAtEnd = false; break cycle;
          case 'D': {
            const nl = ps.indexOf('\n');
            printAtEnd = false;
            if (nl >= 0) { ps = ps.slice(nl + 1); reuse = true; }
            break cycle;
          }
          case 'g': ps = this.hold; break;
          case 'G': ps += `\n${this.hold}`; break;
          case 'h': this.hold = ps; break;
          case 'H': this.hold += `\n${ps}`; break;
          case 'x': [ps, this.hold] = [this.hold, ps]; break;
          case 'z': ps = ''; break;
          case 'l': out.raw(listing(ps, c.width ?? h.lineWrap)); break;
          case 'n': case 'N': {
            if (input.isLast()) {
              // GNU: at the end of input, n and N print the pattern space (unless -n) and stop.
              break cycle;
            }
            if (c.name === 'n') autoprint();
            flushAppend();
            const line = input.next()!;
            ps = c.name === 'n' ? line.text : `${ps}\n${line.text}`;
            terminated = line.terminated;
            break;
          }
          case 'p': out.line(ps, terminated, h.nl); break;
          case 'P': { const nl = ps.indexOf('\n'); out.line(nl < 0 ? ps : ps.slice(0, nl), nl >= 0 || terminated, h.nl); break; }
          case 'q': quit = c.status; break cycle;
          case 'Q': return c.status;
          case 'r': append.push({ kind: 'file', file: c.file }); break;
          case 'R': append.push({ kind: 'line', file: c.file }); break;
          case 'w': h.writer(c.file).line(ps, true, h.nl); break;
          case 'W': { const nl = ps.indexOf('\n'); h.writer(c.file).line(nl < 0 ? ps : ps.slice(0, nl), nl >= 0 || terminated, h.nl); break; }
          case 'F': out.raw(`${input.file}\n`); break;
          case 'b': pc = c.target; break;
          case 't': if (tflag) { tflag = false; pc = c.target; } break;
          case 'T': if (!tflag) pc = c.target; else tflag = false; break;
          case 'y': ps = [...ps].map((ch) => c.map.get(ch) ?? ch).join(''); break;
          case 's': {
            const r = this.substitute(c.re, c.repl, c.global, c.nth, ps);
            if (r === undefined) break;
            ps = r;
            tflag = true;
            if (c.print) out.line(ps, terminated, h.nl);
            if (c.file !== undefined) h.writer(c.file).line(ps, true, h.nl);
            break;
          }
        }
      }
      if (printAtEnd) autoprint();
      flushAppend();
      if (quit !== undefined) return quit;
    }
  }

  /** s///: the new pattern space, or undefined if nothing was replaced. */
  private substitute(r: SedRegex, repl: readonly ReplPart[], global: boolean, nth: number, ps: string): string | undefined {
    const re = this.regex(r);
    let result = '';
    let copied = 0;
    let count = 0;
    let prevEnd = -1;
    let replaced = false;
    for (let pos = 0; pos <= ps.length;) {
      re.lastIndex = pos;
      const found = re.exec(ps);
      if (!found) break;
      const m = longestMatch(re, ps, found);
      const start = m.index;
      const end = start + m[0].length;
      if (start === end && start === prevEnd) {
        pos = start + 1;
        continue;
      }
      count++;
      if (count >= nth) {
        result += ps.slice(copied, start) + expand(repl, m);
        copied = end;
        replaced = true;
        if (!global) break;
      }
      prevEnd = end;
      pos = end > start ? end : end + 1;
    }
    return replaced ? result + ps.slice(copied) : undefined;
  }
}

/** The replacement text for one match, with GNU's case conversions. */
function expand(parts: readonly ReplPart[], m: RegExpExecArray): string {
  let out = '';
  let mode: 'L' | 'U' | 'E' = 'E';
  let once: 'l' | 'u' | undefined;
  const add = (s: string): void => {
    if (s === '') return;
    let t = mode === 'L' ? s.toLowerCase() : mode === 'U' ? s.toUpperCase() : s;
    if (once) { t = (once === 'u' ? t[0]!.toUpperCase() : t[0]!.toLowerCase()) + t.slice(1); once = undefined; }
    out += t;
  };
  for (const p of parts) {
    if (p.kind === 'text') add(p.text);
    else if (p.kind === 'group') add(m[p.n] ?? '');
    else if (p.mode === 'l' || p.mode === 'u') once = p.mode;
    else { mode = p.mode; once = undefined; }
  }
  return out;
}

const LIST_ESCAPES: Readonly<Record<string, string>> = {
  '\\': '\\\\', '\x07': '\\a', '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\v': '\\v',
};

/** The `l` command's unambiguous form, wrapped at `width` (0 or 1: no wrapping), ending in `$`. */
function listing(ps: string, width: number): string {
  let out = '';
  let col = 0;
  for (const ch of ps) {
    const code = ch.charCodeAt(0);
    const piece = LIST_ESCAPES[ch] ?? (code >= 0x20 && code < 0x7f ? ch : `\\${code.toString(8).padStart(3, '0')}`);
    if (width > 1 && col + piece.length > width - 1) {
      out += '\\\n';
      col = 0;
    }
    out += piece;
    col += piece.length;
  }
  return `${out}$\n`;
}
