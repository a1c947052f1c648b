/**
 * The Worker thread a CLI command starts first, before it loads the kernel: Node's start of the
 * thread, the worker bundle's loading and lockdown then overlap the kernel's loading and boot,
 * and the kernel's first Worker (the first process's) is this one (nodeWorkers' `ahead`). A
 * command that boots no kernel after all (a usage error) stops it with dispose().
 */
import { startThread, type StartedThread } from '../proc/node-worker.js';

export interface ThreadAhead {
  /** The thread the first time, then undefined: what nodeWorkers' first create() asks for. */
  readonly take: () => StartedThread | undefined;
  /**
   * Stop the thread if nobody took it, and wait until it has stopped (Node can crash when the
   * process exits while a Worker thread is being torn down).
   */
  dispose(): Promise<void>;
}

export function threadAhead(): ThreadAhead {
  let thread: StartedThread | undefined = startThread();
  const take = (): StartedThread | undefined => {
    const t = thread;
    thread = undefined;
    return t;
  };
  return {
    take,
    async dispose() {
      const t = take();
      if (t === undefined) return;
      await t.worker.terminate();
      await t.exited;
    },
  };
}
