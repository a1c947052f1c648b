/** The browser worker's entry: wait for the start message, then become the process. */
import { runProcess } from '../os/runtime.js';
import type { WorkerStartMessage } from './worker-host.js';

/**
 * import(url) from a module no bundler rewrites. Vite's dev server turns any non-literal
 * import() into `import(__vite__injectQuery(url))` and, in a module Worker, adds a static import
 * of its whole HMR client for that helper: the client would open a WebSocket in every process and
 * print "[vite] connected." on the process's stdout. A data: module is evaluated by the browser
 * as written; the shims linkProgram makes are data: modules already.
 */
const importer: Promise<{ default: (url: string) => Promise<unknown> }> =
  // @ts-expect-error -- TypeScript has no declaration for a data: module
  import('data:text/javascript,export default (u) => import(u);');

/** The program as a data: module, as in Node: same specifier scheme, same traceback frames. */
function dataUrl(source: string): string {
  return `data:text/javascript;charset=utf-8,${encodeURIComponent(source)}`;
}

addEventListener('message', (ev: MessageEvent<WorkerStartMessage>) => {
  void runProcess(ev.data, {
    importSource: async (source) => (await importer).default(dataUrl(source)) as Promise<Record<string, unknown>>,
    importLessonLibrary: () => import('../os/lesson.js') as Promise<Record<string, unknown>>,
  });
}, { once: true });
