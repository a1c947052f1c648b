import { afterEach, describe, expect, it } from 'vitest';
import { boot } from '../../src/index.js';
import type { Kernel } from '../../src/kernel/kernel.js';
import { run } from '../helpers.js';
import { DEFAULT_SYSTEM } from '../../src/cli/default-system.js';
import { CASES } from './cases.js';

const HEADER = `import os, { stat, time, sys, atexit, pwd, grp, open } from 'posixbox/os';
const show = (x) => console.log(x instanceof Error ? String(x) : JSON.stringify(x));
export function main(argv) {
`;

const kernels: Kernel[] = [];
afterEach(() => { for (const k of kernels.splice(0)) k.shutdown(); });

describe('the os API, through a process', () => {
  for (const c of CASES) {
    it(c.name, async () => {
      const k = boot({ ...DEFAULT_SYSTEM, poolSize: 1 });
      kernels.push(k);
      // a file of bob's in sticky /tmp, for the sticky-bit case
      const root = k.rootContext();
      const f = k.vfs.open(root, '/tmp/bobs', 0o101, 0o644);
      k.vfs.close(f);
      k.vfs.chown(root, '/tmp/bobs', 1001, 1001, true);
      const r = await run(`${HEADER}${c.body}\n}\n`, {
        kernel: k,
        ...(c.user ?? {}),
        ...(c.cwd ? { cwd: c.cwd } : {}),
        ...(c.umask !== undefined ? { umask: c.umask } : {}),
        ...(c.env ? { env: c.env } : {}),
      });
      expect({ stdout: r.stdout, status: r.status >> 8, ...(c.stderr !== undefined ? { stderr: r.stderr } : {}) })
        .toEqual({ stdout: c.stdout, status: c.status ?? 0, ...(c.stderr !== undefined ? { stderr: c.stderr } : {}) });
      if (c.stderr === undefined) expect(r.stderr).toBe('');
      expect(k.bugs).toEqual([]);
    });
  }
});
