/**
 * Who may look inside another process through /proc (Linux's kernel/ptrace.c
 * __ptrace_may_access with PTRACE_MODE_READ_FSCREDS, and fs/proc/base.c task_dump_owner).
 *
 * - A process may always inspect itself (same_thread_group).
 * - Otherwise the caller's fsuid must equal the target's real, effective and saved uids, and
 *   its fsgid the target's real, effective and saved gids — or the caller holds
 *   CAP_SYS_PTRACE (euid 0 here).
 * - Then the dumpable rule: a target that is not dumpable (it changed its effective ids, or
 *   exec'd a set-id or unreadable image) may be inspected only with CAP_SYS_PTRACE — so even
 *   the user who started it gets EACCES.
 *
 * Linux returns EPERM from the check; /proc turns it into EACCES (proc_fd_access_allowed,
 * mm_access), which is what readlink, open and a walk through cwd/root/exe/fd give.
 *
 * task_dump_owner: the files of a non-dumpable process (and of a zombie, which has no memory
 * left) belong to root, except the world-readable directories (/proc/<pid> itself), which keep
 * the effective ids so that stat(/proc/<pid>) still tells who runs it.
 */
import { isPrivileged } from '../kernel/creds.js';
import type { ProcessInfo } from './types.js';

/** ptrace_may_access(target, PTRACE_MODE_READ_FSCREDS) for `caller` (undefined: the kernel itself). */
export function ptraceMayRead(caller: ProcessInfo | undefined, target: ProcessInfo): boolean {
  if (caller === undefined || caller.pid === target.pid) return true;
  const c = caller.creds;
  const t = target.creds;
  const privileged = isPrivileged(c);
  const sameIds = c.euid === t.ruid && c.euid === t.euid && c.euid === t.suid
    && c.egid === t.rgid && c.egid === t.egid && c.egid === t.sgid;
  if (!sameIds && !privileged) return false;
  return target.dumpable !== false || privileged;
}

/** task_dump_owner for a /proc/<pid> file other than the pid directory itself. */
export function dumpOwner(p: ProcessInfo): { readonly uid: number; readonly gid: number } {
  if (p.dumpable === false || p.state.startsWith('Z')) return { uid: 0, gid: 0 };
  return { uid: p.creds.euid, gid: p.creds.egid };
}
