/**
 * Field building for word expansion (POSIX XCU 2.6.5 Field Splitting): expansion appends text to
 * a Fields builder as quoted (never split, never a pattern), literal (unquoted source text: a
 * pattern but not split) or split (the unquoted result of an expansion: split on IFS, then a
 * pattern). Each field keeps its plain text and its pattern form (quoted characters escaped with
 * a backslash) for pathname expansion.
 */

export interface Field {
  text: string;
  pat: string;
  /** Contained a quoted part or came from a quoted expansion: kept even when empty. */
  keep: boolean;
}

const escapePat = (s: string): string => s.replace(/[\\*?[\]]/g, '\\$&');

export class Fields {
  readonly out: Field[] = [];
  private cur: Field = { text: '', pat: '', keep: false };
  /** The current field was just ended by IFS white space (a following IFS character joins it). */
  private afterWhite = false;

  constructor(private readonly ifs: string | undefined, private readonly splitting: boolean) {}

  quoted(s: string): void {
    this.cur.text += s;
    this.cur.pat += escapePat(s);
    this.cur.keep = true;
    this.afterWhite = false;
  }

  /** Mark the field as kept even if it stays empty (a quoted empty string). */
  keep(): void {
    this.cur.keep = true;
  }

  literal(s: string): void {
    if (!s) return;
    this.cur.text += s;
    this.cur.pat += s.replace(/\\/g, '\\\\');
    this.afterWhite = false;
  }

  /** The unquoted result of an expansion: split on IFS when splitting. */
  split(s: string): void {
    const ifs = this.ifs ?? ' \t\n';
    if (!this.splitting || ifs === '') { this.literal(s); return; }
    for (const c of s) {
      if (!ifs.includes(c)) {
        this.cur.text += c;
        this.cur.pat += c === '\\' ? '\\\\' : c;
        this.afterWhite = false;
        continue;
      }
      const white = c === ' ' || c === '\t' || c === '\n';
      if (white) {
        if (this.cur.text || this.cur.keep) { this.end(); this.afterWhite = true; }
      } else if (this.afterWhite) {
        this.afterWhite = false;
      } else {
        this.end();
      }
    }
  }

  /** End the current field (even if empty), for "$@" and field delimiters. */
  end(): void {
    this.out.push(this.cur);
    this.cur = { text: '', pat: '', keep: false };
    this.afterWhite = false;
  }

  /** End the current field if it has anything (between unquoted $@ parameters). */
  soft(): void {
    if (this.cur.text || this.cur.keep) this.end();
    this.afterWhite = false;
  }

  finish(): Field[] {
    if (this.cur.text || this.cur.keep) this.out.push(this.cur);
    this.cur = { text: '', pat: '', keep: false };
    return this.out;
  }
}
