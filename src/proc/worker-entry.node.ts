/**
 * The Node worker bundle's entry: get ready (globals, compiled modules), sleep on the channel
 * until the kernel hands over a process, then become it.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { prepareWorker, runProcess, type ModuleLoader } from '../os/runtime.js';
import { waitStart } from './handoff.js';
import type { WorkerStartMessage } from './worker-host.js';

const loader: ModuleLoader = {
  importSource: (source) =>
    import(`data:text/javascript;charset=utf-8,${encodeURIComponent(source)}`) as Promise<Record<string, unknown>>,
  importLessonLibrary: () => import('../os/lesson.js') as Promise<Record<string, unknown>>,
};

const channel = (workerData as { channel: SharedArrayBuffer }).channel;
// A process ends only by exit_group (the kernel then stops this thread): while its program awaits
// something that holds no handle (a module still loading), the event loop must not run dry and
// end the thread on its own.
setInterval(() => {}, 2 ** 30);
const prepared = prepareWorker(channel);
const start = waitStart(channel);
if (start) void runProcess(start, loader, prepared);
else parentPort?.once('message', (msg: WorkerStartMessage) => void runProcess(msg, loader, prepared));
