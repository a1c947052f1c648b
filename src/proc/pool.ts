/**
 * A small pool of Workers started ahead of need, so spawn and exec do not wait for Worker
 * start-up on the critical path. take() hands out a warm Worker and starts a replacement.
 */
import type { ProcessWorker, WorkerFactory } from './worker-host.js';

const REFILL_DELAY_MS = 5;

export class WorkerPool {
  private readonly idle: ProcessWorker[] = [];
  private closed = false;
  private refilling = false;

  constructor(private readonly factory: WorkerFactory, private readonly size: number) {
    for (let i = 0; i < size; i++) this.idle.push(factory.create());
  }

  take(): ProcessWorker {
    if (this.closed) throw new Error('worker pool is closed');
    const w = this.idle.shift() ?? this.factory.create();
    // Refill a little later: creating a Worker costs the kernel's thread about a millisecond and
    // its start-up takes a core for ~20 ms, which the process just spawned should not compete with.
    if (!this.refilling) {
      this.refilling = true;
      setTimeout(() => {
        this.refilling = false;
        while (!this.closed && this.idle.length < this.size) this.idle.push(this.factory.create());
      }, REFILL_DELAY_MS);
    }
    return w;
  }

  close(): void {
    this.closed = true;
    for (const w of this.idle.splice(0)) w.terminate();
  }
}
