/**
 * The kernel's Workers that run no process now: fresh ones started ahead of need, so spawn and
 * exec do not wait for a Worker to start, and reused ones, whose process exited cleanly (its
 * runtime said so: CTL_RECYCLE, os/runtime.ts) and which take the next process with everything
 * already compiled. take() prefers the Worker given back last (its caches are the warmest).
 *
 * Bounds: at most `maxIdle` Workers wait here (one given back beyond that is stopped), and once
 * nobody has taken one for SHRINK_MS, the reused ones beyond `size` are stopped too: a burst of
 * processes leaves no lasting cost.
 */
import { isReady } from './handoff.js';
import type { ProcessWorker, WorkerFactory } from './worker-host.js';

const REFILL_DELAY_MS = 5;
/** How long the pool may sit unused before it gives back the Workers a burst left it. */
const SHRINK_MS = 2000;
export const DEFAULT_MAX_IDLE = 8;

export class WorkerPool {
  /** Started ahead, never a process yet (oldest first: the first is the likeliest to be ready). */
  private readonly fresh: ProcessWorker[] = [];
  /** Given back by a clean exit, most recent last. */
  private readonly reused: ProcessWorker[] = [];
  private closed = false;
  private refilling = false;
  private shrinking = false;
  private lastTake = 0;

  constructor(private readonly factory: WorkerFactory, private readonly size: number,
    private readonly maxIdle = Math.max(size, DEFAULT_MAX_IDLE)) {
    for (let i = 0; i < size; i++) this.fresh.push(factory.create());
  }

  /** How many Workers wait here (for tests and /proc-style reports). */
  get idle(): number {
    return this.fresh.length + this.reused.length;
  }

  /**
   * A Worker for a new process, and whether it may still be running code of its last program
   * (unwinding from os._exit, or microtasks it left, before the runtime readies the Worker): such
   * a Worker takes the start record when it is done, and the kernel watches that it does
   * (kernel.ts). Preferred, in order: a reused Worker asleep and ready; a reused one still
   * finishing (in a moment it is ready, with all it compiled; a fresh one has compiled nothing
   * of the programs run so far); a fresh one ready; a fresh one still starting; a new one.
   */
  take(): { readonly worker: ProcessWorker; readonly finishing: boolean } {
    if (this.closed) throw new Error('worker pool is closed');
    this.lastTake = performance.now();
    this.dropDead();
    const pick = (list: ProcessWorker[], test: (w: ProcessWorker) => boolean, fromEnd: boolean): ProcessWorker | undefined => {
      for (let i = fromEnd ? list.length - 1 : 0; fromEnd ? i >= 0 : i < list.length; i += fromEnd ? -1 : 1) {
        if (test(list[i]!)) return list.splice(i, 1)[0];
      }
      return undefined;
    };
    const ready = (w: ProcessWorker): boolean => isReady(w.channel);
    const asleep = pick(this.reused, ready, true);
    const finishing = asleep ? undefined : pick(this.reused, () => true, true);
    const w = asleep ?? finishing ?? pick(this.fresh, ready, false) ?? this.fresh.shift() ?? this.factory.create();
    // Refill a little later: creating a Worker costs the kernel's thread about a millisecond and
    // its start-up takes a core for ~20 ms, which the process just spawned should not compete with.
    if (!this.refilling && this.idle < this.size) {
      this.refilling = true;
      setTimeout(() => {
        this.refilling = false;
        while (!this.closed && this.idle < this.size) this.fresh.push(this.factory.create());
      }, REFILL_DELAY_MS);
    }
    return { worker: w, finishing: finishing !== undefined };
  }

  /** Workers that died waiting here (a crash, or one that discarded itself) are no use. */
  private dropDead(): void {
    for (const list of [this.fresh, this.reused]) {
      for (let i = list.length - 1; i >= 0; i--) if (!list[i]!.alive) list.splice(i, 1);
    }
  }

  /** A Worker whose process exited cleanly: keep it for the next process, within the bound. */
  giveBack(w: ProcessWorker): void {
    if (this.closed || this.idle >= this.maxIdle) {
      w.terminate();
      return;
    }
    w.recycle();
    this.reused.push(w);
    this.scheduleShrink();
  }

  private scheduleShrink(): void {
    if (this.shrinking) return;
    this.shrinking = true;
    const t = setTimeout(() => {
      this.shrinking = false;
      if (this.closed) return;
      if (performance.now() - this.lastTake < SHRINK_MS) {
        this.scheduleShrink();
        return;
      }
      while (this.reused.length > 0 && this.idle > this.size) this.reused.shift()!.terminate();
    }, SHRINK_MS) as unknown as { unref?: () => void };
    t.unref?.(); // an idle pool never keeps a host process alive
  }

  close(): void {
    this.closed = true;
    for (const w of [...this.fresh.splice(0), ...this.reused.splice(0)]) w.terminate();
  }
}
