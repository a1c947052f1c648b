/**
 * Sending and acting on signals (Linux's kernel/signal.c, much reduced). A signal whose action is
 * to terminate ends the process at once — its Worker is stopped even if it is spinning without
 * system calls. Stop and continue act at once too. A caught signal waits until the process's
 * next answer from the kernel, which tells the process to run the handler (channel CTL_SIG); a
 * process sleeping in a call is woken, and the call fails with EINTR (or restarts: SA_RESTART).
 * A process computing without calls learns of it from its channel's CTL_PENDING word, which is
 * kept set while a caught signal waits or the process is stopped (syncPendingWord).
 */
import { CTL_PENDING } from '../kernel/abi/channel.js';
import { SIGCHLD, SIGCONT, SIGSTOP, SIGTSTP, SIGTTIN, SIGTTOU } from '../kernel/abi/signal.js';
import type { Kernel } from '../kernel/kernel.js';
import type { Process } from './process.js';
import { bit, SA_NODEFER, SA_RESETHAND, SIG_DFL, SIG_HANDLER, UNBLOCKABLE } from './signals.js';

const STOP_SIGNALS = bit(SIGSTOP) | bit(SIGTSTP) | bit(SIGTTIN) | bit(SIGTTOU);

/** The kill(2) permission rule: privileged, or the sender's real or effective uid is the
 * target's real or saved uid (SIGCONT within a session is also allowed). */
export function maySignal(sender: Process, target: Process, sig: number): boolean {
  const s = sender.creds;
  const t = target.creds;
  if (s.euid === 0) return true;
  if (sig === SIGCONT && sender.sid === target.sid) return true;
  return s.euid === t.ruid || s.euid === t.suid || s.ruid === t.ruid || s.ruid === t.suid;
}

/** Make sig pending on target and act on it if it can be acted on now. */
export function sendSignal(k: Kernel, target: Process, sig: number): void {
  if (sig === 0 || target.state === 'Z' || target === k.init) return;
  const st = target.signals;
  if (sig === SIGCONT) {
    st.pending &= ~STOP_SIGNALS;
    continueProcess(k, target);
  } else if (STOP_SIGNALS & bit(sig)) {
    st.pending &= ~bit(SIGCONT);
  }
  const effect = st.effect(sig);
  // A signal that would be ignored is discarded at once unless it is blocked (POSIX).
  if (effect === 'ignore' && !(st.blocked & bit(sig) & ~UNBLOCKABLE)) return;
  if (effect === 'cont' && !(st.blocked & bit(sig))) return;
  st.pending |= bit(sig);
  actOnPending(k, target);
}

/**
 * Act on the deliverable pending signals that need no user code: terminate, stop, ignore.
 * A caught one is left pending for takeHandlerSignal (at the next answer), and a process
 * sleeping in a call is woken to be interrupted.
 */
export function actOnPending(k: Kernel, p: Process): void {
  for (let guard = 0; guard < 64 && p.state !== 'Z'; guard++) {
    const sig = p.signals.nextDeliverable();
    if (sig === 0) break;
    const effect = p.signals.effect(sig);
    if (effect === 'handler') {
      if (p.state === 'S' && p.parked && !p.replay) {
        p.interrupted = true;
        k.scheduler.wake(p);
      }
      break;
    }
    p.signals.pending &= ~bit(sig);
    if (effect === 'term') k.exit(p, sig);
    else if (effect === 'core') k.exit(p, sig | (mayDumpCore(p) ? 0x80 : 0));
    else if (effect === 'stop') stopProcess(k, p, sig);
    // 'ignore' and 'cont' (already acted on when sent): nothing more
  }
  syncPendingWord(p);
}

/**
 * Set or clear p's CTL_PENDING word: set while its next call would bring it something (a caught
 * signal's handler to run, or a stop), so a process computing without calls can look with one
 * Atomics.load. A forked child repeating its parent's record gets nothing until it is live.
 */
export function syncPendingWord(p: Process): void {
  const ctl = p.channel?.ctl;
  if (!ctl) return;
  const want = p.state !== 'Z' && !p.replay && (p.state === 'T' || p.signals.nextDeliverable() !== 0) ? 1 : 0;
  if (ctl[CTL_PENDING] !== want) Atomics.store(ctl, CTL_PENDING, want);
}

/**
 * The caught signal to hand to p with its next answer, if any: its handler's mask is applied
 * (restored by rt_sigreturn) and a one-shot action resets to default. Returns the signal, or 0.
 */
export function takeHandlerSignal(p: Process): number {
  if (p.replay) return 0;
  const st = p.signals;
  const sig = st.nextDeliverable();
  if (sig === 0 || st.effect(sig) !== 'handler') return 0;
  const a = st.action(sig);
  st.pending &= ~bit(sig);
  st.savedMasks.push(st.blocked);
  st.blocked |= a.mask | (a.flags & SA_NODEFER ? 0n : bit(sig));
  st.blocked &= ~UNBLOCKABLE;
  if (a.flags & SA_RESETHAND) st.setAction(sig, { handler: SIG_DFL, flags: 0, mask: 0n });
  return sig;
}

/** Whether the action of sig restarts an interrupted call (SA_RESTART). */
export function restarts(p: Process, sig: number): boolean {
  const a = p.signals.action(sig);
  return a.handler === SIG_HANDLER && (a.flags & 0x10000000) !== 0;
}

function notifyParent(k: Kernel, p: Process): void {
  const parent = p.parent;
  if (!parent) return;
  parent.childEvents.wakeAll();
  sendSignal(k, parent, SIGCHLD);
}

export function stopProcess(k: Kernel, p: Process, sig: number): void {
  if (p.state === 'T' || p.state === 'Z') return;
  p.stoppedFrom = p.state === 'S' ? 'S' : 'R';
  p.state = 'T';
  p.stopReport = sig;
  p.continueReport = false;
  notifyParent(k, p); // first: a parent waiting for the stop is runnable when the CPU is handed on
  k.scheduler.stopped(p);
  syncPendingWord(p); // a process computing without calls stops at its next check
}

export function continueProcess(k: Kernel, p: Process): void {
  if (p.state !== 'T') return;
  p.state = p.stoppedFrom ?? 'R';
  p.stoppedFrom = undefined;
  p.stopReport = undefined;
  p.continueReport = true;
  syncPendingWord(p);
  k.scheduler.continued(p);
  notifyParent(k, p);
}

/**
 * Whether a core-dumping signal reports "core dumped" (the 0x80 flag): only when RLIMIT_CORE
 * allows a dump. Its soft limit is 0 by default, as on Debian, so the flag is off unless a program
 * raises it (`ulimit -c unlimited`). No core file is written either way.
 */
function mayDumpCore(p: Process): boolean {
  const soft = (p.limits.get(RLIMIT_CORE) ?? DEFAULT_CORE_LIMIT)[0];
  return soft !== 0;
}

export const RLIMIT_CORE = 4;
/** RLIMIT_CORE when never set: soft 0, hard unlimited. */
export const DEFAULT_CORE_LIMIT: readonly [number, number] = [0, -1];
