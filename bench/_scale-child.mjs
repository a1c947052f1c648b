// One measurement of bench scale, in a fresh Node process of its own (run with --expose-gc), so
// that the baseline is a clean process. argv: 'kernel' N | 'host' N. Prints one JSON line.
//
// kernel: boots a kernel and runs a program in it that posix_spawns N copies of a program that
// writes one byte to a pipe and then sleeps in time.sleep. The program reads the N bytes (every
// process has started and is about to sleep), prints the time that took, then sleeps itself. The
// host samples its own RSS (the kernel and all its Workers are threads of this one process) after
// boot, once the pool is warm, and again once all N are asleep; the growth over N is the memory
// per live sleeping process. Then the kernel is shut down.
//
// host: the same with N host `sleep 60` processes started by child_process.spawn; their memory is
// read from /proc/PID/status (VmRSS) and /proc/PID/smaps_rollup (Pss: shared pages divided among
// the processes that share them).
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { boot } from '../dist/index.js';

const [mode, nArg] = process.argv.slice(2);
const N = Number(nArg);
const SETTLE_MS = 1500;

function rss() {
  globalThis.gc?.();
  return process.memoryUsage().rss;
}

const SLEEPER = `#!posixbox
import os, { time } from 'posixbox/os';
export function main() { os.write(1, 'x'); time.sleep(600); return 0; }
`;

const driver = `import os, { time } from 'posixbox/os';
export function main() {
  const fd = os.open('/tmp/sleeper', os.O_WRONLY | os.O_CREAT, 0o755);
  os.write(fd, ${JSON.stringify(SLEEPER)});
  os.close(fd);
  // Unmeasured: the Worker pool finishes starting, and one sleeper warms the exec path up.
  time.sleep(1);
  { const [r, w] = os.pipe();
    const pid = os.posix_spawn('/tmp/sleeper', ['sleeper'], os.environ, { file_actions: [['dup2', w, 1], ['close', r], ['close', w]] });
    os.close(w); os.read(r, 1); os.close(r); os.kill(pid, 9); os.waitpid(pid, 0); }
  time.sleep(1);
  os.write(1, 'base\\n');
  time.sleep(${SETTLE_MS / 1000} + 0.5); // the host samples its baseline meanwhile
  const [r, w] = os.pipe();
  const t0 = time.perf_counter();
  for (let i = 0; i < ${N}; i++) {
    os.posix_spawn('/tmp/sleeper', ['sleeper'], os.environ, { file_actions: [['dup2', w, 1], ['close', r], ['close', w]] });
  }
  const spawned = time.perf_counter();
  os.close(w);
  let got = 0;
  while (got < ${N}) {
    const b = os.read(r, 4096);
    if (b.length === 0) break;
    got += b.length;
  }
  const t1 = time.perf_counter();
  os.write(1, JSON.stringify({ got, spawnCallsMs: (spawned - t0) * 1e3, allStartedMs: (t1 - t0) * 1e3 }) + '\\n');
  time.sleep(600); // until the host shuts the kernel down
  return 0;
}`;

async function kernelSide() {
  const k = boot({ realtime: true, maxProcesses: N + 32, oomThreshold: 64 * 2 ** 30, onDiagnostic: (m) => process.stderr.write(m) });
  let text = '';
  let base, result, done;
  const finished = new Promise((r) => { done = r; });
  const w = k.capturePipe((b) => {
    text += Buffer.from(b).toString('utf8');
    let nl;
    while ((nl = text.indexOf('\n')) >= 0) {
      const line = text.slice(0, nl);
      text = text.slice(nl + 1);
      if (line === 'base') base = rss();
      else { result = JSON.parse(line); done(); }
    }
  }, () => done());
  const h = k.spawn({ program: { source: driver, path: 'scale.js' }, argv: ['scale'], env: ['PATH=/bin'],
    stdio: [{ kind: 'null' }, { kind: 'file', file: w }, { kind: 'dup', fd: 1 }] });
  k.vfs.close(w);
  h.exited.then((s) => done(s));
  await finished;
  if (!result || base === undefined) throw new Error(`scale driver ended early (status ${await h.exited})`);
  await sleep(SETTLE_MS);
  const after = rss();
  const asleep = k.ps().filter((p) => p.cmd === 'sleeper').length;
  k.shutdown();
  console.log(JSON.stringify({ n: N, asleep, ...result, baseRss: base, rss: after, perProcessBytes: (after - base) / N }));
}

function procKb(pid, file, key) {
  const m = readFileSync(`/proc/${pid}/${file}`, 'utf8').match(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm'));
  return m ? Number(m[1]) : NaN;
}

async function hostSide() {
  const t0 = performance.now();
  const kids = [];
  for (let i = 0; i < N; i++) kids.push(spawn('sleep', ['60'], { stdio: 'ignore' }));
  await Promise.all(kids.map((c) => new Promise((res, rej) => { c.once('spawn', res); c.once('error', rej); })));
  const allStartedMs = performance.now() - t0;
  await sleep(SETTLE_MS);
  let rssKb = 0, pssKb = 0;
  for (const c of kids) {
    rssKb += procKb(c.pid, 'status', 'VmRSS');
    pssKb += procKb(c.pid, 'smaps_rollup', 'Pss');
  }
  for (const c of kids) c.kill('SIGKILL');
  console.log(JSON.stringify({ n: N, allStartedMs, rssBytes: rssKb * 1024 / N, pssBytes: pssKb * 1024 / N }));
}

await (mode === 'host' ? hostSide() : kernelSide());
process.exit(0);
