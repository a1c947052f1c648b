/**
 * The record that makes fork return twice for JavaScript programs (DESIGN.md, "fork by replay").
 *
 * A Worker's heap cannot be copied, so a forked child is a new Worker that runs the same program
 * from the start. The kernel keeps, per process, the answer to every system call the program has
 * made since its exec: when the child repeats a call, the kernel hands back the parent's recorded
 * answer without touching anything, until the fork call itself, which answers 0. A call that
 * differs from the record (a different call or different arguments) means the program is not
 * deterministic: the child is killed with a message naming that call.
 *
 * What is recorded: a digest of the request (number, numeric arguments, the length and the first
 * and last bytes of each byte argument) and the whole answer (return value, extra numbers, errno,
 * output bytes, a signal delivered with it). Bounded: past MAX_ENTRIES calls or MAX_BYTES of
 * answers the record stops and a later fork fails with ENOMEM (README: what not to do before fork).
 */
export const MAX_ENTRIES = 1_000_000;
export const MAX_BYTES = 64 * 1024 * 1024;

export interface LogEntry {
  readonly nr: number;
  readonly digest: number;
  readonly errno: number;
  /** ret[0] of the answer. */
  readonly value: number;
  /** ret[1..] of the answer (the handler's own array, never changed after the answer). */
  readonly nums: readonly number[] | undefined;
  readonly out: Uint8Array | undefined;
  /** A signal whose handler ran after this call, and the restart flag, as the client was told. */
  readonly sig: number;
}

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

  /** A copy for a child: the entries are immutable, so the array is all that is copied. */
  fork(forkEntry: LogEntry): SyscallLog {
    const c = new SyscallLog();
    c.entries.push(...this.entries, forkEntry);
    c.bytes = this.bytes;
    return c;
  }
}

/** FNV-1a over the request: its number, numeric arguments, and each byte argument's length and edges. */
export function requestDigest(nr: number, ints: ArrayLike<number>, byteArgs: readonly Uint8Array[]): number {
  let h = 0x811c9dc5;
  const mix = (x: number): void => {
    h ^= x & 0xff; h = Math.imul(h, 0x01000193);
    h ^= (x >>> 8) & 0xff; h = Math.imul(h, 0x01000193);
    h ^= (x >>> 16) & 0xff; h = Math.imul(h, 0x01000193);
    h ^= (x >>> 24) & 0xff; h = Math.imul(h, 0x01000193);
  };
  mix(nr);
  for (let i = 0; i < ints.length; i++) {
    const v = ints[i]!;
    mix(v | 0);
    mix(Math.floor(v / 4294967296) | 0);
  }
  for (const b of byteArgs) {
    mix(b.length);
    const n = Math.min(b.length, 32);
    for (let i = 0; i < n; i++) mix(b[i]!);
    for (let i = Math.max(n, b.length - 32); i < b.length; i++) mix(b[i]!);
  }
  return h >>> 0;
}
