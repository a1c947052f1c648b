/**
 * The escape table in Node: every row runs as alice in a worker thread on a fresh kernel; after
 * each, the host marker file named in argv[1] must not exist and the kernel must still answer
 * (a program started after the row prints its pid). That program runs in the very Worker the row
 * ran in when the row ended cleanly (Workers are reused; the kernel has no pool of its own here,
 * and the test counts the Workers made): whatever the row did, it left nothing there.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { boot } from '../../src/index.js';
import { nodeWorkers } from '../../src/proc/node-worker.js';
import type { Kernel } from '../../src/kernel/kernel.js';
import { DEFAULT_SYSTEM } from '../../src/cli/default-system.js';
import { run } from '../helpers.js';
import { attempts, ESCAPE_CASES, escapeSource } from './escape-cases.js';

const dir = mkdtempSync(join(tmpdir(), 'posixbox-escape-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const kernels: Kernel[] = [];
afterEach(() => { for (const k of kernels.splice(0)) k.shutdown(); });

const ALICE = { uid: 1000, gid: 1000, groups: [1000, 100, 1002], cwd: '/home/alice' };

describe('the escape table (Node worker threads)', () => {
  it('makes at least 60 attempts', () => {
    expect(attempts()).toBeGreaterThanOrEqual(60);
  });

  for (const c of ESCAPE_CASES) {
    it(c.name, async () => {
      const base = nodeWorkers();
      let made = 0;
      const k = boot({ ...DEFAULT_SYSTEM, poolSize: 0, workers: { create: () => { made++; return base.create(); }, settled: () => base.settled!() } });
      kernels.push(k);
      const marker = join(dir, `marker-${ESCAPE_CASES.indexOf(c)}`);
      const source = escapeSource(c);
      const r = await run(source, { kernel: k, ...ALICE, argv: ['/home/alice/escape.js', marker], path: '/home/alice/escape.js' });
      expect({ stdout: r.stdout, stderr: r.stderr, status: r.status }).toEqual({ stdout: c.stdout, stderr: c.stderr ?? '', status: (c.status ?? 0) << 8 });
      expect(existsSync(marker)).toBe(false);
      const after = await run(`import os from 'posixbox/os';\nexport function main() { console.log('pid', os.getpid() > 1, typeof globalThis.leak); return 0; }\n`, { kernel: k, ...ALICE });
      expect([after.stdout, after.status, made]).toEqual(['pid true undefined\n', 0, c.workers ?? 1]);
      expect(k.bugs).toEqual([]);
    });
  }
});
