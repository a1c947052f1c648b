/** Process calls: fork, execve, wait4, kill, process groups and sessions, rlimits, posix_spawn. */
import { EACCES, EINVAL, EPERM, ESRCH } from '../abi/errno.js';
import { NSIG } from '../abi/signal.js';
import { OPEN_MAX } from '../abi/fcntl.js';
import { SysError } from '../errors.js';
import { full, NO_REPLY, partial, type Result, type SyscallEntry } from '../syscall.js';
import { commitExec, loadImage } from '../../proc/exec.js';
import { fork, wait4 } from '../../proc/lifecycle.js';
import { DEFAULT_CORE_LIMIT, maySignal, RLIMIT_CORE, sendSignal } from '../../proc/signal-deliver.js';
import { spawnProcess } from '../../proc/spawn.js';
import type { Kernel } from '../kernel.js';
import type { Process } from '../../proc/process.js';

export const RLIMIT_NOFILE = 7;
export const RLIMIT_NPROC = 6;
export const RLIM_INFINITY = -1;

const decoder = new TextDecoder();

/** NUL-terminated strings (argv, envp) as the client sends them, back to back. */
export function splitStrings(bytes: Uint8Array): string[] {
  const s = decoder.decode(bytes.slice());
  return s === '' ? [] : s.split('\0').slice(0, -1);
}

/** kill(2): pid > 0 one process, 0 the caller's group, -1 everyone it may signal, < -1 a group. */
function kill(k: Kernel, p: Process, pid: number, sig: number): number {
  if (!Number.isInteger(sig) || sig < 0 || sig >= NSIG) throw new SysError(EINVAL);
  let targets: Process[];
  if (pid > 0) {
    const t = k.procs.get(pid);
    if (!t) throw new SysError(ESRCH);
    targets = [t];
  } else {
    const all = [...k.procs.values()].filter((q) => q !== k.init).sort((a, b) => a.pid - b.pid);
    if (pid === 0) targets = all.filter((q) => q.pgid === p.pgid);
    else if (pid === -1) targets = all.filter((q) => q !== p); // never init, never the caller
    else targets = all.filter((q) => q.pgid === -pid);
    if (targets.length === 0) throw new SysError(ESRCH);
  }
  const allowed = targets.filter((t) => maySignal(p, t, sig));
  if (allowed.length === 0) throw new SysError(EPERM);
  for (const t of allowed) sendSignal(k, t, sig);
  return 0;
}

function setpgid(k: Kernel, p: Process, pid: number, pgid: number): number {
  if (pgid < 0) throw new SysError(EINVAL);
  const target = pid === 0 ? p : k.procs.get(pid);
  if (!target || (target !== p && target.parent !== p)) throw new SysError(ESRCH);
  if (target !== p && target.execed) throw new SysError(EACCES);
  if (target.sid !== p.sid) throw new SysError(EPERM);
  if (target.pid === target.sid) throw new SysError(EPERM);
  const group = pgid === 0 ? target.pid : pgid;
  if (group !== target.pid && ![...k.procs.values()].some((q) => q.pgid === group && q.sid === p.sid && q.state !== 'Z')) {
    throw new SysError(EPERM);
  }
  target.pgid = group;
  return 0;
}

function processOr(k: Kernel, p: Process, pid: number): Process {
  const t = pid === 0 ? p : k.procs.get(pid);
  if (!t || t === k.init && pid !== 1) throw new SysError(ESRCH);
  return t;
}

/**
 * getrlimit/setrlimit/prlimit64. RLIMIT_NPROC is enforced by fork and posix_spawn, RLIMIT_AS and
 * RLIMIT_DATA by the OOM killer (kernel/oom.ts: SIGKILL, not a failed allocation), RLIMIT_FSIZE by write and
 * truncate (SIGXFSZ, EFBIG), RLIMIT_NOFILE by the descriptor table (at most OPEN_MAX, its size),
 * RLIMIT_CORE (0 by default) decides the "core dumped" flag; the rest are kept (inherited by children, kept across exec) but not enforced.
 */
function prlimit(p: Process, resource: number, setSoft: number, setHard: number, set: boolean): Result {
  if (!Number.isInteger(resource) || resource < 0 || resource > 15) throw new SysError(EINVAL);
  const current: readonly [number, number] = resource === RLIMIT_NPROC ? p.nprocLimit
    : resource === RLIMIT_NOFILE ? p.limits.get(resource) ?? [OPEN_MAX, OPEN_MAX]
      : resource === RLIMIT_CORE ? p.limits.get(resource) ?? DEFAULT_CORE_LIMIT
        : p.limits.get(resource) ?? [RLIM_INFINITY, RLIM_INFINITY];
  const answer = { value: 0, nums: [...current] };
  if (!set) return answer;
  const above = (a: number, b: number): boolean => a !== b && (a === RLIM_INFINITY || (b !== RLIM_INFINITY && a > b));
  if (above(setSoft, setHard)) throw new SysError(EINVAL);
  if (above(setHard, current[1]) && p.creds.euid !== 0) throw new SysError(EPERM);
  if (resource === RLIMIT_NPROC) p.nprocLimit = [setSoft, setHard];
  else if (resource === RLIMIT_NOFILE) {
    if (above(setHard, OPEN_MAX)) throw new SysError(EPERM); // fs.nr_open: the table's size
    p.limits.set(resource, [setSoft, setHard]);
    p.fds.limit = setSoft;
  } else p.limits.set(resource, [setSoft, setHard]);
  return answer;
}

export const processCalls: ReadonlyArray<readonly [number, SyscallEntry]> = [
  [57, full('fork', [], (k, p) => fork(k, p, p.requestDigest))],
  [59, full('execve', ['str', 'str', 'str'], (k, p, a) => {
    const loaded = loadImage(k, k.fsContext(p), a.str(0), splitStrings(a.bytes(1)));
    commitExec(k, p, loaded, splitStrings(a.bytes(2)));
    return NO_REPLY;
  })],
  [61, partial('wait4', ['int', 'int'], (k, p, a) => wait4(k, p, a.int(0), a.int(1)),
    'resource usage is reported as zeros: the kernel does not account CPU time')],
  [62, full('kill', ['int', 'int'], (k, p, a) => kill(k, p, a.int(0), a.int(1)))],
  [109, full('setpgid', ['int', 'int'], (k, p, a) => setpgid(k, p, a.int(0), a.int(1)))],
  [111, full('getpgrp', [], (_k, p) => p.pgid)],
  [121, full('getpgid', ['int'], (k, p, a) => processOr(k, p, a.int(0)).pgid)],
  [124, full('getsid', ['int'], (k, p, a) => processOr(k, p, a.int(0)).sid)],
  [112, full('setsid', [], (k, p) => {
    if ([...k.procs.values()].some((q) => q.pgid === p.pid && q.state !== 'Z')) throw new SysError(EPERM);
    p.sid = p.pid;
    p.pgid = p.pid;
    return p.pid;
  })],
  [302, partial('prlimit64', ['int', 'int', 'int', 'int'], (_k, p, a) => prlimit(p, a.int(0), a.int(1), a.int(2), a.int(3) === 1),
    'RLIMIT_NPROC, RLIMIT_FSIZE and RLIMIT_NOFILE are enforced, RLIMIT_AS and RLIMIT_DATA by SIGKILL (oom.ts); the others are kept but not enforced')],
  [1002, full('posix_spawn', ['str', 'str', 'str', 'str', 'int', 'int'], (k, p, a) =>
    spawnProcess(k, p, a.str(0), splitStrings(a.bytes(1)), splitStrings(a.bytes(2)), a.str(3), a.int(4), a.int(5)))],
];
