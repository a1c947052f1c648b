/** posixbox in the browser: boot a kernel whose processes are module Web Workers. */
import { Kernel, type BootOptions } from './kernel/kernel.js';
import { webWorkers } from './proc/web-worker.js';

export type BrowserBootOptions = Omit<BootOptions, 'workers'> & Partial<Pick<BootOptions, 'workers'>>;

export function boot(options: BrowserBootOptions = {}): Kernel {
  return new Kernel({ ...options, workers: options.workers ?? webWorkers() });
}

export * from './exports.js';
