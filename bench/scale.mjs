// bench scale: memory per live sleeping process, and the time per process to start them all,
// for 10, 50 and 200 concurrent sleeping processes spawned by one program in the sandbox (each
// posix_spawns a program that sleeps in time.sleep), beside as many host `sleep` processes.
//
// Memory: the growth of the host RSS of the Node process that hosts the kernel (its Workers are
// threads of that process), sampled once all N are asleep, over N. Each size runs in a fresh
// Node process (bench/_scale-child.mjs), so the baseline is clean. References: the host's own
// `sleep` processes' VmRSS read from /proc (each counts the shared libc pages in full; their Pss
// is printed too), and 9.6 MB, the figure per process before Workers were reused.
// Start time: from the first posix_spawn until every process has run (written its byte to a pipe),
// over N; the host reference is child_process.spawn of N `sleep` until every one has spawned.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { emit } from './_lib.mjs';

const SIZES = (process.env.SCALE_BENCH_SIZES ?? '10,50,200').split(',').map(Number);
const BEFORE_REUSE_MB = 9.6;
const MB = 1024 * 1024;

function child(mode, n) {
  const r = spawnSync(process.execPath, ['--expose-gc', fileURLToPath(new URL('./_scale-child.mjs', import.meta.url)), mode, String(n)],
    { encoding: 'utf8', timeout: 170_000 });
  if (r.status !== 0) throw new Error(`scale ${mode} ${n} failed (${r.status ?? r.signal}): ${r.stderr}${r.stdout}`);
  const last = r.stdout.trim().split('\n').pop();
  return JSON.parse(last);
}

export default async function main() {
  const rows = [];
  for (const n of SIZES) {
    const host = child('host', n);
    const k = child('kernel', n);
    if (k.got !== n || k.asleep !== n) throw new Error(`scale ${n}: ${k.got} processes started, ${k.asleep} asleep at sampling, of ${n}`);
    rows.push({ n, host, k });
    console.log(`N=${String(n).padStart(3)}: posixbox ${(k.perProcessBytes / MB).toFixed(2)} MB per sleeping process (RSS ${(k.baseRss / MB).toFixed(0)} -> ${(k.rss / MB).toFixed(0)} MB), `
      + `${(k.allStartedMs / n).toFixed(2)} ms per process to start all (posix_spawn calls ${k.spawnCallsMs.toFixed(0)} ms, all running ${k.allStartedMs.toFixed(0)} ms)`);
    console.log(`       host sleep: VmRSS ${(host.rssBytes / MB).toFixed(2)} MB, Pss ${(host.pssBytes / MB).toFixed(2)} MB per process, `
      + `${(host.allStartedMs / n).toFixed(2)} ms per process to start all (${host.allStartedMs.toFixed(0)} ms)`);
  }
  for (const { n, host, k } of rows) {
    emit('scale', `mem_per_sleeping_process_mb_n${n}`, k.perProcessBytes / MB, 'host sleep VmRSS per process (/proc)', host.rssBytes / MB);
    emit('scale', `mem_per_sleeping_process_mb_n${n}_vs_before_reuse`, k.perProcessBytes / MB, 'per process before Worker reuse (fixed figure)', BEFORE_REUSE_MB);
    emit('scale', `start_per_process_ms_n${n}`, k.allStartedMs / n, 'host child_process.spawn(sleep) per process', host.allStartedMs / n);
  }
}
