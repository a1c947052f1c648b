/**
 * Node glue: processes as worker_threads running the built worker bundle (dist/worker.js;
 * worker_threads cannot load TypeScript). Only this file and the CLI touch node:* in the core.
 */
import { Worker } from 'node:worker_threads';
import type { ProcessWorker, WorkerFactory, WorkerStartMessage } from './worker-host.js';
import { CHANNEL_BYTES } from '../kernel/abi/channel.js';
import { writeStart } from './handoff.js';

/** dist/worker.js, whether this module runs from dist/ (bundled) or from src/ (tests). */
export function defaultWorkerUrl(): URL {
  const here = import.meta.url;
  return here.endsWith('.ts') ? new URL('../../dist/worker.js', here) : new URL('./worker.js', here);
}

class NodeProcessWorker implements ProcessWorker {
  private terminated = false;
  private crash: ((reason: string) => void) | undefined;
  private readonly worker: Worker;
  readonly channel = new SharedArrayBuffer(CHANNEL_BYTES);

  constructor(url: URL, resourceLimits: { maxOldGenerationSizeMb?: number } | undefined) {
    this.worker = new Worker(url, {
      stdout: false, stderr: false, workerData: { channel: this.channel }, ...(resourceLimits ? { resourceLimits } : {}),
    });
    this.worker.unref();
    this.worker.on('error', (e: Error) => this.died(`${e.name}: ${e.message}`));
    this.worker.on('exit', (code: number) => this.died(`worker exited with code ${code}`));
  }

  private deadReason: string | undefined;

  private died(reason: string): void {
    if (this.terminated) return;
    this.terminated = true;
    this.deadReason = reason;
    this.crash?.(reason);
  }

  start(message: WorkerStartMessage): void {
    this.worker.ref(); // a running process keeps the host's event loop alive; an idle one does not
    const { type: _t, sab: _s, ...record } = message;
    if (!writeStart(this.channel, record)) this.worker.postMessage(message);
  }

  /** Stops the Worker right after the current kernel task (it may be spinning: it stops all the same). */
  terminate(): void {
    if (this.terminated) return;
    this.terminated = true;
    setTimeout(() => void this.worker.terminate(), 0);
  }

  /** A Worker that died while waiting in the pool reports it as soon as someone listens. */
  onCrash(handler: (reason: string) => void): void {
    this.crash = handler;
    const dead = this.deadReason;
    if (dead !== undefined) queueMicrotask(() => handler(dead));
  }
}

export function nodeWorkers(url: URL = defaultWorkerUrl(), maxHeapMb = 512): WorkerFactory {
  return { create: () => new NodeProcessWorker(url, { maxOldGenerationSizeMb: maxHeapMb }) };
}
