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
import { WaitQueue } from '../fs/waitqueue.js';
import { SignalState } from './signals.js';
import { SyscallLog, type LogEntry } from './syscall-log.js';

/** The program a process runs: its source text and the path it was loaded from. */
export interface Image {
  readonly source: string;
  readonly path: string;
}

/** Replaying a parent's record after fork: the entries, where we are, and where the fork call is. */
export interface Replay {
  readonly entries: readonly LogEntry[];
  pos: number;
  /** The record before these entries, sent to the child's Worker to answer from itself. */
  readonly shipped?: readonly LogEntry[];
}

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
  /** Set when a caught signal interrupts the parked call: it ends with EINTR instead. */
  interrupted = false;
  /** True once the process has called execve since it was forked (setpgid's EACCES). */
  execed = false;
  /**
   * Linux's dumpable flag (mm's SUID_DUMP_USER), inherited by fork: cleared when the effective
   * ids change (commit_creds), set again by exec unless the new image is set-id or unreadable.
   * /proc lets only root inspect a process that is not dumpable (fs/proc-access.ts).
   */
  dumpable: boolean;
  readonly children = new Set<Process>();
  worker: ProcessWorker | undefined;
  image: Image | undefined;
  /** Seed of the user-space random generator (kept across fork so the replay matches). */
  seed = 0;
  /** Every answer since exec, for fork by replay. */
  log = new SyscallLog();
  replay: Replay | undefined;
  /** The digest of the request being served (recorded with its answer). */
  requestDigest = 0;
  requestNr = 0;
  /** Requests served so far: a call's serial (a parked call that is retried keeps its number). */
  calls = 0;
  signals = new SignalState();
  pgid = 0;
  sid = 0;
  /** Woken when a child exits, stops or continues (wait4 sleeps here). */
  readonly childEvents = new WaitQueue();
  /** A stop or continue not yet reported to wait (WUNTRACED / WCONTINUED). */
  stopReport: number | undefined;
  continueReport = false;
  /** The state before a stop, to resume into. */
  stoppedFrom: 'R' | 'S' | undefined;
  /** RLIMIT_NPROC [soft, hard]. */
  nprocLimit: [number, number] = [256, 256];
  /** Other resource limits set with setrlimit, [soft, hard] by resource (unlimited when absent). */
  limits = new Map<number, readonly [number, number]>();
  /** A pending alarm's cancel function and deadline (ns). */
  alarm: { readonly deadline: bigint; readonly cancel: () => void } | undefined;
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
    /** The syscall channel: the buffer of the Worker the process runs in (set when it gets one). */
    public channel: ChannelViews | undefined,
  ) {
    this.dumpable = parent?.dumpable ?? true;
  }

  get ppid(): number {
    return this.parent?.pid ?? 0;
  }

  /** The command name as Linux keeps it (comm): the basename of argv[0], at most 15 bytes. */
  get name(): string {
    const a0 = this.argv[0] ?? '';
    return a0.slice(a0.lastIndexOf('/') + 1).slice(0, 15);
  }
}
