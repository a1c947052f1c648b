/** posixbox in the browser: boot a kernel whose processes are module Web Workers. */
import { PROGRAMS } from '#programs';
import { Kernel, type BootOptions } from './kernel/kernel.js';
import { webWorkers } from './proc/web-worker.js';
import { binariesOf } from './bin/install.js';

export type BrowserBootOptions = Omit<BootOptions, 'workers'> & Partial<Pick<BootOptions, 'workers'>>;

export function boot(options: BrowserBootOptions = {}): Kernel {
  return new Kernel({ ...options, binaries: options.binaries ?? binariesOf(PROGRAMS), workers: options.workers ?? webWorkers() });
}

export * from './exports.js';
