/**
 * A process's signal state (Linux's sighand_struct + the pending set and mask): what each signal
 * does, which are blocked, which are pending. Handlers themselves live in user space; the kernel
 * only knows that a signal is caught, and with which flags.
 */
import { NSIG, SIGKILL, SIGSTOP, defaultAction, type DefaultAction } from '../kernel/abi/signal.js';

export const SIG_DFL = 0;
export const SIG_IGN = 1;
/** The disposition value for "caught by a user-space handler". */
export const SIG_HANDLER = 2;

export const SA_RESTART = 0x10000000;
export const SA_NODEFER = 0x40000000;
export const SA_RESETHAND = 0x80000000;

export interface SigAction {
  readonly handler: number; // SIG_DFL, SIG_IGN or SIG_HANDLER
  readonly flags: number;
  /** Signals blocked while the handler runs (bit n-1 for signal n). */
  readonly mask: bigint;
}

const DFL: SigAction = Object.freeze({ handler: SIG_DFL, flags: 0, mask: 0n });

export function bit(sig: number): bigint {
  return 1n << BigInt(sig - 1);
}

/** Signals that can never be blocked or caught. */
export const UNBLOCKABLE = bit(SIGKILL) | bit(SIGSTOP);

export class SignalState {
  actions: SigAction[] = new Array<SigAction>(NSIG).fill(DFL);
  blocked = 0n;
  pending = 0n;
  /** Masks saved while handlers run (restored by rt_sigreturn). */
  readonly savedMasks: bigint[] = [];

  action(sig: number): SigAction {
    return this.actions[sig] ?? DFL;
  }

  setAction(sig: number, a: SigAction): void {
    this.actions[sig] = a;
  }

  /** What the signal will do if delivered now. */
  effect(sig: number): 'ignore' | 'handler' | DefaultAction {
    const a = this.action(sig);
    if (sig === SIGKILL || sig === SIGSTOP) return defaultAction(sig);
    if (a.handler === SIG_IGN) return 'ignore';
    if (a.handler === SIG_HANDLER) return 'handler';
    const d = defaultAction(sig);
    return d === 'ign' ? 'ignore' : d;
  }

  /** The lowest pending signal that is not blocked (SIGKILL and SIGSTOP first). */
  nextDeliverable(): number {
    if (this.pending === 0n) return 0; // the common case, without BigInt arithmetic
    const ready = this.pending & ~(this.blocked & ~UNBLOCKABLE);
    if (ready === 0n) return 0;
    if (ready & bit(SIGKILL)) return SIGKILL;
    if (ready & bit(SIGSTOP)) return SIGSTOP;
    for (let s = 1; s < NSIG; s++) if (ready & bit(s)) return s;
    return 0;
  }

  /** fork: the child has the same dispositions and mask, and nothing pending. */
  clone(): SignalState {
    const c = new SignalState();
    c.actions = [...this.actions];
    c.blocked = this.blocked;
    return c;
  }

  /** execve: caught signals go back to their default; ignored ones stay ignored. */
  resetForExec(): void {
    this.actions = this.actions.map((a) => (a.handler === SIG_HANDLER ? DFL : a));
    this.savedMasks.length = 0;
  }
}

