/**
 * The host's end of a pseudo-terminal (what a terminal emulator holds of a Linux pty master):
 * the CLI connects the host's terminal to it, the playground its terminal widget, a test a script
 * of keystrokes. Kernel.openpty() makes one; a StdioSpec { kind: 'tty', pty } gives a new process
 * the slave side as fds 0, 1 and 2, with the terminal as its controlling terminal.
 */
import type { PtyTable } from '../fs/devpts.js';
import type { Tty } from '../fs/tty.js';
import type { Process } from '../proc/process.js';
import { setControlling } from '../proc/jobctl.js';

export interface PtyHandle {
  /** N of /dev/pts/N. */
  readonly index: number;
  readonly path: string;
  readonly tty: Tty;
  /** Keyboard input: bytes (or text, sent as UTF-8) into the line discipline. */
  write(input: Uint8Array | string): void;
  /** Bytes programs wrote (and echo), after output processing; returns an unsubscribe function. */
  onOutput(cb: (bytes: Uint8Array) => void): () => void;
  /** The window size changed: TIOCGWINSZ reports it and the foreground group gets SIGWINCH. */
  resize(rows: number, cols: number): void;
  /** Hang up: the foreground group gets SIGHUP; reads see end of file, writes fail with EIO. */
  close(): void;
}

export interface OpenPtyOptions {
  /** Owner of /dev/pts/N (default root). */
  readonly uid?: number;
  readonly rows?: number;
  readonly cols?: number;
}

const encoder = new TextEncoder();

export function openPty(table: PtyTable, o: OpenPtyOptions = {}): PtyHandle {
  const tty = table.open(o.uid ?? 0);
  if (o.rows !== undefined || o.cols !== undefined) {
    tty.winsize = { rows: o.rows ?? tty.winsize.rows, cols: o.cols ?? tty.winsize.cols, xpixel: 0, ypixel: 0 };
  }
  return {
    index: tty.index,
    path: tty.path,
    tty,
    write: (input) => tty.input(typeof input === 'string' ? encoder.encode(input) : input),
    onOutput: (cb) => tty.onOutput(cb),
    resize: (rows, cols) => tty.resize({ rows, cols, xpixel: 0, ypixel: 0 }),
    close: () => table.closeMaster(tty),
  };
}

/** A process spawned on a terminal leads its session on it, its group in the foreground. */
export function attachTerminal(p: Process, stdio: ReadonlyArray<{ readonly kind: string; readonly pty?: PtyHandle }>): void {
  const spec = stdio.find((s) => s.kind === 'tty');
  if (spec?.pty && spec.pty.tty.session === undefined) setControlling(spec.pty.tty, p);
}
