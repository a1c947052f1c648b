// bench pipe: moving 1 GiB through a pipe between two processes on the kernel (real-time mode),
// beside the host's `head -c 1G /dev/zero | cat > /dev/null`, timed in the same run. The writer
// writes 1 MiB buffers (the os API sends them in channel-sized pieces); the reader reads into
// one reused 256 KiB buffer, as cat reads into its own.
import { spawnSync } from 'node:child_process';
import { emit, runProgram } from './_lib.mjs';

const GIB = 1 << 30;

const program = `import os, { time } from 'posixbox/os';
export function main() {
  const total = ${GIB};
  const [r, w] = os.pipe();
  const pid = os.fork();
  if (pid === 0) {
    os.close(w);
    const buf = new Uint8Array(256 * 1024);
    let got = 0;
    for (;;) { const n = os.readinto(r, buf); if (n === 0) break; got += n }
    if (got !== total) { console.log('reader got', got); return 1 }
    return 0;
  }
  os.close(r);
  const chunk = new Uint8Array(1 << 20);
  const t0 = time.perf_counter();
  for (let sent = 0; sent < total; sent += chunk.length) if (os.write(w, chunk) !== chunk.length) return 1;
  os.close(w);
  const [, st] = os.waitpid(pid, 0);
  const secs = time.perf_counter() - t0;
  console.log(JSON.stringify({ bytes: total, secs, status: st }));
  return 0;
}`;

function hostPipe() {
  const t0 = performance.now();
  const r = spawnSync('sh', ['-c', 'head -c 1G /dev/zero | cat > /dev/null'], { stdio: 'inherit' });
  const secs = (performance.now() - t0) / 1000;
  if (r.status !== 0) throw new Error('host pipeline failed');
  return secs;
}

export default async function main() {
  const runs = Number(process.env.PIPE_BENCH_RUNS ?? 3);
  const kernel = [];
  const host = [];
  for (let i = 0; i < runs; i++) {
    host.push(hostPipe());
    const r = await runProgram(program, { realtime: true, poolSize: 2 });
    const out = JSON.parse(r.stdout);
    if (r.status !== 0 || out.status !== 0) throw new Error(`bench program failed: ${r.stdout}`);
    kernel.push(out.secs);
  }
  const best = (xs) => Math.min(...xs);
  const gbs = (secs) => GIB / secs / 1e9;
  console.log(`kernel pipe, 1 GiB between two processes: ${kernel.map((s) => s.toFixed(3)).join(' ')} s → best ${gbs(best(kernel)).toFixed(2)} GB/s`);
  console.log(`host head -c 1G /dev/zero | cat > /dev/null: ${host.map((s) => s.toFixed(3)).join(' ')} s → best ${gbs(best(host)).toFixed(2)} GB/s`);
  console.log(`ratio (kernel / host): ${(gbs(best(kernel)) / gbs(best(host))).toFixed(2)}x (bar: ≥ 1 GB/s and ≥ 0.3x)`);
  emit('pipe', 'throughput_gb_s', gbs(best(kernel)), 'host head -c 1G /dev/zero | cat', gbs(best(host)));
}
