/** Browser glue: processes as module Web Workers (the page must be cross-origin isolated). */
import type { ProcessWorker, WorkerFactory, WorkerStartMessage } from './worker-host.js';

class WebProcessWorker implements ProcessWorker {
  private terminated = false;
  private crash: ((reason: string) => void) | undefined;
  private readonly worker: Worker;

  constructor(make: () => Worker) {
    this.worker = make();
    this.worker.addEventListener('error', (e: ErrorEvent) => this.died(e.message || 'worker error'));
  }

  private died(reason: string): void {
    if (this.terminated) return;
    this.terminated = true;
    this.crash?.(reason);
  }

  start(message: WorkerStartMessage): void {
    this.worker.postMessage(message);
  }

  terminate(): void {
    this.terminated = true;
    this.worker.terminate();
  }

  onCrash(handler: (reason: string) => void): void {
    this.crash = handler;
  }
}

export function webWorkers(make?: () => Worker): WorkerFactory {
  const factory = make ?? (() => new Worker(new URL('./worker-entry.web.ts', import.meta.url), { type: 'module' }));
  return { create: () => new WebProcessWorker(factory) };
}
