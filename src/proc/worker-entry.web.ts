/**
 * The browser worker's entry: lock the Worker down (ses), wait for the channel, get ready, then
 * wait for the start message and become the process.
 */
import 'ses';
import { lockdownWorker } from '../os/confine.js';
import { prepareWorker, runProcess, type Platform } from '../os/runtime.js';
import { waitStart } from './handoff.js';
import type { WorkerStartMessage } from './worker-host.js';

lockdownWorker();

/** One host task later: a MessageChannel message (setTimeout may be clamped to 4 ms). */
function macrotask(): Promise<void> {
  return new Promise((resolve) => {
    const { port1, port2 } = new MessageChannel();
    port1.onmessage = () => { port1.close(); resolve(); };
    port2.postMessage(null);
  });
}

const platform: Platform = {
  importLessonLibrary: () => import('../os/lesson.js') as Promise<Record<string, unknown>>,
  // The rejection events are dispatched as a task of their own after the microtasks: wait two.
  macrotask: async () => { await macrotask(); await macrotask(); },
  onUnhandledRejection: (handler) => {
    addEventListener('unhandledrejection', (ev: PromiseRejectionEvent) => { ev.preventDefault(); handler(ev.reason); });
  },
};

// The first message brings the channel; then sleep on it until the kernel hands over a process
// (a record too large for the channel comes as a second message).
addEventListener('message', (first: MessageEvent<{ type: 'channel'; channel: SharedArrayBuffer }>) => {
  const prepared = prepareWorker(first.data.channel);
  const start = waitStart(first.data.channel);
  if (start) void runProcess(start, platform, prepared);
  else addEventListener('message', (ev: MessageEvent<WorkerStartMessage>) => void runProcess(ev.data, platform, prepared), { once: true });
}, { once: true });
