/**
 * sed's input: the lines of a list of files read as one stream (or one file, for -s and -i),
 * with one line of lookahead so that `$` knows the last line, which is the last line of the
 * last file that has any. A file that cannot be opened is reported (`sed: can't read F: …`,
 * status 2) and skipped; a read error (a directory) is fatal, status 4.
 */
import { OSError } from 'posixbox/os';
import { reason } from '../lib.js';
import { closeIn, openIn, readLines, type Line } from './textio.js';

/** A read error GNU sed treats as fatal: `sed: read error on F: …`, status 4. */
export class ReadError extends Error {}

export class SedInput {
  private index = -1;
  private lines: Generator<Line, void, undefined> | undefined;
  private fd = -1;
  private ahead: Line | undefined;
  private aheadFile = '-';
  /** The line number of the line last read (cumulative over the files). */
  lineNo = 0;
  /** The file the line last read came from (`-` for standard input). */
  file = '-';
  /** Whether a file could not be opened (sed's status 2). */
  failedOpen = false;

  constructor(private readonly files: readonly string[], private readonly sep: string,
    private readonly warn: (m: string) => void) {}

  /** The next line, or undefined at the end of the last file. */
  next(): Line | undefined {
    const l = this.peek();
    if (l === undefined) return undefined;
    this.ahead = undefined;
    this.file = this.aheadFile;
    this.lineNo++;
    return l;
  }

  /** Whether no line follows the one last read. */
  isLast(): boolean {
    return this.peek() === undefined;
  }

  /** Release the open file, if any. */
  close(): void {
    if (this.fd >= 0) closeIn(this.fd);
    this.fd = -1;
    this.lines = undefined;
  }

  private peek(): Line | undefined {
    for (let guard = 0; this.ahead === undefined && guard <= 2 * this.files.length + 2; guard++) {
      if (this.lines) {
        const name = this.files[this.index]!;
        let r: IteratorResult<Line, void>;
        try {
          r = this.lines.next();
        } catch (e) {
          if (!(e instanceof OSError)) throw e;
          throw new ReadError(`read error on ${name === '-' ? 'stdin' : name}: ${e.strerror}`);
        }
        if (!r.done) {
          this.ahead = r.value;
          this.aheadFile = name;
          break;
        }
        this.close();
      }
      if (this.index + 1 >= this.files.length) break;
      const name = this.files[++this.index]!;
      try {
        this.fd = openIn(name);
        this.lines = readLines(this.fd, this.sep);
      } catch (e) {
        this.warn(`can't read ${name}: ${reason(e)}`);
        this.failedOpen = true;
      }
    }
    return this.ahead;
  }
}
