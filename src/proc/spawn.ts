/**
 * posix_spawn: create a child running another program without fork — what a shell uses to build
 * pipelines. The child gets the caller's credentials, cwd, umask, signal mask and descriptors,
 * then the file actions (open, close, dup2, chdir, tcsetpgrp) in order, then the program as execve loads
 * it. Errors in the actions or in loading are returned to the caller, and no child is left.
 * As in glibc's child, the new session (POSIX_SPAWN_SETSID) and group (POSIX_SPAWN_SETPGROUP,
 * with setpgid's rules) come before the file actions, and a 'tcsetpgrp' action (glibc 2.35's
 * posix_spawn_file_actions_addtcsetpgrp_np) makes the child's group the foreground group of the
 * terminal on that descriptor — before the child runs at all, so a foreground job owns its
 * terminal from its first instruction. A spawn that fails after that action leaves the terminal
 * to the group that never ran, as Linux does: the caller takes it back.
 * Like fork (Linux's copy_process, which glibc's posix_spawn reaches through clone), it is
 * refused with EAGAIN at RLIMIT_NPROC and at the system's process cap (lifecycle.ts).
 */
import { EINVAL, EPERM } from '../kernel/abi/errno.js';
import { SysError } from '../kernel/errors.js';
import type { Kernel } from '../kernel/kernel.js';
import { commitExec, loadImage } from './exec.js';
import { spawnTakesTerminal } from './jobctl.js';
import { checkNewProcess } from './lifecycle.js';
import { Process } from './process.js';


export const POSIX_SPAWN_RESETIDS = 0x01;
export const POSIX_SPAWN_SETPGROUP = 0x02;
export const POSIX_SPAWN_SETSIGDEF = 0x04;
export const POSIX_SPAWN_SETSIGMASK = 0x08;
export const POSIX_SPAWN_SETSID = 0x80;

export type FileAction =
  | { readonly op: 'open'; readonly fd: number; readonly path: string; readonly flags: number; readonly mode: number }
  | { readonly op: 'close'; readonly fd: number }
  | { readonly op: 'dup2'; readonly fd: number; readonly newfd: number }
  | { readonly op: 'chdir'; readonly path: string }
  | { readonly op: 'tcsetpgrp'; readonly fd: number };

function parseActions(text: string): FileAction[] {
  if (text === '') return [];
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    throw new SysError(EINVAL);
  }
  if (!Array.isArray(v) || v.length > 1024) throw new SysError(EINVAL);
  return v.map((a: unknown) => {
    const o = a as Record<string, unknown>;
    const int = (x: unknown): number => {
      if (typeof x !== 'number' || !Number.isInteger(x)) throw new SysError(EINVAL);
      return x;
    };
    const str = (x: unknown): string => {
      if (typeof x !== 'string') throw new SysError(EINVAL);
      return x;
    };
    switch (o?.op) {
      case 'open': return { op: 'open', fd: int(o.fd), path: str(o.path), flags: int(o.flags), mode: int(o.mode) };
      case 'close': return { op: 'close', fd: int(o.fd) };
      case 'dup2': return { op: 'dup2', fd: int(o.fd), newfd: int(o.newfd) };
      case 'chdir': return { op: 'chdir', path: str(o.path) };
      case 'tcsetpgrp': return { op: 'tcsetpgrp', fd: int(o.fd) };
      default: throw new SysError(EINVAL);
    }
  });
}

/**
 * setpgid(0, pgroup) as the child makes it: 0 is a new group led by the child; a session leader
 * cannot move (EPERM); another group must exist in the child's session (EPERM) — a zombie still
 * holds its group, as on Linux until it is reaped.
 */
function joinGroup(k: Kernel, child: Process, pgroup: number): void {
  if (!Number.isInteger(pgroup) || pgroup < 0) throw new SysError(EINVAL);
  if (child.pid === child.sid) throw new SysError(EPERM);
  const group = pgroup === 0 ? child.pid : pgroup;
  if (group !== child.pid && ![...k.procs.values()].some((q) => q.pgid === group && q.sid === child.sid)) throw new SysError(EPERM);
  child.pgid = group;
}

export function spawnProcess(k: Kernel, parent: Process, path: string, argv: readonly string[], env: readonly string[],
  actionsText: string, flags: number, pgroup: number): number {
  const actions = parseActions(actionsText);
  checkNewProcess(k, parent);
  const child = new Process(k.allocPid(), parent, parent.creds, parent.cwd, parent.root, parent.umask, parent.fds.clone(),
    argv, env, parent.login, k.clock.now(), undefined);
  child.signals = parent.signals.clone();
  child.pgid = parent.pgid;
  child.sid = parent.sid;
  child.nprocLimit = [...parent.nprocLimit];
  child.limits = new Map(parent.limits);
  try {
    if (flags & POSIX_SPAWN_SETSID) { child.sid = child.pid; child.pgid = child.pid; }
    if (flags & POSIX_SPAWN_SETPGROUP) joinGroup(k, child, pgroup);
    for (const a of actions) {
      if (a.op === 'close') child.fds.close(a.fd);
      else if (a.op === 'tcsetpgrp') spawnTakesTerminal(k, child, child.fds.file(a.fd));
      else if (a.op === 'dup2') {
        const f = child.fds.file(a.fd);
        if (a.fd !== a.newfd) child.fds.installAt(a.newfd, f, false);
        else child.fds.get(a.fd).cloexec = false;
      } else if (a.op === 'chdir') child.cwd = k.vfs.chdir(k.fsContext(child), a.path);
      else {
        const f = k.vfs.open(k.fsContext(child), a.path, a.flags, a.mode);
        try {
          child.fds.installAt(a.fd, f, false);
        } finally {
          k.vfs.close(f);
        }
      }
    }
    if (flags & POSIX_SPAWN_RESETIDS) {
      const c = child.creds;
      child.creds = { ...c, euid: c.ruid, egid: c.rgid };
    }
    if (flags & POSIX_SPAWN_SETSIGDEF) {
      for (let s = 1; s < 65; s++) if (child.signals.action(s).handler !== 0) child.signals.setAction(s, { handler: 0, flags: 0, mask: 0n });
    }
    if (flags & POSIX_SPAWN_SETSIGMASK) child.signals.blocked = 0n; // the mask set is always empty here
    const loaded = loadImage(k, k.fsContext(child), path, argv);
    parent.children.add(child);
    k.procs.set(child.pid, child);
    child.image = loaded.image; // commitExec replaces it again, with the same image
    k.scheduler.admit(child);
    commitExec(k, child, loaded, env);
    return child.pid;
  } catch (e) {
    parent.children.delete(child);
    k.procs.delete(child.pid);
    child.fds.closeAll();
    throw e;
  }
}
