// Shared by the benchmarks: run a program on a kernel and collect its stdout.
import { boot } from '../dist/index.js';

export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export async function runProgram(source, bootOptions = {}, spawn = {}) {
  const k = boot({ poolSize: 1, ...bootOptions });
  const chunks = [];
  let done;
  const ended = new Promise((r) => { done = r; });
  const w = k.capturePipe((b) => chunks.push(Buffer.from(b)), () => done());
  const h = k.spawn({ program: { source, path: 'bench.js' }, argv: ['bench'], env: ['PATH=/bin'],
    stdio: [{ kind: 'null' }, { kind: 'file', file: w }, { kind: 'dup', fd: 1 }], ...spawn });
  k.vfs.close(w);
  const [status] = await Promise.all([h.exited, ended]);
  k.shutdown();
  return { status, stdout: Buffer.concat(chunks).toString('utf8'), kernel: k };
}

export function emit(bench, metric, value, reference, referenceValue) {
  const round = (x) => Math.round(x * 1000) / 1000;
  console.log(JSON.stringify({ bench, metric, value: round(value), reference, reference_value: round(referenceValue), ratio: round(value / referenceValue) }));
}
