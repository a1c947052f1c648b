/** The same program with the same options prints the same bytes: pids, inodes, times, order. */
import { describe, expect, it } from 'vitest';
import { run } from './helpers.js';

const PROGRAM = `import os, { time } from 'posixbox/os';
export function main() {
  os.makedirs('/tmp/d/e');
  for (const n of ['b', 'a', 'c']) os.close(os.open('/tmp/d/' + n, os.O_CREAT | os.O_WRONLY, 0o644));
  time.sleep(1.5);
  os.utime('/tmp/d/a');
  const rows = [];
  for (const [dir, dirs, files] of os.walk('/')) {
    if (dir.startsWith('/proc')) { dirs.length = 0; continue; }
    for (const f of [...dirs, ...files]) {
      const s = os.lstat(dir === '/' ? '/' + f : dir + '/' + f);
      rows.push([dir, f, s.st_ino, s.st_dev, s.st_mode, s.st_nlink, s.st_size, String(s.st_atime_ns), String(s.st_mtime_ns), String(s.st_ctime_ns)].join(' '));
    }
  }
  console.log(os.getpid(), Date.now(), Math.random(), time.time());
  console.log(rows.join('\\n'));
  console.log(Array.from(os.urandom(8)).join(','));
  return 0;
}`;

describe('determinism', () => {
  it('two runs with the same options are byte for byte the same', async () => {
    const a = await run(PROGRAM, { boot: { seed: 7, nextPid: 300 } });
    const b = await run(PROGRAM, { boot: { seed: 7, nextPid: 300 } });
    a.kernel.shutdown();
    b.kernel.shutdown();
    expect(a.status).toBe(0);
    expect(a.stdout.split('\n').length).toBeGreaterThan(10);
    expect(b.stdout).toBe(a.stdout);
    expect(a.stdout.startsWith('300 946684801500 ')).toBe(true);
  });

  it('another seed changes the random numbers and nothing else', async () => {
    const a = await run(PROGRAM, { boot: { seed: 1 } });
    const b = await run(PROGRAM, { boot: { seed: 2 } });
    a.kernel.shutdown();
    b.kernel.shutdown();
    const strip = (s: string): string[] => s.split('\n').map((l, i) => (i === 0 ? l.split(' ').slice(0, 2).join(' ') : l)).slice(0, -2);
    expect(strip(b.stdout)).toEqual(strip(a.stdout));
    expect(b.stdout).not.toBe(a.stdout);
  });
});

const RACE = `import os, { time } from 'posixbox/os';
export function main() {
  const kids = [];
  for (const name of ['a', 'b', 'c']) {
    const pid = os.fork();
    if (pid === 0) {
      for (let i = 0; i < 3; i++) { console.log(name + i); time.sleep(1); }
      return 0;
    }
    kids.push(pid);
  }
  for (const k of kids) os.waitpid(k, 0);
  console.log('done at', time.time() - 946684800);
  return 0;
}`;

describe('determinism with racing children', () => {
  it('the same seed prints identical bytes on 20 consecutive runs', async () => {
    const outs = new Set<string>();
    for (let i = 0; i < 20; i++) {
      const r = await run(RACE, { boot: { seed: 42 } });
      r.kernel.shutdown();
      expect(r.status).toBe(0);
      outs.add(r.stdout);
    }
    expect(outs.size).toBe(1);
    const lines = [...outs][0]!.trim().split('\n');
    expect(lines.length).toBe(10);
    expect(lines[9]).toBe('done at 3');
  });

  it('different seeds give different interleavings, each a valid one', async () => {
    const outs = new Set<string>();
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const r = await run(RACE, { boot: { seed } });
      r.kernel.shutdown();
      const lines = r.stdout.trim().split('\n');
      // every child prints its own lines in order, and the parent finishes last
      for (const n of ['a', 'b', 'c']) expect(lines.filter((l) => l.startsWith(n))).toEqual([`${n}0`, `${n}1`, `${n}2`]);
      expect(lines[9]).toBe('done at 3');
      outs.add(r.stdout);
    }
    expect(outs.size).toBeGreaterThanOrEqual(2);
  });

  it('without a seed the lowest pid runs first (LESSONS.md §1.4)', async () => {
    const r = await run(RACE, {});
    r.kernel.shutdown();
    expect(r.stdout).toBe('a0\nb0\nc0\na1\nb1\nc1\na2\nb2\nc2\ndone at 3\n');
  });
});
