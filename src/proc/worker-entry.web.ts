/** The browser worker's entry: wait for the start message, then become the process. */
import { prepareWorker, runProcess, type ModuleLoader } from '../os/runtime.js';
import { waitStart } from './handoff.js';
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

const loader: ModuleLoader = {
  importSource: async (source) => (await importer).default(dataUrl(source)) as Promise<Record<string, unknown>>,
  importLessonLibrary: () => import('../os/lesson.js') as Promise<Record<string, unknown>>,
};

// The first message brings the channel; then sleep on it until the kernel hands over a process
// (a record too large for the channel comes as a second message).
addEventListener('message', (first: MessageEvent<{ type: 'channel'; channel: SharedArrayBuffer }>) => {
  const prepared = prepareWorker(first.data.channel);
  const start = waitStart(first.data.channel);
  if (start) void runProcess(start, loader, prepared);
  else addEventListener('message', (ev: MessageEvent<WorkerStartMessage>) => void runProcess(ev.data, loader, prepared), { once: true });
}, { once: true });
