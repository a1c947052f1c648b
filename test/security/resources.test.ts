/**
 * Resource limits that hold (issue 9): each row runs a program or a `/bin/sh -c` script as a
 * user on a kernel booted for its table, and asserts its whole stdout, stderr and exit status,
 * plus the kernel's diagnostics; the host's resident memory is sampled throughout and must stay
 * under HOST_BOUND.
 *
 * - RLIMIT_NPROC on every way of making a process (fork, posix_spawn, os.spawnv, the shell's
 *   subshells and pipelines): EAGAIN as Linux's copy_process gives it, root exempt; the system's
 *   process cap (threads-max) for everyone; sh says `Cannot fork` as dash does;
 * - the filesystem's size (tmpfs's size=): ENOSPC, a short write where part fits, every earlier
 *   file intact, and statvfs totals that add up (used blocks = Σ files' pages);
 * - memory: a program allocating ArrayBuffers without end (touched or not) is killed by the OOM
 *   killer with SIGKILL and the kernel log's line, and the kernel and other processes go on.
 */
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { PROGRAMS } from '#programs';
import { boot, type NodeBootOptions } from '../../src/index.js';
import type { Kernel } from '../../src/kernel/kernel.js';
import type { FileSpec } from '../../src/kernel/setup.js';
import { DEFAULT_SYSTEM } from '../../src/cli/default-system.js';
import { parseSize, UsageError } from '../../src/cli/args.js';
import { nodeWorkers } from '../../src/proc/node-worker.js';

/** The host process's resident memory must stay below this, whatever the programs do. */
const HOST_BOUND = 2 * 2 ** 30;

const WHO = {
  root: { uid: 0, gid: 0, groups: [0], cwd: '/root', login: 'root' },
  alice: { uid: 1000, gid: 1000, groups: [1000, 100, 1002], cwd: '/home/alice', login: 'alice' },
} as const;

interface Ran {
  readonly stdout: string;
  readonly stderr: string;
  readonly status: number;
}

/** The most resident memory the host had while the current row ran. */
const peak = { rss: 0 };
const sampler = setInterval(() => { peak.rss = Math.max(peak.rss, process.memoryUsage.rss()); }, 5);
beforeEach(() => { peak.rss = process.memoryUsage.rss(); });
afterAll(() => clearInterval(sampler));

/** A kernel for one table, with its diagnostics collected. */
function kernel(o: NodeBootOptions = {}): { k: Kernel; diag: string[] } {
  const diag: string[] = [];
  const k = boot({ ...DEFAULT_SYSTEM, poolSize: 2, onDiagnostic: (m) => diag.push(m), ...o });
  return { k, diag };
}

/** Run a program (source) or, given `sh`, `/bin/sh -c sh`, as `who`; resolve at exit and output's EOF. */
async function run(k: Kernel, who: keyof typeof WHO, what: { program: string } | { sh: string }): Promise<Ran> {
  const dec = new TextDecoder();
  let stdout = '';
  let stderr = '';
  let open = 2;
  let done!: () => void;
  const ended = new Promise<void>((r) => { done = r; });
  const w1 = k.capturePipe((b) => { stdout += dec.decode(b, { stream: true }); }, () => { if (--open === 0) done(); });
  const w2 = k.capturePipe((b) => { stderr += dec.decode(b, { stream: true }); }, () => { if (--open === 0) done(); });
  const id = WHO[who];
  const h = k.spawn({
    program: 'sh' in what ? { source: PROGRAMS['sh']!, path: '/bin/sh' } : { source: what.program, path: 'prog.js' },
    argv: 'sh' in what ? ['sh', '-c', what.sh] : ['prog.js'],
    env: ['PATH=/usr/local/bin:/usr/bin:/bin', `HOME=${id.cwd}`, 'LC_ALL=C'],
    uid: id.uid, gid: id.gid, groups: id.groups, cwd: id.cwd, login: id.login,
    stdio: [{ kind: 'null' }, { kind: 'file', file: w1 }, { kind: 'file', file: w2 }],
  });
  k.vfs.close(w1);
  k.vfs.close(w2);
  const [status] = await Promise.all([h.exited, ended]);
  return { stdout, stderr, status };
}

const ROOT_ID = 'uid=0(root) gid=0(root) groups=0(root)\n';

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
