/**
 * Buffered output in the program's own memory, as C's stdio keeps a FILE: a program's bytes for
 * standard output gather here and go to the kernel a block at a time, so `find` over a thousand
 * files makes a few write(2) calls rather than a thousand. As glibc decides at the first output:
 *   - a terminal (isatty) is line buffered: written at each newline, or when 1 KiB is held;
 *   - anything else (a file, a pipe, /dev/null) is fully buffered: written when BLOCK bytes are
 *     held; a piece at least that large, arriving on an empty buffer, is written as it is;
 *   - setBuffering('none') (setvbuf _IONBF: tee, sed -u) writes each piece at once.
 * The program flushes it when main returns or throws (lib.ts's entry, as exit() flushes stdio),
 * before a diagnostic (gnulib's error() flushes stdout first), before fork, exec and posix_spawn
 * (lib/children.ts), and before reading from a terminal (more). A process killed by a signal loses
 * what is held, as a C program does.
 *
 * A failed write(2) is a WriteError. Bytes not written are dropped, as stdio drops them. drain()
 * (fflush without looking at its result) keeps the error instead, and the next write or flush
 * throws it: what coreutils' close_stdout reports at exit.
 */
import os, { OSError } from 'posixbox/os';

/** What a fully buffered stream holds before it writes: 64 KiB, a pipe's capacity. */
export const BLOCK = 65536;
/** What a line-buffered stream (a terminal) holds at most, as glibc's (st_blksize of a tty). */
const LINE_BLOCK = 1024;
const NEWLINE = 10;

export type Buffering = 'full' | 'line' | 'none';

/** A write(2) on a buffered stream failed: its OSError (EPIPE with SIGPIPE ignored, ENOSPC, EIO…). */
export class WriteError extends Error {
  constructor(readonly error: InstanceType<typeof OSError>) {
    super(error.strerror);
  }
}

const encoder = new TextEncoder();

function binBytes(s: string): Uint8Array {
  const b = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) b[i] = s.charCodeAt(i);
  return b;
}

export class OutStream {
  private buf: Uint8Array | undefined;
  private used = 0;
  private mode: Buffering | undefined;
  private kept: InstanceType<typeof OSError> | undefined;

  /** `mode` fixes the buffering now; without it, the first write looks at fd as glibc does. */
  constructor(private readonly fd = 1, mode?: Buffering) {
    this.mode = mode;
  }

  /** setvbuf: how this stream buffers from now on (what it holds is written first). */
  setBuffering(mode: Buffering): void {
    this.flush();
    this.mode = mode;
    this.buf = undefined;
  }

  /** UTF-8 text (a string) or bytes. */
  write(data: string | Uint8Array): void {
    if (typeof data !== 'string') return this.bytes(data);
    for (let i = 0; i < data.length; i++) {
      if (data.charCodeAt(i) >= 0x80) return this.bytes(encoder.encode(data));
    }
    this.writeBin(data);
  }

  /** A binary string (one char per byte, U+0000–U+00FF), as lib/textio.ts reads text. */
  writeBin(s: string): void {
    const cap = this.capacity();
    if (cap === 0 || (this.used === 0 && s.length >= cap)) return this.emit(binBytes(s));
    const buf = this.buf!;
    let newline = false;
    for (let i = 0; i < s.length; i++) {
      if (this.used === cap) this.flush();
      const c = s.charCodeAt(i);
      buf[this.used++] = c;
      if (c === NEWLINE) newline = true;
    }
    if (newline && this.mode === 'line') this.flush();
  }

  /** Write out what is held; throws WriteError (or one a drain kept). */
  flush(): void {
    this.raise();
    if (this.used === 0) return;
    const held = this.buf!.subarray(0, this.used);
    this.used = 0;
    this.emit(held);
  }

  /**
   * Flush, keeping a failure for the next write or flush to throw: before a diagnostic, a child or
   * a read from the terminal, where C programs call fflush(stdout) and look at ferror() at exit.
   */
  drain(): void {
    try {
      this.flush();
    } catch (e) {
      if (!(e instanceof WriteError)) throw e;
      this.kept = e.error;
    }
  }

  private bytes(data: Uint8Array): void {
    const cap = this.capacity();
    if (cap === 0 || (this.used === 0 && data.length >= cap)) return this.emit(data);
    const buf = this.buf!;
    for (let at = 0; at < data.length;) {
      if (this.used === cap) this.flush();
      const n = Math.min(cap - this.used, data.length - at);
      buf.set(data.subarray(at, at + n), this.used);
      this.used += n;
      at += n;
    }
    if (this.mode === 'line' && data.includes(NEWLINE)) this.flush();
  }

  /** The buffer's size (0: unbuffered), deciding the buffering at the first write. */
  private capacity(): number {
    this.raise();
    this.mode ??= os.isatty(this.fd) ? 'line' : 'full';
    if (this.mode === 'none') return 0;
    const cap = this.mode === 'line' ? LINE_BLOCK : BLOCK;
    this.buf ??= new Uint8Array(cap);
    return cap;
  }

  private raise(): void {
    const kept = this.kept;
    if (kept === undefined) return;
    this.kept = undefined;
    throw new WriteError(kept);
  }

  /** write(2) until every byte is out. */
  private emit(b: Uint8Array): void {
    try {
      for (let rest = b; rest.length > 0;) {
        const n = os.write(this.fd, rest);
        if (n <= 0) throw new OSError(5, 'write');
        rest = rest.subarray(n);
      }
    } catch (e) {
      if (e instanceof OSError) throw new WriteError(e);
      throw e;
    }
  }
}
