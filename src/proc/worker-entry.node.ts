/**
 * The Node worker bundle's entry: lock the Worker down (ses), get ready (compiled modules, the
 * first process's compartment), then serve the processes the kernel hands over, one after
 * another, for as long as each exits cleanly (os/runtime.ts serveProcesses).
 */
import 'ses';
import { parentPort, workerData } from 'node:worker_threads';
import { lockdownWorker } from '../os/confine.js';
import { prepareWorker, serveProcesses, type Platform } from '../os/runtime.js';
import { inbox } from './inbox.js';
import type { WorkerStartMessage } from './worker-host.js';

lockdownWorker();

const messages = inbox<WorkerStartMessage>((deliver) => parentPort?.on('message', deliver));
const platform: Platform = {
  importLessonLibrary: () => import('../os/lesson.js') as Promise<Record<string, unknown>>,
  macrotask: () => new Promise((resolve) => setImmediate(resolve)),
  onUnhandledRejection: (handler) => { process.on('unhandledRejection', (reason) => handler(reason)); },
  nextMessage: messages.next,
  discard: () => { process.exit(0); },
};

const channel = (workerData as { channel: SharedArrayBuffer }).channel;
// A process ends only by exit_group (the kernel then stops this thread or hands it another
// process): while its program awaits something that holds no handle, the event loop must not run
// dry and end the thread on its own.
setInterval(() => {}, 2 ** 30);
void serveProcesses(channel, platform, prepareWorker(channel));
