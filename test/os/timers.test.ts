/**
 * Timers on the kernel's clock (src/os/timers.ts): a program's setTimeout and setInterval run
 * when it has nothing else to do, in order of due time, on the virtual clock (no real waiting),
 * and a process lives while it has timers, as in Node. Whole outputs.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { boot } from '../../src/index.js';
import type { Kernel } from '../../src/kernel/kernel.js';
import { run } from '../helpers.js';

const kernels: Kernel[] = [];
afterEach(() => { for (const k of kernels.splice(0)) k.shutdown(); });

const HEADER = `import os, { time, signal } from 'posixbox/os';\nconst t = () => time.monotonic().toFixed(3);\n`;

const CASES: ReadonlyArray<{ name: string; source: string; stdout: string; stderr?: string; status?: number }> = [
  { name: 'timeouts run in order of due time after main returns, on the virtual clock',
    source: `export function main() { setTimeout(() => console.log('b', t()), 2000); setTimeout(() => console.log('a', t()), 1000); setTimeout((x, y) => console.log('args', x, y), 1000, 1, 2); console.log('main', t()); return 3; }`,
    stdout: 'main 0.000\na 1.000\nargs 1 2\nb 2.000\n', status: 3 },
  { name: 'an async main awaits a timeout',
    source: `export async function main() { const t0 = Date.now(); await new Promise((r) => setTimeout(r, 5000)); console.log('slept', Date.now() - t0); return 0; }`,
    stdout: 'slept 5000\n' },
  { name: 'an interval until it is cleared; a cleared timeout never runs',
    source: `export function main() { let n = 0; const id = setInterval(() => { console.log('tick', ++n, t()); if (n === 3) clearInterval(id); }, 250); const never = setTimeout(() => console.log('never'), 100); clearTimeout(never); return 0; }`,
    stdout: 'tick 1 0.250\ntick 2 0.500\ntick 3 0.750\n' },
  { name: 'delays that are not numbers, negative or too large are 1 ms; a non-function is a TypeError',
    source: `export function main() { for (const d of [NaN, Infinity, -5, 2 ** 40, '3', undefined]) setTimeout(() => console.log(String(d), t()), d); try { setTimeout('code', 1); } catch (e) { console.log(e.name); } return 0; }`,
    stdout: 'TypeError\nNaN 0.001\nInfinity 0.001\n-5 0.001\n1099511627776 0.001\nundefined 0.001\n3 0.003\n' },
  { name: 'an exception in a callback is uncaught: traceback, status 1',
    source: `export function main() { setTimeout(function later() { throw new Error('in a timer'); }, 10); return 0; }`,
    stdout: '', stderr: 'Traceback (most recent call last):\n  File "prog.js", line 3, in later\nException: in a timer\n', status: 1 },
  { name: 'a signal handled while waiting for a timer: the handler runs, then the timer',
    source: `export function main() { signal.signal(signal.SIGALRM, () => console.log('alarm', t())); signal.alarm(1); setTimeout(() => console.log('timer', t()), 3000); return 0; }`,
    stdout: 'alarm 1.000\ntimer 3.000\n' },
];

describe('timers on the kernel clock', () => {
  for (const c of CASES) {
    it(c.name, async () => {
      const k = boot({ poolSize: 1 });
      kernels.push(k);
      const r = await run(`${HEADER}${c.source}\n`, { kernel: k });
      expect({ stdout: r.stdout, stderr: r.stderr, status: r.status }).toEqual({ stdout: c.stdout, stderr: c.stderr ?? '', status: (c.status ?? 0) << 8 });
    });
  }
});
