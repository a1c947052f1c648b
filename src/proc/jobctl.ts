/**
 * Job control on terminals (Linux's drivers/tty/tty_jobctrl.c): the controlling terminal of a
 * session, the foreground process group, and the signals that keep a background job off the
 * terminal. This is the kernel's side of TtyHooks (fs/tty.ts): the terminal asks, about the
 * process whose call is being served, what Linux's tty code asks about `current`.
 *
 * A process's controlling terminal is the terminal whose session is the process's session: it is
 * gained by a session leader (the first open of a terminal without O_NOCTTY, or TIOCSCTTY) and
 * lost with setsid, which starts a new session.
 */
import { EAGAIN, EIO, ENOTTY } from '../kernel/abi/errno.js';
import { SIGTTIN } from '../kernel/abi/signal.js';
import { SysError } from '../kernel/errors.js';
import type { Kernel } from '../kernel/kernel.js';
import type { PtsHooks } from '../fs/devpts.js';
import { ttyOf, type Tty } from '../fs/tty.js';
import type { OpenFile } from '../fs/types.js';
import type { Process } from './process.js';
import { sendSignal } from './signal-deliver.js';
import { bit, SIG_IGN } from './signals.js';

/** p's controlling terminal, if it has one. */
export function controllingTty(k: Kernel, p: Process): Tty | undefined {
  return p.sid > 0 ? k.ptys.ofSession(p.sid) : undefined;
}

/** Send sig to every live process of group pgid, in pid order. */
export function signalGroup(k: Kernel, pgid: number, sig: number): void {
  const members = [...k.procs.values()].filter((q) => q.pgid === pgid && q !== k.init && q.state !== 'Z');
  for (const q of members.sort((a, b) => a.pid - b.pid)) sendSignal(k, q, sig);
}

/**
 * Whether group pgid is orphaned (POSIX; Linux's will_become_orphaned_pgrp): no member has a
 * parent, other than init, in another group of the same session. The stop signals of job
 * control are not sent to an orphaned group, since nobody would continue it.
 */
export function isOrphanedPgrp(k: Kernel, pgid: number): boolean {
  for (const q of k.procs.values()) {
    if (q.pgid !== pgid || q.state === 'Z' || q === k.init) continue;
    const parent = q.parent;
    if (!parent || parent === k.init) continue;
    if (parent.pgid !== pgid && parent.sid === q.sid) return false;
  }
  return true;
}

/** Whether p ignores or blocks sig (Linux's is_ignored). */
function ignores(p: Process, sig: number): boolean {
  return (p.signals.blocked & bit(sig)) !== 0n || p.signals.action(sig).handler === SIG_IGN;
}

/**
 * Linux's __tty_check_change: may p, in its group, act on tty as a read (SIGTTIN) or a change
 * (SIGTTOU: a write with TOSTOP, tcsetattr, tcsetpgrp) would? 'ok' if tty is not p's controlling
 * terminal, or p is in the foreground; an ignored or blocked SIGTTOU lets the call go on, an
 * ignored SIGTTIN or an orphaned group is EIO; otherwise the signal goes to p's whole group and
 * the answer is 'stopped': the call must wait and be retried (ERESTARTSYS).
 */
export function checkChange(k: Kernel, p: Process, tty: Tty, sig: number): 'ok' | 'stopped' {
  if (tty.session === undefined || tty.session !== p.sid) return 'ok';
  if (tty.pgrp === undefined || p.pgid === tty.pgrp) return 'ok';
  if (ignores(p, sig)) {
    if (sig === SIGTTIN) throw new SysError(EIO);
    return 'ok';
  }
  if (isOrphanedPgrp(k, p.pgid)) throw new SysError(EIO);
  signalGroup(k, p.pgid, sig);
  return 'stopped';
}

/** p becomes the session leader whose controlling terminal tty is (Linux's __proc_set_tty). */
export function setControlling(tty: Tty, p: Process): void {
  tty.session = p.sid;
  tty.pgrp = p.pgid;
}

/**
 * tcsetpgrp(fd, getpgrp()) made by a child that posix_spawn is setting up (glibc's
 * posix_spawn_file_actions_addtcsetpgrp_np): the child's group becomes the foreground group of
 * `file`, which must be the child's controlling terminal (else ENOTTY, as TIOCSPGRP says). glibc's
 * child makes it with every signal blocked, so no SIGTTOU whatever group it is in; and the group
 * is the child's own, in its session, so tcsetpgrp's ESRCH and EPERM cannot arise.
 */
export function spawnTakesTerminal(k: Kernel, child: Process, file: OpenFile): void {
  const tty = ttyOf(file);
  if (!tty || controllingTty(k, child) !== tty || tty.session !== child.sid) throw new SysError(ENOTTY);
  tty.pgrp = child.pgid;
}

/** The hooks a kernel gives its terminals. */
export function ttyHooks(k: Kernel): PtsHooks {
  return {
    checkJob(tty, sig) {
      const p = k.caller;
      if (p && checkChange(k, p, tty, sig) === 'stopped') throw new SysError(EAGAIN);
    },
    signalGroup: (pgid, sig) => signalGroup(k, pgid, sig),
    nowNs: () => k.nowNs(),
    timer: (deadline, fire) => k.scheduler.addTimer(k.init, deadline, fire),
    caller() {
      const p = k.caller;
      return p ? { pid: p.pid, serial: p.calls } : undefined;
    },
    opened(tty) {
      const p = k.caller;
      if (p && p.pid === p.sid && tty.session === undefined && !controllingTty(k, p)) setControlling(tty, p);
    },
    controlling() {
      const p = k.caller;
      return p ? controllingTty(k, p) : undefined;
    },
  };
}
