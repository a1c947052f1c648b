/**
 * The browser worker's entry: lock the Worker down (ses), wait for the channel, get ready, then
 * serve the processes the kernel hands over, one after another (os/runtime.ts serveProcesses).
 */
import 'ses';
import { lockdownWorker } from '../os/confine.js';
import { prepareWorker, serveProcesses, type Platform } from '../os/runtime.js';
import { inbox } from './inbox.js';
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

// The first message brings the channel; the later ones are start records too large for it.
addEventListener('message', (first: MessageEvent<{ type: 'channel'; channel: SharedArrayBuffer }>) => {
  const messages = inbox<WorkerStartMessage>((deliver) => {
    addEventListener('message', (ev: MessageEvent<WorkerStartMessage>) => deliver(ev.data));
  });
  const platform: Platform = {
    importLessonLibrary: () => import('../os/lesson.js') as Promise<Record<string, unknown>>,
    // The rejection events are dispatched as a task of their own after the microtasks: wait two.
    macrotask: async () => { await macrotask(); await macrotask(); },
    onUnhandledRejection: (handler) => {
      addEventListener('unhandledrejection', (ev: PromiseRejectionEvent) => { ev.preventDefault(); handler(ev.reason); });
    },
    nextMessage: messages.next,
    discard: () => { close(); return new Promise<never>(() => {}); },
  };
  void serveProcesses(first.data.channel, platform, prepareWorker(first.data.channel));
}, { once: true });
