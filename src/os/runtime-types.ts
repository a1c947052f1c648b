/**
 * The per-process user-space state the os API closes over: the syscall client, argv, the
 * environment, exit handlers and the process's random generator. One is created when a Worker
 * becomes a process; nothing in src/os keeps state at module level.
 */
import type { SyscallClient } from './channel.js';

export interface ProcessRuntime {
  readonly sys: SyscallClient;
  readonly argv: string[];
  /** The environment as Python's os.environ keeps it (also what exec and spawn pass on). */
  readonly env: Map<string, string>;
  readonly atexit: Array<() => void>;
  /** uint32 from the process's seeded generator (set when the Worker becomes the process). */
  random: () => number;
}

/** Raised by sys.exit(n): unwinds to the runtime, which runs atexit handlers and exits. */
export class SystemExit extends Error {
  constructor(readonly code: number | string | null | undefined) {
    super(`SystemExit: ${String(code)}`);
    this.name = 'SystemExit';
  }
}
