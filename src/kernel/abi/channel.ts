/**
 * The layout of a process's syscall channel: one SharedArrayBuffer per process, written by the
 * process (request) and by the kernel (response). The state word is the doorbell both sides wait on.
 *
 *   bytes 0..63     Int32 control words (STATE, NR, ERRNO, IN_LEN, OUT_LEN, SEQ, SIG, RESTART, ARGC, PENDING, RECYCLE, READY)
 *   bytes 64..191   Float64 args[16]   — numeric arguments; a byte-string argument's slot holds its length
 *   bytes 192..383  Float64 ret[24]    — ret[0] is the return value, ret[1..] extra numbers (stat fields)
 *   bytes 384..     the data area: byte-string arguments back to back, then the response's bytes
 */
export const CTL_STATE = 0;
export const CTL_NR = 1;
export const CTL_ERRNO = 2;
export const CTL_IN_LEN = 3;
export const CTL_OUT_LEN = 4;
export const CTL_SEQ = 5;
/** Set by the kernel with an answer: run the handler of this signal, then call rt_sigreturn. */
export const CTL_SIG = 6;
/** With CTL_SIG on an EINTR answer: 1 if the call is to be restarted after the handler (SA_RESTART). */
export const CTL_RESTART = 7;
/** How many argument slots the request uses (its numbers, and a length per byte string). */
export const CTL_ARGC = 8;
/**
 * Set by the kernel, at any time, while the process has something to take at its next call: a
 * caught signal to run the handler of, or a stop to honour. Cleared when an answer delivers it.
 * A process computing without calls (the shell's builtin loops) reads it with one Atomics.load
 * and, when set, makes a cheap call (sched_yield) so the normal path delivers (os/channel.ts).
 */
export const CTL_PENDING = 9;
/**
 * Set to RECYCLE by the process's own runtime just before exit_group, when the Worker may take
 * another process (proc/pool.ts) instead of being stopped: at the end of a run, or at os._exit.
 * The program's code may still run a little after the exit (its code unwinding from os._exit, or
 * microtasks it left), unable to make calls; the runtime then readies the Worker (CTL_READY). A
 * program cannot write the word: it never holds the channel.
 */
export const CTL_RECYCLE = 10;
export const RECYCLE = 1;
/** Set to 1 by a Worker asleep waiting for its next process; cleared by the kernel as it hands one over. */
export const CTL_READY = 11;
export const CTL_WORDS = 16;

export const STATE_IDLE = 0;
export const STATE_REQUEST = 1;
export const STATE_RESPONSE = 2;

export const ARGS_OFFSET = 64;
export const ARGS_COUNT = 16;
export const RET_OFFSET = 192;
export const RET_COUNT = 24;
export const DATA_OFFSET = 384;
/** The data area: the most one read or write moves per call (the client loops for more). */
export const DATA_SIZE = 256 * 1024;
export const CHANNEL_BYTES = DATA_OFFSET + DATA_SIZE;

/** Views over one channel buffer, built once per side. */
export interface ChannelViews {
  readonly sab: SharedArrayBuffer;
  readonly ctl: Int32Array;
  readonly args: Float64Array;
  readonly ret: Float64Array;
  readonly data: Uint8Array;
}

export function channelViews(sab: SharedArrayBuffer): ChannelViews {
  return {
    sab,
    ctl: new Int32Array(sab, 0, CTL_WORDS),
    args: new Float64Array(sab, ARGS_OFFSET, ARGS_COUNT),
    ret: new Float64Array(sab, RET_OFFSET, RET_COUNT),
    data: new Uint8Array(sab, DATA_OFFSET, DATA_SIZE),
  };
}

/**
 * One answer of a process's record, as fork by replay hands it back (kernel side: proc/syscall-log;
 * a forked child's Worker gets its parent's record in its start message and answers from it).
 */
export interface ReplayEntry {
  readonly nr: number;
  /** channelDigest of the request this answered. */
  readonly digest: number;
  readonly errno: number;
  /** ret[0] of the answer. */
  readonly value: number;
  /** ret[1..] of the answer. */
  readonly nums: readonly number[] | undefined;
  readonly out: Uint8Array | undefined;
  /** A signal whose handler ran after this call, and (bit 8) the restart flag, as the client was told. */
  readonly sig: number;
}

/**
 * FNV-1a over a request as it sits in the channel: its number, the argument slots it uses, and
 * the byte strings' total length and edges. Both sides compute it from the same words, so a
 * forked child can check its calls against its parent's record by itself.
 */
export function channelDigest(ch: ChannelViews): number {
  let h = 0x811c9dc5;
  const mix = (x: number): void => {
    h ^= x & 0xff; h = Math.imul(h, 0x01000193);
    h ^= (x >>> 8) & 0xff; h = Math.imul(h, 0x01000193);
    h ^= (x >>> 16) & 0xff; h = Math.imul(h, 0x01000193);
    h ^= (x >>> 24) & 0xff; h = Math.imul(h, 0x01000193);
  };
  const { ctl, args, data } = ch;
  const argc = Math.max(0, Math.min(ctl[CTL_ARGC]!, ARGS_COUNT));
  const inLen = Math.max(0, Math.min(ctl[CTL_IN_LEN]!, DATA_SIZE));
  mix(ctl[CTL_NR]!);
  mix(argc);
  for (let i = 0; i < argc; i++) {
    const v = args[i]!;
    mix(v | 0);
    mix(Math.floor(v / 4294967296) | 0);
  }
  mix(inLen);
  const n = Math.min(inLen, 32);
  for (let i = 0; i < n; i++) mix(data[i]!);
  for (let i = Math.max(n, inLen - 32); i < inLen; i++) mix(data[i]!);
  return h >>> 0;
}
