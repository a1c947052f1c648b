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
