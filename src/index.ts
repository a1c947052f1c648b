/**
 * posixbox for Node: boot a kernel whose processes are worker_threads, with the /bin utilities
 * installed.
 *
 *   import { boot } from 'posixbox';
 *   const k = boot({ users: [...], files: [...] });
 *   const p = k.spawn({ program: { source, path: 'hello.js' }, argv: ['hello'] });
 *
 * The utilities come from dist/programs.js, which scripts/build.mjs generates; `#programs` is the
 * package's own import map entry for it (package.json "imports"), so the same static import works
 * from src/ (tests: vite resolves it) and from the bundle (esbuild inlines it into dist/index.js).
 * `binaries: {}` boots without them.
 */
import { PROGRAMS } from '#programs';
import { Kernel, type BootOptions } from './kernel/kernel.js';
import { nodeWorkers, type NodeWorkerFactory } from './proc/node-worker.js';
import { nodeMemoryProbe } from './node-memory.js';
import { binariesOf } from './bin/install.js';

export type NodeBootOptions = Omit<BootOptions, 'workers'> & Partial<Pick<BootOptions, 'workers'>>;

export function boot(options: NodeBootOptions = {}): Kernel {
  const workers = options.workers ?? nodeWorkers();
  const threadOf = 'threadOf' in workers && typeof workers.threadOf === 'function' ? (workers as NodeWorkerFactory).threadOf : undefined;
  return new Kernel({
    ...options, binaries: options.binaries ?? binariesOf(PROGRAMS), workers,
    memory: options.memory ?? nodeMemoryProbe(threadOf),
  });
}

export * from './exports.js';
export { nodeWorkers } from './proc/node-worker.js';
