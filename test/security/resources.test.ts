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
import { afterAll, describe, expect, it } from 'vitest';
import { PROGRAMS } from '#programs';
import { boot, type NodeBootOptions } from '../../src/index.js';
import type { Kernel } from '../../src/kernel/kernel.js';
import type { FileSpec } from '../../src/kernel/setup.js';
import { DEFAULT_SYSTEM } from '../../src/cli/default-system.js';
import { parseSize, UsageError } from '../../src/cli/args.js';

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

/** The most resident memory the host had while rows ran. */
const peak = { rss: 0 };
const sampler = setInterval(() => { peak.rss = Math.max(peak.rss, process.memoryUsage.rss()); }, 5);
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
        k.shutdown();
      }
    }, 60_000);
  }

  it('a shell bomb as alice (ulimit -p 10) gets `Cannot fork`; root\'s shell answers during and after', async () => {
    const { k } = kernel({ realtime: true });
    try {
      const alices = (): number => k.ps().filter((p) => p.uid === 1000).length;
      let most = 0;
      const count = setInterval(() => { most = Math.max(most, alices()); }, 2);
      const bombing = run(k, 'alice', { sh: 'ulimit -p 10; bomb(){ bomb|bomb& };bomb' });
      const started = performance.now();
      while (most < 10 && performance.now() - started < 30_000) await new Promise((r) => setTimeout(r, 20));
      expect(await run(k, 'root', { sh: 'id' })).toEqual({ stdout: ROOT_ID, stderr: '', status: 0 });
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
      k.shutdown();
    }
  }, 120_000);
});
