/**
 * `posixbox/lesson`: the lesson runtime's Python 2 `print` statement and its stdout buffer
 * (LESSONS.md §1.2–1.3).
 *
 *     import { print, setStdoutMode, pyRepr, tuple, oct } from 'posixbox/lesson';
 *     print('Size:', 1516);            // Python 2: print 'Size:', 1516
 *     print();                          // Python 2: print
 *
 * The buffer models Python 2's stdout (C stdio underneath):
 * - `unbuffered` (`python -u`): each print is one write(2) of the whole line;
 * - `full` (stdout is a pipe; the default): a 4096-byte user-space buffer, written when full
 *   and at normal exit (return from main, sys.exit, an uncaught exception) via atexit;
 * - `line` (stdout is a terminal): written at every newline.
 *
 * It reaches the kernel only through the os API: os.write(1, …) and atexit.register. Because a
 * JS fork is a replay of the program (DESIGN.md), the buffer simply lives in this module's
 * memory: the child replays the pre-fork prints into its own copy of the buffer, so the
 * unwritten bytes are "copied" by fork, discarded by exec and by os._exit/a fatal signal (no
 * atexit), and written by each process at its normal exit.
 */

import os, { atexit } from 'posixbox/os';
import { oct, pyRepr, pyStr, tuple } from './pyfmt.js';

export { oct, pyRepr, pyStr, tuple };
export { isTuple, floatRepr, floatStr, strRepr } from './pyfmt.js';

export type StdoutMode = 'unbuffered' | 'full' | 'line';

/** Writes bytes to fd 1 and returns how many it wrote (write(2)); may write fewer. */
export type RawWrite = (data: Uint8Array) => number | void;

/** BUFSIZ of the C library Python 2 sits on: the size of a fully buffered stdout. */
export const STDOUT_BUFSIZ = 4096;

const SPACE = new Uint8Array([0x20]);
const NEWLINE = new Uint8Array([0x0a]);

/** C's isspace() for one byte. */
function isSpaceByte(b: number): boolean {
  return b === 0x20 || (b >= 0x09 && b <= 0x0d);
}

/** A new array holding a then b (never an alias of the caller's b). */
function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return b.slice();
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

/**
 * Python 2's sys.stdout: a file object over fd 1 with a stdio buffer.
 * The writer is injected so tests can watch each write(2).
 */
export class PyStdout {
  private mode: StdoutMode;
  private buf: Uint8Array = new Uint8Array(0);
  private readonly encoder = new TextEncoder();

  constructor(
    private readonly rawWrite: RawWrite,
    mode: StdoutMode = 'full',
  ) {
    this.mode = mode;
  }

  getMode(): StdoutMode {
    return this.mode;
  }

  /** Change the buffering (setvbuf). Anything already buffered is written first. */
  setMode(mode: StdoutMode): void {
    if (mode !== 'unbuffered' && mode !== 'full' && mode !== 'line') {
      throw new TypeError(`setStdoutMode: unknown mode ${String(mode)}`);
    }
    this.flush();
    this.mode = mode;
  }

  /** The bytes written but not yet passed to write(2). */
  pending(): Uint8Array {
    return this.buf.slice();
  }

  /**
   * The `print` statement: each item's str, separated by one space, then a newline.
   * Python 2's softspace rule decides the separator: no space is written after an item that is
   * a string ending in whitespace other than ' ' (so `print '\n', x` writes `\nx\n`).
   */
  print(...items: unknown[]): void {
    const parts: Uint8Array[] = [];
    let softspace = false;
    for (const item of items) {
      // A Uint8Array is a Python 2 str of raw bytes: written as is, not re-encoded.
      const bytes = item instanceof Uint8Array ? item : this.encoder.encode(pyStr(item));
      if (softspace) parts.push(SPACE);
      parts.push(bytes);
      if (typeof item === 'string' || item instanceof Uint8Array) {
        const last = bytes.length === 0 ? 0x20 : (bytes[bytes.length - 1] as number);
        softspace = !isSpaceByte(last) || last === 0x20;
      } else {
        softspace = true;
      }
    }
    parts.push(NEWLINE);
    this.write(parts.reduce(concat));
  }

  /** file.write(s): through the buffer in full and line mode; one write(2) when unbuffered. */
  write(data: string | Uint8Array): void {
    const bytes = typeof data === 'string' ? this.encoder.encode(data) : data;
    if (bytes.length === 0) return;
    if (this.mode === 'unbuffered') {
      this.flush();
      this.writeAll(bytes);
      return;
    }
    this.buf = concat(this.buf, bytes);
    while (this.buf.length >= STDOUT_BUFSIZ) {
      this.writeAll(this.buf.subarray(0, STDOUT_BUFSIZ));
      this.buf = this.buf.slice(STDOUT_BUFSIZ);
    }
    if (this.mode === 'line') {
      const nl = this.buf.lastIndexOf(0x0a);
      if (nl >= 0) {
        this.writeAll(this.buf.subarray(0, nl + 1));
        this.buf = this.buf.slice(nl + 1);
      }
    }
  }

  /** fflush(stdout): write whatever is buffered. */
  flush(): void {
    if (this.buf.length === 0) return;
    const out = this.buf;
    this.buf = new Uint8Array(0); // cleared first: a failing write must not repeat at exit
    this.writeAll(out);
  }

  /** Discard the buffer without writing it (what exec and _exit do to stdio). */
  discard(): void {
    this.buf = new Uint8Array(0);
  }

  /** write(2) until every byte is taken, as stdio does after a short write to a pipe. */
  private writeAll(bytes: Uint8Array): void {
    let off = 0;
    while (off < bytes.length) {
      const n = this.rawWrite(off === 0 ? bytes : bytes.subarray(off));
      if (typeof n !== 'number') return; // a writer that reports nothing wrote everything
      if (n <= 0) throw new Error(`write to stdout made no progress (returned ${n})`);
      off += n;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// The process's stdout. This is per-process program state and must be module state: one
// PyStdout, created once when the process first imports this module (each process, including a
// forked replay child, has its own module instance in its own Worker). Nothing else in this
// module is mutable.

const processStdout = new PyStdout((bytes) => os.write(1, bytes), 'full');
atexit.register(() => processStdout.flush());

/** The process's stdout file object (Python's sys.stdout for print). */
export const stdout = processStdout;

/** Python 2's `print a, b, c`; `print()` writes just a newline. */
export function print(...items: unknown[]): void {
  processStdout.print(...items);
}

/** Select how stdout is buffered (the lesson's stdout mode, §1.2). */
export function setStdoutMode(mode: StdoutMode): void {
  processStdout.setMode(mode);
}

/** sys.stdout.flush(). */
export function flush(): void {
  processStdout.flush();
}
