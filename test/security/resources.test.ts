/**
 * Resource limits that hold (issue 9), processes and files: each row runs a program or a
 * `/bin/sh -c` script as a user on a kernel booted for it, and asserts its whole stdout, stderr
 * and exit status; the host's resident memory is sampled throughout (resources.ts).
 *
 * - RLIMIT_NPROC on every way of making a process (fork, posix_spawn, os.spawnv, the shell's
 *   subshells and pipelines): EAGAIN as Linux's copy_process gives it, root exempt; the system's
 *   process cap (threads-max) for everyone; sh says `Cannot fork` as dash does;
 * - the filesystem's size (tmpfs's size=): ENOSPC, a short write where part fits, every earlier
 *   file intact, and statvfs totals that add up (used blocks = Σ files' pages).
 *
 * Memory (the OOM killer, RLIMIT_AS) is resources-memory.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { parseSize, UsageError } from '../../src/cli/args.js';
import type { NodeBootOptions } from '../../src/index.js';
import { HOST_BOUND, kernel, peak, ROOT_ID, run, type WHO } from './resources.js';

describe('RLIMIT_NPROC and the process cap: EAGAIN on every way of making a process', () => {
  /** A program that makes processes with `make()` until it fails, then kills and reaps them. */
  const bomb = (limit: number, make: string): string => `import os, { resource, signal, time } from 'posixbox/os';
export function main() {
  ${limit > 0 ? `resource.setrlimit(resource.RLIMIT_NPROC, [${limit}, ${limit}]);` : ''}
  const pids = [];
  for (let i = 0; i < 15; i++) {
    let pid;
    try { pid = ${make}; } catch (e) { console.log('made ' + pids.length + ', then ' + e); break; }
    if (pid === 0) { time.sleep(100); os._exit(0); }
    pids.push(pid);
  }
  if (pids.length === 15) console.log('made 15');
  for (const pid of pids) os.kill(pid, signal.SIGKILL);
  for (const pid of pids) os.waitpid(pid, 0);
  return 0;
}
`;
  const SPAWN = `os.posix_spawn('/bin/sleep', ['sleep', '100'], os.environ)`;
  const EAGAIN = '[Errno 11] Resource temporarily unavailable';
  const rows: ReadonlyArray<{ name: string; who: keyof typeof WHO; boot?: NodeBootOptions; program: string; stdout: string }> = [
    { name: 'posix_spawn loop as alice, RLIMIT_NPROC 10: the 10th process is refused', who: 'alice',
      program: bomb(10, SPAWN), stdout: `made 9, then ${EAGAIN}\n` },
    { name: 'fork loop as alice, RLIMIT_NPROC 10', who: 'alice',
      program: bomb(10, 'os.fork()'), stdout: `made 9, then ${EAGAIN}\n` },
    { name: 'os.spawnv(P_NOWAIT) loop as alice, RLIMIT_NPROC 10', who: 'alice',
      program: bomb(10, `os.spawnv(os.P_NOWAIT, '/bin/sleep', ['sleep', '100'])`), stdout: `made 9, then ${EAGAIN}\n` },
    { name: 'root is exempt from RLIMIT_NPROC (CAP_SYS_RESOURCE)', who: 'root',
      program: bomb(10, SPAWN), stdout: 'made 15\n' },
    { name: 'the process cap (maxProcesses 12) holds for root too', who: 'root', boot: { maxProcesses: 12 },
      program: bomb(0, SPAWN), stdout: `made 11, then ${EAGAIN}\n` },
    { name: 'the process cap holds for fork', who: 'root', boot: { maxProcesses: 12 },
      program: bomb(0, 'os.fork()'), stdout: `made 11, then ${EAGAIN}\n` },
  ];
  for (const r of rows) {
    it(r.name, async () => {
      const { k } = kernel(r.boot);
      try {
        expect(await run(k, r.who, { program: r.program })).toEqual({ stdout: r.stdout, stderr: '', status: 0 });
        expect(await run(k, 'root', { sh: 'id' })).toEqual({ stdout: ROOT_ID, stderr: '', status: 0 });
        expect(k.bugs).toEqual([]);
        expect(peak.rss).toBeLessThan(HOST_BOUND);
      } finally {
        await k.shutdownAndWait();
      }
    }, 60_000);
  }

  for (const realtime of [true, false]) {
    it(`a shell bomb as alice (ulimit -p 10) gets \`Cannot fork\`; root's shell answers during and after (${realtime ? 'real time' : 'deterministic'})`, async () => {
      const { k } = kernel({ realtime });
      try {
        const alices = (): number => k.ps().filter((p) => p.uid === 1000).length;
        let most = 0;
        const count = setInterval(() => { most = Math.max(most, alices()); }, 2);
        const bombing = run(k, 'alice', { sh: 'ulimit -p 10; bomb(){ bomb|bomb& };bomb' });
        const started = performance.now();
        while (most < 10 && performance.now() - started < 30_000) await new Promise((r) => setTimeout(r, 20));
        const t0 = performance.now();
        expect(await run(k, 'root', { sh: 'id' })).toEqual({ stdout: ROOT_ID, stderr: '', status: 0 });
        console.log(realtime ? 'real time:' : 'deterministic:', 'root id during the bomb', Math.round(performance.now() - t0), 'ms; bomb reached', most, 'after', Math.round(t0 - started), 'ms');
        expect(await run(k, 'root', { sh: 'kill -9 -1' })).toEqual({ stdout: '', stderr: '', status: 0 });
        const r = await bombing;
        clearInterval(count);
        expect(r.stdout).toBe('');
        expect(r.status).toBe(0);
        const lines = r.stderr.split('\n');
        expect(lines.pop()).toBe('');
        expect(lines.length).toBeGreaterThan(0);
        expect(new Set(lines)).toEqual(new Set(['sh: 1: Cannot fork']));
        expect(most).toBe(10);
        expect(alices()).toBe(0);
        expect(await run(k, 'root', { sh: 'id' })).toEqual({ stdout: ROOT_ID, stderr: '', status: 0 });
        expect(k.bugs).toEqual([]);
        expect(peak.rss).toBeLessThan(HOST_BOUND);
      } finally {
        await k.shutdownAndWait();
      }
    }, 120_000);
  }
});

describe('the filesystem\'s size: ENOSPC, earlier files intact, statvfs totals that add up', () => {
  /** Bytes a fresh kernel without /bin already uses; the rows give it 1 MiB more. */
  const FILL = `import os from 'posixbox/os';
const show = (what) => {
  const v = os.statvfs('.');
  console.log(what + ': f_blocks=' + v.f_blocks + ' used=' + (v.f_blocks - v.f_bfree) + ' f_bavail=' + v.f_bavail +
    ' f_files=' + v.f_files + ' f_ffree=' + v.f_ffree);
};
export function main() {
  show('before');
  const sizes = [];
  for (let i = 0; ; i++) {
    const fd = os.open('f' + i, os.O_WRONLY | os.O_CREAT, 0o644);
    try {
      const n = os.write(fd, new Uint8Array(300000).fill(65 + i));
      sizes.push(n);
      if (n < 300000) {
        console.log('f' + i + ': short write of ' + n);
        try { os.write(fd, 'x'); } catch (e) { console.log('f' + i + ' again: ' + e); }
        break;
      }
    } finally {
      os.close(fd);
    }
  }
  try { os.close(os.open('g', os.O_WRONLY | os.O_CREAT, 0o644)); os.write(os.open('g', os.O_WRONLY), 'x'); } catch (e) { console.log('g: ' + e); }
  try { os.truncate('f0', 400000); } catch (e) { console.log('truncate: ' + e); }
  show('full');
  const intact = sizes.every((n, i) => {
    const fd = os.open('f' + i, os.O_RDONLY);
    let got = 0, same = true;
    for (let b = os.read(fd, 65536); b.length > 0; b = os.read(fd, 65536)) { got += b.length; same &&= b.every((c) => c === 65 + i); }
    os.close(fd);
    return got === n && same;
  });
  console.log('files ' + sizes.join(',') + ' intact: ' + intact);
  const held = os.open('f1', os.O_RDONLY);
  os.unlink('f1');
  show('f1 unlinked, still open');
  os.close(held);
  show('f1 closed');
  const fd = os.open('f1', os.O_WRONLY | os.O_CREAT, 0o644);
  console.log('rewrote ' + os.write(fd, new Uint8Array(300000).fill(66)));
  os.close(fd);
  show('after');
  return 0;
}
`;
  /** As root: the used blocks of the root filesystem against every regular file's pages on it. */
  const SUM = `import os, { stat } from 'posixbox/os';
export function main() {
  const v = os.statvfs('/');
  const dev = os.stat('/').st_dev;
  let pages = 0, files = 0;
  const visit = (dir) => {
    for (const name of os.listdir(dir)) {
      const path = (dir === '/' ? '' : dir) + '/' + name;
      const st = os.lstat(path);
      if (stat.S_ISDIR(st.st_mode)) { if (path !== '/proc') visit(path); continue; }
      if (stat.S_ISREG(st.st_mode) && st.st_dev === dev) { pages += Math.ceil(st.st_size / 4096); files++; }
    }
  };
  visit('/');
  console.log('used ' + (v.f_blocks - v.f_bfree) + ' = pages of ' + files + ' files: ' + (v.f_blocks - v.f_bfree === pages));
  console.log('f_bsize ' + v.f_bsize + ' f_frsize ' + v.f_frsize + ' f_flag ' + v.f_flag + ' f_namemax ' + v.f_namemax +
    ' f_favail=f_ffree ' + (v.f_favail === v.f_ffree) + ' f_bavail=f_bfree ' + (v.f_bavail === v.f_bfree));
  return 0;
}
`;

  it('alice fills a 1 MiB filesystem: a short write, then ENOSPC; her files are intact; space comes back', async () => {
    const probe = kernel({ binaries: {} });
    const base = probe.k.vfs.space.usedBytes;
    const inodes = probe.k.vfs.space.usedInodes;
    probe.k.shutdown();
    expect(base).toBe(4 * 4096); // /etc's passwd, group, shadow and hostname, a page each
    const { k } = kernel({ binaries: {}, fsSize: base + 2 ** 20, fsInodes: inodes + 12 });
    try {
      const blocks = (base + 2 ** 20) / 4096;
      const s = (what: string, used: number, files: number): string =>
        `${what}: f_blocks=${blocks} used=${used} f_bavail=${blocks - used} f_files=${inodes + 12} f_ffree=${inodes + 12 - files}\n`;
      expect(await run(k, 'alice', { program: FILL })).toEqual({
        stdout: s('before', 4, inodes) +
          'f3: short write of 139264\n' + // 4 + 3 × 74 pages taken, 34 left
          'f3 again: [Errno 28] No space left on device\n' +
          'g: [Errno 28] No space left on device\n' +
          'truncate: [Errno 28] No space left on device: \'f0\'\n' +
          s('full', blocks, inodes + 5) +
          'files 300000,300000,300000,139264 intact: true\n' +
          s('f1 unlinked, still open', blocks, inodes + 5) +
          s('f1 closed', blocks - 74, inodes + 4) +
          'rewrote 300000\n' +
          s('after', blocks, inodes + 5),
        stderr: '', status: 0,
      });
      expect(await run(k, 'root', { program: SUM })).toEqual({
        stdout: `used ${blocks} = pages of 9 files: true\nf_bsize 4096 f_frsize 4096 f_flag 4096 f_namemax 255 f_favail=f_ffree true f_bavail=f_bfree true\n`,
        stderr: '', status: 0,
      });
      expect(k.bugs).toEqual([]);
    } finally {
      await k.shutdownAndWait();
    }
  }, 60_000);

  it('the inode limit: creating past it is ENOSPC', async () => {
    const probe = kernel({ binaries: {} });
    const inodes = probe.k.vfs.space.usedInodes;
    probe.k.shutdown();
    const { k } = kernel({ binaries: {}, fsInodes: inodes + 3 });
    try {
      expect(await run(k, 'alice', { program: `import os from 'posixbox/os';
export function main() {
  for (const [what, f] of [['a', () => os.close(os.open('a', os.O_CREAT | os.O_WRONLY))], ['d', () => os.mkdir('d')],
    ['l', () => os.symlink('a', 'l')], ['b', () => os.close(os.open('b', os.O_CREAT | os.O_WRONLY))], ['e', () => os.mkdir('e')]]) {
    try { f(); console.log(what + ' made'); } catch (e) { console.log(what + ': ' + e); }
  }
  os.unlink('a');
  os.mkdir('e');
  console.log('e made after unlinking a; f_ffree ' + os.statvfs('.').f_ffree);
  return 0;
}
` })).toEqual({
        stdout: 'a made\nd made\nl made\nb: [Errno 28] No space left on device: \'b\'\ne: [Errno 28] No space left on device: \'e\'\n' +
          'e made after unlinking a; f_ffree 0\n',
        stderr: '', status: 0,
      });
    } finally {
      await k.shutdownAndWait();
    }
  }, 60_000);

  it('os.statvfs of /proc, os.fstatvfs of a pipe, and their errors, as CPython on Linux prints them', async () => {
    const { k } = kernel({ binaries: {} });
    try {
      expect(await run(k, 'alice', { program: `import os from 'posixbox/os';
export function main() {
  console.log(os.statvfs('/proc').__repr__());
  console.log(os.fstatvfs(os.pipe()[0]).__repr__());
  const v = os.statvfs('/home/alice'), w = os.fstatvfs(os.open('/etc/passwd', os.O_RDONLY));
  console.log('same fs: ' + (v.__repr__() === w.__repr__()));
  for (const f of [() => os.statvfs('/nonexistent'), () => os.fstatvfs(99), () => os.statvfs('/root/x')]) {
    try { f(); } catch (e) { console.log(String(e)); }
  }
  return 0;
}
` })).toEqual({
        stdout: 'os.statvfs_result(f_bsize=4096, f_frsize=4096, f_blocks=0, f_bfree=0, f_bavail=0, f_files=0, f_ffree=0, f_favail=0, f_flag=4096, f_namemax=255)\n' +
          'os.statvfs_result(f_bsize=4096, f_frsize=4096, f_blocks=0, f_bfree=0, f_bavail=0, f_files=0, f_ffree=0, f_favail=0, f_flag=0, f_namemax=255)\n' +
          'same fs: true\n' +
          "[Errno 2] No such file or directory: '/nonexistent'\n[Errno 9] Bad file descriptor\n[Errno 13] Permission denied: '/root/x'\n",
        stderr: '', status: 0,
      });
    } finally {
      await k.shutdownAndWait();
    }
  }, 60_000);

  it('with /bin installed (1 GiB default): statvfs totals add up, and the CLI\'s --fs-size parses as tmpfs\'s size=', async () => {
    const { k } = kernel();
    try {
      const r = await run(k, 'root', { program: SUM });
      expect(r.stdout).toMatch(/^used \d+ = pages of \d+ files: true\nf_bsize 4096 f_frsize 4096 f_flag 4096 f_namemax 255 f_favail=f_ffree true f_bavail=f_bfree true\n$/);
      expect(k.vfs.space.maxBytes).toBe(2 ** 30);
    } finally {
      await k.shutdownAndWait();
    }
    expect(['512M', '1G', '1g', '4096', '64k'].map((v) => parseSize('--fs-size', v))).toEqual([2 ** 29, 2 ** 30, 2 ** 30, 4096, 65536]);
    for (const bad of ['1.5G', 'big', '', '10']) expect(() => parseSize('--fs-size', bad)).toThrow(UsageError);
  }, 60_000);
});
