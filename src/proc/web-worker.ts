/** Browser glue: processes as module Web Workers (the page must be cross-origin isolated). */
import { WorkerLife, type WorkerFactory, type WorkerStartMessage } from './worker-host.js';

class WebProcessWorker extends WorkerLife {
  private readonly worker: Worker;

  constructor(make: () => Worker) {
    super();
    this.worker = make();
    this.worker.postMessage({ type: 'channel', channel: this.channel });
    this.worker.addEventListener('error', (e: ErrorEvent) => this.died(e.message || 'worker error'));
  }

  protected post(message: WorkerStartMessage): void {
    this.worker.postMessage(message);
  }

  terminate(): void {
    this.terminated = true;
    this.worker.terminate();
  }
}

export function webWorkers(make?: () => Worker): WorkerFactory {
  const factory = make ?? (() => new Worker(new URL('./worker-entry.web.ts', import.meta.url), { type: 'module' }));
  return { create: () => new WebProcessWorker(factory) };
}
