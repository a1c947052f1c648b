/**
 * A terminal: one pseudo-terminal pair (Linux's struct tty_struct with drivers/tty/pty.c). The
 * master side belongs to the host (the CLI's terminal, the playground's widget): it types bytes
 * in (`input`) and receives what programs write (`onOutput`). The slave side is the device
 * /dev/pts/N that programs open; its reads and writes go through the line discipline.
 *
 * Job control needs the calling process, which the VFS does not know: the kernel supplies it as
 * TtyHooks (proc/jobctl.ts), as Linux's tty code reads `current`.
 *
 * Raw-mode reads follow n_tty_read's VMIN/VTIME cases on the kernel clock:
 *   VMIN 0, VTIME 0  return what is there, perhaps 0;
 *   VMIN n, VTIME 0  wait until min(n, count) bytes are there;
 *   VMIN 0, VTIME t  wait up to t tenths of a second (from the call) for any byte, else 0;
 *   VMIN n, VTIME t  wait for a first byte, then until n bytes or t tenths pass with no new byte.
 */
import { EAGAIN, EIO } from '../kernel/abi/errno.js';
import { POLLHUP, POLLIN, POLLOUT, POLLRDNORM, POLLWRNORM } from '../kernel/abi/poll.js';
import { SIGCONT, SIGHUP, SIGTTIN, SIGTTOU, SIGWINCH } from '../kernel/abi/signal.js';
import { TOSTOP, VMIN, VTIME, defaultTermios, type Termios, type Winsize } from '../kernel/abi/termios.js';
import { SysError } from '../kernel/errors.js';
import { LineDiscipline, processOutput } from './line-discipline.js';
import type { FileOps, OpenFile } from './types.js';
import { WaitQueue, type Waitable } from './waitqueue.js';

/** A system call in progress: which process, and its call's serial (a retried call keeps it). */
export interface CallId {
  readonly pid: number;
  readonly serial: number;
}

/** What a terminal needs from the kernel. */
export interface TtyHooks {
  /**
   * Job control before a read (SIGTTIN) or a write with TOSTOP (SIGTTOU) by the calling process
   * (Linux's __tty_check_change): returns if the call may go on; throws EIO; or signals the
   * caller's background group and throws EAGAIN, so the call sleeps and is retried when continued.
   */
  checkJob(tty: Tty, sig: number): void;
  /** Send sig to every process in group pgid. */
  signalGroup(pgid: number, sig: number): void;
  nowNs(): bigint;
  /** Run fire at deadlineNs on the kernel clock; returns a cancel function. */
  timer(deadlineNs: bigint, fire: () => void): () => void;
  /** The call being served, if any. */
  caller(): CallId | undefined;
}

const DECISECOND = 100_000_000n;

export class Tty implements Waitable {
  readonly ld: LineDiscipline;
  /** Readers sleep here until input arrives, a timer fires or the host hangs up. */
  readonly waitQueue = new WaitQueue();
  winsize: Winsize = { rows: 24, cols: 80, xpixel: 0, ypixel: 0 };
  /** The session this is the controlling terminal of (its sid), and its foreground group. */
  session: number | undefined;
  pgrp: number | undefined;
  /** The host still holds the master side. */
  masterOpen = true;
  /** Open descriptions of the slave side. */
  slaveOpens = 0;
  private lastInputNs = 0n;
  private readonly listeners: Array<(bytes: Uint8Array) => void> = [];
  private readonly unseen: Uint8Array[] = [];
  /** Raw-mode reads waiting with a deadline, by pid. */
  private readonly timed = new Map<number, { serial: number; deadline: bigint; cancel: () => void }>();

  constructor(readonly index: number, private readonly hooks: TtyHooks, termios: Termios = defaultTermios()) {
    this.ld = new LineDiscipline(termios, {
      echo: (bytes) => this.emit(processOutput(this.ld, Uint8Array.from(bytes))),
      signal: (sig) => { if (this.pgrp !== undefined) this.hooks.signalGroup(this.pgrp, sig); },
    });
  }

  get path(): string {
    return `/dev/pts/${this.index}`;
  }

  get termios(): Termios {
    return this.ld.termios;
  }

  // --- the master side (the host)

  /** Bytes typed at the keyboard. */
  input(bytes: Uint8Array): void {
    if (!this.masterOpen || bytes.length === 0) return;
    this.ld.receive(bytes);
    this.lastInputNs = this.hooks.nowNs();
    this.waitQueue.wakeAll();
  }

  /** Receive what programs write (after output processing), starting with anything not yet seen. */
  onOutput(cb: (bytes: Uint8Array) => void): () => void {
    this.listeners.push(cb);
    for (const b of this.unseen.splice(0)) cb(b);
    return () => {
      const i = this.listeners.indexOf(cb);
      if (i >= 0) this.listeners.splice(i, 1);
    };
  }

  /** TIOCSWINSZ from either side: a change raises SIGWINCH in the foreground group. */
  resize(w: Winsize): void {
    const old = this.winsize;
    this.winsize = { ...w };
    const changed = old.rows !== w.rows || old.cols !== w.cols || old.xpixel !== w.xpixel || old.ypixel !== w.ypixel;
    if (changed && this.pgrp !== undefined) this.hooks.signalGroup(this.pgrp, SIGWINCH);
  }

  /** The host closed the master: a hangup. Reads see end of file, writes EIO. */
  hangup(): void {
    if (!this.masterOpen) return;
    this.masterOpen = false;
    if (this.pgrp !== undefined) {
      this.hooks.signalGroup(this.pgrp, SIGHUP);
      this.hooks.signalGroup(this.pgrp, SIGCONT);
    }
    for (const t of this.timed.values()) t.cancel();
    this.timed.clear();
    this.waitQueue.wakeAll();
  }

  private emit(bytes: Uint8Array): void {
    if (bytes.length === 0) return;
    if (this.listeners.length === 0) this.unseen.push(bytes);
    for (const l of this.listeners) l(bytes);
  }

  // --- the slave side (programs)

  /** Whether a reader sleeps waiting for the host to type: the system is then not deadlocked. */
  hostWaiting(): boolean {
    return this.masterOpen && this.waitQueue.size > 0;
  }

  setTermios(t: Termios): void {
    this.ld.setTermios({ ...t, cc: [...t.cc] });
    this.waitQueue.wakeAll(); // VMIN/VTIME or ICANON changed: sleeping readers look again
  }

  read(buf: Uint8Array): number {
    this.hooks.checkJob(this, SIGTTIN);
    if (buf.length === 0) return 0;
    if (this.ld.canonical) {
      if (this.ld.readable() || !this.masterOpen) return this.ld.read(buf);
      throw new SysError(EAGAIN);
    }
    return this.readRaw(buf);
  }

  private readRaw(buf: Uint8Array): number {
    const cc = this.ld.termios.cc;
    const vmin = cc[VMIN] ?? 0;
    const vtime = BigInt(cc[VTIME] ?? 0) * DECISECOND;
    const avail = this.ld.available;
    const call = this.hooks.caller();
    const done = (): number => {
      if (call) this.clearTimed(call.pid);
      return this.ld.read(buf);
    };
    if (avail >= Math.max(1, Math.min(vmin, buf.length)) || !this.masterOpen) return done();
    if (vmin === 0 && vtime === 0n) return done();
    const now = this.hooks.nowNs();
    let deadline: bigint | undefined;
    if (vmin === 0) deadline = this.timedDeadline(call, now + vtime);
    else if (vtime > 0n && avail > 0) deadline = this.lastInputNs + vtime;
    if (deadline !== undefined && now >= deadline) return done();
    if (deadline !== undefined && call) this.arm(call, deadline);
    throw new SysError(EAGAIN);
  }

  /** The deadline of this call's VTIME wait, started now if the call is new. */
  private timedDeadline(call: CallId | undefined, fresh: bigint): bigint {
    if (!call) return fresh;
    const t = this.timed.get(call.pid);
    return t && t.serial === call.serial ? t.deadline : fresh;
  }

  private arm(call: CallId, deadline: bigint): void {
    const t = this.timed.get(call.pid);
    if (t && t.serial === call.serial && t.deadline === deadline) return;
    t?.cancel();
    const cancel = this.hooks.timer(deadline, () => this.waitQueue.wakeAll());
    this.timed.set(call.pid, { serial: call.serial, deadline, cancel });
  }

  private clearTimed(pid: number): void {
    this.timed.get(pid)?.cancel();
    this.timed.delete(pid);
  }

  write(data: Uint8Array): number {
    if (!this.masterOpen) throw new SysError(EIO);
    if (this.ld.termios.lflag & TOSTOP) this.hooks.checkJob(this, SIGTTOU);
    this.emit(processOutput(this.ld, data));
    return data.length;
  }
}

/** The FileOps of an open slave side; `tty` is how ioctl finds the terminal behind a descriptor. */
export class TtyFile implements FileOps, Waitable {
  readonly seekable = false;
  readonly waitQueue: WaitQueue;

  constructor(readonly tty: Tty, private readonly onRelease: (tty: Tty) => void) {
    this.waitQueue = tty.waitQueue;
    tty.slaveOpens++;
  }

  read(_f: OpenFile, buf: Uint8Array): number {
    return this.tty.read(buf);
  }

  write(_f: OpenFile, data: Uint8Array): number {
    return this.tty.write(data);
  }

  /** Readable with a whole line (canonical) or any byte (raw); always writable until hung up. */
  poll(): number {
    const t = this.tty;
    if (!t.masterOpen) return POLLIN | POLLRDNORM | POLLHUP;
    return (t.ld.readable() ? POLLIN | POLLRDNORM : 0) | POLLOUT | POLLWRNORM;
  }

  release(): void {
    this.tty.slaveOpens--;
    this.onRelease(this.tty);
  }
}

/** The terminal behind an open file, if it is one. */
export function ttyOf(file: OpenFile): Tty | undefined {
  return file.ops instanceof TtyFile ? file.ops.tty : undefined;
}
