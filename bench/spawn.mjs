// bench spawn: the median time of spawn+exit+wait of a trivial program on the kernel, and of
// fork+exit+wait, beside child_process.spawnSync('/bin/true') on the host, in the same run.
import { spawnSync } from 'node:child_process';
import { emit, median, runProgram } from './_lib.mjs';

const N = 200;

const TRUE_IMAGE = "#!posixbox\nexport function main() { return 0; }\n";

const program = `import os, { time } from 'posixbox/os';
export function main() {
  const fd = os.open('/tmp/true', os.O_WRONLY | os.O_CREAT, 0o755);
  os.write(fd, ${JSON.stringify(TRUE_IMAGE)});
  os.close(fd);
  const spawn = [], fork = [];
  for (let i = 0; i < ${N}; i++) {
    const t0 = time.perf_counter();
    const pid = os.posix_spawn('/tmp/true', ['true'], os.environ);
    os.waitpid(pid, 0);
    spawn.push((time.perf_counter() - t0) * 1e3);
    time.sleep(0.03); // let the Worker pool refill, as between commands typed at a shell
  }
  for (let i = 0; i < ${N}; i++) {
    const t0 = time.perf_counter();
    const pid = os.fork();
    if (pid === 0) os._exit(0);
    os.waitpid(pid, 0);
    fork.push((time.perf_counter() - t0) * 1e3);
    time.sleep(0.03);
  }
  console.log(JSON.stringify({ spawn, fork }));
  return 0;
}`;

export default async function main() {
  const host = [];
  for (let i = 0; i < N; i++) {
    const t0 = performance.now();
    const r = spawnSync('/bin/true');
    host.push(performance.now() - t0);
    if (r.status !== 0) throw new Error('/bin/true failed');
  }
  const r = await runProgram(program, { realtime: true, poolSize: 2 });
  if (r.status !== 0) throw new Error(`bench program failed (${r.status}): ${r.stdout}`);
  const { spawn, fork } = JSON.parse(r.stdout);
  const hostP50 = median(host);
  console.log(`spawn+exit+wait: median ${median(spawn).toFixed(3)} ms over ${N}; fork+exit+wait: median ${median(fork).toFixed(3)} ms`);
  console.log(`host spawnSync('/bin/true'): median ${hostP50.toFixed(3)} ms`);
  emit('spawn', 'spawn_wait_p50_ms', median(spawn), "host spawnSync('/bin/true')", hostP50);
  emit('spawn', 'fork_wait_p50_ms', median(fork), "host spawnSync('/bin/true')", hostP50);
}
