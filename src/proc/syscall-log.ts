/**
 * The record that makes fork return twice for JavaScript programs (DESIGN.md, "fork by replay").
 *
 * A Worker's heap cannot be copied, so a forked child is a new Worker that runs the same program
 * from the start. The kernel keeps, per process, the answer to every system call the program has
 * made since its exec. The child's Worker gets the parent's record with its start message and,
 * as it repeats each call, answers it from the record itself (os/channel.ts) — no round trip to
 * the kernel, nothing touched — until the fork call itself, which goes to the kernel and answers
 * 0 (with any signal that arrived meanwhile). A call that differs from the record (a different
 * call or different arguments) means the program is not deterministic: the child reports it and
 * the kernel kills it with a message naming that call.
 *
 * What is recorded: a digest of the request (abi/channel.ts channelDigest: number, argument
 * slots, the length and the first and last bytes of the byte arguments) and the whole answer (return value, extra numbers, errno,
 * output bytes, a signal delivered with it). Bounded: past MAX_ENTRIES calls or MAX_BYTES of
 * answers the record stops and a later fork fails with ENOMEM (README: what not to do before fork).
 */
import type { ReplayEntry } from '../kernel/abi/channel.js';

export const MAX_ENTRIES = 1_000_000;
export const MAX_BYTES = 64 * 1024 * 1024;

/** An answer as recorded (abi/channel.ts: the handler's nums array is kept, never changed after). */
export type LogEntry = ReplayEntry;

export class SyscallLog {
  readonly entries: LogEntry[] = [];
  private bytes = 0;
  overflowed = false;

  append(e: LogEntry): void {
    if (this.overflowed) return;
    this.bytes += 64 + (e.out?.length ?? 0) + 8 * (e.nums?.length ?? 0);
    if (this.entries.length >= MAX_ENTRIES || this.bytes > MAX_BYTES) {
      this.overflowed = true;
      this.entries.length = 0;
      return;
    }
    this.entries.push(e);
  }

  /** Of `bytes`, what a forked child shares with its parent's record (the same entries). */
  private inherited = 0;

  /** Bytes this record holds of its own (not shared with the parent's), as counted against MAX_BYTES; 0 once overflowed. */
  get size(): number {
    return this.overflowed ? 0 : this.bytes - this.inherited;
  }

  /** Give the record up (the kernel short of memory, kernel/oom.ts): a later fork fails with ENOMEM. */
  drop(): void {
    this.overflowed = true;
    this.entries.length = 0;
  }

  /** A copy for a child: the entries are immutable, so the array is all that is copied. */
  fork(forkEntry: LogEntry): SyscallLog {
    const c = new SyscallLog();
    c.entries.push(...this.entries, forkEntry);
    c.bytes = this.bytes;
    c.inherited = this.bytes;
    return c;
  }
}
