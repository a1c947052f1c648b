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
import { ProcessGone, SyscallClient } from './channel.js';
import { makeCompartment, PROGRAM_URL, stackOf, type ProgramCompartment } from './confine.js';
import { makeEndowments } from './endowments.js';
import type { Timers } from './timers.js';
import { IMPORT_PARAM, type LinkedImage } from '../kernel/abi/image.js';
import { makeModules } from './osmodule.js';
import { hardenShared } from './shared.js';
import { waitStart } from '../proc/handoff.js';
import { setRegistry, type ModuleRegistry } from './registry.js';
import { SystemExit, type ProcessRuntime } from './runtime-types.js';

const encoder = new TextEncoder();

/** What the Worker's platform gives the runtime (Node's worker_threads or a Web Worker). */
export interface Platform {
  /** The lesson library (`posixbox/lesson`), trusted code of the Worker's bundle. */
  importLessonLibrary(): Promise<Record<string, unknown>>;
  /** Resolves after the current task, once every queued microtask has run. */
  macrotask(): Promise<void>;
  /** Report each promise rejection no handler took (called once per Worker). */
  onUnhandledRejection(handler: (reason: unknown) => void): void;
  /** The next start message the kernel posts (a record too large for the channel, or a forked child's). */
  nextMessage(): Promise<WorkerStartMessage>;
  /** End this Worker (its process is gone, and it cannot be proved clean for another). */
  discard(): Promise<never>;
}

/**
 * The Worker's state across the processes it runs one after another (a Worker whose process
 * exits cleanly is reused: proc/pool.ts). Each process gets a slot of its own — runtime, modules,
 * compartment, timers — built ahead, before the kernel hands the process over.
 */
export interface PreparedWorker {
  /** The Worker's channel (undefined when the runtime runs without one, in tests). */
  readonly channel: SharedArrayBuffer | undefined;
  /**
   * Whether the Worker holds state a program could have left something in, so that it is not to
   * take another process: set by the lesson library (a module of the Worker, with state of its
   * own). A program's own code cannot outlive its process otherwise: its compartment has no
   * FinalizationRegistry, WeakRef, Atomics or SharedArrayBuffer (SES leaves out what would let
   * the host call it back on the host's schedule), and its timers are the runtime's.
   */
  tainted: boolean;
  /** The running process's sink for unhandled rejections (the platform reports to the Worker). */
  rejected: ((reason: unknown) => void) | undefined;
  /** The next process's slot, built ahead on the Worker's channel. */
  next: Slot | undefined;
  /** The process running now (or last): what the endowments act for. */
  current: ProcessRuntime | undefined;
  /**
   * The endowments, made once per Worker and acting for `current`: no code of a process runs
   * once the next has begun (its end was drained, or it unwound; a Worker where that cannot be
   * proved is not reused), so they need not be made again for each.
   */
  readonly globals: Record<string, unknown>;
  readonly timers: Timers;
  /** Program bodies the kernel sent once to keep (proc/worker-host.ts), by id. */
  readonly bodies: Map<number, string>;
}

/** The program of a start, its body taken from (or put in) the Worker's kept bodies. */
function programOf(msg: WorkerStartMessage, w: PreparedWorker): LinkedImage {
  const kept = msg.body;
  if (!kept) return msg.program;
  if (kept.keep) {
    if (kept.drop) w.bodies.clear();
    w.bodies.set(kept.id, msg.program.body);
    return msg.program;
  }
  const body = w.bodies.get(kept.id);
  if (body === undefined) return { ...msg.program, error: `posixbox: ${msg.program.path}: the kernel sent program body ${kept.id}, which this Worker does not have` };
  return { ...msg.program, body };
}

/** One process's user space: its runtime (argv and environment empty until it starts), modules and globals. */
export interface Slot {
  readonly rt: ProcessRuntime;
  readonly modules: ModuleRegistry;
  readonly compartment: ProgramCompartment;
  readonly timers: Timers;
}

function taint(w: PreparedWorker): void {
  w.tainted = true;
  if (w.current) w.current.sys.mayRecycle = false;
}

/** A slot on this channel (its compartment's globals are the Worker's endowments). */
function makeSlot(w: PreparedWorker, channel: SharedArrayBuffer): Slot {
  const rt: ProcessRuntime = {
    sys: new SyscallClient(channel, 0), argv: [], env: new Map(), atexit: [], random: makeRandom(0).next,
  };
  const compartment = makeCompartment(w.globals, 'program');
  // A compartment's first evaluation costs more than the next (SES's evaluator, V8's feedback):
  // pay it here, ahead of the process, with a program that declares nothing.
  void compartment.run(WARM_UP[2], WARM_UP[2].path, () => ({}));
  return { rt, modules: makeModules(rt), compartment, timers: w.timers };
}

/** A Worker's state before its first process, with its endowments. */
function newWorker(channel: SharedArrayBuffer | undefined): PreparedWorker {
  let w: PreparedWorker | undefined = undefined;
  const { globals, timers } = makeEndowments(() => {
    const rt = w?.current;
    if (!rt) throw new Error('posixbox: this Worker is not a process yet');
    return rt;
  });
  w = { channel, tainted: false, rejected: undefined, next: undefined, current: undefined, globals, timers, bodies: new Map() };
  return w;
}

/** The rehearsal's programs, linked as the kernel links `import os from 'posixbox/os'` and `export function main`. */
const WARM_UP: readonly [LinkedImage, LinkedImage, LinkedImage] = [
  { path: 'warm-up', body: `\nconst { default: os } = ${IMPORT_PARAM}("posixbox/os");\nfunction main() { return 0; }\n`, exports: ['main'], imports: ['posixbox/os'] },
  { path: 'warm-up', body: `\nconst { default: os } = ${IMPORT_PARAM}("posixbox/os");\nfunction main() { return os.sep + Math.max(1, 2); }\n`, exports: ['main'], imports: ['posixbox/os'] },
  { path: 'warm-up', body: '\nfunction main() { return 0; }\n', exports: ['main'], imports: [], mentions: [] },
];

/**
 * Get a fresh Worker ready to become a process (lockdown has run): start a stand-in process on
 * a channel of its own and run a program in its compartment, so that the code a spawned process
 * needs is compiled before it waits on it; harden what every process's modules share
 * (shared.ts); then build the first process's slot. No system call is made and nothing of the
 * stand-in survives.
 */
export function prepareWorker(channel?: SharedArrayBuffer): PreparedWorker {
  const w = newWorker(channel);
  const rehearsal = new SharedArrayBuffer(CHANNEL_BYTES);
  w.next = makeSlot(w, rehearsal);
  const slot = becomeProcess({
    type: 'start', sab: rehearsal, pid: 0, argv: ['warm-up'], env: ['WARM=up'], seed: 1, spin: 0, running: true,
    program: WARM_UP[0],
  }, w);
  void loadProgram(WARM_UP[1], slot.modules, slot.compartment);
  setRegistry(new Map());
  const next = makeSlot(w, channel ?? new SharedArrayBuffer(CHANNEL_BYTES));
  hardenShared(slot.modules, next.modules);
  w.next = channel ? next : undefined;
  return w;
}

/** The slot for this start, filled in: the one built ahead on the Worker's channel, else a new one. */
function slotFor(msg: WorkerStartMessage, w: PreparedWorker): Slot {
  const ready = w.next;
  w.next = undefined;
  // A start that came by message carries a copy of the channel's SharedArrayBuffer object (the
  // same memory): the slot built ahead on the Worker's channel serves it all the same.
  const slot = ready ?? makeSlot(w, msg.sab);
  const { rt, modules } = slot;
  rt.sys.spin = msg.spin;
  rt.sys.startReplay(msg.replay);
  rt.argv.push(...msg.argv);
  rt.random = makeRandom(msg.seed).next;
  const environ = (modules.get('posixbox/os')?.default as { environ: Map<string, string> }).environ;
  for (const kv of msg.env) {
    const eq = kv.indexOf('=');
    if (eq > 0) environ.set(kv.slice(0, eq), kv.slice(eq + 1)); // writes through to rt.env
  }
  return slot;
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
function becomeProcess(msg: WorkerStartMessage, w: PreparedWorker): Slot {
  const slot = slotFor(msg, w);
  w.current = slot.rt;
  slot.rt.sys.mayRecycle = !w.tainted;
  w.timers.reset();
  setRegistry(slot.modules);
  if (!msg.running) slot.rt.sys.call('sched_start', SYS.sched_start);
  return slot;
}

/** A program that imports what it may not: the kernel's linker said why, in one line. */
class LinkRefused extends Error {}

/** The program's exports: evaluated in its compartment, as the kernel linked it (its top level runs now). */
function loadProgram(image: LinkedImage, modules: ModuleRegistry, c: ProgramCompartment): Record<string, unknown> | Promise<Record<string, unknown>> {
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
async function settle<T>(v: T | PromiseLike<T>, platform: Platform, slot: Slot): Promise<T> {
  if (!isThenable(v)) return v;
  const { timers, rt } = slot;
  let done = false;
  const p = Promise.resolve(v).finally(() => { done = true; });
  const watch = async (): Promise<T> => {
    for (;;) {
      await platform.macrotask();
      if (done) return p;
      if (rt.sys.handover || rt.sys.exited) throw new ProcessGone(); // exec'd or _exit'd, whatever the program does with it
      if (!timers.pending()) throw new Unsettled();
      timers.runNext();
    }
  };
  return Promise.race([p, watch()]);
}

/** Run the timers still set after main (a process lives while it has timers, as in Node). */
async function drainTimers(platform: Platform, { timers, rt }: Slot): Promise<void> {
  while (timers.pending() && !rt.sys.handover && !rt.sys.exited) {
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

/** How a process's run in this Worker ended, when the Worker lives on. */
export type Ending =
  | { readonly kind: 'exited' }
  /** execve: the new image's start record (or 'message': it comes by message). */
  | { readonly kind: 'exec'; readonly next: WorkerStartMessage | 'message' };

/**
 * Run one process: its program's top level and main, its timers, its atexit handlers, then
 * exit_group. The exit ends the Worker (os._exit, a Worker that is tainted: the kernel stops it
 * and this never returns) or hands it back to the kernel's pool ('exited'); an execve hands it
 * to the new image ('exec').
 */
export async function runProcess(msg: WorkerStartMessage, platform: Platform, w: PreparedWorker = prepareWorker()): Promise<Ending> {
  const image = programOf(msg, w); // first: the body it keeps must be kept whatever happens next
  const slot = becomeProcess(msg, w);
  const { rt, modules } = slot;
  const { sys } = rt;
  const stderr = (s: string): void => {
    try { sys.callWith('write', SYS.write, [2, encoder.encode(s)]); } catch { /* nowhere to report */ }
  };
  const rejections: unknown[] = [];
  const path = msg.program.path;
  let status = 0;
  // Asynchronous only when the program is: a program that never awaits (most) runs straight
  // through to exit. Unhandled rejections are counted from the first await on.
  let awaited = false;
  const willAwait = (): void => {
    if (awaited) return;
    awaited = true;
    w.rejected = (reason) => { if (rejections.length < 1) rejections.push(reason); };
  };
  try {
    if (msg.program.imports.includes('posixbox/lesson')) {
      taint(w); // the library is the Worker's module, with state of its own
      willAwait();
      modules.set('posixbox/lesson', await platform.importLessonLibrary());
    }
    const loaded = loadProgram(image, modules, slot.compartment);
    let program: Record<string, unknown>;
    if (isThenable(loaded)) {
      willAwait();
      program = await settle(loaded, platform, slot);
    } else {
      program = loaded;
    }
    const main = program.main;
    if (typeof main !== 'function') throw new TypeError(`${path}: the program exports no main(argv) function`);
    let v: unknown = main(rt.argv);
    if (isThenable(v)) {
      willAwait();
      v = await settle(v, platform, slot);
    }
    status = typeof v === 'number' ? v & 0xff : 0;
    if (slot.timers.pending()) {
      willAwait();
      await drainTimers(platform, slot);
    }
    if (awaited) await platform.macrotask(); // unhandled rejections are reported by then
    if (rejections.length > 0) throw rejections[0];
  } catch (e) {
    if (!sys.handover && !sys.exited) {
      const kind = classify(e);
      if (kind === 'unsettled') {
        stderr(`${path}: main() is waiting for a promise that nothing can settle; exiting\n`);
        status = 13;
      } else {
        status = kind === 'exit' ? exitCode((e as SystemExit).code, stderr) : (stderr(describeThrown(e, path)), 1);
      }
    }
  }
  w.rejected = undefined;
  if (sys.handover) return { kind: 'exec', next: sys.handover }; // exec runs no atexit handlers
  if (sys.exited) return afterExit(platform, w); // nor does _exit
  const handlers = rt.atexit.splice(0).reverse();
  for (const fn of handlers) {
    try {
      fn();
    } catch (e) {
      if (classify(e) === 'exit') status = exitCode((e as SystemExit).code, stderr);
      else stderr(`Error in atexit._run_exitfuncs:\n${describeThrown(e, path)}`);
    }
  }
  if (sys.handover) return { kind: 'exec', next: sys.handover };
  if (w.tainted) return sys.exit(SYS.exit_group, status);
  sys.finish(status);
  return afterExit(platform, w);
}

/**
 * After the exit (the runtime's own, or os._exit) the process is gone, and its program's code
 * has returned or unwound to here: let what it left in the microtask queue run out now (as a
 * program's last microtasks are dropped at exit; its calls fail), then the Worker takes the next
 * process — unless the program tainted it meanwhile. Off the exit's path: the parent has its
 * child's status already.
 */
async function afterExit(platform: Platform, w: PreparedWorker): Promise<Ending> {
  await platform.macrotask();
  if (w.tainted) return platform.discard();
  return { kind: 'exited' };
}

/**
 * The Worker's life: become the process the kernel hands over, then — as long as each exits
 * cleanly — the next one, in this Worker, with a slot built afresh for each.
 */
export async function serveProcesses(channel: SharedArrayBuffer, platform: Platform, w: PreparedWorker): Promise<never> {
  platform.onUnhandledRejection((reason) => w.rejected?.(reason));
  let start: WorkerStartMessage | 'message' = waitStart(channel);
  for (;;) {
    const msg = start === 'message' ? await platform.nextMessage() : start;
    const ending = await runProcess(msg, platform, w);
    if (ending.kind === 'exec') {
      // What the old program left in the microtask queue runs out first (its calls fail), so
      // none of its code is left to run once the new image has begun.
      await platform.macrotask();
      start = ending.next;
      continue;
    }
    setRegistry(new Map());
    w.next = makeSlot(w, channel);
    start = waitStart(channel);
  }
}
