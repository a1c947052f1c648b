/** Browser glue: processes as module Web Workers (the page must be cross-origin isolated). */
import type { ProcessWorker, WorkerFactory, WorkerStartMessage } from './worker-host.js';
import { CHANNEL_BYTES } from '../kernel/abi/channel.js';
import { writeStart } from './handoff.js';

class WebProcessWorker implements ProcessWorker {
  private terminated = false;
  private crash: ((reason: string) => void) | undefined;
  private readonly worker: Worker;
  readonly channel = new SharedArrayBuffer(CHANNEL_BYTES);

  constructor(make: () => Worker) {
    this.worker = make();
    this.worker.postMessage({ type: 'channel', channel: this.channel });
    this.worker.addEventListener('error', (e: ErrorEvent) => this.died(e.message || 'worker error'));
  }

  private deadReason: string | undefined;

  private died(reason: string): void {
    if (this.terminated) return;
    this.terminated = true;
    this.deadReason = reason;
    this.crash?.(reason);
  }

  start(message: WorkerStartMessage): void {
    const { type: _t, sab: _s, ...record } = message;
    if (!writeStart(this.channel, record)) this.worker.postMessage(message);
  }

  terminate(): void {
    this.terminated = true;
    this.worker.terminate();
  }

  /** A Worker that died while waiting in the pool reports it as soon as someone listens. */
  onCrash(handler: (reason: string) => void): void {
    this.crash = handler;
    const dead = this.deadReason;
    if (dead !== undefined) queueMicrotask(() => handler(dead));
  }
}

export function webWorkers(make?: () => Worker): WorkerFactory {
  const factory = make ?? (() => new Worker(new URL('./worker-entry.web.ts', import.meta.url), { type: 'module' }));
  return { create: () => new WebProcessWorker(factory) };
}
