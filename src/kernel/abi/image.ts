/**
 * A JavaScript program image as the kernel hands it to the Worker that becomes the process:
 * linked already (proc/link.ts: its imports of the posixbox modules become bindings read from
 * the parameter IMPORT_PARAM, its exports the object the body returns), so that a Worker, whose
 * locked-down intrinsics make regular expressions slow, compiles it and nothing more, and an
 * image spawned a hundred times is linked once.
 */

/** The parameter the linked body reads the posixbox modules from. */
export const IMPORT_PARAM = '$posixbox$module';

export interface LinkedImage {
  /** The path it was loaded from (tracebacks, messages). */
  readonly path: string;
  /** Strict function body; its first line is the program's first line (tracebacks keep line numbers). */
  readonly body: string;
  /** `name` or `exported: local` pairs for the object the body returns. */
  readonly exports: readonly string[];
  /** The posixbox modules it imports (statically or dynamically). */
  readonly imports: readonly string[];
  /** Set when it imports something else: the one line the process prints before exiting 1. */
  readonly error?: string;
  /**
   * The names of GLOBAL_NAMES its body mentions (a superset of the globals it reads): the Worker
   * binds these from the compartment's globals as constants (os/confine.ts), which a Worker,
   * whose regular expressions are slow, would otherwise find by searching the whole body for each.
   */
  readonly mentions?: readonly string[];
}

/**
 * Every name a program's compartment may hold as a global: the standard built-ins and the
 * endowments (os/endowments.ts; a test checks that this covers them). A name missing here still
 * works, looked up through the compartment at each use instead of bound once.
 */
export const GLOBAL_NAMES: readonly string[] = [
  'AggregateError', 'Array', 'ArrayBuffer', 'Atomics', 'BigInt', 'BigInt64Array', 'BigUint64Array', 'Boolean', 'Compartment',
  'DataView', 'Date', 'Error', 'EvalError', 'FinalizationRegistry', 'Float16Array', 'Float32Array', 'Float64Array', 'Function',
  'Int16Array', 'Int32Array', 'Int8Array', 'Intl', 'Iterator', 'JSON', 'Map', 'Math', 'Number', 'Object', 'Promise', 'Proxy',
  'RangeError', 'ReferenceError', 'Reflect', 'RegExp', 'Set', 'SharedArrayBuffer', 'String', 'Symbol', 'SyntaxError',
  'TextDecoder', 'TextEncoder', 'TypeError', 'URIError', 'URL', 'URLSearchParams', 'Uint16Array', 'Uint32Array', 'Uint8Array',
  'Uint8ClampedArray', 'WeakMap', 'WeakRef', 'WeakSet', 'WebAssembly', 'assert', 'atob', 'btoa', 'clearInterval',
  'clearTimeout', 'console', 'crypto', 'decodeURI', 'decodeURIComponent', 'encodeURI', 'encodeURIComponent', 'escape',
  'harden', 'isFinite', 'isNaN', 'parseFloat', 'parseInt', 'performance', 'queueMicrotask', 'setInterval', 'setTimeout',
  'structuredClone', 'unescape', 'lockdown', 'ModuleSource', 'StaticModuleRecord', 'AsyncIterator',
];

/** The GLOBAL_NAMES a body mentions as a word (kernel side: its regular expressions are fast). */
export function mentionedGlobals(body: string): string[] {
  const words = new Set(body.match(/[A-Za-z_$][\w$]*/g) ?? []);
  return GLOBAL_NAMES.filter((n) => words.has(n));
}
