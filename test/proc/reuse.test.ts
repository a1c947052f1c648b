/**
 * Reused Workers: a Worker whose process ended cleanly (main returned, sys.exit, os._exit, an
 * uncaught error) takes the next process; one whose process was killed mid-computation is
 * stopped; one still unwinding a program that will not let go is given up on, and the process
 * that was waiting for it starts elsewhere. The kernels here have no pool of their own
 * (poolSize 0), so every Worker made is counted, and every one stopped is seen.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { boot } from '../../src/index.js';
import type { Kernel } from '../../src/kernel/kernel.js';
import { nodeWorkers } from '../../src/proc/node-worker.js';
import type { ProcessWorker, WorkerFactory } from '../../src/proc/worker-host.js';
import { run } from '../helpers.js';

const kernels: Kernel[] = [];
afterEach(() => { for (const k of kernels.splice(0)) k.shutdown(); });

interface Counted extends WorkerFactory {
  made: number;
  stopped: number;
}

function counted(): Counted {
  const base = nodeWorkers();
  const f: Counted = {
    made: 0,
    stopped: 0,
    create: (): ProcessWorker => {
      f.made++;
      const w = base.create();
      const terminate = w.terminate.bind(w);
      w.terminate = () => { if (w.alive) f.stopped++; terminate(); };
      return w;
    },
    settled: () => base.settled!(),
  };
  return f;
}

function kernel(o: { realtime?: boolean } = {}): { k: Kernel; workers: Counted } {
  const workers = counted();
  const k = boot({ poolSize: 0, workers, realtime: o.realtime ?? true });
  kernels.push(k);
  return { k, workers };
}

const TRUE = '#!posixbox\nexport function main() { return 0; }\n';

/** A program that writes /tmp/child (the given image) and runs `body`. */
const withChild = (child: string, body: string): string => `import os, { sys, time } from 'posixbox/os';
export function main() {
  const fd = os.open('/tmp/child', os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o755);
  os.write(fd, ${JSON.stringify(child)});
  os.close(fd);
  ${body}
  return 0;
}
`;

describe('reused Workers', () => {
  it('back-to-back spawns and forks take the Workers their predecessors left: two in all', async () => {
    const { k, workers } = kernel();
    const r = await run(withChild(TRUE, `
      const st = [];
      for (let i = 0; i < 30; i++) st.push(os.waitpid(os.posix_spawn('/tmp/child', ['child'], os.environ), 0)[1]);
      for (let i = 0; i < 30; i++) { const pid = os.fork(); if (pid === 0) os._exit(i % 3); st.push(os.waitpid(pid, 0)[1] >> 8); }
      for (let i = 0; i < 10; i++) { const pid = os.fork(); if (pid === 0) sys.exit(4); st.push(os.waitpid(pid, 0)[1] >> 8); }
      for (let i = 0; i < 10; i++) { const pid = os.fork(); if (pid === 0) throw new Error('boom'); st.push(os.waitpid(pid, 0)[1] >> 8); }
      console.log(st.join(''));`), { kernel: k });
    expect([r.stdout, r.status]).toEqual([`${'0'.repeat(30)}${'012'.repeat(10)}${'4'.repeat(10)}${'1'.repeat(10)}\n`, 0]);
    // The parent's Worker, and one the children take in turn (a second at most while one finishes).
    expect(workers.made).toBeLessThanOrEqual(3);
    expect(k.bugs).toEqual([]);
  });

  it('a process killed mid-computation leaves its Worker stopped, never reused', async () => {
    const { k, workers } = kernel();
    const r = await run(withChild('#!posixbox\nexport function main() { for (;;) {} }\n', `
      const pid = os.posix_spawn('/tmp/child', ['child'], os.environ);
      time.sleep(0.2);
      os.kill(pid, 9);
      console.log(os.waitpid(pid, 0)[1]);
      const again = os.posix_spawn('/bin/true', ['true'], os.environ);
      console.log(os.waitpid(again, 0)[1]);`), { kernel: k });
    expect([r.stdout, r.status]).toEqual(['9\n0\n', 0]);
    expect({ made: workers.made, stopped: workers.stopped }).toEqual({ made: 3, stopped: 1 });
  });

  // Programs whose code will not let go of the Worker after their process ended. Each row's
  // child exits (the parent sees its status); the next process then starts in another Worker:
  // the parent's, the hostile one's (given up on and stopped), and the one echo runs in.
  const HOSTILE: ReadonlyArray<readonly [string, string, number]> = [
    ['swallows its os._exit and spins', "import os from 'posixbox/os';\nexport function main() { try { os._exit(7); } catch (e) { for (;;) {} } }", 7],
    ['leaves microtasks queueing each other for ever', 'export function main() { const loop = () => Promise.resolve().then(loop); loop(); return 5; }', 5],
  ];
  for (const [what, program, status] of HOSTILE) {
    it(`a program that ${what}: it has exited, and the next process starts in another Worker`, async () => {
      const { k, workers } = kernel();
      const r = await run(withChild(`#!posixbox\n${program}\n`, `
        console.log(os.waitpid(os.posix_spawn('/tmp/child', ['child'], os.environ), 0)[1] >> 8);
        console.log(os.waitpid(os.posix_spawn('/bin/echo', ['echo', 'next'], os.environ), 0)[1]);`), { kernel: k });
      expect([r.stdout, r.status, workers.made, workers.stopped, k.bugs]).toEqual([`${status}\nnext\n0\n`, 0, 3, 1, []]);
    });
  }

  it('exec starts the new image in the same Worker; the old program, unwinding, can make no call', async () => {
    const { k, workers } = kernel();
    const r = await run(`import os from 'posixbox/os';
export function main() {
  try { os.execv('/bin/echo', ['echo', 'new image']); } catch (e) {
    for (const f of [() => console.log('old'), () => os.write(1, 'old\\n'), () => os.getpid()]) { try { f(); } catch (e2) { console.error(e2.message); } }
  }
  return 3;
}
`, { kernel: k });
    expect({ stdout: r.stdout, stderr: r.stderr, status: r.status, made: workers.made }).toEqual({
      stdout: 'new image\n', stderr: '', status: 0, made: 1,
    });
  });

  it('a set-user-ID exec takes a fresh Worker, which no code of the old program ever ran in', async () => {
    const workers = counted();
    const k = boot({ poolSize: 0, workers, realtime: true, users: [{ name: 'alice', uid: 1000, gid: 1000 }] });
    kernels.push(k);
    const root = k.rootContext();
    const f = k.vfs.open(root, '/tmp/whoami', 0o1101, 0o4755);
    k.vfs.write(f, new TextEncoder().encode("#!posixbox\nimport os from 'posixbox/os';\nexport function main() { console.log(os.geteuid()); return 0; }\n"), root.creds);
    k.vfs.close(f);
    const r = await run(`import os from 'posixbox/os';\nexport function main() { os.execv('/tmp/whoami', ['whoami']); }\n`,
      { kernel: k, uid: 1000, gid: 1000 });
    expect({ stdout: r.stdout, status: r.status, made: workers.made }).toEqual({ stdout: '0\n', status: 0, made: 2 });
  });

  it('the pool keeps at most eight Workers after a burst of processes', async () => {
    const { k, workers } = kernel();
    const r = await run(withChild('#!posixbox\nimport { time } from \'posixbox/os\';\nexport function main() { time.sleep(0.3); return 0; }\n', `
      const pids = [];
      for (let i = 0; i < 20; i++) pids.push(os.posix_spawn('/tmp/child', ['child'], os.environ));
      for (const pid of pids) os.waitpid(pid, 0);
      console.log('done');`), { kernel: k });
    expect([r.stdout, r.status]).toEqual(['done\n', 0]);
    expect(workers.made).toBe(21);
    expect(k.idleWorkers).toBeLessThanOrEqual(8);
    expect(workers.stopped).toBeGreaterThanOrEqual(21 - 8 - 1);
  });

  it('deterministic mode: the same run gives the same output whichever Worker each process lands in', async () => {
    const prog = withChild("#!posixbox\nimport os from 'posixbox/os';\nexport function main(argv) { console.log(argv[1], Math.random().toFixed(6), Date.now(), os.getpid()); return 0; }\n", `
      for (let i = 0; i < 6; i++) { os.waitpid(os.posix_spawn('/tmp/child', ['child', String(i)], os.environ), 0); }
      for (let i = 0; i < 3; i++) { const pid = os.fork(); if (pid === 0) { console.log('fork', i, Math.random().toFixed(6)); os._exit(0); } os.waitpid(pid, 0); }`);
    const outs: string[] = [];
    for (let round = 0; round < 2; round++) {
      const { k } = kernel({ realtime: false });
      outs.push((await run(prog, { kernel: k })).stdout);
    }
    const fresh = boot({ poolSize: 4 });
    kernels.push(fresh);
    outs.push((await run(prog, { kernel: fresh })).stdout);
    expect(outs[0]!.split('\n').length).toBe(10);
    expect(outs[1]).toBe(outs[0]);
    expect(outs[2]).toBe(outs[0]);
  });
});
