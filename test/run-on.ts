/** Run a program on a kernel (Node or browser), capturing stdout and stderr apart, until it exits and both reach EOF. */
import type { Kernel, SpawnOptions } from '../src/kernel/kernel.js';

export interface Captured {
  stdout: string;
  stderr: string;
  status: number;
}

const decode = (chunks: Uint8Array[]): string => {
  const all = new Uint8Array(chunks.reduce((s, c) => s + c.length, 0));
  let off = 0;
  for (const c of chunks) { all.set(c, off); off += c.length; }
  return new TextDecoder().decode(all);
};

/** `spawn` is every spawn option but stdio: stdin is /dev/null, stdout and stderr are captured. */
export async function runOn(k: Kernel, spawn: Omit<SpawnOptions, 'stdio'>): Promise<Captured> {
  const out: Uint8Array[] = [];
  const err: Uint8Array[] = [];
  let eofs = 0;
  let done!: () => void;
  const ended = new Promise<void>((r) => { done = r; });
  const eof = (): void => { if (++eofs === 2) done(); };
  const w1 = k.capturePipe((b) => out.push(b.slice()), eof);
  const w2 = k.capturePipe((b) => err.push(b.slice()), eof);
  const h = k.spawn({ ...spawn, stdio: [{ kind: 'null' }, { kind: 'file', file: w1 }, { kind: 'file', file: w2 }] });
  k.vfs.close(w1);
  k.vfs.close(w2);
  const [status] = await Promise.all([h.exited, ended]);
  return { stdout: decode(out), stderr: decode(err), status };
}
