/**
 * Command history for the line editor: the last HISTORY_MAX lines, oldest first, optionally kept
 * in a file (one entry a line, as ~/.sh_history or ~/.bash_history). The file is read once, when
 * the history is made, and rewritten whole after each new entry; a file that cannot be read or
 * written is ignored, as shells ignore an unusable history file.
 *
 * Browsing (up/down) works on a copy made for each line read (`Browse`), so editing a recalled
 * line changes only that copy, and the entry itself stays as it was entered.
 */
import os from 'posixbox/os';

export const HISTORY_MAX = 500;
/** The most bytes of history file read. */
const MAX_FILE = 1 << 20;


export class History {
  private readonly entries: string[] = [];

  constructor(private readonly file?: string) {
    if (file !== undefined) this.load(file);
  }

  /** The entries, oldest first. */
  list(): readonly string[] {
    return this.entries;
  }

  /** Add a line entered: not an empty one, nor a repeat of the line before; then save. */
  add(line: string): void {
    if (line.trim() === '' || line.includes('\n')) return;
    if (this.entries[this.entries.length - 1] === line) return;
    this.entries.push(line);
    if (this.entries.length > HISTORY_MAX) this.entries.splice(0, this.entries.length - HISTORY_MAX);
    if (this.file !== undefined) this.save(this.file);
  }

  private load(file: string): void {
    let fd: number;
    try {
      fd = os.open(file, os.O_RDONLY | os.O_CLOEXEC);
    } catch {
      return;
    }
    const parts: Uint8Array[] = [];
    try {
      let total = 0;
      for (let b = os.read(fd, 65536); b.length > 0 && total < MAX_FILE; b = os.read(fd, 65536)) {
        parts.push(b);
        total += b.length;
      }
    } catch {
      return; // a directory, an I/O error: no history
    } finally {
      os.close(fd);
    }
    const decoder = new TextDecoder();
    const text = parts.map((p) => decoder.decode(p, { stream: true })).join('') + decoder.decode();
    const lines = text.split('\n').filter((l) => l.trim() !== '');
    this.entries.push(...lines.slice(-HISTORY_MAX));
  }

  private save(file: string): void {
    try {
      const fd = os.open(file, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_CLOEXEC, 0o600);
      try {
        os.writeAll(fd, this.entries.map((e) => `${e}\n`).join(''));
      } finally {
        os.close(fd);
      }
    } catch {
      // read-only home, no permission: keep the history in memory only
    }
  }
}

/** One line's walk through the history: the entries, then the line being typed. */
export class Browse {
  private readonly lines: string[];
  private at: number;

  constructor(history: History) {
    this.lines = [...history.list(), ''];
    this.at = this.lines.length - 1;
  }

  /** Move by `delta` (-1 older, +1 newer), keeping `current` as the text of the line left; the new line's text, or undefined at either end. */
  move(delta: -1 | 1, current: string): string | undefined {
    const to = this.at + delta;
    if (to < 0 || to >= this.lines.length) return undefined;
    this.lines[this.at] = current;
    this.at = to;
    return this.lines[to];
  }
}
