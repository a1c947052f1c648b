/**
 * Confinement of programs (Hardened JavaScript, the `ses` package): `lockdown()` once per Worker
 * freezes the intrinsics every program shares and tames their dangerous parts (the Function and
 * eval constructors of every kind, V8's stack-trace API, locale methods); each program then runs
 * in a Compartment of its own, whose global object holds exactly its endowments. The Worker's own
 * global object — `process`, `require`, `import()`, `postMessage`, `fetch`, the syscall channel —
 * is out of its reach: code evaluated in a compartment resolves free names only against the
 * compartment's globals, `import(` is refused before evaluation, and the functions it is handed
 * (the os API, console, the kernel clock) cannot lead back, since every path a function offers
 * (`constructor`, `.caller`, prototypes) ends in a frozen, tamed intrinsic.
 *
 * The Worker's entry imports `ses` (which defines lockdown, harden and Compartment on the global
 * object) before this module's functions run; nothing here imports it, so the code that links
 * and tests programs can load without it.
 */
import { IMPORT_PARAM, type LinkedImage } from '../kernel/abi/image.js';

interface Compartment {
  readonly globalThis: Record<string, unknown>;
  evaluate(source: string, options?: Record<string, unknown>): unknown;
}
interface Ses {
  lockdown(options: Record<string, string>): void;
  harden<T>(value: T): T;
  Compartment: new (options: { __options__: true; globals: Record<string, unknown>; name?: string }) => Compartment;
  getStackString(error: Error): string;
}

function ses(): Ses {
  const g = globalThis as unknown as Partial<Ses>;
  if (typeof g.lockdown !== 'function' || typeof g.Compartment !== 'function') {
    throw new Error('posixbox: the Worker entry must import ses before programs run');
  }
  return g as Ses;
}

/** The frame URL of program code (tracebacks keep only these frames). */
export const PROGRAM_URL = 'posixbox-program:';

/**
 * Lock the Worker down. Errors keep their stacks out of programs' reach (errorTaming 'safe':
 * `error.stack` is empty in a compartment, so host paths do not leak; the runtime reads stacks
 * through getStackString); locale methods are the locale-free ones (a run does not depend on the
 * host's locale); the runtime, not SES, decides what an uncaught error or rejection does.
 */
export function lockdownWorker(): void {
  ses().lockdown({
    errorTaming: 'safe', stackFiltering: 'verbose', overrideTaming: 'moderate', consoleTaming: 'unsafe',
    evalTaming: 'safe-eval', localeTaming: 'safe', errorTrapping: 'none', unhandledRejectionTrapping: 'none',
    reporting: 'none', domainTaming: 'unsafe',
  });
}

/** harden() (defined by lockdown): freeze a value and everything reachable from it. */
export function harden<T>(value: T): T {
  const h = ses().harden;
  if (typeof h !== 'function') throw new Error('posixbox: lockdown() must run before programs are prepared');
  return h(value);
}

/** An error's stack text as V8 wrote it (the trusted side's view; programs see ''). */
export function stackOf(e: Error): string {
  const g = globalThis as unknown as Partial<Ses>;
  try {
    return typeof g.getStackString === 'function' ? g.getStackString(e) : String(e.stack ?? '');
  } catch {
    return '';
  }
}

/** Names never captured: the constants, and eval (a captured eval would no longer be direct). */
const UNCAPTURED = new Set(['undefined', 'NaN', 'Infinity', 'eval', 'globalThis']);
const IDENT = /^[A-Za-z_$][\w$]*$/;
/** The wrapper's parameter holding the compartment's globals. */
const GLOBALS_PARAM = '$posixbox$globals';

export interface ProgramCompartment {
  readonly compartment: Compartment;
  /** Evaluate a linked program; its top level runs now (a promise if it awaits at top level). */
  run(linked: LinkedImage, path: string, importer: (spec: string) => Record<string, unknown>):
    Record<string, unknown> | Promise<Record<string, unknown>>;
}

/** `-->` and `<!--` are refused by SES anywhere in a source; keep them out of the sourceURL. */
function safeUrlPath(path: string): string {
  return path.replace(/[\n\r]/g, ' ').replace(/<!--|-->|\bimport\s*\(/g, (m) => encodeURIComponent(m));
}

/**
 * A compartment with these endowments. The program's body is evaluated inside a function that
 * first copies the compartment's global bindings it mentions into constants: a free name in a
 * compartment is looked up through SES's scope proxies, which V8 cannot optimise (a loop calling
 * Math.max runs 30× slower), while a constant is an ordinary lexical lookup. The values come from
 * a frozen object of the compartment's own globals, read once per compartment. The body itself is
 * an inner function, so a program's own declarations of those names shadow them as usual.
 */
export function makeCompartment(endowments: Record<string, unknown>, name: string): ProgramCompartment {
  const { Compartment } = ses();
  const compartment = new Compartment({ __options__: true, globals: endowments, name });
  const g = compartment.globalThis;
  const names = Object.getOwnPropertyNames(g).filter((n) => IDENT.test(n) && !UNCAPTURED.has(n));
  // The values, read once here (not through the scope proxies at each start): a plain object of
  // the compartment's own globals, which the wrapper destructures.
  const values: Record<string, unknown> = Object.freeze(Object.fromEntries(names.map((n) => [n, g[n]])));
  const wrap = (linked: LinkedImage, used: readonly string[], path: string, async: boolean): string =>
    `(function (${GLOBALS_PARAM}) { const { ${used.join(', ')} } = ${GLOBALS_PARAM}; return ${async ? 'async ' : ''}function (${IMPORT_PARAM}) {"use strict";` +
    `${linked.body}\n;return { ${linked.exports.join(', ')} };}; })\n//# sourceURL=${PROGRAM_URL}${safeUrlPath(path)}`;
  type Body = (i: (spec: string) => Record<string, unknown>) => Record<string, unknown>;
  const compile = (linked: LinkedImage, path: string, async: boolean): Body => {
    // Only the names the program's text mentions (a few too many is harmless): as the kernel's
    // linker found them, else by a substring test (slow on a large body).
    const mentions = linked.mentions ? new Set(linked.mentions) : undefined;
    const used = names.filter((n) => (mentions ? mentions.has(n) : linked.body.includes(n)));
    const outer = compartment.evaluate(wrap(linked, used, path, async), { __rejectSomeDirectEvalExpressions__: false }) as
      (globals: Record<string, unknown>) => Body;
    return outer(values);
  };
  return {
    compartment,
    run(linked, path, importer) {
      let fn;
      try {
        fn = compile(linked, path, false);
      } catch (e) {
        // Top-level await: the same body as an async function, else the first error stands.
        if (!(e instanceof SyntaxError) || !/\bawait\b/.test(linked.body)) throw e;
        try {
          fn = compile(linked, path, true);
        } catch {
          throw e;
        }
      }
      return fn(importer);
    },
  };
}

/**
 * WebAssembly for computation: the constructors and validate as they are, compile and
 * instantiate answered at once from the synchronous constructors (a Worker may compile any size
 * synchronously). The host's asynchronous compile would settle on the host's schedule, which a
 * deterministic run cannot depend on; the streaming forms need fetch and are left out.
 */
export function confinedWebAssembly(): Record<string, unknown> | undefined {
  const W = (globalThis as { WebAssembly?: typeof WebAssembly }).WebAssembly;
  if (!W) return undefined;
  const settle = <T>(f: () => T): Promise<T> => {
    try {
      return Promise.resolve(f());
    } catch (e) {
      return Promise.reject(e);
    }
  };
  const ns: Record<string, unknown> = {
    Module: W.Module, Instance: W.Instance, Memory: W.Memory, Table: W.Table, Global: W.Global,
    CompileError: W.CompileError, LinkError: W.LinkError, RuntimeError: W.RuntimeError,
    validate: (bytes: BufferSource) => W.validate(bytes),
    compile: (bytes: BufferSource) => settle(() => new W.Module(bytes)),
    instantiate: (source: BufferSource | WebAssembly.Module, imports?: WebAssembly.Imports) => settle(() => {
      if (source instanceof W.Module) return new W.Instance(source, imports);
      const module = new W.Module(source);
      return { module, instance: new W.Instance(module, imports) };
    }),
  };
  for (const extra of ['Tag', 'Exception'] as const) {
    const v = (W as unknown as Record<string, unknown>)[extra];
    if (v !== undefined) ns[extra] = v;
  }
  Object.defineProperty(ns, Symbol.toStringTag, { value: 'WebAssembly' });
  return ns;
}
