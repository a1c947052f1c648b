/**
 * A process (Linux's task_struct, single-threaded): identity, credentials, working directory,
 * umask, descriptors and the state the scheduler and wait need. Kernel code mutates it; user
 * space sees it only through system calls.
 */
import type { Credentials } from '../kernel/creds.js';
import type { DirectoryNode, Timespec } from '../fs/types.js';
import type { ChannelViews } from '../kernel/abi/channel.js';
import type { FdTable } from './fdtable.js';
import type { ProcessWorker } from './worker-host.js';
import type { Park } from '../kernel/syscall.js';

/** R running or runnable, S sleeping in a call, T stopped, Z zombie (as /proc/<pid>/status). */
export type ProcessState = 'R' | 'S' | 'T' | 'Z';


export class Process {
  state: ProcessState = 'R';
  /** The POSIX wait status once it has exited. */
  exitStatus: number | undefined;
  /** The call it sleeps in: retried when woken (returns a result or parks again). */
  parked: Park | undefined;
  /** True while the process's request sits in its channel, not yet served. */
  pending = false;
  /** Set by wake(): the parked call should be retried when the process next gets the CPU. */
  woken = false;
  readonly children = new Set<Process>();
  worker: ProcessWorker | undefined;
  /** Called once when the process becomes a zombie (the kernel API's wait). */
  readonly exitWatchers: Array<(status: number) => void> = [];

  constructor(
    readonly pid: number,
    public parent: Process | undefined,
    public creds: Credentials,
    public cwd: DirectoryNode,
    public root: DirectoryNode,
    public umask: number,
    public fds: FdTable,
    public argv: readonly string[],
    public env: readonly string[],
    public login: string,
    readonly startTime: Timespec,
    readonly channel: ChannelViews | undefined,
  ) {}

  get ppid(): number {
    return this.parent?.pid ?? 0;
  }

  /** The command name as Linux keeps it (comm): the basename of argv[0], at most 15 bytes. */
  get name(): string {
    const a0 = this.argv[0] ?? '';
    return a0.slice(a0.lastIndexOf('/') + 1).slice(0, 15);
  }
}
