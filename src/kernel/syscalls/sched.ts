/**
 * sched_yield(2). Deterministic scheduling keeps the CPU with its holder until it blocks, so
 * yielding gives nothing away; the call's use is to enter the kernel: a process computing
 * without calls makes it when its channel's CTL_PENDING word is set, and the answer delivers
 * what waits (a caught signal's handler rides on it; a stopped process is held until continued).
 * The os library passes a count of its checks as an argument, which Linux's call ignores, so a
 * forked child repeating its parent's record makes it at the same check (os/channel.ts).
 */
import { full, type SyscallEntry } from '../syscall.js';

export const schedCalls: ReadonlyArray<readonly [number, SyscallEntry]> = [
  [24, full('sched_yield', [], () => 0)],
];
