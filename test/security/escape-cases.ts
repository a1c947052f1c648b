/**
 * The escape table: each row is a small program run as alice that tries one way out of its
 * compartment — a module it may not import, a host global, an evaluator, the stack-trace API, a
 * walk from what the os API hands it, a shared intrinsic to change, the host's clock or zone —
 * and the exact outcome (stdout, stderr, status). The same rows run in Node (worker threads,
 * escape.test.ts) and in Chromium (Web Workers, test/browser/escape.test.ts). A program that got
 * out would write the marker named by argv[1] (Node checks the host file) and print more than
 * the row expects.
 *
 * `probe(label, f)` prints `label: <what f gave>` — `undefined`, a type (`function`, `object`), a
 * primitive, or `threw <ErrorName>` — so rows do not depend on an engine's exact error texts.
 */

export interface EscapeCase {
  readonly name: string;
  /** A whole module (for import rows), or else the body of main(argv) after the probe helper. */
  readonly module?: string;
  readonly body?: string;
  readonly stdout: string;
  readonly stderr?: string;
  readonly status?: number;
  /** How many Workers the row and the program after it take: 1 (the row's is reused) unless the row's Worker cannot be. */
  readonly workers?: number;
}

export const PROBE = `import os, * as posixbox from 'posixbox/os';
const show = (r) => (r === null ? 'null' : typeof r === 'function' ? 'function' : typeof r === 'object' ? 'object' : String(r));
const probe = (label, f) => { let r; try { r = show(f()); } catch (e) { r = 'threw ' + (e && e.name); } console.log(label + ': ' + r); };
`;

/** How a row that loaded a forbidden module is told: one line, status 1. */
const refused = (spec: string): string =>
  `/home/alice/escape.js: cannot import '${spec}': a program can import only posixbox/os and posixbox/lesson (bundle any other dependency into the program)\n`;

const imports: EscapeCase[] = [
  ['node:fs', `import fs from 'node:fs';`],
  ['fs', `import { readFileSync } from 'fs';`],
  ['node:child_process', `import * as cp from 'node:child_process';`],
  ['node:inspector', `import { Session } from 'node:inspector';`],
  ['node:worker_threads', `import { parentPort } from 'node:worker_threads';`],
  ['file:///etc/passwd', `import x from 'file:///etc/passwd';`],
  ['data:text/javascript,export default process', `import p from 'data:text/javascript,export default process';`],
  ['node:module', `import 'node:module';`],
  ['lodash', `import _ from "lodash";`],
  ['node:fs', `export { readFileSync } from 'node:fs';`],
  ['node:fs', `export function main() { return import('node:fs').then((fs) => fs.writeFileSync(argv[1], 'x')); }`],
  ['node:child_process', `export async function main(argv) { const cp = await import("node:child_process"); cp.execSync('id'); }`],
  ['http://127.0.0.1/x.js', `export async function main() { await import('http://127.0.0.1/x.js'); }`],
  ['import(…)', `export async function main(argv) { const name = 'node:' + 'fs'; await import(name); }`],
].map(([spec, source], i) => ({
  name: `import ${i + 1}: ${source!.slice(0, 70)}`,
  module: source!.includes('main') ? `${source}\n` : `${source}\nexport function main() { console.log('loaded'); return 0; }\n`,
  stdout: '',
  stderr: refused(spec!),
  status: 1,
}));

/** Host globals a Node worker or a Web Worker has, none of which a program has. */
const HOST_GLOBALS = [
  'process', 'require', 'module', 'exports', '__dirname', 'Buffer', 'global', 'setImmediate', 'clearImmediate',
  'fetch', 'XMLHttpRequest', 'WebSocket', 'EventSource', 'importScripts', 'indexedDB', 'caches', 'navigator', 'BroadcastChannel',
  'postMessage', 'onmessage', 'close', 'self', 'Worker', 'SharedWorker', 'MessageChannel', 'location', 'SharedArrayBuffer',
  'Atomics', 'WeakRef', 'FinalizationRegistry', 'Response', 'Blob',
];

const globals: EscapeCase[] = [
  { name: 'no host global is defined', body: HOST_GLOBALS.map((g) => `probe('${g}', () => typeof ${g});`).join('\n'),
    stdout: HOST_GLOBALS.map((g) => `${g}: undefined\n`).join('') },
  { name: 'the global object through Function, indirect eval and globalThis',
    body: `probe('Function this', () => Function('return this')());
probe('indirect eval process', () => (0, eval)('this').process);
probe('eval global', () => (0, eval)('typeof process'));
probe('globalThis.process', () => globalThis.process);
probe('global keys', () => Object.getOwnPropertyNames(globalThis).filter((k) => /process|require|fetch|postMessage|Worker|import/i.test(k)).join(',') || 'none');`,
    stdout: 'Function this: undefined\nindirect eval process: undefined\neval global: undefined\nglobalThis.process: undefined\nglobal keys: none\n' },
  { name: 'dynamic import inside eval and Function is refused before it runs',
    body: `probe('eval', () => eval('imp' + 'ort("node:fs")'));
probe('indirect eval', () => (0, eval)('imp' + 'ort("node:fs")'));
probe('Function', () => Function('return imp' + 'ort("node:fs")')());
probe('html comment', () => eval('1 <' + '!-- x'));`,
    stdout: 'eval: threw SyntaxError\nindirect eval: threw SyntaxError\nFunction: threw SyntaxError\nhtml comment: threw SyntaxError\n' },
  { name: 'the constructors of async, generator and async generator functions are inert',
    body: `probe('async', () => (async function () {}).constructor('return process')());
probe('generator', () => (function* () {}).constructor('return process')().next());
probe('async generator', () => (async function* () {}).constructor('return process')());
probe('Function via a prototype', () => Object.getPrototypeOf(async () => {}).constructor('return 1'));`,
    stdout: 'async: threw TypeError\ngenerator: threw TypeError\nasync generator: threw TypeError\nFunction via a prototype: threw TypeError\n' },
  { name: 'os functions lead back to nothing: constructor, caller, arguments',
    body: `probe('getpid.constructor', () => os.getpid.constructor('return globalThis')());
probe('open.constructor', () => posixbox.open.constructor('return this')());
probe('walk.constructor', () => os.walk.constructor('return 1')().next());
probe('getpid.caller', () => os.getpid.caller);
probe('getpid.arguments', () => os.getpid.arguments);
probe('open.caller', () => posixbox.open.caller);
probe('strict caller', () => (function f() { return f.caller; })());
probe('callee', () => (function () { return arguments.callee; })());`,
    stdout: 'getpid.constructor: threw TypeError\nopen.constructor: threw TypeError\nwalk.constructor: threw TypeError\ngetpid.caller: undefined\ngetpid.arguments: undefined\nopen.caller: undefined\nstrict caller: undefined\ncallee: threw TypeError\n' },
  { name: 'a callback called by the os API cannot see its caller',
    body: `const seen = [];
const onerror = function onerror(e) { seen.push(e.code, show(onerror.caller), show(e.constructor.caller)); };
for (const _ of os.walk('/nonexistent', { onerror })) {}
console.log(seen.join(','));`,
    stdout: 'ENOENT,undefined,undefined\n' },
];

const stacks: EscapeCase[] = [
  { name: 'Error.prepareStackTrace gets no call sites',
    body: `probe('set', () => { Error.prepareStackTrace = (e, sites) => sites; return typeof Error.prepareStackTrace; });
const e = new Error('x');
probe('stack', () => JSON.stringify(e.stack));
probe('sites', () => Array.isArray(e.stack));`,
    stdout: 'set: function\nstack: ""\nsites: false\n' },
  { name: 'Error.captureStackTrace records no frames and no host paths',
    body: `const o = {}; Error.captureStackTrace(o);
probe('stack', () => JSON.stringify(o.stack));
probe('os error stack', () => { try { os.open('/nope', os.O_RDONLY); } catch (e) { return JSON.stringify(e.stack) + ' ' + e.code; } });
probe('limit', () => { Error.stackTraceLimit = Infinity; return JSON.stringify(new Error('y').stack); });`,
    stdout: 'stack: ""\nos error stack: "" ENOENT\nlimit: ""\n' },
  { name: 'a thrown error still gets its traceback (from the trusted side)',
    body: `function inner() { throw new RangeError('deep'); }\ninner();`,
    stdout: '',
    stderr: 'Traceback (most recent call last):\n  File "/home/alice/escape.js", line 5, in inner\n  File "/home/alice/escape.js", line 6, in main\nRangeError: deep\n',
    status: 1 },
];

/** Every value reachable from what the os API hands out: no shared memory, nothing of the host. */
const WALK = `const seen = new Set(); const queue = roots.map((r) => [r, 'root']); let objects = 0; const bad = [];
while (queue.length && objects < 100000) {
  const [o, path] = queue.shift();
  if (o === null || (typeof o !== 'object' && typeof o !== 'function') || seen.has(o)) continue;
  seen.add(o); objects++;
  const tag = Object.prototype.toString.call(o);
  if (/SharedArrayBuffer/.test(tag) || (ArrayBuffer.isView(o) && !(o.buffer instanceof ArrayBuffer))) bad.push('shared memory at ' + path);
  for (const k of Reflect.ownKeys(o)) {
    if (typeof k === 'string' && /^(binding|dlopen|getBuiltinModule|postMessage|importScripts|hrtime|mainModule|sab|ch|rt)$/.test(k)) bad.push(k + ' at ' + path);
    const d = Reflect.getOwnPropertyDescriptor(o, k);
    if ('value' in d) queue.push([d.value, path + '.' + String(k)]); else queue.push([d.get, path + '.get ' + String(k)], [d.set, path + '.set ' + String(k)]);
  }
  queue.push([Object.getPrototypeOf(o), path + '.__proto__']);
}
console.log(objects > 50 ? 'walked' : 'too few: ' + objects, bad.length ? bad.slice(0, 5).join('; ') : 'nothing found');`;

const walks: EscapeCase[] = [
  { name: 'a walk from every exported module and os function finds no shared memory or host object',
    body: `const roots = [posixbox, os, ...Object.values(os)];\n${WALK}`, stdout: 'walked nothing found\n' },
  { name: 'a walk from what os calls return: file objects, stat results, Popen, poll, environ, pipes',
    body: `const f = posixbox.open('/etc/passwd'); const st = os.stat('/'); const [r, w] = os.pipe(); const p = posixbox.select.poll();
const pr = posixbox.subprocess.run(['/bin/true']); const pw = posixbox.pwd.getpwnam('alice');
const roots = [f, st, p, pr, pw, os.environ, os.uname(), os.times ? os.times() : 0, console, Date, Math, crypto, performance, Intl];
${WALK}`, stdout: 'walked nothing found\n', workers: 2 /* the child subprocess.run starts */ },
  { name: 'a walk from the lesson library, imported dynamically',
    body: `return import('posixbox/lesson').then((lesson) => { const roots = [lesson, lesson.stdout];\n${WALK}\nreturn 0; });`,
    stdout: 'walked nothing found\n', workers: 2 /* the library has state of its own: its Worker is not reused */ },
  { name: 'the registry of the Worker is not on the program\'s global object',
    body: `probe('Symbol.for modules', () => globalThis[Symbol.for('posixbox.modules')]);
probe('symbols on global', () => Object.getOwnPropertySymbols(globalThis).map(String).join());
probe('Symbol.for nodejs', () => globalThis[Symbol.for('nodejs.worker_threads')]);`,
    stdout: 'Symbol.for modules: undefined\nsymbols on global: Symbol(Symbol.unscopables)\nSymbol.for nodejs: undefined\n' },
];

const intrinsics: EscapeCase[] = [
  { name: 'shared intrinsics are frozen',
    body: `probe('Array.prototype.push', () => { Array.prototype.push = () => 0; });
probe('Object.prototype', () => { Object.prototype.polluted = 1; });
probe('JSON.parse', () => { JSON.parse = () => 0; });
probe('Promise.prototype.then', () => { Promise.prototype.then = () => 0; });
probe('Function.prototype.call', () => { Function.prototype.call = () => 0; });
probe('delete String.prototype.trim', () => delete String.prototype.trim);
probe('Symbol.iterator', () => { Array.prototype[Symbol.iterator] = null; });
probe('frozen', () => [Object, Array.prototype, Function.prototype, Error, RegExp.prototype].every(Object.isFrozen));`,
    stdout: 'Array.prototype.push: threw TypeError\nObject.prototype: threw TypeError\nJSON.parse: threw TypeError\nPromise.prototype.then: threw TypeError\nFunction.prototype.call: threw TypeError\ndelete String.prototype.trim: threw TypeError\nSymbol.iterator: threw TypeError\nfrozen: true\n' },
  { name: 'the endowments are hardened',
    body: `probe('Math.random', () => { Math.random = () => 4; });
probe('console.log', () => { console.log = () => 0; });
probe('Date.now', () => { Date.now = () => 0; });
probe('crypto', () => { crypto.getRandomValues = () => 0; });
probe('performance', () => { performance.now = () => 0; });`,
    stdout: 'Math.random: threw TypeError\nconsole.log: threw TypeError\nDate.now: threw TypeError\ncrypto: threw TypeError\nperformance: threw TypeError\n' },
  { name: 'objects of its own still work (the override mistake is repaired)',
    body: `const o = {}; o.toString = () => 'mine'; class E extends Error {} const e = new E('m'); e.name = 'Mine';
console.log(String(o), e.name, [3, 1, 2].sort().join(''), JSON.stringify({ a: [1] }));`,
    stdout: 'mine Mine 123 {"a":[1]}\n' },
  { name: 'replacing its own os functions does not change what the kernel allows',
    body: `os.getuid = () => 0; os.geteuid = () => 0;
probe('uid', () => os.getuid());
probe('shadow', () => { try { os.open('/etc/shadow', os.O_RDONLY); } catch (e) { return e.code; } });`,
    stdout: 'uid: 0\nshadow: EACCES\n' },
];

const clocks: EscapeCase[] = [
  { name: 'time is the kernel\'s: Date, performance, Intl, the zone',
    body: `probe('Date.now', () => Date.now());
probe('new Date', () => new Date().toISOString());
probe('toString', () => String(new Date(0)));
probe('offset', () => new Date(0).getTimezoneOffset());
probe('Intl zone', () => new Intl.DateTimeFormat().resolvedOptions().timeZone);
probe('Intl locale', () => new Intl.NumberFormat().resolvedOptions().locale);
probe('performance.now', () => performance.now());
probe('timeOrigin', () => performance.timeOrigin);
probe('clone date', () => structuredClone(new Date(0)).getHours());`,
    stdout: 'Date.now: 946684800000\nnew Date: 2000-01-01T00:00:00.000Z\ntoString: Thu Jan 01 1970 00:00:00 GMT+0000 (Coordinated Universal Time)\noffset: 0\nIntl zone: UTC\nIntl locale: en-US\nperformance.now: 0\ntimeOrigin: undefined\nclone date: 0\n' },
  { name: 'random is the kernel\'s seeded source, crypto has no subtle',
    body: `probe('subtle', () => crypto.subtle);
probe('uuid', () => /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(crypto.randomUUID()));
probe('random', () => typeof Math.random());
probe('getRandomValues(Float64Array)', () => crypto.getRandomValues(new Float64Array(2)));`,
    stdout: 'subtle: undefined\nuuid: true\nrandom: number\ngetRandomValues(Float64Array): threw TypeError\n' },
  { name: 'WebAssembly computes; its asynchronous forms settle at once, streaming is absent',
    body: `const bytes = new Uint8Array([0,97,115,109,1,0,0,0,1,7,1,96,2,127,127,1,127,3,2,1,0,7,7,1,3,97,100,100,0,0,10,9,1,7,0,32,0,32,1,106,11]);
probe('sync', () => new WebAssembly.Instance(new WebAssembly.Module(bytes)).exports.add(1, 2));
probe('streaming', () => WebAssembly.instantiateStreaming);
return WebAssembly.instantiate(bytes).then(({ instance }) => { console.log('async', instance.exports.add(2, 3)); return 0; });`,
    stdout: 'sync: 3\nstreaming: undefined\nasync 5\n' },
];

const hostile: EscapeCase[] = [
  { name: 'a thrown Proxy whose traps throw is still reported', body: `throw new Proxy({}, { getPrototypeOf() { throw 1; }, get() { throw 2; } });`,
    stdout: '', stderr: 'Traceback (most recent call last):\nException: <exception that cannot be printed>\n', status: 1 },
  { name: 'sys.exit with a value whose toString throws: its error is the program\'s', body: `posixbox.sys.exit({ toString() { throw new Error('no'); } });`,
    stdout: '', stderr: 'Traceback (most recent call last):\n  File "/home/alice/escape.js", line 5, in Object.toString\n  File "/home/alice/escape.js", line 5, in main\nException: no\n', status: 1 },
  { name: 'main returns a thenable of its own', body: `return { then(resolve) { resolve(5); } };`, stdout: '', status: 5 },
  { name: 'main waits for a promise nothing can settle', body: `console.log('waiting'); return new Promise(() => {});`,
    stdout: 'waiting\n', stderr: '/home/alice/escape.js: main() is waiting for a promise that nothing can settle; exiting\n', status: 13 },
  { name: 'an unhandled rejection is the program\'s uncaught error', body: `Promise.reject(new TypeError('nobody caught me')); return Promise.resolve(0);`,
    stdout: '', stderr: 'Traceback (most recent call last):\n  File "/home/alice/escape.js", line 5, in main\nTypeError: nobody caught me\n', status: 1 },
  { name: 'top-level await works, and a module may not reach import.meta',
    module: `import os from 'posixbox/os';\nconst pid = await Promise.resolve(os.getpid());\nexport function main() { console.log(pid > 1); return 0; }\n`, stdout: 'true\n' },
  { name: 'import.meta is a SyntaxError', module: `export function main() { console.log(import.meta.url); return 0; }\n`,
    stdout: '', stderr: "Traceback (most recent call last):\nSyntaxError: Cannot use 'import.meta' outside a module\n", status: 1 },
];

export const ESCAPE_CASES: readonly EscapeCase[] = [...imports, ...globals, ...stacks, ...walks, ...intrinsics, ...clocks, ...hostile];

/** The rows as full program sources. */
export function escapeSource(c: EscapeCase): string {
  return c.module ?? `${PROBE}export function main(argv) {\n${c.body}\n}\n`;
}

/** How many attempts the table makes (each probe line and each import row is one). */
export function attempts(): number {
  return ESCAPE_CASES.reduce((n, c) => n + Math.max(1, c.stdout.split('\n').filter(Boolean).length), 0);
}
