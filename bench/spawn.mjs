// bench spawn: the median time of spawn+exit+wait of a trivial program on the kernel, and of
// fork+exit+wait, beside child_process.spawnSync('/bin/true') on the host, in the same run.
//
// Both sides are measured the same way: each run follows a 100 ms pause (a shell between
// commands; it also lets the kernel's Worker pool refill), and the host and kernel samples are
// taken in alternating rounds, so that whatever else the machine is doing weighs on both. The
// host runs in a fresh Node process of its own (spawn-host.mjs), where spawnSync is at its fastest.
import { spawnSync } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { emit, median, runProgram } from './_lib.mjs';

const ROUNDS = 5;
const PER_ROUND = 40;
// 100 ms: a Worker takes about 35 ms to start here, so with less the pool's refill would still be
// starting when the next run begins, and the runs would measure that contention instead.
const PAUSE_MS = Number(process.env.SPAWN_BENCH_PAUSE_MS ?? 100);

const TRUE_IMAGE = "#!posixbox\nexport function main() { return 0; }\n";

const program = `import os, { time } from 'posixbox/os';
export function main() {
  const fd = os.open('/tmp/true', os.O_WRONLY | os.O_CREAT, 0o755);
  os.write(fd, ${JSON.stringify(TRUE_IMAGE)});
  os.close(fd);
  const spawn = [], fork = [];
  // Unmeasured: the kernel's Worker pool finishes starting, and a few spawns warm the path up.
  time.sleep(0.5);
  for (let i = 0; i < 5; i++) { time.sleep(${PAUSE_MS / 1000}); os.waitpid(os.posix_spawn('/tmp/true', ['true'], os.environ), 0); }
  for (let i = 0; i < ${PER_ROUND}; i++) {
    time.sleep(${PAUSE_MS / 1000});
    const t0 = time.perf_counter();
    const pid = os.posix_spawn('/tmp/true', ['true'], os.environ);
    os.waitpid(pid, 0);
    spawn.push((time.perf_counter() - t0) * 1e3);
  }
  for (let i = 0; i < ${PER_ROUND}; i++) {
    time.sleep(${PAUSE_MS / 1000});
    const t0 = time.perf_counter();
    const pid = os.fork();
    if (pid === 0) os._exit(0);
    os.waitpid(pid, 0);
    fork.push((time.perf_counter() - t0) * 1e3);
  }
  console.log(JSON.stringify({ spawn, fork }));
  return 0;
}`;

/** One host round, in a fresh Node process (bench/spawn-host.mjs). */
function hostRound(out) {
  const r = spawnSync(process.execPath, [fileURLToPath(new URL('./spawn-host.mjs', import.meta.url)), String(PER_ROUND), String(PAUSE_MS)],
    { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`host round failed: ${r.stderr}`);
  out.push(...JSON.parse(r.stdout));
}

export default async function main() {
  const host = [], spawn = [], fork = [];
  for (let round = 0; round < ROUNDS; round++) {
    hostRound(host);
    const r = await runProgram(program, { realtime: true, poolSize: 2 });
    if (r.status !== 0) throw new Error(`bench program failed (${r.status}): ${r.stdout}`);
    const got = JSON.parse(r.stdout);
    spawn.push(...got.spawn);
    fork.push(...got.fork);
    await sleep(1000); // the kernel's Workers wind down before the host is measured again
  }
  const hostP50 = median(host);
  const n = ROUNDS * PER_ROUND;
  console.log(`${ROUNDS} alternating rounds of ${PER_ROUND} runs each, every run after a ${PAUSE_MS} ms pause`);
  console.log(`spawn+exit+wait: median ${median(spawn).toFixed(3)} ms over ${n}; fork+exit+wait: median ${median(fork).toFixed(3)} ms over ${n}`);
  console.log(`host spawnSync('/bin/true'): median ${hostP50.toFixed(3)} ms over ${n}`);
  emit('spawn', 'spawn_wait_p50_ms', median(spawn), "host spawnSync('/bin/true')", hostP50);
  emit('spawn', 'fork_wait_p50_ms', median(fork), "host spawnSync('/bin/true')", hostP50);
}
