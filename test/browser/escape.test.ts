/**
 * The escape table in Chromium: the same rows as in Node (test/security/escape-cases.ts), each
 * run as alice in a module Web Worker on a fresh kernel booted in the page. After each row the
 * kernel must still answer, and nothing the program could reach may have touched the page: a
 * marker the page watches (a global, localStorage, a BroadcastChannel message) stays unset.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { boot } from '../../src/index.browser.js';
import type { Kernel } from '../../src/kernel/kernel.js';
import { DEFAULT_SYSTEM } from '../../src/cli/default-system.js';
import { ESCAPE_CASES, escapeSource } from '../security/escape-cases.js';
import { runOn, type Captured } from '../run-on.js';

const kernels: Kernel[] = [];
afterEach(() => { for (const k of kernels.splice(0)) k.shutdown(); });

function run(k: Kernel, source: string, argv: string[]): Promise<Captured> {
  return runOn(k, {
    program: { source, path: argv[0]! }, argv, env: ['PATH=/bin:/usr/bin', 'HOME=/home/alice'],
    uid: 1000, gid: 1000, groups: [1000, 100, 1002], cwd: '/home/alice',
  });
}

const MARKER = 'posixbox-escape-marker';

describe('the escape table (Chromium Web Workers)', () => {
  for (const c of ESCAPE_CASES) {
    it(c.name, async () => {
      const k = boot({ ...DEFAULT_SYSTEM, poolSize: 1 });
      kernels.push(k);
      const heard: unknown[] = [];
      const channel = new BroadcastChannel(MARKER);
      channel.onmessage = (ev) => heard.push(ev.data);
      try {
        const r = await run(k, escapeSource(c), ['/home/alice/escape.js', MARKER]);
        expect(r).toEqual({ stdout: c.stdout, stderr: c.stderr ?? '', status: (c.status ?? 0) << 8 });
        const after = await run(k, `import os from 'posixbox/os';\nexport function main() { console.log('pid', os.getpid() > 1); return 0; }\n`, ['/home/alice/check.js']);
        expect([after.stdout, after.status]).toEqual(['pid true\n', 0]);
        expect(k.bugs).toEqual([]);
        expect([heard, localStorage.getItem(MARKER), (globalThis as Record<string, unknown>)[MARKER]]).toEqual([[], null, undefined]);
      } finally {
        channel.close();
      }
    });
  }
});
