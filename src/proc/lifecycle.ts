/**
 * fork, exit and wait (Linux's kernel/fork.c, exit.c): creating a child that replays its parent's
 * record, ending a process into a zombie that its parent reaps, re-parenting orphans to init.
 */
import { EAGAIN, ECHILD, EINVAL, ENOMEM } from '../kernel/abi/errno.js';
import { SIGCHLD, SIGCONT, SIGHUP } from '../kernel/abi/signal.js';
import { controllingTty, isOrphanedPgrp, signalGroup } from './jobctl.js';
import { SysError } from '../kernel/errors.js';
import { Park, type Reply, type Result } from '../kernel/syscall.js';
import type { Kernel } from '../kernel/kernel.js';
import { Process } from './process.js';
import { sendSignal } from './signal-deliver.js';
import { SyscallLog, type LogEntry } from './syscall-log.js';

export const WNOHANG = 1;
export const WUNTRACED = 2;
export const WCONTINUED = 8;
export const WALL = 0x40000000;
export const WCLONE = 0x80000000;

/**
 * Processes in the whole system, whatever their owner (Linux's kernel.threads-max): a fork or
 * posix_spawn beyond this is EAGAIN, for root too. Each process is a Worker thread of the host
 * (~14 MB idle, measured: a shell waiting on a sleep), so a fork bomb by root stays under ~2 GiB;
 * boot option `maxProcesses`.
 */
export const DEFAULT_MAX_PROCESSES = 128;

/** How many live or zombie processes a real uid has (what RLIMIT_NPROC counts). */
function processesOf(k: Kernel, ruid: number): number {
  let n = 0;
  for (const q of k.procs.values()) if (q !== k.init && q.creds.ruid === ruid) n++;
  return n;
}

/**
 * fork(2): a copy of the parent — credentials, cwd, umask, signal dispositions and mask, the
 * same open file descriptions — whose new Worker replays the parent's record up to this call.
 */
/**
 * Whether `parent` may make one more process — every way of making one (fork, posix_spawn)
 * checks here, as Linux's copy_process does: EAGAIN when the system holds maxProcesses
 * (threads-max), or when the real uid's processes (zombies included) reach RLIMIT_NPROC,
 * unless the caller is root (INIT_USER, CAP_SYS_RESOURCE).
 */
export function checkNewProcess(k: Kernel, parent: Process): void {
  if (k.procs.size - 1 >= (k.options.maxProcesses ?? DEFAULT_MAX_PROCESSES)) throw new SysError(EAGAIN);
  const { euid, ruid } = parent.creds;
  if (euid !== 0 && ruid !== 0 && processesOf(k, ruid) >= parent.nprocLimit[0]) throw new SysError(EAGAIN);
}

export function fork(k: Kernel, parent: Process, forkDigest: number): number {
  if (parent.log.overflowed) throw new SysError(ENOMEM);
  checkNewProcess(k, parent);
  const pid = k.allocPid();
  const child = new Process(pid, parent, parent.creds, parent.cwd, parent.root, parent.umask, parent.fds.clone(),
    parent.argv, parent.env, parent.login, k.clock.now(), undefined);
  child.image = parent.image;
  child.seed = parent.seed;
  child.signals = parent.signals.clone();
  child.pgid = parent.pgid;
  child.sid = parent.sid;
  child.nprocLimit = [...parent.nprocLimit];
  child.limits = new Map(parent.limits);
  const forkEntry: LogEntry = { nr: parent.requestNr, digest: forkDigest, errno: 0, value: 0, nums: undefined, out: undefined, sig: 0 };
  child.log = parent.log.fork(forkEntry);
  // The Worker answers the record's calls itself; the kernel answers only the fork.
  child.replay = { entries: [forkEntry], pos: 0, shipped: parent.log.entries.slice() };
  parent.children.add(child);
  k.procs.set(pid, child);
  k.startWorker(child);
  return pid;
}

/** End p with a POSIX wait status: a zombie until reaped; descriptors closed; children to init. */
export function exitProcess(k: Kernel, p: Process, status: number): void {
  if (p.state === 'Z') return;
  const wasParked = p.parked;
  p.state = 'Z';
  p.exitStatus = status;
  p.parked = undefined;
  wasParked?.cancel?.();
  p.alarm?.cancel();
  p.alarm = undefined;
  p.worker?.terminate();
  p.worker = undefined;
  p.log = new SyscallLog();
  p.replay = undefined;
  p.fds.closeAll();
  hangUpSession(k, p);
  const groups = new Set([p.pgid, ...[...p.children].map((c) => c.pgid)]);
  for (const c of p.children) {
    c.parent = k.init;
    k.init.children.add(c);
  }
  p.children.clear();
  for (const g of groups) hangUpOrphanedGroup(k, p, g);
  for (const w of p.exitWatchers.splice(0)) w(status);
  k.server.released(p);
  const parent = p.parent;
  if (parent && parent !== k.init) {
    parent.childEvents.wakeAll();
    sendSignal(k, parent, SIGCHLD);
  }
  reapOrphans(k);
  k.scheduler.exited(p);
}

/**
 * A session leader's exit (Linux's disassociate_ctty on exit, for a pseudo-terminal): the
 * foreground group of its controlling terminal gets SIGHUP, and the terminal belongs to no
 * session any more.
 */
function hangUpSession(k: Kernel, p: Process): void {
  if (p.pid !== p.sid) return;
  const tty = controllingTty(k, p);
  if (!tty) return;
  const fg = tty.pgrp;
  tty.session = undefined;
  tty.pgrp = undefined;
  if (fg !== undefined) signalGroup(k, fg, SIGHUP);
}

/**
 * POSIX (Linux's kill_orphaned_pgrp): a group that p's exit leaves orphaned — p's own, or a
 * child's — with a stopped member gets SIGHUP then SIGCONT, since nobody is left to continue it.
 * `pgid` was, before the exit, a group with a link (p, or p as a child's parent) to another group
 * of the same session.
 */
function hangUpOrphanedGroup(k: Kernel, p: Process, pgid: number): void {
  const parentLink = pgid === p.pgid
    ? p.parent !== undefined && p.parent !== k.init && p.parent.pgid !== pgid && p.parent.sid === p.sid
    : pgid !== p.pgid && [...k.procs.values()].some((q) => q.pgid === pgid && q.sid === p.sid);
  if (!parentLink || !isOrphanedPgrp(k, pgid)) return;
  const members = [...k.procs.values()].filter((q) => q.pgid === pgid && q.state !== 'Z' && q !== k.init);
  if (!members.some((q) => q.state === 'T')) return;
  signalGroup(k, pgid, SIGHUP);
  signalGroup(k, pgid, SIGCONT);
}

/** init (pid 1) reaps every zombie child it has at once. */
export function reapOrphans(k: Kernel): void {
  for (const c of [...k.init.children]) {
    if (c.state === 'Z') {
      k.init.children.delete(c);
      k.procs.delete(c.pid);
    }
  }
}

function matches(p: Process, c: Process, pid: number): boolean {
  if (pid > 0) return c.pid === pid;
  if (pid === -1) return true;
  if (pid === 0) return c.pgid === p.pgid;
  return c.pgid === -pid;
}

/**
 * wait4(2): report a child that exited (reaping it), stopped (WUNTRACED) or continued
 * (WCONTINUED), in pid order; 0 with WNOHANG if none is ready; ECHILD if none matches.
 * The answer's numbers are [status, then rusage: utime s, µs, stime s, µs].
 */
export function wait4(k: Kernel, p: Process, pid: number, options: number): Result {
  if (options & ~(WNOHANG | WUNTRACED | WCONTINUED | WALL | WCLONE)) throw new SysError(EINVAL);
  const check = (): Result => {
    const kids = [...p.children].filter((c) => matches(p, c, pid)).sort((a, b) => a.pid - b.pid);
    if (kids.length === 0) throw new SysError(ECHILD);
    for (const c of kids) {
      if (c.state === 'Z') {
        p.children.delete(c);
        k.procs.delete(c.pid);
        return reply(c.pid, c.exitStatus ?? 0);
      }
      if (options & WUNTRACED && c.stopReport !== undefined) {
        const sig = c.stopReport;
        c.stopReport = undefined;
        return reply(c.pid, (sig << 8) | 0x7f);
      }
      if (options & WCONTINUED && c.continueReport) {
        c.continueReport = false;
        return reply(c.pid, 0xffff);
      }
    }
    if (options & WNOHANG) return reply(0, 0);
    p.childEvents.add(() => k.scheduler.wake(p));
    return new Park('wait4', check);
  };
  return check();
}

function reply(pid: number, status: number): Reply {
  return { value: pid, nums: [status, 0, 0, 0, 0] };
}
