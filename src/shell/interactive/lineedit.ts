/**
 * The interactive shell's line editor (what readline or libedit is to bash and dash): reads one
 * line from a terminal with editing and history.
 *
 *   const ed = new LineEditor({ inFd: 0, outFd: 2, historyFile: `${home}/.sh_history` });
 *   for (;;) { const line = ed.read('$ '); if (line === null) break; run(line); }
 *
 * read() saves the terminal's termios, turns off ICANON, ECHO, ISIG and IEXTEN (and ICRNL, IXON),
 * prints the prompt, edits, and restores the saved termios before it returns, by error too.
 * It reads one byte per read(2), so bytes typed ahead after Enter stay in the terminal for the
 * command that runs next, as with readline. Returns the line without its newline; '' after ^C
 * (which prints `^C` and a newline); null at end of input (^D on an empty line, end of file, a
 * hung-up terminal). It prints nothing at end of input: the caller says `exit` if it wants to.
 * When inFd is not a terminal it prints the prompt and reads a plain line.
 *
 * Keys: printable text (UTF-8) inserts; Backspace/^H deletes back; ^D or Delete deletes under the
 * cursor; ←/→ ^B/^F move; Home/End ^A/^E; M-b/M-f ctrl-←/→ move by word; ^K kills to the end,
 * ^U to the start, ^W the word before (back to whitespace), M-Backspace/M-d a word back/forward;
 * ^Y yanks the last kill; ↑/↓ ^P/^N walk the history, ^R searches it (search.ts; ^G gives up);
 * ^L clears the screen and redraws; Tab
 * completes a command or file name (complete.ts), a second Tab lists the choices; Enter (CR or
 * LF) accepts. Other control keys ring the bell. Lines are drawn over as many rows as the
 * terminal width (TIOCGWINSZ, read again after a signal such as SIGWINCH) needs.
 */
import os, { OSError, termios } from 'posixbox/os';
import { History } from './history.js';
import { KeyDecoder, type Key } from './keys.js';
import type { CompletionFs } from './complete.js';
import { NO_GEOMETRY } from './render.js';
import { BELL, Edit } from './edit.js';

export interface LineEditorOptions {
  readonly inFd: number;
  readonly outFd: number;
  /** Where history is loaded from and saved to; none: history in memory only. */
  readonly historyFile?: string;
  /** The shell's variables, for PATH and HOME in completion (default: the process environment). */
  readonly lookup?: (name: string) => string | undefined;
}

/** The most bytes read for one line (a bound on the loop; at it the line is accepted). */
const MAX_BYTES = 1 << 22;
const EINTR = 4;

const decoder = new TextDecoder();

type Attrs = ReturnType<typeof termios.tcgetattr>;
/**
 * The termios constants the editor uses. The module has them at run time (every constant of
 * kernel/abi/termios.ts), but its type does not list them, hence this view.
 */
type TermiosConstant = 'ICRNL' | 'INLCR' | 'IGNCR' | 'IXON' | 'ICANON' | 'ECHO' | 'ISIG' | 'IEXTEN' | 'VMIN' | 'VTIME'
  | 'TCSADRAIN' | 'OPOST' | 'ONLCR';
const T = termios as typeof termios & Readonly<Record<TermiosConstant, number>>;

type Outcome = { readonly done: true; readonly line: string | null } | { readonly done: false; readonly out: string };

export class LineEditor {
  private readonly history: History;
  private readonly kill = { text: [] as string[] };

  constructor(private readonly opts: LineEditorOptions) {
    this.history = new History(opts.historyFile);
  }

  /** The history, oldest first. */
  historyList(): readonly string[] {
    return this.history.list();
  }

  /** Read one line after printing `prompt`; null at end of input. */
  /** Whether the last read() ended with ^C (it then returned ''). */
  interrupted = false;

  read(prompt: string): string | null {
    this.interrupted = false;
    let saved: Attrs;
    try {
      saved = termios.tcgetattr(this.opts.inFd);
    } catch {
      return this.readPlain(prompt);
    }
    const mode: Attrs = [...saved.slice(0, 6), [...saved[6]]] as Attrs;
    mode[0] &= ~(T.ICRNL | T.INLCR | T.IGNCR | T.IXON);
    mode[3] &= ~(T.ICANON | T.ECHO | T.ISIG | T.IEXTEN);
    mode[6][T.VMIN] = 1;
    mode[6][T.VTIME] = 0;
    termios.tcsetattr(this.opts.inFd, T.TCSADRAIN, mode);
    try {
      const onlcr = (saved[1] & T.OPOST) !== 0 && (saved[1] & T.ONLCR) !== 0;
      return this.edit(prompt, onlcr ? '\n' : '\r\n');
    } finally {
      termios.tcsetattr(this.opts.inFd, T.TCSADRAIN, saved);
    }
  }

  private columns(): number {
    try {
      return os.get_terminal_size(this.opts.outFd).columns || 80;
    } catch {
      return 80;
    }
  }

  private variable(name: string): string | undefined {
    return this.opts.lookup ? this.opts.lookup(name) : os.environ.get(name);
  }

  /** The filesystem as completion sees it, through the os API. */
  private completionFs(): CompletionFs {
    const quiet = <T>(fn: () => T, dflt: T): T => {
      try { return fn(); } catch { return dflt; }
    };
    return {
      list: (dir) => quiet(() => os.listdir(dir), [] as string[]),
      isDir: (p) => quiet(() => (os.stat(p).st_mode & 0o170000) === 0o040000, false),
      isExecutable: (p) => quiet(() => (os.stat(p).st_mode & 0o170000) === 0o100000 && os.access(p, os.X_OK), false),
      path: this.variable('PATH') ?? '/usr/local/bin:/usr/bin:/bin',
      home: this.variable('HOME'),
    };
  }

  private write(text: string): void {
    if (text === '') return;
    try {
      os.writeAll(this.opts.outFd, text);
    } catch {
      // the terminal is gone; the next read reports it
    }
  }

  private edit(prompt: string, nl: string): string | null {
    const e = new Edit(prompt, this.history, this.columns(), nl, this.kill);
    const keys = new KeyDecoder();
    let tabs = 0; // Tabs in a row
    this.write(e.start());
    for (let n = 0; n < MAX_BYTES; n++) {
      let b: Uint8Array;
      try {
        b = os.read(this.opts.inFd, 1);
      } catch (err) {
        if (!(err instanceof OSError) || err.errno !== EINTR) return null;
        const cols = this.columns(); // a signal: SIGWINCH perhaps
        if (cols !== e.cols) { e.cols = cols; e.geometry = NO_GEOMETRY; this.write(e.refresh()); }
        continue;
      }
      if (b.length === 0) { // end of file
        if (e.chars.length === 0) return null;
        this.write(e.finish());
        return this.accept(e);
      }
      if (!keys.pending) e.cols = this.columns(); // the window may have been resized since
      for (const key of keys.feed(b[0]!)) {
        tabs = key.kind === 'ctrl' && key.code === 0x09 ? tabs + 1 : 0;
        if (tabs > 0) { this.write(e.tab(this.completionFs(), tabs > 1)); continue; }
        if (key.kind === 'ctrl' && key.code === 0x12) { this.write(e.startSearch()); continue; }
        if (e.search) {
          const out = e.searchKey(key);
          if (out !== undefined) { this.write(out); continue; }
          this.write(e.refresh()); // the normal prompt again
        }
        const r = this.key(e, key);
        if (r.done) return r.line;
        this.write(r.out);
      }
    }
    this.write(e.finish());
    return this.accept(e);
  }

  private accept(e: Edit): string {
    const line = e.line();
    this.history.add(line);
    return line;
  }

  private key(e: Edit, k: Key): Outcome {
    const go = (out: string): Outcome => ({ done: false, out });
    switch (k.kind) {
      case 'char': return go(e.insert(k.text));
      case 'left': return go(e.moveTo(e.cursor - 1));
      case 'right': return go(e.moveTo(e.cursor + 1));
      case 'home': return go(e.moveTo(0));
      case 'end': return go(e.moveTo(e.chars.length));
      case 'wordleft': return go(e.moveTo(e.wordLeft()));
      case 'wordright': return go(e.moveTo(e.wordRight()));
      case 'up': return go(e.recall(-1));
      case 'down': return go(e.recall(1));
      case 'delete': return go(e.remove(e.cursor, e.cursor + 1, false));
      case 'meta':
        if (k.text === '\x7f') return go(e.remove(e.wordLeft(), e.cursor, true));
        if (k.text === 'd') return go(e.remove(e.cursor, e.wordRight(), true));
        return go(BELL);
      case 'unknown': return go('');
      case 'ctrl': return this.control(e, k.code);
    }
  }

  private control(e: Edit, code: number): Outcome {
    const go = (out: string): Outcome => ({ done: false, out });
    switch (code) {
      case 0x0d: case 0x0a: // Enter
        this.write(e.finish());
        return { done: true, line: this.accept(e) };
      case 0x03: // ^C
        this.write(e.finish('^C'));
        this.interrupted = true;
        return { done: true, line: '' };
      case 0x04: // ^D
        if (e.chars.length === 0) return { done: true, line: null };
        return go(e.remove(e.cursor, e.cursor + 1, false));
      case 0x7f: case 0x08: return go(e.remove(e.cursor - 1, e.cursor, false));
      case 0x01: return go(e.moveTo(0));
      case 0x05: return go(e.moveTo(e.chars.length));
      case 0x02: return go(e.moveTo(e.cursor - 1));
      case 0x06: return go(e.moveTo(e.cursor + 1));
      case 0x0b: return go(e.remove(e.cursor, e.chars.length, true));
      case 0x15: return go(e.remove(0, e.cursor, true));
      case 0x17: return go(e.remove(e.rubout(), e.cursor, true));
      case 0x19: return go(this.kill.text.length > 0 ? e.insert(this.kill.text.join('')) : BELL);
      case 0x10: return go(e.recall(-1));
      case 0x0e: return go(e.recall(1));
      case 0x0c: return go(e.clearScreen());
      default: return go(BELL);
    }
  }

  /** Not a terminal: the prompt, then bytes up to a newline (without it); null at end of file. */
  private readPlain(prompt: string): string | null {
    this.write(prompt);
    const bytes: number[] = [];
    for (let n = 0; n < MAX_BYTES; n++) {
      let b: Uint8Array;
      try {
        b = os.read(this.opts.inFd, 1);
      } catch (err) {
        if (err instanceof OSError && err.errno === EINTR) continue;
        return bytes.length > 0 ? decoder.decode(Uint8Array.from(bytes)) : null;
      }
      if (b.length === 0) return bytes.length > 0 ? decoder.decode(Uint8Array.from(bytes)) : null;
      if (b[0] === 0x0a) break;
      bytes.push(b[0]!);
    }
    return decoder.decode(Uint8Array.from(bytes));
  }
}
