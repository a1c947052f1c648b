/**
 * What turns a Worker into a process: build the per-process runtime and modules, route console,
 * Date, performance.now, Math.random and crypto.getRandomValues through the kernel (clock, seeded
 * random), wait for the scheduler, load the program image and run main(argv); then the exit
 * status from main's return, sys.exit, or an uncaught exception (status 1 and a traceback).
 */
import { SYS } from '../kernel/abi/sysno.js';
import { CHANNEL_BYTES } from '../kernel/abi/channel.js';
import { makeRandom } from '../kernel/random.js';
import type { WorkerStartMessage } from '../proc/worker-host.js';
import { SyscallClient } from './channel.js';
import { makeConsole } from './console.js';
import { makeModules } from './osmodule.js';
import { setRegistry, type ModuleRegistry } from './registry.js';
import { SystemExit, type ProcessRuntime } from './runtime-types.js';

const encoder = new TextEncoder();

/** How this platform evaluates a module from source text and loads the lesson library. */
export interface ModuleLoader {
  importSource(source: string, name: string): Promise<Record<string, unknown>>;
  importLessonLibrary(): Promise<Record<string, unknown>>;
}

const SPECIFIER = /(\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)(['"])(posixbox\/(?:os|lesson))\2/g;

/** A module that re-exports a registered module, so a program's bare import can resolve anywhere. */
function shimSource(spec: string, mod: Record<string, unknown>): string {
  const names = Object.keys(mod).filter((k) => k !== 'default' && /^[A-Za-z_$][\w$]*$/.test(k));
  const lines = [`const m = globalThis[Symbol.for('posixbox.modules')].get(${JSON.stringify(spec)});`];
  if ('default' in mod) lines.push('export default m.default;');
  if (names.length) lines.push(`export const { ${names.join(', ')} } = m;`);
  return lines.join('\n');
}

function dataUrl(source: string): string {
  return `data:text/javascript;charset=utf-8,${encodeURIComponent(source).replace(/'/g, '%27')}`;
}

const STATIC_IMPORT = /\bimport\s+(?:([A-Za-z_$][\w$]*)\s*(?:,\s*)?)?(?:\{([^}]*)\}|\*\s*as\s+([A-Za-z_$][\w$]*))?\s*from\s*(['"])(posixbox\/(?:os|lesson))\4\s*;?/g;

/**
 * Link a program to the registered modules: a static `import … from 'posixbox/os'` becomes a
 * binding taken straight from the registry (no module to fetch and link), any other reference
 * to `posixbox/os` or `posixbox/lesson` (a dynamic import) a data: module re-exporting it.
 */
export function linkProgram(source: string, modules: ModuleRegistry): string {
  const bound = source.replace(STATIC_IMPORT, (m, dflt: string | undefined, named: string | undefined, ns: string | undefined, _q: string, spec: string) => {
    if (!modules.has(spec)) return m;
    const from = `globalThis[Symbol.for('posixbox.modules')].get(${JSON.stringify(spec)})`;
    if (ns) return `const ${ns} = ${from};`;
    const parts: string[] = [];
    if (dflt) parts.push(`default: ${dflt}`);
    for (const item of (named ?? '').split(',').map((x) => x.trim()).filter(Boolean)) {
      const [name, alias] = item.split(/\s+as\s+/);
      parts.push(alias ? `${name}: ${alias}` : name!);
    }
    return `const { ${parts.join(', ')} } = ${from};`;
  });
  return bound.replace(SPECIFIER, (m, pre: string, q: string, spec: string) => {
    const mod = modules.get(spec);
    return mod ? `${pre}${q}${dataUrl(shimSource(spec, mod))}${q}` : m;
  });
}

/**
 * The Worker's globals, installed once when the Worker boots (in the pool, off the critical
 * path of spawn) and bound to the process's runtime when the Worker becomes a process. This is
 * per-Worker state by nature: a Worker is exactly one process.
 */
export interface PreparedWorker {
  rt: ProcessRuntime | undefined;
  /** Built ahead on the Worker's own channel: the runtime (argv and environment still empty) and its modules. */
  ready: { readonly rt: ProcessRuntime; readonly modules: ModuleRegistry } | undefined;
}

function current(w: PreparedWorker): ProcessRuntime {
  if (!w.rt) throw new Error('posixbox: this Worker is not a process yet');
  return w.rt;
}

function installGlobals(w: PreparedWorker): void {
  const g = globalThis as unknown as Record<string, unknown>;
  g.console = makeConsole((fd, text) => {
    const { sys } = current(w);
    let b = encoder.encode(text);
    while (b.length > 0) {
      try {
        b = b.subarray(sys.callWith('write', SYS.write, [fd, b.subarray(0, 65536)]));
      } catch {
        return; // console never throws (EPIPE, EBADF): the text is dropped, as Node drops it
      }
    }
  });
  const clock = (id: number): number => {
    const { sys } = current(w);
    sys.call('clock_gettime', SYS.clock_gettime, id);
    return sys.num(0) * 1000 + sys.num(1) / 1e6;
  };
  const RealDate = Date;
  const nowMs = (): number => Math.floor(clock(0));
  class KernelDate extends RealDate {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(nowMs());
      else super(...(args as [string]));
    }
    static override now(): number {
      return nowMs();
    }
  }
  g.Date = KernelDate;
  Object.defineProperty(performance, 'now', { value: () => clock(1), configurable: true });
  Math.random = () => current(w).random() / 4294967296;
  const fill = <T extends ArrayBufferView | null>(view: T): T => {
    if (view) {
      const rt = current(w);
      const b = new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
      for (let i = 0; i < b.length; i += 4) {
        let v = rt.random();
        for (let j = i; j < Math.min(i + 4, b.length); j++) { b[j] = v & 0xff; v >>>= 8; }
      }
    }
    return view;
  };
  if (globalThis.crypto) Object.defineProperty(globalThis.crypto, 'getRandomValues', { value: fill, configurable: true });
}

/**
 * Get a fresh Worker ready to become a process: install the globals, and build the modules once
 * for a stand-in runtime so their code is compiled before a program waits on it. No system call
 * is made and nothing of the stand-in survives.
 */
export function prepareWorker(channel?: SharedArrayBuffer): PreparedWorker {
  const w: PreparedWorker = { rt: undefined, ready: undefined };
  installGlobals(w);
  // A rehearsal on a stand-in with a channel of its own, never used: the first call of each
  // function in a fresh isolate compiles it, which a spawned process would otherwise wait for.
  const rehearsal = new SharedArrayBuffer(CHANNEL_BYTES);
  const stage: PreparedWorker = { rt: undefined, ready: standIn(rehearsal) };
  const { modules } = becomeProcess({
    type: 'start', sab: rehearsal, pid: 0, argv: ['warm-up'], env: ['WARM=up'], seed: 1, spin: 0, running: true,
    program: { source: "import os from 'posixbox/os';\nexport function main() { return 0; }\n", path: 'warm-up' },
  }, stage);
  void loadProgram({ type: 'start', sab: rehearsal, pid: 0, argv: [], env: [], seed: 1, spin: 0, running: true,
    program: { source: "import os from 'posixbox/os';\nexport function main() { return os.sep; }\n", path: 'warm-up' } },
  modules, { importSource: () => Promise.resolve({}), importLessonLibrary: () => Promise.resolve({}) });
  setRegistry(new Map());
  if (channel) w.ready = standIn(channel);
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

/** Where a program's own frames are: a data: module, or the fast path's sourceURL (2 lines of wrapper). */
const CLASSIC_URL = 'posixbox-program:';
const CLASSIC_LINE_OFFSET = 2;

/** Python-like traceback text for an uncaught exception. */
export function traceback(e: unknown, programPath: string): string {
  if (!(e instanceof Error)) return `Traceback (most recent call last):\nException: ${String(e)}\n`;
  const frames = (e.stack ?? '').split('\n').slice(1)
    .filter((l) => l.includes('data:text/javascript') || l.includes(CLASSIC_URL))
    .map((l) => {
      const m = /at (?:(\S+) )?\(?.*:(\d+):\d+\)?$/.exec(l.trim());
      if (!m) return undefined;
      const line = Number(m[2]) - (l.includes(CLASSIC_URL) ? CLASSIC_LINE_OFFSET : 0);
      return `  File "${programPath}", line ${line}, in ${m[1] ?? '<module>'}`;
    })
    .filter((l): l is string => l !== undefined);
  const name = e.name === 'Error' ? 'Exception' : e.name;
  return ['Traceback (most recent call last):', ...frames, `${name}: ${e.message}`].join('\n') + '\n';
}

const LINE_EXPORT = /^([ \t]*)export[ \t]+((?:async[ \t]+)?function\*?|class|const|let|var)[ \t]+([A-Za-z_$][\w$]*)/gm;
const EXPORT_CLAUSE = /^export[ \t]*\{([^}]*)\}[ \t]*;?[ \t]*$/gm;

/**
 * The fast path for the common program — one module whose only imports were posixbox's (already
 * bound by linkProgram) and whose exports are declarations at the start of a line or a bundler's
 * closing `export { … }`: compile it as a strict function body, which costs a fraction of loading
 * a module. Anything else (another import, an export elsewhere, top-level await) returns
 * undefined and goes the module way.
 */
export function evaluateClassic(source: string, path: string): Record<string, unknown> | undefined {
  // A static import or an export left over means a module; so does one the compile rejects
  // (a SyntaxError below). The words themselves may be in strings (sh's `export` builtin).
  if (/^[ \t]*import[ \t\n]*[\w{*'"]/m.test(source)) return undefined;
  const names: string[] = [];
  let body = source.replace(LINE_EXPORT, (_m, indent: string, kind: string, name: string) => {
    names.push(name);
    return `${indent}${kind} ${name}`;
  });
  // A bundler's `export { a, b as c };` at the start of a line (how the /bin programs end).
  body = body.replace(EXPORT_CLAUSE, (m, list: string) => {
    const items = list.split(',').map((x) => x.trim()).filter(Boolean);
    const pairs = items.map((x) => /^([A-Za-z_$][\w$]*)(?:\s+as\s+([A-Za-z_$][\w$]*))?$/.exec(x));
    if (pairs.some((q) => q === null)) return m; // something else (a string name): the module way
    for (const q of pairs) names.push(q![2] ? `${q![2]}: ${q![1]}` : q![1]!);
    return '';
  });
  if (/^[ \t]*export\b/m.test(body)) return undefined;
  const text = body.startsWith('#!') ? body.slice(body.indexOf('\n') >= 0 ? body.indexOf('\n') : body.length) : body;
  let fn: () => Record<string, unknown>;
  try {
    fn = new Function(`"use strict";${text}\n;return { ${names.join(', ')} };\n//# sourceURL=${CLASSIC_URL}${path}`) as () => Record<string, unknown>;
  } catch (e) {
    if (e instanceof SyntaxError) return undefined; // e.g. top-level await: a module after all
    throw e;
  }
  return fn(); // its top level runs once, here: an error from it is the program's
}

function exitCode(code: SystemExit['code'], write: (s: string) => void): number {
  if (code === null || code === undefined) return 0;
  if (typeof code === 'number') return code & 0xff;
  write(`${code}\n`);
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

/** The program's exports: the fast path, or else the platform's module loader. */
function loadProgram(msg: WorkerStartMessage, modules: ModuleRegistry, loader: ModuleLoader): Record<string, unknown> | Promise<Record<string, unknown>> {
  const linked = linkProgram(msg.program.source, modules);
  return evaluateClassic(linked, msg.program.path) ?? loader.importSource(linked, msg.program.path);
}

export async function runProcess(msg: WorkerStartMessage, loader: ModuleLoader, w: PreparedWorker = prepareWorker()): Promise<never> {
  const { rt, modules } = becomeProcess(msg, w);
  const { sys } = rt;
  const stderr = (s: string): void => {
    try { sys.callWith('write', SYS.write, [2, encoder.encode(s)]); } catch { /* nowhere to report */ }
  };
  let status = 0;
  try {
    if (msg.program.source.includes('posixbox/lesson')) modules.set('posixbox/lesson', await loader.importLessonLibrary());
    const program = await loadProgram(msg, modules, loader);
    const main = program.main;
    if (typeof main !== 'function') throw new TypeError(`${msg.program.path}: the program exports no main(argv) function`);
    const r: unknown = await main(rt.argv);
    status = typeof r === 'number' ? r & 0xff : 0;
  } catch (e) {
    status = e instanceof SystemExit ? exitCode(e.code, stderr) : (stderr(traceback(e, msg.program.path)), 1);
  }
  for (const fn of rt.atexit.splice(0).reverse()) {
    try {
      fn();
    } catch (e) {
      if (e instanceof SystemExit) status = exitCode(e.code, stderr);
      else stderr(`Error in atexit._run_exitfuncs:\n${traceback(e, msg.program.path)}`);
    }
  }
  return sys.exit(SYS.exit_group, status);
}
