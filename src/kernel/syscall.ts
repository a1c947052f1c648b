/**
 * The shape of a system call: how its arguments are marshalled, what a handler returns, and the
 * table entry that records how complete the call is (gVisor's Supported / PartiallySupported).
 */
import type { Process } from '../proc/process.js';
import type { Kernel } from './kernel.js';

/** int: a number in an args slot; str: UTF-8 text in the data area; bytes: raw bytes there. */
export type ArgKind = 'int' | 'str' | 'bytes';

export type Support = 'full' | 'partial' | 'none';

/** A finished call's answer: the return value, extra numbers (stat fields) and output bytes. */
export interface Reply {
  readonly value: number;
  readonly nums?: readonly number[];
  /** Bytes to hand back. When a handler already wrote into the channel's out area, use outLen. */
  readonly data?: Uint8Array;
  readonly outLen?: number;
}

/**
 * A call that cannot finish now: the process sleeps until woken, then `retry` runs again. A
 * caught signal interrupts it (EINTR); `restartable` calls are re-issued after the handler when
 * the signal's action has SA_RESTART; `cancel` undoes what the call arranged (a timer). A call
 * that has done part of its work (a write that moved some bytes) answers `done()` instead of
 * EINTR when that is more than 0, as Linux's write(2) returns the count written so far.
 */
export class Park {
  constructor(
    readonly call: string,
    readonly retry: () => Result,
    readonly restartable = true,
    readonly cancel?: () => void,
    readonly done?: () => number,
    /** The answer when done() > 0, if it carries more than the count (a read's bytes). */
    readonly partial?: () => Result,
  ) {}
}

/** The process-ending calls answer nothing: the Worker is stopped instead. */
export const NO_REPLY = Symbol('no reply');

export type Result = number | Reply | Park | typeof NO_REPLY;

/** A request's decoded arguments. */
export interface Args {
  int(i: number): number;
  str(i: number): string;
  bytes(i: number): Uint8Array;
  /** The channel's data area, for a handler to write up to `max` bytes of output into. */
  out(max: number): Uint8Array;
}

export type Handler = (k: Kernel, p: Process, a: Args) => Result;

export interface SyscallEntry {
  readonly name: string;
  readonly args: readonly ArgKind[];
  readonly handler: Handler;
  readonly support: Support;
  readonly note?: string;
}

export function full(name: string, args: readonly ArgKind[], handler: Handler): SyscallEntry {
  return { name, args, handler, support: 'full' };
}

export function partial(name: string, args: readonly ArgKind[], handler: Handler, note: string): SyscallEntry {
  return { name, args, handler, support: 'partial', note };
}
