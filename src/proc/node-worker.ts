/**
 * Node glue: processes as worker_threads running the built worker bundle (dist/worker.js;
 * worker_threads cannot load TypeScript). Only this file and the CLI touch node:* in the core.
 */
import { readdirSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { CHANNEL_BYTES } from '../kernel/abi/channel.js';
import { WorkerLife, type ProcessWorker, type WorkerFactory, type WorkerStartMessage } from './worker-host.js';

/** The V8 heap a process's Worker may take (MiB), unless the factory is told otherwise. */
const DEFAULT_HEAP_MB = 512;

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

/**
 * A Worker thread running the worker bundle, not yet a process: made by nodeWorkers' factory, or
 * by a host ahead of its kernel (the CLI starts one before it loads the kernel, so the thread's
 * start overlaps that) and handed to nodeWorkers, whose first create() takes it.
 */
export interface StartedThread {
  readonly worker: Worker;
  /** The channel buffer the thread was given (its workerData). */
  readonly channel: SharedArrayBuffer;
  /** The thread's id on Linux (the one thread that `new Worker` added), for the memory probe's page faults. */
  readonly tid: number | undefined;
  /** The first error the thread reported ('error': it is dying); never settles if there is none. */
  readonly failed: Promise<Error>;
  /** Resolves with the exit code once the thread has stopped. */
  readonly exited: Promise<number>;
}

const YOUNG_GENERATION_MB = 2;

/** Start a Worker thread; it does not keep the host's event loop alive (unref) until it runs a process. */
export function startThread(url: URL = defaultWorkerUrl(), maxHeapMb = DEFAULT_HEAP_MB,
  channel = new SharedArrayBuffer(CHANNEL_BYTES)): StartedThread {
  const before = threads();
  // A small young generation: a sleeping process's Worker holds about 12 MB instead of 14 (the
  // scale bench), at no cost measured on the shell bench's sort of a million lines.
  const worker = new Worker(url, {
    stdout: false, stderr: false, workerData: { channel },
    resourceLimits: { maxOldGenerationSizeMb: maxHeapMb, maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
  });
  const added = before ? [...threads() ?? []].filter((t) => !before.has(t)) : [];
  worker.unref();
  // Listened to from the start: a thread handed over later may have failed or stopped meanwhile.
  const failed = new Promise<Error>((resolve) => worker.on('error', resolve));
  const exited = new Promise<number>((resolve) => worker.on('exit', resolve));
  return { worker, channel, tid: added.length === 1 ? Number(added[0]) : undefined, failed, exited };
}

class NodeProcessWorker extends WorkerLife {
  /** The thread's own channel: WorkerLife's, or the one a thread started ahead was given. */
  declare readonly channel: SharedArrayBuffer;
  private readonly worker: Worker;
  /** Resolves when the thread has stopped. */
  readonly gone: Promise<void>;
  readonly tid: number | undefined;

  /** A new thread from `url`, or `ahead`, one started before. */
  constructor(url: URL, maxHeapMb: number, ahead?: StartedThread) {
    super();
    if (ahead) this.channel = ahead.channel;
    const t = ahead ?? startThread(url, maxHeapMb, this.channel);
    this.worker = t.worker;
    this.tid = t.tid;
    void t.failed.then((e) => this.died(`${e.name}: ${e.message}`));
    this.gone = t.exited.then((code) => this.died(`worker exited with code ${code}`));
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

/**
 * `ahead`: a thread started before the kernel, asked for by the first create() (which makes a new
 * one if it gives none: it was used up or never started).
 */
export function nodeWorkers(url: URL = defaultWorkerUrl(), maxHeapMb = DEFAULT_HEAP_MB,
  ahead?: () => StartedThread | undefined): NodeWorkerFactory {
  const stopping = new Set<NodeProcessWorker>();
  let first = ahead;
  return {
    threadOf: (w) => (w instanceof NodeProcessWorker ? w.tid : undefined),
    create: () => {
      const given = first?.();
      first = undefined;
      const w = new NodeProcessWorker(url, maxHeapMb, given);
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
