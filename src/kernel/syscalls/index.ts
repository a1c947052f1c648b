/**
 * The syscall table: number → entry. It is data: strace formatting, the compatibility table in
 * the README and the handlers all come from these entries.
 */
import type { SyscallEntry } from '../syscall.js';
import { credCalls } from './cred.js';
import { ioCalls } from './fs-io.js';
import { pathCalls } from './fs-path.js';
import { pollCalls } from './poll.js';
import { procCalls } from './proc.js';
import { processCalls } from './process.js';
import { schedCalls } from './sched.js';
import { signalCalls } from './signal.js';
import { statfsCalls } from './statvfs.js';
import { ttyCalls } from './tty.js';

export const SYSCALLS: ReadonlyMap<number, SyscallEntry> = new Map([
  ...ioCalls, ...pathCalls, ...credCalls, ...procCalls, ...processCalls, ...signalCalls, ...pollCalls, ...ttyCalls, ...schedCalls, ...statfsCalls,
]);
