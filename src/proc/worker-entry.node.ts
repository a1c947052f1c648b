/** The Node worker bundle's entry: wait for the start message, then become the process. */
import { parentPort } from 'node:worker_threads';
import { runProcess } from '../os/runtime.js';
import type { WorkerStartMessage } from './worker-host.js';

parentPort?.once('message', (msg: WorkerStartMessage) => {
  void runProcess(msg, {
    importSource: (source) =>
      import(`data:text/javascript;charset=utf-8,${encodeURIComponent(source)}`) as Promise<Record<string, unknown>>,
    importLessonLibrary: () => import('../os/lesson.js') as Promise<Record<string, unknown>>,
  });
});
