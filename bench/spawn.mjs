// bench spawn: the median time of spawn+exit+wait of a trivial program on the kernel, and of
// fork+exit+wait, beside child_process.spawnSync('/bin/true') on the host, in the same run; each
// measured twice: with a pause before every run, and back to back (a shell's real load).
//
// Paused: each run follows a 100 ms pause (a shell between commands; it also lets the kernel's
// Worker pool refill). Back to back: runs follow each other with no pause, so the pool has no time
// to refill, as when a script runs one command after another. Both sides are measured the same
// way, and the host and kernel samples are taken in alternating rounds, so that whatever else the
// machine is doing weighs on both. The host runs in a fresh Node process of its own
// (spawn-host.mjs), where spawnSync is at its fastest.
import { spawnSync } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { emit, median, runProgram } from './_lib.mjs';

const ROUNDS = 5;
const PER_ROUND = 40;
const B2B_PER_ROUND = Number(process.env.SPAWN_BENCH_B2B_RUNS ?? 40);
// 100 ms: a Worker takes about 35 ms to start here, so with less the pool's refill would still be
// starting when the next run begins, and the runs would measure that contention instead.
const PAUSE_MS = Number(process.env.SPAWN_BENCH_PAUSE_MS ?? 100);

const TRUE_IMAGE = "#!posixbox\nexport function main() { return 0; }\n";

const prologue = `import os, { time } from 'posixbox/os';
export function main() {
  const fd = os.open('/tmp/true', os.O_WRONLY | os.O_CREAT, 0o755);
  os.write(fd, ${JSON.stringify(TRUE_IMAGE)});
  os.close(fd);
  const spawn = [], fork = [];
  // Unmeasured: the kernel's Worker pool finishes starting, and a few spawns warm the path up.
  time.sleep(0.5);`;

/** The program that measures `runs` spawns then `runs` forks, each after a pause of `pauseMs` (0: none). */
const program = (runs, pauseMs) => `${prologue}
  const pause = () => { ${pauseMs > 0 ? `time.sleep(${pauseMs / 1000});` : ''} };
  for (let i = 0; i < 5; i++) { pause(); os.waitpid(os.posix_spawn('/tmp/true', ['true'], os.environ), 0); }
  for (let i = 0; i < ${runs}; i++) {
    pause();
    const t0 = time.perf_counter();
    const pid = os.posix_spawn('/tmp/true', ['true'], os.environ);
    os.waitpid(pid, 0);
    spawn.push((time.perf_counter() - t0) * 1e3);
  }
  for (let i = 0; i < ${runs}; i++) {
    pause();
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
function hostRound(out, runs, pauseMs) {
  const r = spawnSync(process.execPath, [fileURLToPath(new URL('./spawn-host.mjs', import.meta.url)), String(runs), String(pauseMs)],
    { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`host round failed: ${r.stderr}`);
  out.push(...JSON.parse(r.stdout));
}

/** One kernel round on a fresh kernel: pushes its spawn and fork times. */
async function kernelRound(spawn, fork, runs, pauseMs) {
  const r = await runProgram(program(runs, pauseMs), { realtime: true, poolSize: 2 });
  if (r.status !== 0) throw new Error(`bench program failed (${r.status}): ${r.stdout}`);
  const got = JSON.parse(r.stdout);
  spawn.push(...got.spawn);
  fork.push(...got.fork);
  await sleep(1000); // the kernel's Workers wind down before the host is measured again
}

const fmt = (xs) => `median ${median(xs).toFixed(3)} ms, p90 ${[...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.9)].toFixed(3)} ms over ${xs.length}`;

export default async function main() {
  const host = [], spawn = [], fork = [];
  const hostB2b = [], spawnB2b = [], forkB2b = [];
  for (let round = 0; round < ROUNDS; round++) {
    hostRound(host, PER_ROUND, PAUSE_MS);
    await kernelRound(spawn, fork, PER_ROUND, PAUSE_MS);
    hostRound(hostB2b, B2B_PER_ROUND, 0);
    await kernelRound(spawnB2b, forkB2b, B2B_PER_ROUND, 0);
  }
  const hostP50 = median(host);
  const hostB2bP50 = median(hostB2b);
  console.log(`${ROUNDS} alternating rounds; paused: ${PER_ROUND} runs a round, each after a ${PAUSE_MS} ms pause; back to back: ${B2B_PER_ROUND} runs a round, no pause`);
  console.log(`paused       spawn+exit+wait: ${fmt(spawn)}`);
  console.log(`paused       fork+exit+wait:  ${fmt(fork)}`);
  console.log(`paused       host spawnSync('/bin/true'): ${fmt(host)}`);
  console.log(`back to back spawn+exit+wait: ${fmt(spawnB2b)}`);
  console.log(`back to back fork+exit+wait:  ${fmt(forkB2b)}`);
  console.log(`back to back host spawnSync('/bin/true'): ${fmt(hostB2b)}`);
  emit('spawn', 'spawn_wait_p50_ms', median(spawn), "host spawnSync('/bin/true')", hostP50);
  emit('spawn', 'fork_wait_p50_ms', median(fork), "host spawnSync('/bin/true')", hostP50);
  emit('spawn', 'spawn_wait_b2b_p50_ms', median(spawnB2b), "host spawnSync('/bin/true') back to back", hostB2bP50);
  emit('spawn', 'fork_wait_b2b_p50_ms', median(forkB2b), "host spawnSync('/bin/true') back to back", hostB2bP50);
}
