/**
 * One line being edited by the line editor (lineedit.ts): its characters, the cursor, where it
 * is drawn (render.ts), its history walk (history.ts), a ^R search (search.ts), and every edit
 * as a method that changes the state and returns the bytes that show the change on the terminal.
 * No system calls: the editor reads the keys and writes what these return.
 */
import type { Key } from './keys.js';
import { Browse, type History } from './history.js';
import { columns, complete, type CompletionFs } from './complete.js';
import { ReverseSearch } from './search.js';
import { appendFits, charWidth, NO_GEOMETRY, promptWidth, redraw, toEnd, type Geometry } from './render.js';

/** The terminal bell: what a key that cannot act answers. */
export const BELL = '\x07';
/** The most characters a line may hold; more rings the bell. */
const MAX_LINE = 65536;

const isSpace = (c: string | undefined): boolean => c === ' ' || c === '\t';
const isWordChar = (c: string | undefined): boolean => c !== undefined && /[\p{L}\p{N}_]/u.test(c);

/** The state of one line being edited, and the edits; each returns the bytes that show it. */
export class Edit {
  chars: string[] = [];
  cursor = 0;
  geometry: Geometry = NO_GEOMETRY;
  readonly browse: Browse;
  /** The prompt's lines before its last (drawn once, and again by ^L) and its last line. */
  readonly head: string;
  readonly last: string;
  /** ^R in progress: its prompt replaces the last line of the prompt. */
  search: ReverseSearch | undefined;

  constructor(prompt: string, readonly history: History, public cols: number, readonly nl: string, private readonly kill: { text: string[] }) {
    const cut = prompt.lastIndexOf('\n') + 1;
    this.head = prompt.slice(0, cut);
    this.last = prompt.slice(cut);
    this.browse = new Browse(history);
  }

  line(): string {
    return this.chars.join('');
  }

  /** The bytes that show the prompt at the start. */
  start(): string {
    const plen = promptWidth(this.last);
    this.geometry = { row: Math.floor(plen / this.cols), rows: Math.floor(plen / this.cols) };
    return this.head + this.last + (plen > 0 && plen % this.cols === 0 ? this.nl : '');
  }

  /** The last line of the prompt as drawn now. */
  shown(): string {
    return this.search ? this.search.prompt() : this.last;
  }

  refresh(): string {
    const d = redraw({ prompt: this.shown(), chars: this.chars, cursor: this.cursor, cols: this.cols, from: this.geometry, nl: this.nl });
    this.geometry = d.geometry;
    return d.text;
  }

  insert(text: string): string {
    const added = [...text];
    if (this.chars.length + added.length > MAX_LINE) return BELL;
    const atEnd = this.cursor === this.chars.length;
    const fits = atEnd && appendFits({ prompt: this.shown(), before: this.chars, added, cols: this.cols });
    this.chars.splice(this.cursor, 0, ...added);
    this.cursor += added.length;
    if (!fits) return this.refresh();
    const w = promptWidth(this.shown()) + this.chars.reduce((s, c) => s + charWidth(c), 0);
    this.geometry = { row: Math.floor(w / this.cols), rows: Math.floor(w / this.cols) };
    return text;
  }

  /** Remove chars [from, to), keeping them for ^Y when `keep`. */
  remove(from: number, to: number, keep: boolean): string {
    if (from >= to) return '';
    const gone = this.chars.splice(from, to - from);
    if (keep) this.kill.text = gone;
    this.cursor = from;
    return this.refresh();
  }

  moveTo(at: number): string {
    const to = Math.max(0, Math.min(this.chars.length, at));
    if (to === this.cursor) return '';
    this.cursor = to;
    return this.refresh();
  }

  wordLeft(): number {
    let i = this.cursor;
    while (i > 0 && !isWordChar(this.chars[i - 1])) i--;
    while (i > 0 && isWordChar(this.chars[i - 1])) i--;
    return i;
  }

  wordRight(): number {
    let i = this.cursor;
    while (i < this.chars.length && !isWordChar(this.chars[i])) i++;
    while (i < this.chars.length && isWordChar(this.chars[i])) i++;
    return i;
  }

  /** ^W: back over whitespace, then back to the previous whitespace. */
  rubout(): number {
    let i = this.cursor;
    while (i > 0 && isSpace(this.chars[i - 1])) i--;
    while (i > 0 && !isSpace(this.chars[i - 1])) i--;
    return i;
  }

  recall(delta: -1 | 1): string {
    const text = this.browse.move(delta, this.line());
    if (text === undefined) return BELL;
    this.chars = [...text];
    this.cursor = this.chars.length;
    return this.refresh();
  }

  /** Tab: complete the word before the cursor; a second Tab in a row lists the matches. */
  tab(fs: CompletionFs, again: boolean): string {
    const c = complete(this.chars, this.cursor, fs);
    if (c.insert !== '') return this.insert(c.insert);
    if (c.candidates.length < 2 || !again) return BELL;
    const list = `${this.finish()}${columns(c.candidates, this.cols).replace(/\n/g, this.nl)}${this.nl}`;
    this.geometry = NO_GEOMETRY;
    return `${list}${this.head}${this.refresh()}`;
  }

  /** ^R: start a reverse search, or look further back. */
  startSearch(): string {
    if (this.search) this.search.again();
    else this.search = new ReverseSearch(this.history.list(), { chars: [...this.chars], cursor: this.cursor });
    return this.showMatch();
  }

  /** A key while searching: true if it was the search's; otherwise the search ends and the key acts as usual. */
  searchKey(k: Key): string | undefined {
    const s = this.search!;
    if (k.kind === 'char') { s.type(k.text); return this.showMatch(); }
    if (k.kind === 'ctrl' && (k.code === 0x7f || k.code === 0x08)) { s.erase(); return this.showMatch(); }
    if (k.kind === 'ctrl' && k.code === 0x07) { // ^G: back to the line as it was
      this.search = undefined;
      this.chars = [...s.original.chars];
      this.cursor = s.original.cursor;
      return this.refresh();
    }
    this.search = undefined; // anything else: keep the match as the line, and do the key
    return undefined;
  }

  private showMatch(): string {
    const m = this.search!.current();
    if (m) {
      this.chars = [...m.text];
      this.cursor = m.pos;
    }
    return this.refresh();
  }

  clearScreen(): string {
    this.geometry = NO_GEOMETRY;
    return `\x1b[H\x1b[2J${this.head}${this.refresh()}`;
  }

  /** Leave the line: the cursor below it, then `tail` and a newline. */
  finish(tail = ''): string {
    return `${toEnd(this.geometry)}${tail}${this.nl}`;
  }
}

