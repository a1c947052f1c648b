import { afterEach, describe, expect, it } from 'vitest';
import { boot } from '../../src/index.js';
import type { Kernel } from '../../src/kernel/kernel.js';
import { DEFAULT_SYSTEM } from '../../src/cli/default-system.js';
import { run } from '../helpers.js';
import { nodeWorkers } from '../../src/proc/node-worker.js';
import type { WorkerFactory, WorkerStartMessage } from '../../src/proc/worker-host.js';
import { PROC_CASES } from './cases.js';

const HEADER = `import os, { signal, time, sys, resource, open } from 'posixbox/os';
export function main(argv) {
`;

/** Workers whose forked children get a record with one request digest changed. */
function tamperedReplay(at: number): WorkerFactory {
  const real = nodeWorkers();
  return {
    create: () => {
      const w = real.create();
      const start = w.start.bind(w);
      w.start = (msg: WorkerStartMessage) => {
        const replay = msg.replay?.map((e, i) => (i === at ? { ...e, digest: (e.digest + 1) | 0 } : e));
        start(replay ? { ...msg, replay } : msg);
      };
      return w;
    },
    settled: () => real.settled?.() ?? Promise.resolve(),
  };
}

const kernels: Kernel[] = [];
afterEach(() => { for (const k of kernels.splice(0)) k.shutdown(); });

describe('processes', () => {
  for (const c of PROC_CASES) {
    it(c.name, async () => {
      const k = boot({ ...DEFAULT_SYSTEM, poolSize: 2, realtime: c.realtime ?? false, ...(c.nextPid ? { nextPid: c.nextPid } : {}),
        ...(c.tamperReplayAt !== undefined ? { workers: tamperedReplay(c.tamperReplayAt) } : {}) });
      kernels.push(k);
      const root = k.rootContext();
      for (const f of c.files ?? []) {
        const parts = f.path.split('/').slice(1, -1);
        for (let i = 1; i <= parts.length; i++) {
          try { k.vfs.mkdir(root, '/' + parts.slice(0, i).join('/'), 0o755); } catch { /* exists */ }
        }
        const file = k.vfs.open(root, f.path, 0o1101, 0o644);
        k.vfs.write(file, new TextEncoder().encode(f.content), root.creds);
        k.vfs.close(file);
        k.vfs.chown(root, f.path, f.uid ?? 0, f.gid ?? 0, true);
        k.vfs.chmod(root, f.path, f.mode ?? 0o755, true);
      }
      const r = await run(`${HEADER}${c.body}\n}\n`, { kernel: k, ...(c.user ?? {}) });
      expect({ stdout: r.stdout, stderr: r.stderr, status: r.status }).toEqual({ stdout: c.stdout, stderr: c.stderr ?? '', status: (c.status ?? 0) << 8 });
      expect(k.bugs).toEqual([]);
    });
  }
});
