/** Test helpers: boot a kernel (Node workers) and run a program, capturing stdout and stderr apart. */
import { boot, type NodeBootOptions } from '../src/index.js';
import type { Kernel, SpawnOptions } from '../src/kernel/kernel.js';
import { runOn } from './run-on.js';

export interface Ran {
  stdout: string;
  stderr: string;
  status: number;
  kernel: Kernel;
}

/** Run `source` as a program on `kernel` (or a fresh one) and wait for its exit and its output's EOF. */
export async function run(source: string, o: Partial<SpawnOptions> & { boot?: NodeBootOptions; kernel?: Kernel; path?: string } = {}): Promise<Ran> {
  const k = o.kernel ?? boot({ poolSize: 1, ...o.boot });
  const r = await runOn(k, {
    program: { source, path: o.path ?? 'prog.js' },
    argv: o.argv ?? ['prog'],
    env: o.env ?? ['PATH=/bin:/usr/bin', 'HOME=/root'],
    ...(o.uid !== undefined ? { uid: o.uid } : {}),
    ...(o.gid !== undefined ? { gid: o.gid } : {}),
    ...(o.groups ? { groups: o.groups } : {}),
    ...(o.cwd ? { cwd: o.cwd } : {}),
    ...(o.umask !== undefined ? { umask: o.umask } : {}),
    ...(o.login !== undefined ? { login: o.login } : {}),
  });
  return { ...r, kernel: k };
}
