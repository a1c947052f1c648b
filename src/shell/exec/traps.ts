/**
 * Traps (the `trap` special builtin's machinery, POSIX XCU 2.14 trap): a caught signal only
 * records itself; its action runs between commands (and ends an interruptible `wait`), with `$?`
 * preserved around it. The EXIT action runs when the shell exits.
 *
 * Between commands the shell also takes delivery of signals that arrived while it computed
 * without system calls (a loop of builtins): signal.check_signals() reads a word the kernel sets,
 * without a call unless one is waiting, so `while :; do :; done` ends at ^C, runs its traps, and
 * stops at ^Z in a shell that does not ignore it.
 */
import { signal } from 'posixbox/os';
import type { Shell } from '../shell.js';
import { ShellError } from '../state.js';
import { runText } from './source.js';

/** Signal names without SIG, by number (Linux numbering). */
export const SIGNALS: readonly string[] = ['EXIT', 'HUP', 'INT', 'QUIT', 'ILL', 'TRAP', 'ABRT', 'BUS', 'FPE', 'KILL', 'USR1',
  'SEGV', 'USR2', 'PIPE', 'ALRM', 'TERM', 'STKFLT', 'CHLD', 'CONT', 'STOP', 'TSTP', 'TTIN', 'TTOU', 'URG', 'XCPU', 'XFSZ',
  'VTALRM', 'PROF', 'WINCH', 'IO', 'PWR', 'SYS'];

/** A signal number from a name (`INT`, `SIGINT`, case-insensitive) or number; undefined if unknown. */
export function signalNumber(s: string): number | undefined {
  if (/^[0-9]+$/.test(s)) {
    const n = Number(s);
    return n < SIGNALS.length ? n : undefined;
  }
  const n = SIGNALS.indexOf(s);
  return n >= 0 ? n : undefined;
}

export function runAction(sh: Shell, action: string): void {
  const status = sh.st.status;
  const was = sh.inTrap;
  sh.inTrap = true;
  sh.trapStatus = status;
  try {
    runText(sh, action);
  } finally {
    sh.inTrap = was;
    sh.st.status = status;
  }
}

/** Between commands: take delivery of waiting signals (no system call if none), then run their traps. */
export function checkSignals(sh: Shell): void {
  signal.check_signals();
  if (sh.pendingSignals.length) runPendingTraps(sh);
}

export function runPendingTraps(sh: Shell): void {
  for (let n = 0; n < 1000 && sh.pendingSignals.length; n++) {
    const sig = sh.pendingSignals.shift()!;
    const action = sh.st.traps.get(SIGNALS[sig]!);
    if (action) runAction(sh, action);
    else if (sig === 2 && sh.interactive) {
      sh.pendingSignals.length = 0;
      sh.write(2, '\n'); // dash ends the interrupted line before the next prompt
      throw new ShellError('', 128 + 2);
    }
  }
}

/** Set the disposition of a signal for a trap action: '' ignores, undefined restores the default. */
export function installTrap(sh: Shell, sig: number, action: string | undefined): void {
  const name = SIGNALS[sig]!;
  if (action === undefined) sh.st.traps.delete(name);
  else sh.st.traps.set(name, action);
  if (sig === 0 || sig === 9 || sig === 19) return;
  try {
    if (action === undefined) signal.signal(sig, sh.interactive && (sig === 3 || sig === 15) ? signal.SIG_IGN : sh.interactive && sig === 2 ? () => { sh.pendingSignals.push(sig); } : signal.SIG_DFL);
    else if (action === '') signal.signal(sig, signal.SIG_IGN);
    else {
      signal.signal(sig, () => { sh.pendingSignals.push(sig); });
      signal.siginterrupt(sig, true);
    }
  } catch {
    /* a signal that cannot be caught */
  }
}
