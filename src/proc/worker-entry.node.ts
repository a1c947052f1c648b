/**
 * The Node worker bundle's entry: lock the Worker down (ses), get ready (compiled modules, the
 * program's compartment), sleep on the channel until the kernel hands over a process, then
 * become it.
 */
import 'ses';
import { parentPort, workerData } from 'node:worker_threads';
import { lockdownWorker } from '../os/confine.js';
import { prepareWorker, runProcess, type Platform } from '../os/runtime.js';
import { waitStart } from './handoff.js';
import type { WorkerStartMessage } from './worker-host.js';

lockdownWorker();

const platform: Platform = {
  importLessonLibrary: () => import('../os/lesson.js') as Promise<Record<string, unknown>>,
  macrotask: () => new Promise((resolve) => setImmediate(resolve)),
  onUnhandledRejection: (handler) => { process.on('unhandledRejection', (reason) => handler(reason)); },
};

const channel = (workerData as { channel: SharedArrayBuffer }).channel;
// A process ends only by exit_group (the kernel then stops this thread): while its program awaits
// something that holds no handle, the event loop must not run dry and end the thread on its own.
setInterval(() => {}, 2 ** 30);
const prepared = prepareWorker(channel);
const start = waitStart(channel);
if (start) void runProcess(start, platform, prepared);
else parentPort?.once('message', (msg: WorkerStartMessage) => void runProcess(msg, platform, prepared));
