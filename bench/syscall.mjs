// bench syscall: the round trip of getpid from a Worker, and stat on a 5-component path, beside
// node:fs.statSync on the host, measured in the same run. Medians over batches of calls (the
// process reads the host clock only at batch boundaries, in real-time mode).
import { mkdirSync, writeFileSync, statSync, rmSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { emit, median, runProgram } from './_lib.mjs';

const BATCH = 2000;
const BATCHES = 200;

const program = `import os, { time } from 'posixbox/os';
export function main() {
  const batch = ${BATCH}, batches = ${BATCHES};
  const per = (fn) => {
    const out = [];
    for (let i = 0; i < 20; i++) fn();
    for (let b = 0; b < batches; b++) {
      const t0 = time.perf_counter();
      for (let i = 0; i < batch; i++) fn();
      out.push((time.perf_counter() - t0) / batch * 1e6);
    }
    return out;
  };
  os.makedirs('/a/b/c/d', 0o755, true);
  os.close(os.open('/a/b/c/d/e', os.O_CREAT | os.O_WRONLY, 0o644));
  const getpid = per(() => os.getpid());
  const stat = per(() => os.stat('/a/b/c/d/e'));
  console.log(JSON.stringify({ getpid, stat }));
  return 0;
}`;

function hostStat() {
  const dir = mkdtempSync(join(tmpdir(), 'pbx-bench-'));
  mkdirSync(join(dir, 'a/b/c/d'), { recursive: true });
  const file = join(dir, 'a/b/c/d/e');
  writeFileSync(file, '');
  const rel = file; // an absolute path: the host walks every component of the temp path too
  const out = [];
  for (let i = 0; i < 1000; i++) statSync(rel);
  for (let b = 0; b < BATCHES; b++) {
    const t0 = performance.now();
    for (let i = 0; i < BATCH; i++) statSync(rel);
    out.push((performance.now() - t0) / BATCH * 1e3);
  }
  rmSync(dir, { recursive: true });
  return out;
}

export default async function main() {
  const host = hostStat();
  const r = await runProgram(program, { realtime: true });
  if (r.status !== 0) throw new Error(`bench program failed: ${r.stdout}`);
  const { getpid, stat } = JSON.parse(r.stdout);
  const hostP50 = median(host);
  const getpidP50 = median(getpid);
  const statP50 = median(stat);
  console.log(`getpid round trip: median ${getpidP50.toFixed(3)} µs over ${BATCHES} batches of ${BATCH}`);
  console.log(`stat (5 components): median ${statP50.toFixed(3)} µs; host statSync median ${hostP50.toFixed(3)} µs`);
  console.log(`stat throughput: ${(1 / statP50).toFixed(3)} M/s vs host ${(1 / hostP50).toFixed(3)} M/s (${(hostP50 / statP50).toFixed(2)}x)`);
  emit('syscall', 'getpid_p50_us', getpidP50, 'host statSync', hostP50);
  emit('syscall', 'stat_p50_us', statP50, 'host statSync', hostP50);
  emit('syscall', 'stat_ops_per_s', 1e6 / statP50, 'host statSync', 1e6 / hostP50);
}
