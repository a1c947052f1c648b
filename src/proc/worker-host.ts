import {
  CHANNEL_BYTES, CTL_PENDING, CTL_READY, CTL_RECYCLE, CTL_RESTART, CTL_SIG, CTL_STATE, channelViews,
} from '../kernel/abi/channel.js';
import { announceMessage, STATE_RECYCLED, writeStart } from './handoff.js';
import type { ReplayEntry } from '../kernel/abi/channel.js';
import type { LinkedImage } from '../kernel/abi/image.js';

/**
 * How the kernel starts the Worker a process runs in. The kernel sees only this interface; the
 * Node glue (worker_threads) and the browser glue (Web Workers) implement it.
 */

/** What a fresh Worker is told when it becomes a process. */
export interface WorkerStartMessage {
  readonly type: 'start';
  readonly sab: SharedArrayBuffer;
  readonly pid: number;
  readonly argv: readonly string[];
  readonly env: readonly string[];
  /** Seed of the process's user-space random generator (Math.random, crypto.getRandomValues). */
  readonly seed: number;
  /** The program image, linked by the kernel (abi/image.ts). */
  readonly program: LinkedImage;
  /** Spin iterations before Atomics.wait in the syscall client. */
  readonly spin: number;
  /** Real-time mode: no CPU to wait for, so the process skips sched_start and runs at once. */
  readonly running: boolean;
  /** A forked child: its parent's record up to the fork, to answer those calls from. */
  readonly replay?: readonly ReplayEntry[];
  /**
   * A large program body is sent to a Worker once: with `keep` it comes and the Worker keeps it
   * under `id` (after dropping all it kept, with `drop`); without, program.body is empty and the
   * Worker has it under `id` already.
   */
  readonly body?: { readonly id: number; readonly keep?: boolean; readonly drop?: boolean };
}

/** A body shorter than this is sent every time (the bookkeeping would cost more). */
const KEEP_BODY_MIN = 8192;
/** What one Worker keeps of program bodies at most (then it drops them all and starts again). */
const KEEP_BODY_BYTES = 16 * 2 ** 20;

export interface ProcessWorker {
  /** The channel buffer this Worker was created with; the process it becomes uses it. */
  readonly channel: SharedArrayBuffer;
  start(message: WorkerStartMessage): void;
  /**
   * Its process exited cleanly and the Worker goes back to the pool: answer the exit_group it
   * waits in (STATE_RECYCLED), with the channel's words as a new process expects them.
   */
  recycle(): void;
  terminate(): void;
  /** False once it was told to terminate or died on its own. */
  readonly alive: boolean;
  /** Called once if the Worker dies on its own (a crash, out of memory), not after terminate(). */
  onCrash(handler: (reason: string) => void): void;
}

export interface WorkerFactory {
  create(): ProcessWorker;
  /** Resolves once every Worker created so far that was told to terminate has stopped. */
  settled?(): Promise<void>;
}

/**
 * What both Worker glues share: the channel buffer, the start hand-off, and the life of the
 * Worker — terminated by the kernel, or dead on its own (reported once, even if it died while
 * still waiting in the pool, as soon as someone listens).
 */
export abstract class WorkerLife implements ProcessWorker {
  readonly channel = new SharedArrayBuffer(CHANNEL_BYTES);
  protected terminated = false;

  get alive(): boolean {
    return !this.terminated;
  }
  private deadReason: string | undefined;
  private crash: ((reason: string) => void) | undefined;

  /** Send the whole start message (when the record does not fit the channel). */
  protected abstract post(message: WorkerStartMessage): void;
  abstract terminate(): void;

  protected died(reason: string): void {
    if (this.terminated) return;
    this.terminated = true;
    this.deadReason = reason;
    this.crash?.(reason);
  }

  /** The bodies this Worker keeps (kernel side's mirror of the Worker's own map): body → id. */
  private readonly bodies = new Map<string, number>();
  private bodyBytes = 0;

  start(message: WorkerStartMessage): void {
    const { type: _t, sab: _s, ...record } = this.withKeptBody(message);
    if (!writeStart(this.channel, record)) this.post({ type: 'start', sab: message.sab, ...record });
  }

  /** The message with its program's body left out if this Worker has it, or marked to be kept. */
  private withKeptBody(message: WorkerStartMessage): WorkerStartMessage {
    const { body } = message.program;
    if (body.length < KEEP_BODY_MIN) return message;
    const id = this.bodies.get(body);
    if (id !== undefined) return { ...message, program: { ...message.program, body: '' }, body: { id } };
    const drop = this.bodyBytes + body.length > KEEP_BODY_BYTES;
    if (drop) {
      this.bodies.clear();
      this.bodyBytes = 0;
    }
    const next = this.bodies.size + 1;
    this.bodies.set(body, next);
    this.bodyBytes += body.length;
    return { ...message, body: { id: next, keep: true, ...(drop ? { drop } : {}) } };
  }

  recycle(): void {
    const { ctl } = channelViews(this.channel);
    for (const word of [CTL_RECYCLE, CTL_READY, CTL_PENDING, CTL_SIG, CTL_RESTART]) Atomics.store(ctl, word, 0);
    this.crash = undefined;
    Atomics.store(ctl, CTL_STATE, STATE_RECYCLED);
    Atomics.notify(ctl, CTL_STATE);
  }

  onCrash(handler: (reason: string) => void): void {
    this.crash = handler;
    const dead = this.deadReason;
    if (dead !== undefined) queueMicrotask(() => handler(dead));
  }
}
