/**
 * The process side of the syscall channel: marshal a request into the shared buffer, ring the
 * doorbell, spin briefly, then Atomics.wait for the kernel's answer. Synchronous, as a system call is.
 *
 * A forked child starts with its parent's record (fork by replay, proc/syscall-log.ts): until the
 * record runs out, each request is checked against it here and answered from it, in the channel,
 * without waking the kernel; a request that differs is reported to the kernel, which kills us.
 *
 * Signals ride on answers, so a process computing without calls would never see them: the kernel
 * keeps the channel's CTL_PENDING word set while something waits for it, and checkSignals() looks
 * with one Atomics.load and, if set, makes a sched_yield call for the normal path to deliver.
 */
import {
  CTL_ARGC, CTL_ERRNO, CTL_IN_LEN, CTL_NR, CTL_OUT_LEN, CTL_PENDING, CTL_RECYCLE, CTL_RESTART, CTL_SIG, CTL_STATE, DATA_SIZE,
  RECYCLE, STATE_REQUEST, STATE_RESPONSE, channelDigest, channelViews, type ChannelViews, type ReplayEntry,
} from '../kernel/abi/channel.js';
import { takeStart } from '../proc/handoff.js';
import type { WorkerStartMessage } from '../proc/worker-host.js';
import { SYS } from '../kernel/abi/sysno.js';
import { E2BIG } from '../kernel/abi/errno.js';
import { intWord } from './pyint.js';
import { ChannelStores, WordTable } from './channel-stores.js';

/** A failed system call: the errno, before the os API adds the Python-style details. */
export class Errno extends Error {
  constructor(readonly errno: number, readonly call: string) {
    super(`errno ${errno} in ${call}`);
  }
}

/**
 * What a call made after the process left this client raises: its exit, or its execve, which
 * handed the Worker to the new image with a client of its own.
 */
export class ProcessGone extends Error {
  constructor() {
    super('posixbox: this process has exited or exec\'d; its old program can make no more calls');
  }
}

/** A byte-string argument. Text is sent as UTF-8. */
export type ByteArg = string | Uint8Array;

const encoder = new TextEncoder();
/** The host's clock, taken before the runtime makes performance.now the kernel's (runtime.ts). */
const hostNow: () => number = performance.now.bind(performance);
const SPIN_SLOTS = 1024;
/** After a quick answer the spin grows back: doubled, plus this. */
const SPIN_STEP = 64;
/** A wait longer than this (ms) is a blocking one: the next call of that number spins little. */
const LONG_WAIT_MS = 0.05;
const decoder = new TextDecoder();

export class SyscallClient {
  readonly ch: ChannelViews;
  private scratch: Uint8Array | undefined;
  /** Runs the user-space handler of a signal the kernel hands over with an answer. */
  onSignal: (sig: number) => void = () => {};

  /** Per call number (folded into SPIN_SLOTS): how many turns to spin before sleeping, as learnt. */
  private readonly spinFor = new WordTable(SPIN_SLOTS, 0xffffffff);
  /** Stores into the channel (channel-stores.ts: indexed stores are slow once locked down). */
  private readonly put: ChannelStores;
  /** The parent's record while this forked child repeats it, and how far it has got. */
  private replay: readonly ReplayEntry[] | undefined;
  private replayPos = 0;
  /** checkSignals() calls so far: the number a delivery call carries (the same in a forked child). */
  private checks = 0;
  /** Set once the process has left this client (exit, exec): every call raises ProcessGone. */
  private gone = false;
  /** After a successful execve: the new image's start record, or 'message' if it comes by message. */
  handover: WorkerStartMessage | 'message' | undefined;
  /** Set once os._exit has ended the process (its program may still be unwinding). */
  exited = false;
  /** Whether the Worker may take another process after this one (the runtime clears it when tainted). */
  mayRecycle = true;

  constructor(sab: SharedArrayBuffer, public spin: number) {
    this.ch = channelViews(sab);
    this.put = new ChannelStores(sab);
  }

  /** A forked child: answer the calls before the fork from the parent's record. */
  startReplay(entries: readonly ReplayEntry[] | undefined): void {
    this.replay = entries && entries.length > 0 ? entries : undefined;
    this.replayPos = 0;
  }

  /**
   * Take delivery of what the kernel holds for this process (a caught signal: its handler runs
   * before this returns; a stop: this returns once continued). Costs one Atomics.load when there
   * is nothing, one sched_yield call when there is. Returns whether it called.
   */
  checkSignals(): boolean {
    const n = ++this.checks;
    if (this.replay ? !this.recordChecks(n) : Atomics.load(this.ch.ctl, CTL_PENDING) === 0) return false;
    this.call('sched_yield', SYS.sched_yield, n);
    return true;
  }

  /**
   * A forked child repeating its record: whether its parent made the delivery call at check n
   * (the kernel's answer gives the number back; the call itself is then checked as any other).
   */
  private recordChecks(n: number): boolean {
    const e = this.replay![this.replayPos];
    return e !== undefined && e.nr === SYS.sched_yield && e.nums?.[0] === n;
  }

  /**
   * A call with only numeric arguments; returns ret[0] or throws Errno. An argument that is no
   * int (a fraction, a BigInt, None…) is CPython's TypeError or OverflowError (pyint.ts).
   */
  call(name: string, nr: number, ...ints: number[]): number {
    if (this.gone) throw new ProcessGone(); // the channel may be another process's now: touch nothing
    const { ctl, args } = this.ch;
    for (let i = 0; i < ints.length; i++) this.put.arg(i, Number.isInteger(ints[i]) ? ints[i]! : intWord(ints[i]));
    this.put.ctl(CTL_ARGC, ints.length);
    this.put.ctl(CTL_IN_LEN, 0);
    return this.transact(name, nr);
  }

  /**
   * A call whose arguments mix numbers and byte strings, in the order of the kernel's table
   * entry: a byte string's slot carries its length and its bytes go to the data area in turn.
   * Numbers are checked as call() checks them, unless `raw` (os.syscall: the kernel checks).
   */
  callWith(name: string, nr: number, argv: ReadonlyArray<number | ByteArg>, raw = false): number {
    if (this.gone) throw new ProcessGone();
    const { args, data } = this.ch;
    let off = 0;
    for (let i = 0; i < argv.length; i++) {
      const a = argv[i]!;
      if (typeof a === 'number') {
        this.put.arg(i, raw || Number.isInteger(a) ? a : intWord(a));
        continue;
      }
      if (typeof a !== 'string' && !(a instanceof Uint8Array)) {
        this.put.arg(i, intWord(a));
        continue;
      }
      let n: number;
      if (typeof a === 'string') {
        // Browsers refuse encodeInto() on a view of shared memory (Node allows it): encode into
        // this process's private scratch buffer, then copy.
        const scratch = (this.scratch ??= new Uint8Array(DATA_SIZE));
        const r = encoder.encodeInto(a, scratch.subarray(0, DATA_SIZE - off));
        if (r.read! < a.length) throw new Errno(E2BIG, name);
        n = r.written!;
        data.set(scratch.subarray(0, n), off);
      } else {
        if (off + a.length > DATA_SIZE) throw new Errno(E2BIG, name);
        data.set(a, off);
        n = a.length;
      }
      this.put.arg(i, n);
      off += n;
    }
    this.put.ctl(CTL_IN_LEN, off);
    this.put.ctl(CTL_ARGC, argv.length);
    return this.transact(name, nr);
  }

  private transact(name: string, nr: number): number {
    const { ctl, ret } = this.ch;
    for (let restarts = 0; ; restarts++) {
      this.exchange(nr);
      const sig = ctl[CTL_SIG]!;
      if (sig === 0) break;
      // A caught signal rides on this answer: keep the answer (or, for a call to restart, the
      // request), run the handler — which may make calls of its own — and return from it.
      const restart = ctl[CTL_RESTART] === 1 && restarts < 1000;
      const saved = this.save(restart);
      this.put.ctl(CTL_SIG, 0);
      try {
        this.onSignal(sig);
      } finally {
        this.exchangeSigreturn();
      }
      this.restore(saved);
      if (!restart) break;
    }
    const errno = ctl[CTL_ERRNO]!;
    if (errno !== 0) throw new Errno(errno, name);
    return ret[0]!;
  }

  private exchange(nr: number): void {
    const { ctl } = this.ch;
    if (this.gone) throw new ProcessGone();
    this.put.ctl(CTL_NR, nr);
    if (this.replay) {
      this.answerFromRecord(nr);
      return;
    }
    Atomics.store(ctl, CTL_STATE, STATE_REQUEST);
    Atomics.notify(ctl, CTL_STATE);
    // Spin while the answer is likely to come soon, then sleep. How long is learnt per call
    // number: one that waited long (a read on an empty pipe) sleeps at once the next time and
    // leaves the CPU to whoever it waits for; one answered quickly (getpid, stat) spins again,
    // up to the full spin.
    const slot = nr & (SPIN_SLOTS - 1);
    const budget = Math.min(this.spin, this.spinFor.get(slot));
    const t0 = hostNow();
    let i = 0;
    for (;;) {
      const s = Atomics.load(ctl, CTL_STATE);
      if (s === STATE_RESPONSE) break;
      if (s !== STATE_REQUEST) this.handedOver(nr);
      if (i < budget) i++;
      else Atomics.wait(ctl, CTL_STATE, STATE_REQUEST);
    }
    const waited = hostNow() - t0;
    this.spinFor.set(slot, waited > LONG_WAIT_MS ? 0 : Math.min(this.spin, budget * 2 + SPIN_STEP));
  }

  /**
   * The kernel answered with a hand-over instead of an answer: execve succeeded and the new image
   * starts in this Worker. Keep its start record and leave: the old program's calls from now on
   * raise ProcessGone, and the runtime, unwinding, starts the new image (runtime.ts).
   */
  private handedOver(nr: number): never {
    const got = nr === SYS.execve ? takeStart(this.ch.sab, this.ch) : undefined;
    if (!got) throw new Error(`posixbox: the kernel answered call ${nr} with channel state ${Atomics.load(this.ch.ctl, CTL_STATE)}`);
    this.handover = got;
    this.gone = true;
    throw new ProcessGone();
  }

  /** The recorded answer to the request in the channel, written where the kernel would write it. */
  private answerFromRecord(nr: number): void {
    const record = this.replay!;
    const e = record[this.replayPos];
    if (!e || e.digest !== channelDigest(this.ch)) this.diverged(nr);
    this.replayPos++;
    if (this.replayPos >= record.length) this.replay = undefined; // next comes the fork, live
    const { ctl, ret, data } = this.ch;
    this.put.ctl(CTL_ERRNO, e.errno);
    this.put.ret(0, e.value);
    if (e.nums) for (let i = 0; i < e.nums.length; i++) this.put.ret(i + 1, e.nums[i]!);
    this.put.ctl(CTL_OUT_LEN, e.out?.length ?? 0);
    if (e.out) data.set(e.out, 0);
    this.put.ctl(CTL_SIG, e.sig & 0xff);
    this.put.ctl(CTL_RESTART, e.sig >> 8);
  }

  /** Tell the kernel which call left the record; it kills this process (no answer comes). */
  private diverged(nr: number): never {
    const { ctl, args } = this.ch;
    this.put.arg(0, this.replayPos + 1);
    this.put.arg(1, this.replay?.[this.replayPos]?.nr ?? -1);
    this.put.arg(2, nr);
    this.replay = undefined;
    this.put.ctl(CTL_ARGC, 3);
    this.put.ctl(CTL_IN_LEN, 0);
    this.put.ctl(CTL_NR, SYS.replay_diverged);
    Atomics.store(ctl, CTL_STATE, STATE_REQUEST);
    Atomics.notify(ctl, CTL_STATE);
    for (;;) Atomics.wait(ctl, CTL_STATE, STATE_REQUEST);
  }

  /** rt_sigreturn after a handler; another signal may ride on its answer, handled the same way. */
  private exchangeSigreturn(): void {
    this.put.ctl(CTL_ARGC, 0);
    this.put.ctl(CTL_IN_LEN, 0);
    this.transact('rt_sigreturn', SYS.rt_sigreturn);
  }

  private save(request: boolean): { nr: number; errno: number; ret: Float64Array; args: Float64Array; argc: number; data: Uint8Array; inLen: number; outLen: number } {
    const { ctl, ret, args, data } = this.ch;
    const inLen = ctl[CTL_IN_LEN]!;
    const outLen = ctl[CTL_OUT_LEN]!;
    return {
      nr: ctl[CTL_NR]!, errno: ctl[CTL_ERRNO]!, ret: ret.slice(), args: args.slice(), argc: ctl[CTL_ARGC]!, inLen, outLen,
      data: data.slice(0, request ? inLen : outLen),
    };
  }

  private restore(s: ReturnType<SyscallClient['save']>): void {
    const { ctl, ret, args, data } = this.ch;
    this.put.ctl(CTL_NR, s.nr);
    this.put.ctl(CTL_ERRNO, s.errno);
    ret.set(s.ret);
    args.set(s.args);
    this.put.ctl(CTL_ARGC, s.argc);
    data.set(s.data, 0);
    this.put.ctl(CTL_IN_LEN, s.inLen);
    this.put.ctl(CTL_OUT_LEN, s.outLen);
  }

  /** ret[1 + i] of the last answer (extra numbers such as stat fields). */
  num(i: number): number {
    return this.ch.ret[i + 1]!;
  }

  /** The bytes of the last answer (a copy). */
  outBytes(): Uint8Array {
    const out = new Uint8Array(this.ch.ctl[CTL_OUT_LEN]!);
    out.set(this.ch.data.subarray(0, out.length)); // set() copies out of shared memory 3x faster than slice()
    return out;
  }

  outText(): string {
    return decoder.decode(this.outBytes()); // a copy: browsers refuse to decode shared memory
  }

  /** Copy the last answer's bytes into dst; returns how many. */
  outInto(dst: Uint8Array): number {
    const n = Math.min(this.ch.ctl[CTL_OUT_LEN]!, dst.length);
    dst.set(this.ch.data.subarray(0, n));
    return n;
  }

  /**
   * exit_group from a program (os._exit). The kernel ends the process at once. It stops this
   * Worker, or — when the runtime allows — answers STATE_RECYCLED: the program's code then
   * unwinds (ProcessGone; its calls fail) to the runtime, which readies the Worker for the next
   * process.
   */
  exit(nr: number, status: number): never {
    if (this.gone) throw new ProcessGone();
    Atomics.store(this.ch.ctl, CTL_RECYCLE, this.mayRecycle ? RECYCLE : 0);
    this.requestExit(nr, status);
    const { ctl } = this.ch;
    while (Atomics.load(ctl, CTL_STATE) === STATE_REQUEST) Atomics.wait(ctl, CTL_STATE, STATE_REQUEST);
    this.gone = true;
    this.exited = true;
    throw new ProcessGone();
  }

  /**
   * The runtime's own exit_group at the end of a run (runtime.ts): marked recyclable, so the
   * kernel may answer it by handing the Worker back to its pool (STATE_RECYCLED, or at once a
   * start record for the next process) instead of stopping it. Returns once it has; the client
   * is then gone.
   */
  finish(status: number): void {
    if (this.gone) throw new ProcessGone();
    Atomics.store(this.ch.ctl, CTL_RECYCLE, RECYCLE);
    this.requestExit(SYS.exit_group, status);
    const { ctl } = this.ch;
    while (Atomics.load(ctl, CTL_STATE) === STATE_REQUEST) Atomics.wait(ctl, CTL_STATE, STATE_REQUEST);
    this.gone = true;
  }

  private requestExit(nr: number, status: number): void {
    const { ctl } = this.ch;
    if (this.gone) throw new ProcessGone();
    if (this.replay) this.diverged(nr); // the parent did not end before its fork
    this.put.arg(0, status);
    this.put.ctl(CTL_ARGC, 1);
    this.put.ctl(CTL_IN_LEN, 0);
    this.put.ctl(CTL_NR, nr);
    Atomics.store(ctl, CTL_STATE, STATE_REQUEST);
    Atomics.notify(ctl, CTL_STATE);
  }

  /** execve: on success the new image takes this Worker (ProcessGone unwinds the old program); else Errno. */
  exec(path: ByteArg, argv: ByteArg, envp: ByteArg): never {
    this.callWith('execve', SYS.execve, [path, argv, envp]);
    throw new Error('execve returned without an error');
  }
}
