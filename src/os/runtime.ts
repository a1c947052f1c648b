/**
 * What turns a Worker into a process: build the per-process runtime and modules, wait for the
 * scheduler, evaluate the program image (linked by the kernel) in its compartment (confine.ts: its globals
 * are its endowments, endowments.ts), run main(argv); then the exit status from main's return,
 * sys.exit, or an uncaught exception or unhandled rejection (status 1 and a traceback).
 */
import { SYS } from '../kernel/abi/sysno.js';
import { CHANNEL_BYTES } from '../kernel/abi/channel.js';
import { makeRandom } from '../kernel/random.js';
import type { WorkerStartMessage } from '../proc/worker-host.js';
import { SyscallClient } from './channel.js';
import { makeCompartment, PROGRAM_URL, stackOf, type ProgramCompartment } from './confine.js';
import { makeEndowments } from './endowments.js';
import type { Timers } from './timers.js';
import { IMPORT_PARAM, type LinkedImage } from '../kernel/abi/image.js';
import { makeModules } from './osmodule.js';
import { setRegistry, type ModuleRegistry } from './registry.js';
import { SystemExit, type ProcessRuntime } from './runtime-types.js';

const encoder = new TextEncoder();

/** What the Worker's platform gives the runtime (Node's worker_threads or a Web Worker). */
export interface Platform {
  /** The lesson library (`posixbox/lesson`), trusted code of the Worker's bundle. */
  importLessonLibrary(): Promise<Record<string, unknown>>;
  /** Resolves after the current task, once every queued microtask has run. */
  macrotask(): Promise<void>;
  /** Report each promise rejection no handler took. */
  onUnhandledRejection(handler: (reason: unknown) => void): void;
}

/**
 * The Worker's state, built when the Worker boots (in the pool, off the critical path of spawn)
 * and bound to the process when the Worker becomes one. This is per-Worker state by nature: a
 * Worker is exactly one process.
 */
export interface PreparedWorker {
  rt: ProcessRuntime | undefined;
  /** Built ahead on the Worker's own channel: the runtime (argv and environment still empty) and its modules. */
  ready: { readonly rt: ProcessRuntime; readonly modules: ModuleRegistry } | undefined;
  /** The program's compartment and timers, with its endowments bound to `rt`. */
  program: ProgramGlobals | undefined;
}

export interface ProgramGlobals {
  readonly compartment: ProgramCompartment;
  readonly timers: Timers;
}

function programGlobals(w: PreparedWorker, name: string): ProgramGlobals {
  const { globals, timers } = makeEndowments(() => current(w));
  return { compartment: makeCompartment(globals, name), timers };
}

function current(w: PreparedWorker): ProcessRuntime {
  if (!w.rt) throw new Error('posixbox: this Worker is not a process yet');
  return w.rt;
}

/** The rehearsal's programs, linked as the kernel links `import os from 'posixbox/os'` and `export function main`. */
const WARM_UP: readonly [LinkedImage, LinkedImage] = [
  { path: 'warm-up', body: `\nconst { default: os } = ${IMPORT_PARAM}("posixbox/os");\nfunction main() { return 0; }\n`, exports: ['main'], imports: ['posixbox/os'] },
  { path: 'warm-up', body: `\nconst { default: os } = ${IMPORT_PARAM}("posixbox/os");\nfunction main() { return os.sep + Math.max(1, 2); }\n`, exports: ['main'], imports: ['posixbox/os'] },
];

/**
 * Get a fresh Worker ready to become a process (lockdown has run): build the modules once for a
 * stand-in runtime and run a program in a compartment of its own, so that the code a spawned
 * process needs is compiled before it waits on it; then build the process's compartment. No
 * system call is made and nothing of the stand-in survives.
 */
export function prepareWorker(channel?: SharedArrayBuffer): PreparedWorker {
  const rehearsal = new SharedArrayBuffer(CHANNEL_BYTES);
  const w: PreparedWorker = { rt: undefined, ready: standIn(rehearsal), program: undefined };
  // The rehearsal uses the process's own compartment: its warm-up program's top level only
  // declares functions inside the body's own scope, so the compartment's global object is left
  // as it was, and no timer is set.
  w.program = programGlobals(w, 'program');
  const { modules } = becomeProcess({
    type: 'start', sab: rehearsal, pid: 0, argv: ['warm-up'], env: ['WARM=up'], seed: 1, spin: 0, running: true,
    program: WARM_UP[0],
  }, w);
  void loadProgram({ type: 'start', sab: rehearsal, pid: 0, argv: [], env: [], seed: 1, spin: 0, running: true,
    program: WARM_UP[1] },
  modules, w.program.compartment);
  setRegistry(new Map());
  w.rt = undefined;
  w.ready = channel ? standIn(channel) : undefined;
  return w;
}

/** A runtime (argv and environment still empty) and its modules, built ahead on a channel. */
function standIn(channel: SharedArrayBuffer): { readonly rt: ProcessRuntime; readonly modules: ModuleRegistry } {
  const rt: ProcessRuntime = {
    sys: new SyscallClient(channel, 0), argv: [], env: new Map(), atexit: [], random: makeRandom(0).next,
  };
  return { rt, modules: makeModules(rt) };
}

/** The runtime for this start: the one built ahead if it is on this channel, filled in; else a new one. */
function runtimeFor(msg: WorkerStartMessage, w: PreparedWorker): { rt: ProcessRuntime; modules: ModuleRegistry } {
  const entries: Array<[string, string]> = [];
  for (const kv of msg.env) {
    const eq = kv.indexOf('=');
    if (eq > 0) entries.push([kv.slice(0, eq), kv.slice(eq + 1)]);
  }
  const ready = w.ready;
  w.ready = undefined;
  if (ready && ready.rt.sys.ch.sab === msg.sab) {
    const { rt, modules } = ready;
    rt.sys.spin = msg.spin;
    rt.sys.startReplay(msg.replay);
    rt.argv.push(...msg.argv);
    rt.random = makeRandom(msg.seed).next;
    const environ = (modules.get('posixbox/os')?.default as { environ: Map<string, string> }).environ;
    for (const [k, v] of entries) environ.set(k, v); // writes through to rt.env
    return ready;
  }
  const rt: ProcessRuntime = {
    sys: new SyscallClient(msg.sab, msg.spin), argv: [...msg.argv], env: new Map(entries), atexit: [],
    random: makeRandom(msg.seed).next,
  };
  rt.sys.startReplay(msg.replay);
  return { rt, modules: makeModules(rt) };
}


/** Python-like traceback text for an uncaught exception. */
export function traceback(e: unknown, programPath: string): string {
  if (!(e instanceof Error)) return `Traceback (most recent call last):\nException: ${String(e)}\n`;
  const frames = stackOf(e).split('\n')
    .filter((l) => l.includes(PROGRAM_URL))
    .map((l) => {
      const m = /at (?:(\S+) )?\(?.*:(\d+):\d+\)?$/.exec(l.trim());
      if (!m) return undefined;
      const line = Number(m[2]);
      return `  File "${programPath}", line ${line}, in ${m[1] ?? '<module>'}`;
    })
    .filter((l): l is string => l !== undefined);
  const name = e.name === 'Error' ? 'Exception' : e.name;
  return ['Traceback (most recent call last):', ...frames, `${name}: ${e.message}`].join('\n') + '\n';
}

function exitCode(code: SystemExit['code'], write: (s: string) => void): number {
  if (code === null || code === undefined) return 0;
  if (typeof code === 'number') return code & 0xff;
  let text: string;
  try {
    text = String(code);
  } catch {
    text = '<exit value that cannot be printed>';
  }
  write(`${text}\n`);
  return 1;
}

/**
 * The synchronous start of a process: its runtime and registry, and (deterministic mode) the wait
 * for the CPU. prepareWorker runs it once on a stand-in, so that a spawned process finds this
 * code compiled.
 */
function becomeProcess(msg: WorkerStartMessage, w: PreparedWorker): { rt: ProcessRuntime; modules: ModuleRegistry } {
  const started = runtimeFor(msg, w);
  setRegistry(started.modules);
  w.rt = started.rt;
  if (!msg.running) started.rt.sys.call('sched_start', SYS.sched_start);
  return started;
}

/** A program that imports what it may not: the kernel's linker said why, in one line. */
class LinkRefused extends Error {}

/** The program's exports: evaluated in its compartment, as the kernel linked it (its top level runs now). */
function loadProgram(msg: WorkerStartMessage, modules: ModuleRegistry, c: ProgramCompartment): Record<string, unknown> | Promise<Record<string, unknown>> {
  const image = msg.program;
  if (image.error !== undefined) throw new LinkRefused(image.error);
  const importer = (spec: string): Record<string, unknown> => {
    const mod = modules.get(spec);
    if (!mod) throw new LinkRefused(`${image.path}: cannot import '${String(spec)}'`);
    return mod;
  };
  return c.run(image, image.path, importer);
}

/** A promise that nothing left can settle: main awaits what no microtask and no host task will resolve. */
class Unsettled extends Error {}

function isThenable(v: unknown): v is PromiseLike<unknown> {
  return (typeof v === 'object' || typeof v === 'function') && v !== null && typeof (v as { then?: unknown }).then === 'function';
}

/**
 * Wait for a program's promise, running its timers meanwhile. A program has no messages or host
 * callbacks and its timers are the runtime's, so once every microtask has run (one host task
 * later) and no timer is left, a promise still pending can never settle: that is reported
 * instead of leaving the process running forever.
 */
async function settle<T>(v: T | PromiseLike<T>, platform: Platform, timers: Timers): Promise<T> {
  if (!isThenable(v)) return v;
  let done = false;
  const p = Promise.resolve(v).finally(() => { done = true; });
  const watch = async (): Promise<T> => {
    for (;;) {
      await platform.macrotask();
      if (done) return p;
      if (!timers.pending()) throw new Unsettled();
      timers.runNext();
    }
  };
  return Promise.race([p, watch()]);
}

/** Run the timers still set after main (a process lives while it has timers, as in Node). */
async function drainTimers(platform: Platform, timers: Timers): Promise<void> {
  while (timers.pending()) {
    timers.runNext();
    await platform.macrotask();
  }
}

/**
 * What was thrown, without letting it run code that throws again: a program may throw a Proxy
 * whose getPrototypeOf trap throws, and `instanceof` would run it.
 */
function classify(e: unknown): 'unsettled' | 'exit' | 'error' {
  try {
    if (e instanceof Unsettled) return 'unsettled';
    if (e instanceof SystemExit) return 'exit';
  } catch { /* a hostile value: an error like any other */ }
  return 'error';
}

/** The traceback text, whatever was thrown (a hostile value's own code may throw while being read). */
function describeThrown(e: unknown, path: string): string {
  try {
    if (e instanceof LinkRefused) return `${e.message}\n`;
    return traceback(e, path);
  } catch {
    return 'Traceback (most recent call last):\nException: <exception that cannot be printed>\n';
  }
}

export async function runProcess(msg: WorkerStartMessage, platform: Platform, w: PreparedWorker = prepareWorker()): Promise<never> {
  const { rt, modules } = becomeProcess(msg, w);
  const { sys } = rt;
  const stderr = (s: string): void => {
    try { sys.callWith('write', SYS.write, [2, encoder.encode(s)]); } catch { /* nowhere to report */ }
  };
  const rejections: unknown[] = [];
  const path = msg.program.path;
  let status = 0;
  // Asynchronous only when the program is: a program that never awaits (most) runs straight
  // through to exit. Unhandled rejections are listened for from the first await on.
  let awaited = false;
  const willAwait = (): void => {
    if (awaited) return;
    awaited = true;
    platform.onUnhandledRejection((reason) => { if (rejections.length < 1) rejections.push(reason); });
  };
  try {
    if (msg.program.imports.includes('posixbox/lesson')) {
      willAwait();
      modules.set('posixbox/lesson', await platform.importLessonLibrary());
    }
    const { compartment, timers } = w.program ?? programGlobals(w, 'program');
    const loaded = loadProgram(msg, modules, compartment);
    let program: Record<string, unknown>;
    if (isThenable(loaded)) {
      willAwait();
      program = await settle(loaded, platform, timers);
    } else {
      program = loaded;
    }
    const main = program.main;
    if (typeof main !== 'function') throw new TypeError(`${path}: the program exports no main(argv) function`);
    let v: unknown = main(rt.argv);
    if (isThenable(v)) {
      willAwait();
      v = await settle(v, platform, timers);
    }
    status = typeof v === 'number' ? v & 0xff : 0;
    if (timers.pending()) {
      willAwait();
      await drainTimers(platform, timers);
    }
    if (awaited) await platform.macrotask(); // unhandled rejections are reported by then
    if (rejections.length > 0) throw rejections[0];
  } catch (e) {
    const kind = classify(e);
    if (kind === 'unsettled') {
      stderr(`${path}: main() is waiting for a promise that nothing can settle; exiting\n`);
      status = 13;
    } else {
      status = kind === 'exit' ? exitCode((e as SystemExit).code, stderr) : (stderr(describeThrown(e, path)), 1);
    }
  }
  for (const fn of rt.atexit.splice(0).reverse()) {
    try {
      fn();
    } catch (e) {
      if (classify(e) === 'exit') status = exitCode((e as SystemExit).code, stderr);
      else stderr(`Error in atexit._run_exitfuncs:\n${describeThrown(e, path)}`);
    }
  }
  return sys.exit(SYS.exit_group, status);
}
