/**
 * The browser proof: a kernel booted in the page (Chromium), every process a module Web Worker,
 * synchronous system calls over SharedArrayBuffer; the lessons' output must be the same bytes as
 * in Node (lesson.json's `expected`).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { boot } from '../../src/index.browser.js';
import type { Kernel } from '../../src/kernel/kernel.js';
import { checkAll, checkVariant, runProgram, type LessonFiles } from '../../src/lessons/harness.js';
import { lessonFiles } from './lesson-files.js';

const kernels: Kernel[] = [];
afterEach(() => { for (const k of kernels.splice(0)) k.shutdown(); });

/** Every Worker the browser glue starts: its script URL and options. */
const started: { url: string; type: WorkerOptions['type'] }[] = [];
const RealWorker = globalThis.Worker;
beforeAll(() => {
  globalThis.Worker = class RecordingWorker extends RealWorker {
    constructor(url: string | URL, options?: WorkerOptions) {
      super(url, options);
      started.push({ url: String(url), type: options?.type });
    }
  };
});
afterAll(() => { globalThis.Worker = RealWorker; });

/** lessonFiles plus one extra program, lesson id `probe`. */
function withProgram(source: string): LessonFiles {
  return { ...lessonFiles, source: (id, file) => (id === 'probe' ? source : lessonFiles.source(id, file)) };
}

async function runProbe(source: string): Promise<Awaited<ReturnType<typeof runProgram>>> {
  const r = await runProgram(boot, withProgram(source),
    { id: 'probe', program: 'probe.js', argv: ['probe.js'], fixture: 'F0', stdoutMode: 'full', nextPid: 14100 });
  kernels.push(r.kernel);
  return r;
}

describe('the page', () => {
  it('is cross-origin isolated, so SharedArrayBuffer exists', () => {
    expect(globalThis.crossOriginIsolated).toBe(true);
    expect(typeof SharedArrayBuffer).toBe('function');
  });

  it('bundles every lesson', () => {
    expect(lessonFiles.ids()).toEqual(expect.arrayContaining(['walk', 'process-owner']));
    expect(lessonFiles.fixture('F0')).toHaveProperty('process');
  });
});

describe('a process in a module Web Worker', () => {
  it('makes real system calls: getpid and stat of /etc/passwd', async () => {
    const r = await runProbe(`import os from 'posixbox/os';
export function main(argv) {
  console.log(os.getpid(), os.stat('/etc/passwd').st_size);
  console.log(typeof WorkerGlobalScope, typeof self, typeof crossOriginIsolated);
  return 0;
}`);
    // The kernel's own view of the file, from the page's thread.
    const size = r.kernel.vfs.stat(r.kernel.rootContext(), '/etc/passwd', true).size;
    // A confined program sees none of the Worker's globals.
    expect(r.output).toBe(`14100 ${size}\nundefined undefined undefined\n`);
    // The bytes Node prints for this program (/etc/passwd is generated from F0's users).
    expect(r.output.split('\n')[0]).toBe('14100 89');
    expect(r.status).toBe(0);
    expect(r.bugs).toEqual([]);
  });

  it('runs in module Workers whose scripts are served with COOP/COEP', async () => {
    await runProbe(`export function main() { return 0; }`);
    expect(started.length).toBeGreaterThan(0);
    const scripts = [...new Set(started.map((w) => w.url))];
    expect(scripts).toHaveLength(1);
    expect(scripts[0]).toMatch(/\/src\/proc\/worker-entry\.web\.ts\b/);
    expect(started.every((w) => w.type === 'module')).toBe(true);
    // A Worker of a cross-origin-isolated page needs require-corp on its script's response, and
    // so does every module it imports (the runtime, the lesson library). The program and the
    // shims it imports are data: modules, which have no response headers to need.
    for (const url of [scripts[0]!, '/src/os/runtime.ts', '/src/os/lesson.ts']) {
      const res = await fetch(url);
      expect(res.ok, url).toBe(true);
      expect(res.headers.get('cross-origin-embedder-policy'), url).toBe('require-corp');
      expect(res.headers.get('cross-origin-opener-policy'), url).toBe('same-origin');
    }
  });

  it('reports an uncaught exception as Node does (Python-style traceback, status 1)', async () => {
    const r = await runProbe(`import os from 'posixbox/os';
function inner() {
  throw new RangeError('boom');
}
export function main(argv) {
  console.log(os.getpid());
  inner();
}`);
    expect(r.output).toBe('14100\nTraceback (most recent call last):\n  File "probe.js", line 3, in inner\n'
      + '  File "probe.js", line 7, in main\nRangeError: boom\n');
    expect(r.status).toBe(1 << 8);
  });
});

describe('lessons, byte for byte as in Node', () => {
  for (const [id, variant] of [['walk', ''], ['process-owner', ''], ['process-owner', '--as root']] as const) {
    it(`${id}${variant ? ` ${variant}` : ''}`, async () => {
      const [r] = await checkVariant(boot, lessonFiles, id, variant);
      const lesson = lessonFiles.lesson(id);
      const expected = variant ? lesson.runs?.[variant]?.expected : lesson.expected;
      expect(typeof expected).toBe('string');
      expect(r!.output).toBe(expected);
      expect(r!.expected).toBe(expected);
      expect(r!.detail).toBe('');
      expect(r!.pass).toBe(true);
    });
  }

  it('every lesson, every run and exercise (as `posixbox lesson --check`)', async () => {
    const results = await checkAll(boot, lessonFiles);
    const failed = results.filter((r) => !r.pass && !r.skipped).map((r) => `${r.name}: ${r.detail}`);
    expect(failed).toEqual([]);
    expect(results.filter((r) => r.pass).length).toBeGreaterThanOrEqual(20);
  }, 180_000); // about 70 programs, each in a new Worker: a bound, not a speed test
});
