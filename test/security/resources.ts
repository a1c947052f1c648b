/**
 * What the resource tables (resources.test.ts, resources-memory.test.ts) share: a kernel per row
 * with its diagnostics collected, running a program or `/bin/sh -c` as a user to its end, and
 * the host's resident memory sampled every 5 ms (its peak per row, against HOST_BOUND).
 */
import { afterAll, beforeEach } from 'vitest';
import { PROGRAMS } from '#programs';
import { boot, type NodeBootOptions } from '../../src/index.js';
import type { Kernel } from '../../src/kernel/kernel.js';
import { DEFAULT_SYSTEM } from '../../src/cli/default-system.js';
import { runOn } from '../run-on.js';

/** The host process's resident memory must stay below this, whatever the programs do. */
export const HOST_BOUND = 2 * 2 ** 30;

export const WHO = {
  root: { uid: 0, gid: 0, groups: [0], cwd: '/root', login: 'root' },
  alice: { uid: 1000, gid: 1000, groups: [1000, 100, 1002], cwd: '/home/alice', login: 'alice' },
} as const;

export interface Ran {
  readonly stdout: string;
  readonly stderr: string;
  readonly status: number;
}

/** The most resident memory the host had while the current row ran. */
export const peak = { rss: 0 };
const sampler = setInterval(() => { peak.rss = Math.max(peak.rss, process.memoryUsage.rss()); }, 5);
beforeEach(() => { peak.rss = process.memoryUsage.rss(); });
afterAll(() => clearInterval(sampler));

/** A kernel for one table, with its diagnostics collected. */
export function kernel(o: NodeBootOptions = {}): { k: Kernel; diag: string[] } {
  const diag: string[] = [];
  const k = boot({ ...DEFAULT_SYSTEM, poolSize: 2, onDiagnostic: (m) => diag.push(m), ...o });
  return { k, diag };
}

/** Run a program (source) or, given `sh`, `/bin/sh -c sh`, as `who`; resolve at exit and output's EOF. */
export function run(k: Kernel, who: keyof typeof WHO, what: { program: string } | { sh: string }): Promise<Ran> {
  const id = WHO[who];
  return runOn(k, {
    program: 'sh' in what ? { source: PROGRAMS['sh']!, path: '/bin/sh' } : { source: what.program, path: 'prog.js' },
    argv: 'sh' in what ? ['sh', '-c', what.sh] : ['prog.js'],
    env: ['PATH=/usr/local/bin:/usr/bin:/bin', `HOME=${id.cwd}`, 'LC_ALL=C'],
    uid: id.uid, gid: id.gid, groups: id.groups, cwd: id.cwd, login: id.login,
  });
}

export const ROOT_ID = 'uid=0(root) gid=0(root) groups=0(root)\n';
