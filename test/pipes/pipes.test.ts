import { afterEach, describe, expect, it } from 'vitest';
import { boot } from '../../src/index.js';
import type { Kernel } from '../../src/kernel/kernel.js';
import { DEFAULT_SYSTEM } from '../../src/cli/default-system.js';
import { run } from '../helpers.js';
import { PIPE_CASES } from './cases.js';
import { STREAM_CASES } from './stream-cases.js';

const HEADER = `import os, { signal, time, sys, select } from 'posixbox/os';
const text = (b) => new TextDecoder().decode(b);
export function main(argv) {
`;

const kernels: Kernel[] = [];
afterEach(() => { for (const k of kernels.splice(0)) k.shutdown(); });

describe('pipes, FIFOs and poll', () => {
  for (const c of [...PIPE_CASES, ...STREAM_CASES]) {
    it(c.name, async () => {
      const k = boot({ ...DEFAULT_SYSTEM, poolSize: 2, realtime: c.realtime ?? false, ...(c.nextPid ? { nextPid: c.nextPid } : {}) });
      kernels.push(k);
      const root = k.rootContext();
      for (const f of c.files ?? []) {
        const file = k.vfs.open(root, f.path, 0o1101, 0o755);
        k.vfs.write(file, new TextEncoder().encode(f.content), root.creds);
        k.vfs.close(file);
      }
      const r = await run(`${HEADER}${c.body}\n}\n`, { kernel: k });
      expect({ stdout: r.stdout, stderr: r.stderr, status: r.status })
        .toEqual({ stdout: c.stdout, stderr: '', status: c.waitStatus ?? 0 });
      expect(k.bugs).toEqual([]);
    }, c.timeoutMs ?? 30_000);
  }
});
