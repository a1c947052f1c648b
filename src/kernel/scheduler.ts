/**
 * The scheduler. Deterministic mode (LESSONS.md §1.4): one process holds the CPU at a time and
 * keeps it until it blocks or exits; then the runnable process with the lowest pid runs. When
 * every process is asleep the virtual clock jumps to the earliest timer; when every process is
 * blocked and no timer is pending, the deadlock is reported (each process and its call) and the
 * blocked processes are killed instead of hanging. A holder that computes for long without a call
 * is preempted (preempt.ts), so the others still run and the clock still moves.
 *
 * Real-time mode: every request is served as it arrives and timers are host timers.
 */
import { SIGKILL } from './abi/signal.js';
import type { Process } from '../proc/process.js';
import type { Kernel } from './kernel.js';
import type { Park } from './syscall.js';
import { makeRandom } from './random.js';
import { Preemption } from './preempt.js';

/** The longest delay a host timer takes (setTimeout's signed 32-bit milliseconds). */
const MAX_HOST_DELAY_MS = 2 ** 31 - 1;
const MAX_HOST_DELAY_NS = BigInt(MAX_HOST_DELAY_MS) * 1_000_000n;

interface Timer {
  readonly deadline: bigint;
  readonly seq: number;
  readonly p: Process;
  readonly fire: () => void;
}

export class Scheduler {
  /** The process that owns the CPU (deterministic mode), whether computing or about to call. */
  cpu: Process | undefined;
  private readonly timers: Timer[] = [];
  private timerSeq = 0;
  private picking = false;
  private again = false;
  /** With a seed, the next process is a seeded choice among the runnable ones (§1.4). */
  private readonly choose: ((n: number) => number) | undefined;
  private readonly preemption: Preemption;

  constructor(private readonly k: Kernel, seed?: number) {
    this.preemption = new Preemption(k, (p) => this.preempt(p));
    if (seed !== undefined) {
      const r = makeRandom(seed ^ 0x5eed);
      this.choose = (n) => r.next() % n;
    }
  }

  private get deterministic(): boolean {
    return this.k.clock.deterministic;
  }

  /** A new process: runnable from the moment it exists. */
  admit(p: Process): void {
    p.state = 'R';
    if (this.deterministic && !this.cpu) this.pick();
  }

  /** p's request has arrived in its channel. */
  onRequest(p: Process): void {
    // A parked call's request stays in the channel while it sleeps: it is being served already
    // (a late notice of it must not serve it again: a write would repeat what it had written).
    if (p.parked) return;
    p.pending = true;
    if (this.preemption.computing.size !== 0) this.preemption.computing.delete(p); // it called: runnable in its turn
    if (p.state === 'T') return; // served when continued
    if (!this.deterministic || this.cpu === p) this.k.server.serve(p);
    else if (!this.cpu) this.pick();
  }

  /** p was stopped (SIGSTOP, SIGTSTP, …): it gives up the CPU. */
  stopped(p: Process): void {
    if (this.cpu === p) {
      this.cpu = undefined;
      this.pick();
    }
  }

  /** p was continued: runnable again; a call it slept in is retried (the wake-up may have come while stopped). */
  continued(p: Process): void {
    if (p.state === 'S' && p.parked) {
      p.state = 'R';
      p.woken = true;
    }
    if (!this.deterministic) {
      if (p.woken) this.resume(p);
      else if (p.pending) this.k.server.serve(p);
    } else if (!this.cpu) {
      this.pick();
    }
  }

  /** p's call could not finish: it sleeps until woken. */
  block(p: Process, park: Park): void {
    p.parked = park;
    if (p.state === 'T') {
      // Stopped by a signal its own call raised (SIGTTIN, SIGTTOU): once continued it sleeps in
      // the call, which continued() then retries (Linux's ERESTARTSYS after a stop).
      p.stoppedFrom = 'S';
      return;
    }
    p.state = 'S';
    // A caught signal raised during the call itself interrupts the sleep at once, as Linux
    // checks signal_pending() before sleeping.
    const interrupt = this.caughtSignalPending(p);
    if (interrupt) {
      p.interrupted = true;
      p.state = 'R';
      p.woken = true;
    }
    if (this.cpu === p) {
      this.cpu = undefined;
      this.pick();
    }
    if (interrupt && !this.deterministic) this.resume(p);
  }

  private caughtSignalPending(p: Process): boolean {
    if (p.replay) return false;
    const sig = p.signals.nextDeliverable();
    return sig !== 0 && p.signals.effect(sig) === 'handler';
  }

  exited(p: Process): void {
    p.pending = false;
    this.preemption.computing.delete(p);
    for (let i = this.timers.length - 1; i >= 0; i--) if (this.timers[i]!.p === p) this.timers.splice(i, 1);
    if (this.cpu === p) {
      this.cpu = undefined;
      this.pick();
    }
  }

  /** p has computed for a quantum without a call (preempt.ts): the others run until it calls. */
  private preempt(p: Process): void {
    if (this.cpu !== p) return;
    this.cpu = undefined;
    this.pick();
  }

  /** Make a sleeping process runnable: its parked call is retried when it gets the CPU. */
  wake(p: Process): void {
    if (p.state !== 'S' || !p.parked) return;
    p.state = 'R';
    p.woken = true;
    if (!this.deterministic) this.resume(p);
    else if (!this.cpu) this.pick();
  }

  /**
   * Call fire() at `deadlineNs` on the kernel clock; returns a function that cancels it. A
   * deadline past the clock's end (KTIME_MAX of monotonic time) is clamped to it, as Linux does.
   */
  addTimer(p: Process, deadlineNs: bigint, fire: () => void): () => void {
    const max = this.k.clock.maxNs;
    const deadline = deadlineNs > max ? max : deadlineNs;
    if (!this.deterministic) return this.hostTimer(deadline, fire);
    const t: Timer = { deadline, seq: this.timerSeq++, p, fire };
    this.timers.push(t);
    return () => {
      const i = this.timers.indexOf(t);
      if (i >= 0) this.timers.splice(i, 1);
    };
  }

  /**
   * Real-time mode: a host timer for the deadline. A host timer waits at most 2^31-1 ms (longer
   * ones fire at once, with a warning), so a far deadline is reached in steps of that.
   */
  private hostTimer(deadline: bigint, fire: () => void): () => void {
    let h: ReturnType<typeof setTimeout> | undefined;
    const arm = (): void => {
      const leftNs = deadline - this.k.nowNs();
      if (leftNs <= 0n) { h = undefined; fire(); return; }
      const ms = leftNs >= MAX_HOST_DELAY_NS ? MAX_HOST_DELAY_MS : Math.ceil(Number(leftNs) / 1e6);
      h = setTimeout(arm, ms);
    };
    const ms = Math.max(0, Math.ceil(Number(deadline - this.k.nowNs()) / 1e6));
    h = setTimeout(arm, Math.min(ms, MAX_HOST_DELAY_MS));
    return () => { if (h !== undefined) clearTimeout(h); };
  }

  private resume(p: Process): void {
    const park = p.parked;
    p.woken = false;
    p.parked = undefined;
    if (!park) return;
    let outcome;
    if (p.interrupted) {
      p.interrupted = false;
      park.cancel?.();
      const done = park.done?.() ?? 0;
      outcome = done > 0 ? (park.partial ? this.k.server.run(p, park.call, park.partial) : done) : this.k.server.interrupt(p, park.restartable);
    } else {
      outcome = this.k.server.run(p, park.call, park.retry);
    }
    if (this.k.server.complete(p, outcome)) this.k.server.listen(p);
  }

  /** Give the CPU to the lowest-pid runnable process (deterministic mode). Never recurses. */
  pick(): void {
    if (!this.deterministic) return;
    if (this.picking) {
      this.again = true;
      return;
    }
    this.picking = true;
    try {
      do {
        this.again = false;
        this.pickOnce();
      } while (this.again && !this.cpu);
    } finally {
      this.picking = false;
    }
  }

  private pickOnce(): void {
    for (let guard = 0; guard < 1_000_000 && !this.cpu; guard++) {
      const next = this.lowestRunnable();
      if (next) {
        this.cpu = next;
        this.preemption.arm();
        if (next.woken) this.resume(next);
        else if (next.pending) this.k.server.serve(next);
        return; // a new process: its first request will find it holding the CPU
      }
      if (!this.fireEarliestTimers()) {
        this.reportDeadlock();
        return;
      }
    }
  }

  /** The lowest-pid runnable process, or with a seed a seeded pick among them (in pid order). */
  private lowestRunnable(): Process | undefined {
    const runnable: Process[] = [];
    const computing = this.preemption.computing;
    for (const p of this.k.procs.values()) {
      if (p !== this.k.init && p.state === 'R' && (computing.size === 0 || !computing.has(p))) runnable.push(p);
    }
    if (runnable.length === 0) return undefined;
    runnable.sort((a, b) => a.pid - b.pid);
    return runnable[this.choose ? this.choose(runnable.length) : 0];
  }

  /** Jump the clock to the earliest deadline and fire every timer due by then. */
  private fireEarliestTimers(): boolean {
    if (this.timers.length === 0) return false;
    this.timers.sort((a, b) => (a.deadline < b.deadline ? -1 : a.deadline > b.deadline ? 1 : a.seq - b.seq));
    const first = this.timers[0]!;
    this.k.clock.advanceTo(first.deadline);
    const now = this.k.nowNs();
    while (this.timers.length > 0 && this.timers[0]!.deadline <= now) this.timers.shift()!.fire();
    return true;
  }

  private reportDeadlock(): void {
    const blocked = [...this.k.procs.values()]
      .filter((p) => p !== this.k.init && p.state === 'S')
      .sort((a, b) => a.pid - b.pid);
    // a reader waits for the host to type, or a process computing may yet call and wake them
    if (blocked.length === 0 || this.k.hostMayWake() || this.preemption.computing.size !== 0) return;
    const lines = blocked.map((p) => `  pid ${p.pid} (${p.name}) blocked in ${p.parked?.call ?? '?'}`);
    const report = `deadlock: every process is blocked and no timer is pending\n${lines.join('\n')}\n`;
    this.k.options.onDeadlock?.(report);
    for (const p of blocked) this.k.exit(p, SIGKILL);
  }
}
