/**
 * Node glue: the memory probe the kernel's OOM killer reads (kernel/oom.ts), as Linux's
 * /proc/self/status reports the host process: resident memory (VmRSS, through
 * process.memoryUsage), the kernel thread's own heap and buffers, and the address space
 * (VmSize) beyond what each thread (a Worker: its V8 heap and stack reservations) takes for
 * itself, which is where untouched ArrayBuffers show, and each thread's page faults (the kernel
 * thread's, to tell its own new pages — a file's buffer being filled — from the Workers'). Off
 * Linux there is no VmSize nor thread: only resident memory is watched, shared equally.
 */
import { readFileSync, readlinkSync } from 'node:fs';
import type { MemoryProbe, MemorySample } from './kernel/oom.js';
import type { ProcessWorker } from './proc/worker-host.js';

/** Address space a Worker reserves for itself (its heap's reservations, its stack): measured ~0.6 GiB on Node 20. */
const WORKER_VM = 768 * 2 ** 20;

interface Status {
  readonly vm: number;
  readonly threads: number;
}

/** Pages a host thread has touched: its minor and major page faults (/proc/self/task/TID/stat). */
function threadFaults(tid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'latin1');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(f[7]) + Number(f[9]); // minflt, majflt (fields 10 and 12 of stat)
  } catch {
    return undefined; // the thread has gone, or this is not Linux
  }
}

/**
 * `threadOf` names a Worker's host thread: then the probe also reads that thread's page faults
 * (/proc/self/task/TID/stat minflt + majflt), which count the pages it touched, so growth is
 * charged to the process that touched it when several run at once.
 */
export function nodeMemoryProbe(threadOf?: (w: ProcessWorker) => number | undefined): MemoryProbe {
  // No descriptor is held open: a kernel that is never shut down leaks nothing.
  const status = (): Status | undefined => {
    let text: string;
    try {
      text = readFileSync('/proc/self/status', 'latin1');
    } catch {
      return undefined;
    }
    const vm = /VmSize:\s+(\d+)/.exec(text);
    const threads = /Threads:\s+(\d+)/.exec(text);
    return vm && threads ? { vm: Number(vm[1]) * 1024, threads: Number(threads[1]) } : undefined;
  };
  const first = status();
  let self: number | undefined; // the kernel's thread: the one that makes the probe
  try {
    self = Number(readlinkSync('/proc/thread-self').split('/').pop());
  } catch {
    self = undefined;
  }
  const sample = (): MemorySample => {
    const u = process.memoryUsage();
    const st = status();
    const virtual = st && first ? Math.max(0, st.vm - first.vm - Math.max(0, st.threads - first.threads) * WORKER_VM) : 0;
    return { rss: u.rss, kernel: u.heapTotal + u.external, virtual, kernelTouched: (self === undefined ? 0 : threadFaults(self) ?? 0) * 4096 };
  };
  const faults = (w: ProcessWorker): number | undefined => {
    const tid = threadOf?.(w);
    return tid === undefined ? undefined : threadFaults(tid);
  };
  return { sample, faults };
}
