/**
 * Python's select module over poll(2): `select.select(r, w, x, timeout)` and `select.poll()`
 * objects (register, modify, unregister, poll). select is built on poll here, as in user space
 * on several libcs; its sets follow Linux's: readable = POLLIN|POLLHUP|POLLERR, writable =
 * POLLOUT|POLLERR, exceptional = POLLPRI. A closed descriptor makes select fail with EBADF.
 * A call interrupted by a handled signal is retried with the time left (PEP 475).
 *
 * Timeouts are converted as CPython's selectmodule.c converts them (pyargs.ts: the same
 * TypeError, ValueError and OverflowError); a select timeout longer than poll(2)'s int of
 * milliseconds is waited in several polls, on the kernel's monotonic clock, exactly in BigInt.
 */
import { SYS } from '../kernel/abi/sysno.js';
import { EBADF, EINTR } from '../kernel/abi/errno.js';
import * as P from '../kernel/abi/poll.js';
import { Errno } from './channel.js';
import { KeyError } from './credapi.js';
import { OSError, ValueError } from './errors.js';
import { OverflowError, pyTimeoutNs } from './pyargs.js';
import type { ProcessRuntime } from './runtime-types.js';

/** A descriptor, or an object with fileno() (a file object, sys.stdout). */
export type FdLike = number | { fileno(): number };

const INT_MAX = 2 ** 31 - 1;
/** The kernel's monotonic clock ends at KTIME_MAX nanoseconds (kernel/clock.ts). */
const KTIME_MAX = 2n ** 63n - 1n;

function fdOf(x: FdLike): number {
  const hasFileno = typeof x === 'object' && x !== null && typeof (x as { fileno?: unknown }).fileno === 'function';
  const fd = typeof x === 'number' ? x : hasFileno ? x.fileno() : NaN;
  if (!Number.isInteger(fd)) throw new TypeError('argument must be an int, or have a fileno() method.');
  if (fd > INT_MAX || fd < -INT_MAX - 1) throw new OverflowError('Python int too large to convert to C int');
  if (fd < 0) throw new ValueError(`file descriptor cannot be a negative integer (${fd})`);
  return fd;
}

const READABLE = P.POLLIN | P.POLLRDNORM | P.POLLRDBAND | P.POLLHUP | P.POLLERR;
const WRITABLE = P.POLLOUT | P.POLLWRNORM | P.POLLWRBAND | P.POLLERR;
const EXCEPTIONAL = P.POLLPRI;
const NS_PER_MS = 1_000_000n;

/** Milliseconds for poll(2), rounded up, at most INT_MAX (a longer wait is several polls). */
const pollMs = (ns: bigint): number => (ns <= 0n ? 0 : ns >= BigInt(INT_MAX) * NS_PER_MS ? INT_MAX : Number((ns + NS_PER_MS - 1n) / NS_PER_MS));

export function makeSelect(rt: ProcessRuntime) {
  const { sys } = rt;
  const monotonicNs = (): bigint => {
    sys.call('clock_gettime', SYS.clock_gettime, 1);
    return BigInt(sys.num(0)) * 1_000_000_000n + BigInt(sys.num(1));
  };

  /** poll(2) over [fd, events] pairs: each entry's revents. A timeout of undefined waits for ever. */
  const pollFds = (entries: ReadonlyArray<readonly [number, number]>, timeoutNs: bigint | undefined, call: string): number[] => {
    const buf = new Uint8Array(entries.length * P.POLLFD_SIZE);
    const v = new DataView(buf.buffer);
    entries.forEach(([fd, events], i) => {
      v.setInt32(i * P.POLLFD_SIZE, fd, true);
      v.setUint16(i * P.POLLFD_SIZE + 4, events & 0xffff, true);
    });
    // Clamped where the kernel's clock ends, as the kernel clamps (poll_select_set_timeout): a
    // clock already there must end the wait, not poll for ever.
    const end = timeoutNs !== undefined && timeoutNs > 0n ? monotonicNs() + timeoutNs : undefined;
    const deadline = end !== undefined && end > KTIME_MAX ? KTIME_MAX : end;
    let left = timeoutNs === undefined ? -1 : pollMs(timeoutNs);
    let answer: Uint8Array = new Uint8Array(buf.length);
    for (;;) {
      try {
        const ready = sys.callWith('poll', SYS.poll, [buf, entries.length, left]);
        answer = sys.outBytes(); // before the clock is read again
        if (ready > 0 || deadline === undefined) break;
      } catch (e) {
        if (!(e instanceof Errno)) throw e;
        if (e.errno !== EINTR) throw new OSError(e.errno, call);
        if (deadline === undefined) continue;
      }
      const rest = deadline - monotonicNs();
      if (rest <= 0n) break;
      left = pollMs(rest);
    }
    const out = new DataView(answer.buffer);
    return entries.map((_, i) => out.getUint16(i * P.POLLFD_SIZE + 6, true));
  };

  /** Python's select.poll object: registered descriptors and their event masks. */
  class Poll {
    private readonly fds = new Map<number, number>();
    register(fd: FdLike, eventmask = P.POLLIN | P.POLLPRI | P.POLLOUT): void {
      this.fds.set(fdOf(fd), eventmask);
    }
    modify(fd: FdLike, eventmask: number): void {
      const n = fdOf(fd);
      if (!this.fds.has(n)) throw new OSError(2, 'modify');
      this.fds.set(n, eventmask);
    }
    unregister(fd: FdLike): void {
      const n = fdOf(fd);
      if (!this.fds.delete(n)) throw new KeyError(String(n));
    }
    /** [fd, revents] for each ready descriptor; timeout in milliseconds (None or < 0: for ever). */
    poll(timeout?: number | bigint | null): Array<[number, number]> {
      let ns: bigint | undefined;
      if (timeout !== undefined && timeout !== null) {
        ns = pyTimeoutNs(timeout, NS_PER_MS, 'timeout must be an integer or None');
        const ms = ns >= 0n ? (ns + NS_PER_MS - 1n) / NS_PER_MS : ns / NS_PER_MS; // rounded towards +infinity
        if (ms < -BigInt(INT_MAX) - 1n || ms > BigInt(INT_MAX)) throw new OverflowError('timeout is too large');
        ns = ms < 0n ? undefined : ms * NS_PER_MS;
      }
      const entries = [...this.fds];
      const rev = pollFds(entries, ns, 'poll');
      const out: Array<[number, number]> = [];
      entries.forEach(([fd], i) => { if (rev[i]! !== 0) out.push([fd, rev[i]!]); });
      return out;
    }
  }

  /**
   * select.select(rlist, wlist, xlist, timeout=None): the subsets that are ready, as lists of the
   * objects given. timeout in seconds; None waits for ever; negative is ValueError.
   */
  function select<T extends FdLike>(rlist: readonly T[], wlist: readonly T[], xlist: readonly T[],
    timeout?: number | bigint | null): [T[], T[], T[]] {
    const ns = timeout === undefined || timeout === null ? undefined : pyTimeoutNs(timeout, 1_000_000_000n, 'timeout must be a float or None');
    if (ns !== undefined && ns < 0n) throw new ValueError('timeout must be non-negative');
    if (![rlist, wlist, xlist].every((l) => Array.isArray(l))) throw new TypeError('arguments 1-3 must be sequences');
    const masks = new Map<number, number>();
    const add = (list: readonly T[], bits: number): void => {
      for (const x of list) { const fd = fdOf(x); masks.set(fd, (masks.get(fd) ?? 0) | bits); }
    };
    add(rlist, P.POLLIN);
    add(wlist, P.POLLOUT);
    add(xlist, P.POLLPRI);
    const entries = [...masks];
    const rev = pollFds(entries, ns, 'select');
    const ready = new Map<number, number>();
    entries.forEach(([fd], i) => {
      if (rev[i]! & P.POLLNVAL) throw new OSError(EBADF, 'select');
      ready.set(fd, rev[i]!);
    });
    const pick = (list: readonly T[], bits: number): T[] => list.filter((x) => ((ready.get(fdOf(x)) ?? 0) & bits) !== 0);
    return [pick(rlist, READABLE), pick(wlist, WRITABLE), pick(xlist, EXCEPTIONAL)];
  }

  return {
    select,
    poll: (): Poll => new Poll(),
    error: OSError,
    POLLIN: P.POLLIN, POLLPRI: P.POLLPRI, POLLOUT: P.POLLOUT, POLLERR: P.POLLERR, POLLHUP: P.POLLHUP,
    POLLNVAL: P.POLLNVAL, POLLRDNORM: P.POLLRDNORM, POLLRDBAND: P.POLLRDBAND, POLLWRNORM: P.POLLWRNORM,
    POLLWRBAND: P.POLLWRBAND, PIPE_BUF: 4096,
  };
}
