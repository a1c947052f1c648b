/**
 * ^R, reverse incremental search through the history, as readline does it: each character typed
 * extends the query and shows the newest entry at or before the current match that contains it;
 * ^R again looks further back; Backspace shortens the query. The editor shows the prompt
 * `(reverse-i-search)\`query': ` (with `failed ` when nothing matches) and the match, cursor at
 * the match. Pure: the editor feeds it keys and draws what it says.
 */

export interface Match {
  readonly text: string;
  /** Index in the text (in characters) where the query starts. */
  readonly pos: number;
}

export class ReverseSearch {
  query = '';
  failed = false;
  /** Index of the current match in `entries` (entries.length before any). */
  private at: number;
  private match: Match | undefined;

  /** `entries` oldest first; `original` is the line as it was when ^R was pressed. */
  constructor(private readonly entries: readonly string[], readonly original: { readonly chars: readonly string[]; readonly cursor: number }) {
    this.at = entries.length;
  }

  prompt(): string {
    return `(${this.failed ? 'failed ' : ''}reverse-i-search)\`${this.query}': `;
  }

  /** The line to show: the current match, else the original line. */
  current(): Match | undefined {
    return this.match;
  }

  /** A character typed: extend the query and search from the current match back. */
  type(text: string): void {
    this.query += text;
    this.search(Math.min(this.at, this.entries.length - 1));
  }

  /** ^R again: the next older match. */
  again(): void {
    if (this.query === '') return;
    this.search(this.at - 1);
  }

  /** Backspace: a shorter query, searched again from the newest entry. */
  erase(): void {
    this.query = [...this.query].slice(0, -1).join('');
    this.at = this.entries.length;
    this.match = undefined;
    this.failed = false;
    if (this.query !== '') this.search(this.entries.length - 1);
  }

  private search(from: number): void {
    for (let i = from; i >= 0; i--) {
      const e = this.entries[i]!;
      const cut = e.lastIndexOf(this.query);
      if (cut >= 0) {
        this.at = i;
        this.match = { text: e, pos: [...e.slice(0, cut)].length };
        this.failed = false;
        return;
      }
    }
    this.failed = true;
  }
}
