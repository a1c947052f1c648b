/**
 * sched_yield(2). Deterministic scheduling keeps the CPU with its holder until it blocks, so
 * yielding gives nothing away; the call's use is to enter the kernel: a process computing
 * without calls makes it when its channel's CTL_PENDING word is set, and the answer delivers
 * what waits (a caught signal's handler rides on it; a stopped process is held until continued).
 * The os library passes the number of its check as an argument (Linux's call takes none) and the
 * answer's first extra number gives it back, so a forked child repeating its parent's record finds
 * at which check its parent called without computing a digest per check (os/channel.ts).
 */
import { full, type SyscallEntry } from '../syscall.js';

export const schedCalls: ReadonlyArray<readonly [number, SyscallEntry]> = [
  [24, full('sched_yield', [], (_k, _p, a) => ({ value: 0, nums: [a.int(0)] }))],
];
