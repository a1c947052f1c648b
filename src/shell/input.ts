/**
 * Where the shell's commands come from, one line at a time (the lexer asks for more as it needs
 * it): a terminal through the line editor (prompting PS1 for a new command and PS2 for a
 * continuation), or standard input without a terminal, read so that nothing past the current
 * line is consumed — a seekable input is read in blocks and the surplus given back with lseek,
 * a pipe one byte at a time, as dash does — so the commands run can read the rest.
 */
import os from 'posixbox/os';
import { LineEditor } from './interactive/lineedit.js';
import { Lexer } from './lexer.js';
import { expandHere } from './expand/word.js';
import type { Shell } from './shell.js';

const decoder = new TextDecoder();
const BLOCK = 4096;
const MAX_LINE = 1 << 20;

export class StdinReader {
  private seekable: boolean | undefined;

  constructor(private readonly fd = 0) {}

  /** The next line with its newline; the last line may lack it; null at end of input. */
  line(): string | null {
    if (this.seekable === undefined) {
      try {
        os.lseek(this.fd, 0, os.SEEK_CUR);
        this.seekable = true;
      } catch {
        this.seekable = false;
      }
    }
    const bytes: Uint8Array[] = [];
    let total = 0;
    for (let n = 0; total < MAX_LINE && n < MAX_LINE; n++) {
      const b = os.read(this.fd, this.seekable ? BLOCK : 1);
      if (b.length === 0) break;
      const nl = b.indexOf(10);
      if (nl >= 0) {
        if (this.seekable && nl < b.length - 1) os.lseek(this.fd, nl + 1 - b.length, os.SEEK_CUR);
        bytes.push(b.slice(0, nl + 1));
        total += nl + 1;
        break;
      }
      bytes.push(b.slice());
      total += b.length;
    }
    if (total === 0) return null;
    const all = new Uint8Array(total);
    let at = 0;
    for (const b of bytes) { all.set(b, at); at += b.length; }
    return decoder.decode(all);
  }
}

/** Expand a prompt string (parameter expansion, as POSIX asks of PS1 and PS2). */
export function promptText(sh: Shell, name: 'PS1' | 'PS2'): string {
  const raw = sh.st.get(name) ?? (name === 'PS1' ? (os.geteuid() === 0 ? '# ' : '$ ') : '> ');
  try {
    const lx = new Lexer(raw, null);
    lx.sub = { paren: () => [], text: () => [] };
    return expandHere(sh, { parts: lx.scan('here'), text: raw });
  } catch {
    return raw;
  }
}

/** ^C at a continuation prompt (PS2): the command being typed is abandoned. */
export class LineCancelled extends Error {}

/** The line source of an interactive shell: the line editor on a terminal, else plain reads. */
export class InteractiveInput {
  private editor: LineEditor | undefined;
  private readonly plain = new StdinReader(0);
  /** The next read starts a command (PS1) rather than continuing one (PS2). */
  fresh = true;

  constructor(private readonly sh: Shell) {
    if (os.isatty(0)) {
      const home = sh.st.get('HOME');
      const hist = sh.st.get('HISTFILE') ?? (home ? `${home}/.sh_history` : undefined);
      this.editor = new LineEditor({ inFd: 0, outFd: 2, ...(hist ? { historyFile: hist } : {}), lookup: (n) => sh.st.get(n) });
    }
  }

  line(): string | null {
    const continuing = !this.fresh;
    const prompt = promptText(this.sh, continuing ? 'PS2' : 'PS1');
    this.fresh = false;
    if (this.editor) {
      const l = this.editor.read(prompt);
      if (continuing && this.editor.interrupted) throw new LineCancelled();
      if (l === null) this.sh.write(2, '\n'); // ^D: what follows starts on a line of its own
      return l === null ? null : `${l}\n`;
    }
    this.sh.write(2, prompt);
    return this.plain.line();
  }
}
