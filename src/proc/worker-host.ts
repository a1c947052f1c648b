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
  /** The program image: an ES module's source text and the path it was loaded from. */
  readonly program: { readonly source: string; readonly path: string };
  /** Spin iterations before Atomics.wait in the syscall client. */
  readonly spin: number;
}

export interface ProcessWorker {
  /** The channel buffer this Worker was created with; the process it becomes uses it. */
  readonly channel: SharedArrayBuffer;
  start(message: WorkerStartMessage): void;
  terminate(): void;
  /** Called once if the Worker dies on its own (a crash, out of memory), not after terminate(). */
  onCrash(handler: (reason: string) => void): void;
}

export interface WorkerFactory {
  create(): ProcessWorker;
}
