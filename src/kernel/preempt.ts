/**
 * Preemption of a process that computes without system calls (deterministic mode only).
 *
 * Deterministic scheduling lets the CPU's holder run until it blocks, and the clock moves only
 * when every process sleeps; a process that computes and never calls (`for(;;){}`, the shell's
 * `while :; do :; done`) would then hold everyone else — its parent could never run to kill it,
 * a `sleep 1` beside it would never end. So the kernel watches the holder on the host clock: one
 * that has made no call for QUANTUM_MS loses the CPU and counts as computing — the other
 * processes run, and when they all sleep the clock jumps to the next timer as if it slept too.
 * Its next call makes it runnable again, served in its turn.
 *
 * What it costs: nothing per system call (a timer looks every TICK_MS, and only while some
 * process holds the CPU); what it gives up: a run in which a process computes that long without
 * a call while another is runnable or a timer is due may interleave differently from run to run.
 */
import { CTL_STATE, STATE_REQUEST } from './abi/channel.js';
import type { Kernel } from './kernel.js';
import type { Process } from '../proc/process.js';

/** How long (host milliseconds) the CPU's holder may compute without a call before others run. */
export const QUANTUM_MS = 1000;
const TICK_MS = 100;

export class Preemption {
  /** Processes that lost the CPU while computing: not picked to run until their next call. */
  readonly computing = new Set<Process>();
  private timer: ReturnType<typeof setInterval> | undefined;
  private watched: Process | undefined;
  private calls = 0;
  private since = 0;

  constructor(private readonly k: Kernel, private readonly preempt: (p: Process) => void) {}

  /** The CPU has a holder: watch it. The timer stops by itself when no process holds the CPU. */
  arm(): void {
    if (this.timer !== undefined) return;
    this.timer = setInterval(() => this.tick(), TICK_MS);
    const t: unknown = this.timer;
    if (typeof t === 'object' && t !== null && 'unref' in t && typeof t.unref === 'function') t.unref(); // never keeps the host alive
  }

  private tick(): void {
    const p = this.k.scheduler.cpu;
    if (!p) {
      clearInterval(this.timer);
      this.timer = undefined;
      this.watched = undefined;
      return;
    }
    if (!computingWithoutCalls(p)) {
      this.watched = undefined;
      return;
    }
    const now = performance.now();
    if (p !== this.watched || p.calls !== this.calls) {
      this.watched = p;
      this.calls = p.calls;
      this.since = now;
      return;
    }
    if (now - this.since < QUANTUM_MS) return;
    this.watched = undefined;
    this.computing.add(p);
    this.preempt(p);
  }
}

/**
 * Running user code, not in a call nor about to be served; started (its first call made: a new
 * program loading is not computing); not a forked child answering its parent's record.
 */
function computingWithoutCalls(p: Process): boolean {
  const ch = p.channel;
  return p.state === 'R' && !p.pending && !p.parked && !p.woken && !p.replay && p.calls > 0 &&
    ch !== undefined && Atomics.load(ch.ctl, CTL_STATE) !== STATE_REQUEST;
}
