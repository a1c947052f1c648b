/**
 * The kernel side of the syscall channels. It waits for requests with Atomics.waitAsync (never
 * blocking the kernel's thread), decodes them, runs the handler from the syscall table and writes
 * the answer. After answering a process that still holds the CPU it polls that channel briefly,
 * so a program making calls back to back is answered without an event-loop round trip; the poll
 * is bounded, after which it yields to the event loop.
 */
import {
  CTL_ERRNO, CTL_NR, CTL_OUT_LEN, CTL_PENDING, CTL_RESTART, CTL_SIG, CTL_STATE, DATA_SIZE, RET_COUNT,
  STATE_REQUEST, STATE_RESPONSE, channelDigest, type ChannelViews,
} from './abi/channel.js';
import { EINTR, ENOSYS, errnoName, strerror } from './abi/errno.js';
import { SIGKILL, SIGSYS } from './abi/signal.js';
import type { LogEntry } from '../proc/syscall-log.js';
import { restarts, syncPendingWord, takeHandlerSignal } from '../proc/signal-deliver.js';
import { SYS } from './abi/sysno.js';
import { isSysError, SysError } from './errors.js';
import { NO_REPLY, Park, type ArgKind, type Args, type Reply, type Result } from './syscall.js';
import { SYSCALLS } from './syscalls/index.js';
import { argWord } from './syscalls/common.js';
import type { Kernel } from './kernel.js';
import type { Process } from '../proc/process.js';

/** A call that failed with an errno; an interrupted one may be restarted after the handler. */
export interface Failure {
  readonly errno: number;
  readonly restart?: boolean;
}

export type Outcome = number | Reply | Park | Failure | typeof NO_REPLY;

const SPIN_ITERATIONS = 20_000;
const BURST_MS = 4;
const POLL_MS = 0.5;

const decoder = new TextDecoder();

/** A byte string's length slot as a count in 0..room (a slot that is no count at all: 0). */
function span(v: number | undefined, room: number): number {
  return v !== undefined && v > 0 ? Math.min(Math.floor(v), room) : 0;
}

class RequestArgs implements Args {
  private readonly offsets: number[] = [];
  constructor(private readonly ch: ChannelViews, kinds: readonly ArgKind[]) {
    let off = 0;
    kinds.forEach((k, i) => {
      this.offsets[i] = off;
      if (k !== 'int') off += span(ch.args[i], DATA_SIZE - off);
    });
  }
  int(i: number): number {
    return argWord(this.ch.args[i] ?? 0);
  }
  /** The slot as sent, unchecked (for strace). */
  raw(i: number): number {
    return this.ch.args[i] ?? 0;
  }
  bytes(i: number): Uint8Array {
    const off = this.offsets[i] ?? 0;
    const len = span(this.ch.args[i], DATA_SIZE - off);
    return this.ch.data.subarray(off, off + len);
  }
  str(i: number): string {
    const b = this.bytes(i);
    const nul = b.indexOf(0);
    return decoder.decode(b.slice(0, nul >= 0 ? nul : b.length)); // a copy: browsers refuse to decode shared memory
  }
  out(max: number): Uint8Array {
    return this.ch.data.subarray(0, Math.max(0, Math.min(max, DATA_SIZE)));
  }
}

const NAMES: ReadonlyMap<number, string> = new Map(Object.entries(SYS).map(([name, nr]) => [nr, name]));

export class ChannelServer {
  private closed = false;
  private serving = false;
  private readonly armed = new Set<Process>();

  constructor(private readonly k: Kernel) {}

  /** Wait (asynchronously) for p's next request. */
  listen(p: Process): void {
    const ch = p.channel;
    if (!ch || this.closed || p.state === 'Z' || this.armed.has(p)) return;
    const v = Atomics.load(ch.ctl, CTL_STATE);
    const stillOurs = (): boolean => !this.closed && p.state !== 'Z' && p.channel === ch;
    if (v === STATE_REQUEST) {
      this.armed.add(p);
      queueMicrotask(() => {
        this.armed.delete(p);
        if (!stillOurs()) return;
        // Served meanwhile by a poll: then wait for the next request instead.
        if (Atomics.load(ch.ctl, CTL_STATE) === STATE_REQUEST) this.k.scheduler.onRequest(p);
        else this.listen(p);
      });
      return;
    }
    const w = Atomics.waitAsync(ch.ctl, CTL_STATE, v);
    this.armed.add(p);
    const again = (): void => {
      if (p.channel !== ch) return; // exec moved the process to another Worker's channel
      this.armed.delete(p);
      this.listen(p);
    };
    if (w.async) void w.value.then(again);
    else queueMicrotask(again);
  }

  close(): void {
    this.closed = true;
  }

  /** p is gone, or left this channel (exec): wake our wait on it so the listener lets go. */
  released(p: Process, ch = p.channel): void {
    if (!ch) return;
    this.armed.delete(p);
    Atomics.notify(ch.ctl, CTL_STATE);
  }

  /**
   * Serve p's pending request, then keep serving while it calls back to back; then look briefly
   * for a request that is about to arrive from a runnable process. A loop, not recursion: a
   * process calling without pause for minutes must not grow the kernel's stack.
   */
  serve(p: Process): void {
    if (this.serving) {
      this.serveBurst(p); // from inside a burst (the scheduler handing over the CPU)
      return;
    }
    this.serving = true;
    try {
      let next: Process | undefined = p;
      for (let guard = 0; next && guard < 10_000; guard++) {
        this.serveBurst(next);
        next = this.pollRunnable();
      }
    } finally {
      this.serving = false;
    }
  }

  private serveBurst(p: Process): void {
    const ch = p.channel!;
    const burstEnd = performance.now() + BURST_MS;
    for (;;) {
      if (p.state === 'T' || p.state === 'Z') return; // a stopped process's request waits for SIGCONT
      if (p.parked) return; // asleep in this request: the wake-up answers it
      if (Atomics.load(ch.ctl, CTL_STATE) !== STATE_REQUEST) break; // answered already (a second notice)
      p.pending = false;
      const nr = Atomics.load(ch.ctl, CTL_NR);
      const entry = SYSCALLS.get(nr);
      const args = new RequestArgs(ch, entry?.args ?? []);
      p.requestNr = nr;
      p.calls++;
      p.requestDigest = channelDigest(ch);
      if (p.replay) {
        if (!this.replayAnswer(p)) return;
      } else if (!entry) {
        this.trace(p, `syscall_${nr}`, '', { errno: ENOSYS });
        this.reply(p, { errno: ENOSYS });
      } else {
        // The arguments as sent, read before the call: execve answers with the new image's start
        // record in the same channel, over them.
        const shown = this.k.options.strace ? formatArgs(entry.args, args) : '';
        const outcome = this.run(p, entry.name, () => entry.handler(this.k, p, args));
        if (this.k.options.strace) this.trace(p, entry.name, shown, outcome);
        if (!this.complete(p, outcome)) return;
      }
      if (this.k.scheduler.cpu !== p && this.k.clock.deterministic) break;
      if (!this.spinForRequest(ch) || performance.now() > burstEnd) break;
    }
    this.listen(p);
  }

  /**
   * A forked child repeating its parent's calls: hand back the recorded answer. The last entry
   * is the fork itself, which answers 0 and makes the child live. Returns false if the child
   * was killed for diverging.
   */
  private replayAnswer(p: Process): boolean {
    const r = p.replay!;
    const e = r.entries[r.pos];
    if (p.requestNr === SYS.replay_diverged && r.shipped) {
      // The child's Worker found a call that differs from the record it was answering from.
      const a = new RequestArgs(p.channel!, ['int', 'int', 'int']);
      const at = span(a.raw(0), r.shipped.length + 1);
      this.diverged(p, at, r.shipped[at - 1], a.raw(2));
      return false;
    }
    if (!e || e.digest !== p.requestDigest) {
      this.diverged(p, (r.shipped?.length ?? 0) + r.pos + 1, e, p.requestNr);
      return false;
    }
    r.pos++;
    const ch = p.channel!;
    ch.ctl[CTL_ERRNO] = e.errno;
    ch.ret[0] = e.value;
    if (e.nums) for (let i = 0; i < e.nums.length; i++) ch.ret[i + 1] = e.nums[i]!;
    ch.ctl[CTL_OUT_LEN] = e.out?.length ?? 0;
    if (e.out) ch.data.set(e.out, 0);
    if (r.pos >= r.entries.length) {
      p.replay = undefined; // the fork call: from here the child is live
      ch.ctl[CTL_SIG] = takeHandlerSignal(p);
      ch.ctl[CTL_RESTART] = 0;
      syncPendingWord(p);
    } else {
      ch.ctl[CTL_SIG] = e.sig & 0xff;
      ch.ctl[CTL_RESTART] = e.sig >> 8;
    }
    Atomics.store(ch.ctl, CTL_STATE, STATE_RESPONSE);
    Atomics.notify(ch.ctl, CTL_STATE);
    return true;
  }

  /** Kill a forked child whose call number `at` (from 1) differs from its parent's record. */
  private diverged(p: Process, at: number, e: LogEntry | undefined, gotNr: number): void {
    const want = e ? (NAMES.get(e.nr) ?? `syscall ${e.nr}`) : 'nothing (the record ended)';
    const got = NAMES.get(gotNr) ?? `syscall ${gotNr}`;
    const msg = `posixbox: pid ${p.pid}: fork replay diverged at call ${at}: the parent made ${want}` +
      `${e && e.nr === gotNr ? ' with other arguments' : ''}, the child made ${got}; ` +
      'a program must make the same calls before fork every time it runs (see README)\n';
    this.k.diagnostic(p, msg);
    this.k.exit(p, SIGKILL);
  }

  /**
   * Before the kernel's thread goes idle: a runnable process whose request has not arrived yet
   * (a process just started, or woken) usually sends it within a fraction of a millisecond, so
   * look at those channels for a short while instead of paying an event-loop wake-up.
   */
  private pollRunnable(): Process | undefined {
    const expected: Process[] = [];
    for (const q of this.k.procs.values()) {
      if (q.state === 'R' && q.channel && !q.pending && !q.woken && !q.parked && q !== this.k.init) expected.push(q);
    }
    if (expected.length === 0) return undefined;
    const end = performance.now() + POLL_MS;
    for (let i = 0; ; i++) {
      for (const q of expected) {
        if (q.state === 'R' && q.channel && Atomics.load(q.channel.ctl, CTL_STATE) === STATE_REQUEST) {
          // In deterministic mode only the CPU's holder is served; anyone else waits its turn.
          if (!this.k.clock.deterministic || this.k.scheduler.cpu === q) return q;
          this.k.scheduler.onRequest(q);
          return undefined;
        }
      }
      if ((i & 63) === 63 && performance.now() > end) return undefined;
    }
  }

  /** Run a handler; SysError becomes a Failure, anything else is a kernel bug. */
  run(p: Process, call: string, fn: () => Result): Outcome {
    this.k.setCurrent(p);
    try {
      return fn();
    } catch (e) {
      if (isSysError(e)) return { errno: e.errno };
      const error = e instanceof Error ? `${e.stack ?? e.message}` : String(e);
      this.k.bugs.push({ pid: p.pid, call, error });
      this.k.exit(p, SIGSYS);
      return NO_REPLY;
    } finally {
      this.k.setCurrent(undefined);
    }
  }

  /** Deliver an outcome. Returns true if p was answered (and may call again). */
  complete(p: Process, o: Outcome): boolean {
    if (o === NO_REPLY) return false;
    if (o instanceof Park) {
      this.k.scheduler.block(p, o);
      return false;
    }
    if (p.state === 'Z') return false;
    if (p.state === 'T') {
      // The call stopped its own caller (kill(getpid(), SIGSTOP), a SIGTTOU it raised): as on
      // Linux, the process stops before the call returns; the answer goes out when it continues,
      // with the handlers of what arrived meanwhile riding on it. It has finished: never EINTR.
      const answer = (): Result => {
        if (typeof o === 'object' && 'errno' in o) throw new SysError(o.errno);
        return o;
      };
      this.k.scheduler.block(p, new Park(NAMES.get(p.requestNr) ?? 'syscall', answer, false, undefined, () => 1, answer));
      return false;
    }
    this.reply(p, o);
    return true;
  }

  private reply(p: Process, o: number | Reply | Failure): void {
    const ch = p.channel!;
    let nums = 0;
    if (typeof o === 'number') {
      ch.ctl[CTL_ERRNO] = 0;
      ch.ret[0] = o;
      ch.ctl[CTL_OUT_LEN] = 0;
    } else if ('errno' in o) {
      ch.ctl[CTL_ERRNO] = o.errno;
      ch.ret[0] = -1;
      ch.ctl[CTL_OUT_LEN] = 0;
    } else {
      ch.ctl[CTL_ERRNO] = 0;
      ch.ret[0] = o.value;
      if (o.nums) {
        nums = Math.min(o.nums.length, RET_COUNT - 1);
        for (let i = 0; i < nums; i++) ch.ret[i + 1] = o.nums[i]!;
      }
      let len = o.outLen ?? 0;
      if (o.data) {
        len = Math.min(o.data.length, DATA_SIZE);
        ch.data.set(o.data.subarray(0, len), 0);
      }
      ch.ctl[CTL_OUT_LEN] = len;
    }
    // A caught signal rides on the answer: the process runs its handler before going on.
    const sig = takeHandlerSignal(p);
    const restart = typeof o === 'object' && 'errno' in o && o.errno === EINTR && o.restart === true && sig !== 0 ? 1 : 0;
    ch.ctl[CTL_SIG] = sig;
    ch.ctl[CTL_RESTART] = restart;
    if (ch.ctl[CTL_PENDING] !== 0) syncPendingWord(p); // delivered with this answer (or still waiting)
    if (!p.log.overflowed) {
      // The record for fork by replay (it keeps nothing once it has overflowed). The handler's
      // numbers array is fresh for each answer, so it is kept as it is.
      const outLen = ch.ctl[CTL_OUT_LEN]!;
      const given = typeof o === 'object' && 'value' in o ? o.nums : undefined;
      const entry: LogEntry = {
        nr: p.requestNr, digest: p.requestDigest, errno: ch.ctl[CTL_ERRNO]!, value: ch.ret[0]!,
        nums: given && given.length > nums ? given.slice(0, nums) : given,
        out: outLen > 0 ? copyOut(ch.data, outLen) : undefined, sig: sig | (restart << 8),
      };
      p.log.append(entry);
    }
    Atomics.store(ch.ctl, CTL_STATE, STATE_RESPONSE);
    Atomics.notify(ch.ctl, CTL_STATE);
  }

  /** Answer p's parked call with EINTR (restartable if its action has SA_RESTART). */
  interrupt(p: Process, restartable: boolean): Outcome {
    const sig = p.signals.nextDeliverable();
    return { errno: EINTR, restart: restartable && sig !== 0 && restarts(p, sig) };
  }

  private spinForRequest(ch: ChannelViews): boolean {
    for (let i = 0; i < SPIN_ITERATIONS; i++) {
      if (Atomics.load(ch.ctl, CTL_STATE) === STATE_REQUEST) return true;
    }
    return false;
  }

  private trace(p: Process, name: string, args: string, o: Outcome): void {
    const out = this.k.options.strace;
    if (!out) return;
    let res: string;
    if (o === NO_REPLY) res = '?';
    else if (o instanceof Park) res = '<unfinished ...>';
    else if (typeof o === 'number') res = `= ${o}`;
    else if ('errno' in o) res = `= -1 ${errnoName(o.errno)} (${strerror(o.errno)})`;
    else res = `= ${o.value}`;
    out(`[pid ${p.pid}] ${name}(${args}) ${res}\n`);
  }
}

function formatArgs(kinds: readonly ArgKind[], a: RequestArgs): string {
  return kinds.map((k, i) => {
    if (k === 'int') return String(a.raw(i));
    if (k === 'str') return JSON.stringify(a.str(i));
    const b = a.bytes(i);
    const s = JSON.stringify(decoder.decode(b.slice(0, 32)));
    return b.length > 32 ? `${s}...` : s;
  }).join(', ');
}

/** The first n bytes of shared memory, copied (set() is 3x faster than slice() on shared memory). */
function copyOut(data: Uint8Array, n: number): Uint8Array {
  const out = new Uint8Array(n);
  out.set(data.subarray(0, n));
  return out;
}
