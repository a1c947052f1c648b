/**
 * Nothing carries over from one program to the next: each row's first program (as alice) tries
 * to leave something behind — a global, a change to a shared intrinsic, a queued callback, a
 * pending promise, an unhandled rejection, a changed os function — and the second program looks
 * for it. The second program runs after the first on the same kernel — in the same Worker, which
 * the first one's clean exit handed back to the pool (a kernel with no pool of its own makes one
 * Worker, and the test counts them) — and, in the other column, in the same process through execv
 * (a new image in the same Worker, with a new compartment).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { boot } from '../../src/index.js';
import { nodeWorkers } from '../../src/proc/node-worker.js';
import type { WorkerFactory } from '../../src/proc/worker-host.js';
import type { Kernel } from '../../src/kernel/kernel.js';
import { DEFAULT_SYSTEM } from '../../src/cli/default-system.js';
import { run } from '../helpers.js';

const kernels: Kernel[] = [];
afterEach(() => { for (const k of kernels.splice(0)) k.shutdown(); });

const ALICE = { uid: 1000, gid: 1000, groups: [1000, 100, 1002], cwd: '/home/alice' };

interface CarryCase {
  readonly name: string;
  /** The first program's main body; `next()` ends it at once and starts the second (_exit, or execv). */
  readonly leave: string;
  /** The second program's main body. */
  readonly look: string;
  /** What the first program prints, then what the second prints. */
  readonly first: string;
  readonly second: string;
  readonly firstStatus?: number;
  /**
   * What the first program prints when `next()` is main returning instead of os._exit, if not
   * `first`; or false where that means nothing (a process lives while it has timers).
   */
  readonly returning?: string | false;
}

const CASES: readonly CarryCase[] = [
  { name: 'a global it defined',
    leave: `globalThis.leak = 'A'; globalThis.console2 = console; console.log('set', typeof leak); return next();`,
    look: `console.log(typeof globalThis.leak, typeof globalThis.console2, Object.keys(globalThis).join() || 'no own keys');`,
    first: 'set string\n', second: 'undefined undefined console,setTimeout,setInterval,clearTimeout,clearInterval,Intl,performance,crypto,URL,URLSearchParams,structuredClone,queueMicrotask,atob,btoa,WebAssembly\n' },
  { name: 'a change to a shared intrinsic\'s prototype',
    leave: `for (const f of [() => { Array.prototype.leak = 1; }, () => Object.defineProperty(Object.prototype, 'leak', { value: 1 }), () => { String.prototype.trim = null; }]) { try { f(); console.log('changed'); } catch (e) { console.log(e.name); } } return next();`,
    look: `console.log(typeof [].leak, typeof ({}).leak, ' x '.trim() === 'x');`,
    first: 'TypeError\nTypeError\nTypeError\n', second: 'undefined undefined true\n' },
  { name: 'a callback queued for later, and timers left running',
    leave: `setInterval(() => console.log('tick'), 1); setTimeout(() => console.log('late timer'), 0); queueMicrotask(() => console.log('late microtask')); console.log('set'); return next();`,
    look: `console.log('second'); time.sleep(1);`,
    first: 'set\n', second: 'second\n', returning: false },
  { name: 'a promise left pending and one that resolves after main returned',
    leave: `new Promise(() => {}); Promise.resolve().then(() => Promise.resolve()).then(() => console.log('after main')); return next();`,
    look: `console.log('second');`,
    first: '', second: 'second\n' },
  { name: 'an unhandled rejection',
    leave: `Promise.reject(new Error('from the first program')); return next();`,
    look: `console.log('second'); return 0;`,
    first: '', second: 'second\n' },
  { name: 'its own os module, patched',
    leave: `os.getpid = () => 1; os.getuid = () => 0; return next();`,
    look: `console.log(os.getpid() > 1, os.getuid());`,
    first: '', second: 'true 1000\n' },
  { name: 'the hardened endowments it tried to change',
    leave: `for (const f of [() => { Math.random = () => 0.5; }, () => { Date.now = () => 0; }, () => { console.log = null; }]) { try { f(); } catch (e) { console.log(e.name); } } return next();`,
    look: `console.log(Math.random() !== 0.5, Date.now(), typeof console.log);`,
    first: 'TypeError\nTypeError\nTypeError\n', second: 'true 946684800000 function\n' },
  { name: 'the os library\'s classes and tables, shared by every process of a Worker',
    leave: `const st = os.stat('/'); for (const f of [() => { OSError.prototype.toString = () => 'pwned'; }, () => { stat.S_ISDIR = () => false; }, () => { Object.getPrototypeOf(st).leak = 1; }, () => { Object.getPrototypeOf(os.environ).get = () => 'pwned'; }, () => { Object.getPrototypeOf(os.scandir('/')[0] ?? {}).leak = 1; }]) { try { f(); console.log('changed'); } catch (e) { console.log(e.name); } } return next();`,
    look: `let msg; try { os.stat('/nope'); } catch (e) { msg = String(e); } console.log(msg, stat.S_ISDIR(os.stat('/').st_mode), os.stat('/').leak, os.environ.get('HOME'), (os.scandir('/')[0] ?? {}).leak);`,
    first: 'TypeError\nTypeError\nTypeError\nTypeError\nTypeError\n', second: "[Errno 2] No such file or directory: '/nope' true undefined /root undefined\n" },
  { name: 'a process that swallows its own end and carries on',
    leave: `try { next(); } catch (e) { for (const f of [() => console.log('still here'), () => os.write(1, 'still writing\\n'), () => os.getpid()]) { try { f(); } catch (e2) { } } } Promise.resolve().then(() => { try { os.write(1, 'from a microtask\\n'); } catch (e) { } }); return 0;`,
    look: `console.log('second');`,
    first: '', second: 'second\n', returning: false },
];

const header = `import os, { time, stat, OSError } from 'posixbox/os';\n`;

/** Node's Workers, counted as they are made. */
function counted(): WorkerFactory & { made: number } {
  const base = nodeWorkers();
  const f = { made: 0, create: () => { f.made++; return base.create(); }, settled: () => base.settled!() };
  return f;
}

describe('nothing carries over to the next program', () => {
  for (const c of CASES) {
    for (const [how, exit] of [['os._exit', 'os._exit(0)'], ['main returning', '0']] as const) {
      if (how === 'main returning' && c.returning === false) continue;
      const first = how === 'main returning' ? c.returning ?? c.first : c.first;
      it(`${c.name}: the next program on the kernel, in the Worker the first left by ${how}`, async () => {
        const workers = counted();
        const k = boot({ ...DEFAULT_SYSTEM, poolSize: 0, workers });
        kernels.push(k);
        const a = await run(`${header}const next = () => ${exit};\nexport function main() {\n${c.leave}\n}\n`, { kernel: k, ...ALICE });
        const b = await run(`${header}export function main() {\n${c.look}\nreturn 0;\n}\n`, { kernel: k, ...ALICE });
        expect([a.stdout, b.stdout, b.stderr, b.status, workers.made]).toEqual([first, c.second, '', 0, 1]);
      });
    }

    it(`${c.name}: the image execv starts in the same process`, async () => {
      const workers = counted();
      const k = boot({ ...DEFAULT_SYSTEM, poolSize: 0, workers });
      kernels.push(k);
      const root = k.rootContext();
      const file = k.vfs.open(root, '/home/alice/second.js', 0o1101, 0o755);
      k.vfs.write(file, new TextEncoder().encode(`#!posixbox\n${header}export function main() {\n${c.look}\nreturn 0;\n}\n`), root.creds);
      k.vfs.close(file);
      const r = await run(`${header}const next = () => os.execv('/home/alice/second.js', ['second']);\nexport function main() {\n${c.leave}\n}\n`, { kernel: k, ...ALICE });
      expect([r.stdout, r.stderr, r.status, workers.made]).toEqual([c.first + c.second, '', 0, 1]);
    });
  }
});
