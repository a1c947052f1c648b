/** Test helpers: boot a kernel (Node workers) and run a program, capturing stdout and stderr apart. */
import { boot, type NodeBootOptions } from '../src/index.js';
import type { Kernel, SpawnOptions } from '../src/kernel/kernel.js';

export interface Ran {
  stdout: string;
  stderr: string;
  status: number;
  kernel: Kernel;
}

const decode = (chunks: Uint8Array[]): string => {
  const all = new Uint8Array(chunks.reduce((s, c) => s + c.length, 0));
  let off = 0;
  for (const c of chunks) { all.set(c, off); off += c.length; }
  return new TextDecoder().decode(all);
};

/** Run `source` as a program on `kernel` (or a fresh one) and wait for its exit and its output's EOF. */
export async function run(source: string, o: Partial<SpawnOptions> & { boot?: NodeBootOptions; kernel?: Kernel; path?: string } = {}): Promise<Ran> {
  const k = o.kernel ?? boot({ poolSize: 1, ...o.boot });
  const out: Uint8Array[] = [];
  const err: Uint8Array[] = [];
  let eofs = 0;
  let done!: () => void;
  const ended = new Promise<void>((r) => { done = r; });
  const eof = (): void => { if (++eofs === 2) done(); };
  const w1 = k.capturePipe((b) => out.push(b), eof);
  const w2 = k.capturePipe((b) => err.push(b), eof);
  const h = k.spawn({
    program: { source, path: o.path ?? 'prog.js' },
    argv: o.argv ?? ['prog'],
    env: o.env ?? ['PATH=/bin:/usr/bin', 'HOME=/root'],
    ...(o.uid !== undefined ? { uid: o.uid } : {}),
    ...(o.gid !== undefined ? { gid: o.gid } : {}),
    ...(o.groups ? { groups: o.groups } : {}),
    ...(o.cwd ? { cwd: o.cwd } : {}),
    ...(o.umask !== undefined ? { umask: o.umask } : {}),
    ...(o.login !== undefined ? { login: o.login } : {}),
    stdio: [{ kind: 'null' }, { kind: 'file', file: w1 }, { kind: 'file', file: w2 }],
  });
  k.vfs.close(w1);
  k.vfs.close(w2);
  const [status] = await Promise.all([h.exited, ended]);
  return { stdout: decode(out), stderr: decode(err), status, kernel: k };
}
