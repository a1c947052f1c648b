/**
 * posixbox for Node: boot a kernel whose processes are worker_threads.
 *
 *   import { boot } from 'posixbox';
 *   const k = boot({ users: [...], files: [...] });
 *   const p = k.spawn({ program: { source, path: 'hello.js' }, argv: ['hello'] });
 */
import { Kernel, type BootOptions } from './kernel/kernel.js';
import { nodeWorkers } from './proc/node-worker.js';

export type NodeBootOptions = Omit<BootOptions, 'workers'> & Partial<Pick<BootOptions, 'workers'>>;

export function boot(options: NodeBootOptions = {}): Kernel {
  return new Kernel({ ...options, workers: options.workers ?? nodeWorkers() });
}

export * from './exports.js';
