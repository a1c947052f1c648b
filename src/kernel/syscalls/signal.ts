/** Signal calls: rt_sigaction, rt_sigprocmask, rt_sigpending, rt_sigreturn, pause, alarm. */
import { EINVAL, ESRCH } from '../abi/errno.js';
import { NSIG, SIGALRM, SIGKILL, SIGSTOP } from '../abi/signal.js';
import { SysError } from '../errors.js';
import { full, Park, type Result, type SyscallEntry } from '../syscall.js';
import { actOnPending, sendSignal } from '../../proc/signal-deliver.js';
import { SIG_DFL, SIG_HANDLER, SIG_IGN, UNBLOCKABLE } from '../../proc/signals.js';
import { cUint, deadlineIn } from './common.js';
import type { Kernel } from '../kernel.js';
import type { Process } from '../../proc/process.js';

export const SIG_BLOCK = 0;
export const SIG_UNBLOCK = 1;
export const SIG_SETMASK = 2;

const mask = (lo: number, hi: number): bigint => (BigInt(hi >>> 0) << 32n) | BigInt(lo >>> 0);
const halves = (m: bigint): [number, number] => [Number(m & 0xffffffffn), Number(m >> 32n)];

function checkSig(sig: number): void {
  if (!Number.isInteger(sig) || sig < 1 || sig >= NSIG) throw new SysError(EINVAL);
}

/** rt_sigaction(sig, handler, flags, mask) with handler -1 meaning "only read the old action". */
function sigaction(k: Kernel, p: Process, sig: number, handler: number, flags: number, lo: number, hi: number): Result {
  checkSig(sig);
  const old = p.signals.action(sig);
  if (handler !== -1) {
    if (handler !== SIG_DFL && handler !== SIG_IGN && handler !== SIG_HANDLER) throw new SysError(EINVAL);
    if (sig === SIGKILL || sig === SIGSTOP) throw new SysError(EINVAL);
    p.signals.setAction(sig, { handler, flags: flags >>> 0, mask: mask(lo, hi) & ~UNBLOCKABLE });
    // Ignoring a pending signal discards it (POSIX).
    if (p.signals.effect(sig) === 'ignore') p.signals.pending &= ~(1n << BigInt(sig - 1));
    actOnPending(k, p);
  }
  return { value: 0, nums: [old.handler, old.flags, ...halves(old.mask)] };
}

function sigprocmask(k: Kernel, p: Process, how: number, lo: number, hi: number, set: boolean): Result {
  const st = p.signals;
  const old = st.blocked;
  if (set) {
    const m = mask(lo, hi) & ~UNBLOCKABLE;
    if (how === SIG_BLOCK) st.blocked |= m;
    else if (how === SIG_UNBLOCK) st.blocked &= ~m;
    else if (how === SIG_SETMASK) st.blocked = m;
    else throw new SysError(EINVAL);
    actOnPending(k, p);
  }
  return { value: 0, nums: halves(old) };
}

/**
 * alarm(2): SIGALRM after secs seconds of the kernel clock (an unsigned int: the register's low
 * 32 bits); returns the seconds left of the previous one, rounded as Linux's alarm_setitimer
 * (to the nearest second, and 1 rather than 0 for an alarm still pending).
 */
function alarm(k: Kernel, p: Process, secs: number): number {
  const now = k.nowNs();
  let left = 0;
  if (p.alarm) {
    const ns = p.alarm.deadline - now;
    left = ns <= 0n ? 0 : Math.max(1, Number((ns + 500_000_000n) / 1_000_000_000n));
    p.alarm.cancel();
    p.alarm = undefined;
  }
  if (secs > 0) {
    const deadline = deadlineIn(k, BigInt(secs) * 1_000_000_000n);
    const cancel = k.scheduler.addTimer(p, deadline, () => {
      p.alarm = undefined;
      sendSignal(k, p, SIGALRM);
    });
    p.alarm = { deadline, cancel };
  }
  return left;
}

export const signalCalls: ReadonlyArray<readonly [number, SyscallEntry]> = [
  [13, full('rt_sigaction', ['int', 'int', 'int', 'int', 'int'], (k, p, a) =>
    sigaction(k, p, a.int(0), a.int(1), a.int(2), a.int(3), a.int(4)))],
  [14, full('rt_sigprocmask', ['int', 'int', 'int', 'int'], (k, p, a) =>
    sigprocmask(k, p, a.int(0), a.int(1), a.int(2), a.int(3) === 1))],
  [127, full('rt_sigpending', [], (_k, p) => ({ value: 0, nums: halves(p.signals.pending & p.signals.blocked) }))],
  [15, full('rt_sigreturn', [], (k, p) => {
    const saved = p.signals.savedMasks.pop();
    if (saved !== undefined) p.signals.blocked = saved;
    actOnPending(k, p);
    return 0;
  })],
  [34, full('pause', [], () => {
    const never = (): Result => new Park('pause', never, false);
    return never();
  })],
  [37, full('alarm', ['int'], (k, p, a) => alarm(k, p, cUint(a.int(0))))],
  [200, full('tkill', ['int', 'int'], (k, p, a) => {
    checkSig(a.int(1));
    const t = k.procs.get(a.int(0));
    if (!t) throw new SysError(ESRCH);
    sendSignal(k, t, a.int(1));
    return 0;
  })],
];
