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
}

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

  start(message: WorkerStartMessage): void {
    const { type: _t, sab: _s, ...record } = message;
    if (message.replay?.length) {
      announceMessage(this.channel); // a record of answers (bytes and all) goes by structured clone
      this.post(message);
    } else if (!writeStart(this.channel, record)) {
      this.post(message);
    }
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
