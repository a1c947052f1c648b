/**
 * Node glue: processes as worker_threads running the built worker bundle (dist/worker.js;
 * worker_threads cannot load TypeScript). Only this file and the CLI touch node:* in the core.
 */
import { readdirSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { WorkerLife, type ProcessWorker, type WorkerFactory, type WorkerStartMessage } from './worker-host.js';

/** The host's threads (Linux's /proc/self/task), or undefined elsewhere. */
function threads(): Set<string> | undefined {
  try {
    return new Set(readdirSync('/proc/self/task'));
  } catch {
    return undefined;
  }
}

/** dist/worker.js, whether this module runs from dist/ (bundled) or from src/ (tests). */
export function defaultWorkerUrl(): URL {
  const here = import.meta.url;
  return here.endsWith('.ts') ? new URL('../../dist/worker.js', here) : new URL('./worker.js', here);
}

class NodeProcessWorker extends WorkerLife {
  private readonly worker: Worker;
  /** Resolves when the thread has stopped. */
  readonly gone: Promise<void>;
  /** The thread's id on Linux (the one thread that `new Worker` added), for the memory probe's page faults. */
  readonly tid: number | undefined;

  constructor(url: URL, resourceLimits: { maxOldGenerationSizeMb?: number } | undefined) {
    super();
    const before = threads();
    this.worker = new Worker(url, {
      stdout: false, stderr: false, workerData: { channel: this.channel }, ...(resourceLimits ? { resourceLimits } : {}),
    });
    const added = before ? [...threads() ?? []].filter((t) => !before.has(t)) : [];
    this.tid = added.length === 1 ? Number(added[0]) : undefined;
    this.worker.unref();
    this.worker.on('error', (e: Error) => this.died(`${e.name}: ${e.message}`));
    this.gone = new Promise((resolve) => {
      this.worker.on('exit', (code: number) => {
        this.died(`worker exited with code ${code}`);
        resolve();
      });
    });
  }

  override start(message: WorkerStartMessage): void {
    this.worker.ref(); // a running process keeps the host's event loop alive; an idle one does not
    super.start(message);
  }

  override recycle(): void {
    super.recycle();
    this.worker.unref(); // waiting in the pool, it does not keep the host alive
  }

  protected post(message: WorkerStartMessage): void {
    this.worker.postMessage(message);
  }

  /** Stops the Worker right after the current kernel task (it may be spinning: it stops all the same). */
  terminate(): void {
    if (this.terminated) return;
    this.terminated = true;
    setTimeout(() => void this.worker.terminate(), 0);
  }
}

/** Node's Workers, and which host thread each is (src/node-memory.ts reads its page faults). */
export interface NodeWorkerFactory extends WorkerFactory {
  threadOf(w: ProcessWorker): number | undefined;
}

export function nodeWorkers(url: URL = defaultWorkerUrl(), maxHeapMb = 512): NodeWorkerFactory {
  const stopping = new Set<NodeProcessWorker>();
  return {
    threadOf: (w) => (w instanceof NodeProcessWorker ? w.tid : undefined),
    create: () => {
      const w = new NodeProcessWorker(url, { maxOldGenerationSizeMb: maxHeapMb });
      const terminate = w.terminate.bind(w);
      w.terminate = () => {
        stopping.add(w);
        void w.gone.then(() => stopping.delete(w));
        terminate();
      };
      return w;
    },
    // The CLI awaits this before process.exit: exiting while Worker threads are still being torn
    // down can crash Node.
    settled: async () => { await Promise.all([...stopping].map((w) => w.gone)); },
  };
}
