/**
 * Resource limits that hold (issue 9), memory: a program allocating ArrayBuffers without end
 * (touched or not) is killed by the kernel's OOM killer (kernel/oom.ts) with SIGKILL and the
 * kernel log's line `Out of memory: Killed process N (name)`, at the host threshold or at its
 * RLIMIT_AS; the kernel and the other processes go on; the host's resident memory stays under
 * HOST_BOUND (sampled every 5 ms, resources.ts). Each row asserts whole outputs and statuses.
 */
import { describe, expect, it } from 'vitest';
import { PROGRAMS } from '#programs';
import type { NodeBootOptions } from '../../src/index.js';
import type { FileSpec } from '../../src/kernel/setup.js';
import { nodeWorkers } from '../../src/proc/node-worker.js';
import { HOST_BOUND, kernel, peak, ROOT_ID, run } from './resources.js';

describe('memory: the OOM killer ends a program that allocates without end, and nothing else', () => {
  const hog = (alloc: string): string => `#!posixbox
import os from 'posixbox/os';
export function main() {
  console.log('hog ' + os.getpid());
  const a = [];
  for (;;) a.push(${alloc});
}
`;
  const FILES: readonly FileSpec[] = [
    { path: '/usr/local/bin/hog', mode: '0755', content: hog('new ArrayBuffer(64 << 20)') },
    { path: '/usr/local/bin/toucher', mode: '0755', content: hog('new Uint8Array(64 << 20).fill(1)') },
  ];
  const ALICE_ID = 'uid=1000(alice) gid=1000(alice) groups=1000(alice),100(users),1002(students)\n';
  /** `below`: the host's peak during the row stays under this (the per-process limits act long before the host's threshold). */
  const rows: ReadonlyArray<{ name: string; boot?: NodeBootOptions; script: string; hog: string; below: number }> = [
    { name: 'untouched ArrayBuffers: the address space passes the per-process limit (16 GiB)', script: 'hog', hog: 'hog', below: 2 ** 30 },
    { name: 'touched pages: the host passes the OOM threshold (1 GiB resident beyond the files)', script: 'toucher', hog: 'toucher', below: HOST_BOUND },
    { name: 'touched pages under ulimit -v 262144 (RLIMIT_AS 256 MiB)', script: 'ulimit -v 262144; toucher', hog: 'toucher', below: 2 ** 30 },
    { name: 'untouched under ulimit -v 1048576 (RLIMIT_AS 1 GiB)', script: 'ulimit -v 1048576; hog', hog: 'hog', below: 2 ** 30 },
    { name: 'in real time too', boot: { realtime: true }, script: 'toucher', hog: 'toucher', below: HOST_BOUND },
    { name: 'a lower OOM threshold (oomThreshold 768 MiB)', boot: { oomThreshold: 768 * 2 ** 20 }, script: 'toucher', hog: 'toucher', below: 1.25 * 2 ** 30 },
  ];
  for (const r of rows) {
    it(r.name, async () => {
      const { k, diag } = kernel({ files: FILES, ...r.boot });
      try {
        const t0 = performance.now();
        const got = await run(k, 'alice', { sh: `sleep 2 & ${r.script}; echo "status $?"; wait; echo "sleep: $?"; id` });
        const pid = /^hog (\d+)\n/.exec(got.stdout)?.[1];
        expect(got).toEqual({ stdout: `hog ${pid}\nstatus 137\nsleep: 0\n${ALICE_ID}`, stderr: 'Killed\n', status: 0 });
        expect(diag).toEqual([`Out of memory: Killed process ${pid} (${r.hog})\n`]);
        expect(await run(k, 'root', { sh: 'id' })).toEqual({ stdout: ROOT_ID, stderr: '', status: 0 });
        expect(k.bugs).toEqual([]);
        expect(peak.rss).toBeLessThan(r.below);
        console.log(r.name, Math.round(performance.now() - t0), 'ms; host peak', Math.round(peak.rss / 2 ** 20), 'MiB');
      } finally {
        await k.shutdownAndWait();
      }
    }, 60_000);
  }

  it('the line goes to the victim\'s controlling terminal too', async () => {
    const { k, diag } = kernel({ files: FILES });
    try {
      const pty = k.openpty({ uid: 1000 });
      let screen = '';
      pty.onOutput((b) => { screen += new TextDecoder().decode(b); });
      const h = k.spawn({
        program: { source: PROGRAMS['sh']!, path: '/bin/sh' }, argv: ['sh', '-c', 'toucher; echo "status $?"'],
        env: ['PATH=/usr/local/bin:/usr/bin:/bin'], uid: 1000, gid: 1000, cwd: '/home/alice',
        stdio: [{ kind: 'tty', pty }, { kind: 'tty', pty }, { kind: 'tty', pty }],
      });
      expect(await h.exited).toBe(0);
      const pid = /^hog (\d+)\r\n/.exec(screen)?.[1];
      expect(screen).toBe(`hog ${pid}\r\nOut of memory: Killed process ${pid} (toucher)\r\nKilled\r\nstatus 137\r\n`);
      expect(diag).toEqual([`Out of memory: Killed process ${pid} (toucher)\n`]);
      expect(peak.rss).toBeLessThan(HOST_BOUND);
    } finally {
      await k.shutdownAndWait();
    }
  }, 60_000);

  it('the kernel holds at most a sixth of the threshold in fork records: the largest go, their forks are ENOMEM (4 × 60 MiB, 100 MiB: one stays)', async () => {
    const { k } = kernel({ realtime: true, oomThreshold: 600 * 2 ** 20 });
    try {
      expect(await run(k, 'alice', { program: `import os, { time } from 'posixbox/os';
export function main() {
  const [r1, w1] = os.pipe(), [r2, w2] = os.pipe();
  const kids = [];
  for (let i = 0; i < 4; i++) {
    const pid = os.fork();
    if (pid === 0) {
      const fd = os.open('/dev/zero', os.O_RDONLY);
      for (let n = 0; n < 60 << 20; n += os.read(fd, 1 << 18).length);
      os.write(w1, 'r');
      os.read(r2, 1);
      try { const c = os.fork(); if (c === 0) os._exit(0); os.waitpid(c, 0); os._exit(0); } catch (e) { os._exit(e.errno); }
    }
    kids.push(pid);
  }
  for (let i = 0; i < 4; i++) os.read(r1, 1);
  time.sleep(0.3);
  os.write(w2, 'gggg');
  console.log(kids.map((pid) => os.WEXITSTATUS(os.waitpid(pid, 0)[1])).sort().join(' '));
  return 0;
}
` })).toEqual({ stdout: '0 12 12 12\n', stderr: '', status: 0 });
      expect(k.bugs).toEqual([]);
    } finally {
      await k.shutdownAndWait();
    }
  }, 60_000);

  it('a Worker that dies of its JavaScript heap limit is an OOM kill too, not a kernel bug (64 MiB heaps here)', async () => {
    const { k, diag } = kernel({ workers: nodeWorkers(undefined, 64), files: [{ path: '/usr/local/bin/heap', mode: '0755', content:
      hog(`{ n: a.length, s: 'x'.repeat(50) + a.length }`) }] });
    try {
      const got = await run(k, 'alice', { sh: 'heap; echo "status $?"' });
      const pid = /^hog (\d+)\n/.exec(got.stdout)?.[1];
      expect(got).toEqual({ stdout: `hog ${pid}\nstatus 137\n`, stderr: 'Killed\n', status: 0 });
      expect(diag).toEqual([`Out of memory: Killed process ${pid} (heap)\n`]);
      expect(k.bugs).toEqual([]);
    } finally {
      await k.shutdownAndWait();
    }
  }, 60_000);

  it('in real time beside a program that only computes, the one that touches the memory is chosen', async () => {
    const { k, diag } = kernel({ realtime: true, files: [...FILES, { path: '/usr/local/bin/spin', mode: '0755', content:
      '#!posixbox\nimport os from \'posixbox/os\';\nexport function main() { os.getpid(); for (;;); }\n' }] });
    try {
      const got = await run(k, 'alice', { sh: 'spin & s=$!; sleep 1; toucher; echo "toucher $?"; kill -9 $s; wait $s; echo "spin $?"' });
      const pid = /^hog (\d+)\n/.exec(got.stdout)?.[1];
      expect(got).toEqual({ stdout: `hog ${pid}\ntoucher 137\nspin 137\n`, stderr: 'Killed\nKilled\n', status: 0 });
      expect(diag).toEqual([`Out of memory: Killed process ${pid} (toucher)\n`]);
      expect(peak.rss).toBeLessThan(HOST_BOUND);
    } finally {
      await k.shutdownAndWait();
    }
  }, 60_000);
  it('a full filesystem is not a program\'s memory: 400 MiB of files under a 256 MiB threshold kill nobody (last: its files stay in the host a while)', async () => {
    const { k, diag } = kernel({ fsSize: 500 * 2 ** 20, oomThreshold: 256 * 2 ** 20 });
    try {
      expect(await run(k, 'alice', { program: `import os, { time } from 'posixbox/os';
export function main() {
  const chunk = new Uint8Array(1 << 18).fill(7);
  const used = () => { const v = os.statvfs('.'); return (v.f_blocks - v.f_bfree) * v.f_frsize; };
  const before = used();
  for (let f = 0; f < 4; f++) {
    const fd = os.open('big' + f, os.O_WRONLY | os.O_CREAT, 0o644);
    for (let n = 0; n < 100 << 20; n += os.write(fd, chunk));
    os.close(fd);
  }
  time.sleep(0.5);
  console.log('wrote ' + (used() - before) / 2 ** 20 + ' MiB');
  return 0;
}
` })).toEqual({ stdout: 'wrote 400 MiB\n', stderr: '', status: 0 });
      expect(diag).toEqual([]);
      expect(peak.rss).toBeLessThan(HOST_BOUND);
    } finally {
      await k.shutdownAndWait();
    }
  }, 60_000);
});
