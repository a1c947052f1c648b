/** The browser worker's entry: wait for the start message, then become the process. */
import { runProcess } from '../os/runtime.js';
import type { WorkerStartMessage } from './worker-host.js';

addEventListener('message', (ev: MessageEvent<WorkerStartMessage>) => {
  void runProcess(ev.data, {
    importSource: (source) => {
      const url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
      return import(/* @vite-ignore */ url) as Promise<Record<string, unknown>>;
    },
    importLessonLibrary: () => import('../os/lesson.js') as Promise<Record<string, unknown>>,
  });
}, { once: true });
