/**
 * Memory limits and the OOM killer (Linux's mm/oom_kill.c, and RLIMIT_AS / RLIMIT_DATA).
 *
 * Every process is a Worker thread of one host process, and a JavaScript engine cannot be made
 * to fail one allocation for one thread: a Worker's heap limit (resourceLimits) stops only its
 * own heap, never its ArrayBuffers. So the kernel watches the host instead. A probe that the
 * platform's boot supplies (Node: src/node-memory.ts) samples the host's memory every few
 * milliseconds; what grows between two samples, beyond the kernel's own heap and buffers (the
 * filesystem), is charged to the processes that ran meanwhile — those not waiting in a system
 * call — in proportion to the pages each one's thread touched (its page faults, where the
 * platform can tell; else equally), and what shrinks is credited back. Then, as Linux's
 * out_of_memory() does when memory runs out:
 *
 * - when the processes' memory — what the Workers have grown the host by since boot (never
 *   more than this kernel's processes were charged with: another kernel in the same host is not
 *   theirs), plus what the kernel holds for them — passes `oomThreshold`, the process charged with the most
 *   (Linux's oom_badness: the largest) is sent SIGKILL and the kernel log's line
 *   `Out of memory: Killed process N (name)` goes to onDiagnostic and to the victim's
 *   controlling terminal;
 * - a process whose resident charge passes its RLIMIT_DATA, or whose address space (untouched
 *   ArrayBuffers included) passes its RLIMIT_AS or the kernel's `memoryLimit`, is killed the same
 *   way (Linux would fail the allocation; an engine cannot be told to, so the process dies as a
 *   memory cgroup's member does).
 *
 * What the kernel holds on a process's behalf counts as the process's: its fork-by-replay record
 * (proc/syscall-log.ts, up to 64 MiB each). Those records together may take at most a sixth of
 * the threshold; past that the largest are given up, and those processes' later forks fail with
 * ENOMEM, as Linux fails an allocation under memory pressure rather than let the kernel die.
 *
 * A Worker that dies of its own heap limit (resourceLimits) is reported the same way.
 *
 * Never init, never the kernel. After a kill the killer waits for the victim's memory to go back
 * before choosing again. In a browser there is no probe to read (no per-Worker or process memory
 * figures), so none of this runs there: a tab that allocates without end is ended by the browser.
 */
import { SIGKILL } from './abi/signal.js';
import { CTL_STATE, STATE_REQUEST } from './abi/channel.js';
import { controllingTty } from '../proc/jobctl.js';
import { sendSignal } from '../proc/signal-deliver.js';
import type { Kernel } from './kernel.js';
import type { Process } from '../proc/process.js';
import type { ProcessWorker } from '../proc/worker-host.js';

/** One reading of the host's memory, in bytes. */
export interface MemorySample {
  /** Resident memory of the whole host process. */
  readonly rss: number;
  /** Of that, what the kernel's own thread holds: its heap and its buffers (the filesystem). */
  readonly kernel: number;
  /** Address space the Workers took beyond what a Worker reserves for itself (0 where unknown). */
  readonly virtual: number;
  /** Bytes of pages the kernel's own thread has touched so far (its page faults × 4 KiB; 0 where unknown). */
  readonly kernelTouched: number;
}

/** How a platform measures the host; the Node boot gives one (node-memory.ts). */
export interface MemoryProbe {
  sample(): MemorySample;
  /** Pages a Worker's thread has touched so far (its page faults), where the platform can tell. */
  faults?(worker: ProcessWorker): number | undefined;
  /** Let go of what the probe holds (the kernel's shutdown). */
  close?(): void;
}

export const RLIMIT_DATA = 2;
export const RLIMIT_AS = 9;
/**
 * The processes' memory above which the OOM killer acts (boot option `oomThreshold`). The
 * filesystem's contents are not in it (killing would not give them back; fsSize bounds them): with
 * the sandbox's 1 GiB filesystem the host stays near 2 GiB at most.
 */
export const DEFAULT_OOM_THRESHOLD = 2 ** 30;
/** The most address space one process may take when RLIMIT_AS is unlimited (boot option `memoryLimit`). */
export const DEFAULT_MEMORY_LIMIT = 16 * 2 ** 30;
const SAMPLE_MS = 10;
/** A process charged with less is no culprit: the memory is someone else's (another kernel's, the host's). */
const MIN_VICTIM = 2 ** 20;
/** After a kill: how long to let the victim's Worker go before choosing again. */
const GRACE_MS = 150;
/** ...and, for the threshold, until half its charge has come back, or at most this long. */
const RELEASE_MS = 3000;

interface Charge {
  resident: number;
  virtual: number;
  /** Calls served when last sampled: a process that made calls meanwhile has run. */
  calls: number;
  /** Its thread's page faults when last sampled (NaN where unknown). */
  faults: number;
  /** The Worker charged: exec gives the process another, and the old one's memory goes with it. */
  worker: ProcessWorker | undefined;
}

export class OomKiller {
  private readonly charges = new Map<Process, Charge>();
  private last: MemorySample;
  /** The Workers' memory at its lowest since boot (the host's resident memory beyond the kernel thread's own). */
  private base: number;
  private timer: ReturnType<typeof setInterval> | undefined;
  private quietUntil = 0;
  /** After a kill at the threshold: the memory the victim's going should take the measure below. */
  private releasing: { readonly below: number; readonly until: number } | undefined;

  constructor(private readonly k: Kernel, private readonly probe: MemoryProbe,
    private readonly threshold: number, private readonly memoryLimit: number) {
    this.last = probe.sample();
    this.base = this.last.rss - this.last.kernel;
    this.timer = setInterval(() => this.tick(), SAMPLE_MS);
    const t: unknown = this.timer;
    if (typeof t === 'object' && t !== null && 'unref' in t && typeof t.unref === 'function') t.unref(); // never keeps the host alive
  }

  stop(): void {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
    this.probe.close?.();
  }

  private tick(): void {
    const now = performance.now();
    const s = this.probe.sample();
    // What the kernel's thread grew by: what it allocated, or, when the pages come later (a file's
    // buffer filled by writes), the pages it touched; what it gave back.
    const kernelGrew = s.kernel - this.last.kernel;
    const kernelResident = kernelGrew < 0 ? kernelGrew : Math.max(kernelGrew, s.kernelTouched - this.last.kernelTouched);
    const grown = (s.rss - this.last.rss) - kernelResident;
    const grownVirtual = s.virtual - this.last.virtual;
    this.last = s;
    // While a victim's memory is going back, what shrinks is its, not the runners' to be credited.
    const ran = this.attribute(this.releasing && grown < 0 ? 0 : grown, grownVirtual);
    this.boundRecords();
    if (now < this.quietUntil) return;
    for (const p of ran) {
      const c = this.charges.get(p)!;
      // Address space holds what is resident too (AS ≥ RSS); untouched buffers only show in `virtual`.
      const resident = c.resident + p.log.size;
      const space = Math.max(resident, c.virtual);
      if (resident > this.limit(p, RLIMIT_DATA, Infinity) || space > this.limit(p, RLIMIT_AS, this.memoryLimit)) {
        this.kill(p, now);
        return;
      }
    }
    this.base = Math.min(this.base, s.rss - s.kernel); // memory that was there at boot and went is not ours to keep
    const host = s.rss - s.kernel - this.base;
    if (this.releasing && (host <= this.releasing.below || now >= this.releasing.until)) this.releasing = undefined;
    if (this.releasing) return; // the last victim's memory is still going
    // The processes' memory: what the host grew by, but never more than what this kernel's own
    // processes were charged with (another kernel in the same host is not ours to punish).
    let charged = 0;
    for (const [p, c] of this.charges) charged += c.resident + p.log.size;
    let records = 0;
    for (const p of this.k.procs.values()) records += p.log.size;
    if (Math.min(host + records, charged) > this.threshold) {
      const victim = this.worst();
      if (!victim) return;
      const c = this.charges.get(victim)!;
      this.releasing = { below: host - c.resident / 2, until: now + RELEASE_MS };
      this.kill(victim, now);
    }
  }

  /**
   * Share a change of the Workers' memory among the processes that ran since the last sample: in
   * proportion to the pages each touched meanwhile where the probe can tell, else equally.
   */
  private attribute(grown: number, grownVirtual: number): Process[] {
    const ran: Process[] = [];
    const touched: number[] = [];
    for (const [p] of this.charges) if (p.state === 'Z' || !this.k.procs.has(p.pid)) this.charges.delete(p);
    for (const p of this.k.procs.values()) {
      if (p === this.k.init || p.state === 'Z' || !p.channel) continue;
      let c = this.charges.get(p);
      if (!c || c.worker !== p.worker) {
        c = { resident: 0, virtual: 0, calls: p.calls, faults: NaN, worker: p.worker };
        this.charges.set(p, c);
      }
      const faults = (p.worker && this.probe.faults?.(p.worker)) ?? NaN;
      const waiting = Atomics.load(p.channel.ctl, CTL_STATE) === STATE_REQUEST || p.parked !== undefined || p.state === 'T';
      if (!waiting || c.calls !== p.calls || faults > c.faults) {
        ran.push(p);
        touched.push(Math.max(0, faults - c.faults));
      }
      c.calls = p.calls;
      c.faults = faults;
    }
    const total = touched.reduce((a, b) => a + b, 0);
    const weighed = grown > 0 && total > 0; // NaN (unknown) fails both tests
    ran.forEach((p, i) => {
      const c = this.charges.get(p)!;
      const share = weighed ? touched[i]! / total : 1 / ran.length;
      c.resident = Math.max(0, c.resident + grown * share);
      c.virtual = Math.max(0, c.virtual + grownVirtual / ran.length);
    });
    return ran;
  }

  /** Keep the fork records together under a sixth of the threshold: give up the largest first. */
  private boundRecords(): void {
    const budget = this.threshold / 6;
    let total = 0;
    for (const p of this.k.procs.values()) total += p.log.size;
    if (total <= budget) return;
    const largest = [...this.k.procs.values()].filter((p) => p.log.size > 0).sort((a, b) => b.log.size - a.log.size);
    for (const p of largest) {
      if (total <= budget) break;
      total -= p.log.size;
      p.log.drop();
    }
  }

  private limit(p: Process, resource: number, otherwise: number): number {
    const soft = p.limits.get(resource)?.[0];
    return soft === undefined || soft < 0 ? otherwise : soft;
  }

  /** The process charged with the most (oom_badness), the newest on a tie; never init, never one charged with almost nothing. */
  private worst(): Process | undefined {
    let best: Process | undefined;
    let most = MIN_VICTIM;
    for (const [p, c] of this.charges) {
      if (p.state === 'Z' || p === this.k.init) continue;
      const score = c.resident + p.log.size + c.virtual / 64;
      if (score > most || (score === most && best !== undefined && p.pid > best.pid)) {
        best = p;
        most = score;
      }
    }
    return best;
  }

  private kill(p: Process, now: number): void {
    this.charges.delete(p);
    this.quietUntil = now + GRACE_MS;
    oomKill(this.k, p);
  }
}

/**
 * SIGKILL for memory, with the kernel log's line on the kernel's diagnostics and on the victim's
 * controlling terminal (printk to the console).
 */
export function oomKill(k: Kernel, p: Process): void {
  const line = `Out of memory: Killed process ${p.pid} (${p.name})\n`;
  const tty = controllingTty(k, p);
  sendSignal(k, p, SIGKILL);
  k.options.onDiagnostic?.(line);
  try {
    tty?.write(new TextEncoder().encode(line)); // through the line discipline (ONLCR)
  } catch {
    // a terminal whose output is full: the diagnostic channel has the line
  }
}

/** Whether a Worker died of its JavaScript heap limit (Node: ERR_WORKER_OUT_OF_MEMORY). */
export function heapExhausted(reason: string): boolean {
  return /reaching memory limit|out of memory/i.test(reason);
}
