/**
 * The kernel: one plain object per boot(), holding the process table, the VFS, the clock, the
 * random source and the scheduler. No module-level state: many kernels can live in one thread.
 *
 * Its own code is synchronous; the only asynchrony is waiting for requests on the processes'
 * channels (Atomics.waitAsync, see channel-server.ts) and for timers in real-time mode.
 */
import { channelViews, CTL_RECYCLE, RECYCLE } from './abi/channel.js';
import { startUntaken } from '../proc/handoff.js';
import { O_RDONLY, O_WRONLY } from './abi/fcntl.js';
import { S_IFCHR, S_IFIFO } from './abi/stat.js';
import { SIGKILL } from './abi/signal.js';
import { makeClock, parseClockStart, type KernelClock } from './clock.js';
import { makeCredentials, type Credentials } from './creds.js';
import { makeRandom, type RandomSource } from './random.js';
import { ChannelServer } from './channel-server.js';
import { DEFAULT_MEMORY_LIMIT, DEFAULT_OOM_THRESHOLD, heapExhausted, OomKiller, oomKill, type MemoryProbe } from './oom.js';
import { Scheduler } from './scheduler.js';
import { setupSystem, type SystemSpec } from './setup.js';
import { Vfs, type MountSpec } from '../fs/vfs.js';
import { allocPipe, pipeOps } from '../fs/pipe.js';
import { ENFILE } from './abi/errno.js';
import { SysError } from './errors.js';
import { HostInput, sinkOps } from '../fs/hoststream.js';
import { PtyTable } from '../fs/devpts.js';
import { ttyHooks } from '../proc/jobctl.js';
import { attachTerminal, openPty, type OpenPtyOptions, type PtyHandle } from './pty.js';
import type { FsContext, OpenFile, ProcessInfo, ProcessInfoSource } from '../fs/types.js';
import { PTS_MAJOR } from '../fs/devpts.js';
import { controllingTty } from '../proc/jobctl.js';
import { FdTable } from '../proc/fdtable.js';
import { Process } from '../proc/process.js';
import { WorkerPool } from '../proc/pool.js';
import { LinkCache } from '../proc/link.js';
import { exitProcess } from '../proc/lifecycle.js';
import type { ProcessWorker, WorkerFactory, WorkerStartMessage } from '../proc/worker-host.js';

/** How long a Worker still finishing its last process may take to begin the next before the kernel starts it elsewhere. */
const FINISH_MS = 500;

export interface BootOptions extends SystemSpec {
  /** How process Workers are made (the Node and browser entry points supply one). */
  readonly workers: WorkerFactory;
  /** Start of the clock: ISO-8601 text or seconds since the epoch (default 2000-01-01T00:00:00Z). */
  readonly clock?: string | number;
  /** Real-time mode: Workers run in parallel and the clock follows the host. Default: deterministic. */
  readonly realtime?: boolean;
  /** Seed for the random source and for the scheduler: with a seed, which runnable process runs
   * next is a seeded choice instead of the lowest pid (LESSONS.md §1.4), to explore interleavings. */
  readonly seed?: number;
  /** The pid the first process after init gets (default 2). */
  readonly nextPid?: number;
  /** st_dev of the root filesystem. */
  readonly rootDev?: number;
  readonly mounts?: readonly MountSpec[];
  /** One line per system call (strace). */
  readonly strace?: (line: string) => void;
  /** Kernel messages about processes (a fork replay that diverged), besides the process's stderr. */
  readonly onDiagnostic?: (message: string) => void;
  /** Called when every process is blocked with no timer pending; blocked processes are then killed. */
  readonly onDeadlock?: (report: string) => void;
  /** Warm Workers kept ready (default 1). */
  readonly poolSize?: number;
  /** Spin iterations in the syscall client before Atomics.wait. */
  readonly spin?: number;
  /** Host monotonic milliseconds (performance.now); only real-time mode reads it. */
  readonly hostNow?: () => number;
  /** Processes in the whole system (threads-max): fork and posix_spawn beyond it are EAGAIN (default 128). */
  readonly maxProcesses?: number;
  /** Bytes the in-memory filesystems may hold: ENOSPC beyond (default 1 GiB; see fs/space.ts). */
  readonly fsSize?: number;
  /** Inodes they may hold (default one per 4 KiB of fsSize). */
  readonly fsInodes?: number;
  /** The host's memory, for the OOM killer and memory limits (oom.ts); the Node boot gives one. */
  readonly memory?: MemoryProbe;
  /** Host resident memory (bytes), less the files' contents, above which the OOM killer kills the largest process (default 1 GiB). */
  readonly oomThreshold?: number;
  /** Address space (bytes) one process may take while its RLIMIT_AS is unlimited (default 16 GiB). */
  readonly memoryLimit?: number;
  /** /proc/sys/fs/pipe-max-size: bytes F_SETPIPE_SZ gives an unprivileged caller at most (default 1 MiB; fs/pipe-account.ts). */
  readonly pipeMaxSize?: number;
  /** /proc/sys/fs/pipe-user-pages-soft: pages of pipes per user past which new ones get 2 pages (default 16384; 0: none). */
  readonly pipeUserPagesSoft?: number;
  /** /proc/sys/fs/pipe-user-pages-hard: pages of pipes per user past which no more are made (default 0: none). */
  readonly pipeUserPagesHard?: number;
  /** Bytes all pipes' buffers may hold together: a write past it is short or ENOMEM (default 128 MiB). */
  readonly pipeMemory?: number;
}

/** Where a new process's standard descriptor comes from. */
export type StdioSpec =
  | { readonly kind: 'null' }
  | { readonly kind: 'sink'; readonly write: (bytes: Uint8Array) => void; readonly fifo?: boolean }
  | { readonly kind: 'input'; readonly input: HostInput }
  | { readonly kind: 'file'; readonly file: OpenFile }
  | { readonly kind: 'dup'; readonly fd: number }
  /** The slave side of a pseudo-terminal, which becomes the process's controlling terminal. */
  | { readonly kind: 'tty'; readonly pty: PtyHandle };

export interface SpawnOptions {
  readonly program: { readonly source: string; readonly path: string };
  readonly argv: readonly string[];
  readonly env?: readonly string[];
  readonly uid?: number;
  readonly gid?: number;
  readonly groups?: readonly number[];
  /** Full credentials (overrides uid/gid/groups). */
  readonly creds?: Credentials;
  readonly cwd?: string;
  readonly umask?: number;
  readonly login?: string;
  readonly stdio?: readonly [StdioSpec, StdioSpec, StdioSpec];
}

export interface ProcessHandle {
  readonly pid: number;
  /** Resolves with the POSIX wait status when the process exits. */
  readonly exited: Promise<number>;
}

/** A kernel bug: something other than SysError escaped a handler. Tests assert there are none. */
export interface KernelBug {
  readonly pid: number;
  readonly call: string;
  readonly error: string;
}

export class Kernel {
  readonly vfs: Vfs;
  /** The pseudo-terminals (/dev/pts). */
  readonly ptys: PtyTable;
  readonly clock: KernelClock;
  readonly random: RandomSource;
  readonly procs = new Map<number, Process>();
  readonly init: Process;
  readonly scheduler: Scheduler;
  readonly server: ChannelServer;
  readonly bugs: KernelBug[] = [];
  /** exec's decoded JavaScript images, per inode, valid while the file's generation is unchanged. */
  /** JavaScript images linked for their Workers (proc/link.ts), by source text and path. */
  readonly linkCache = new LinkCache();
  readonly imageCache = new WeakMap<object, { readonly generation: number; readonly source: string }>();
  /** uname's nodename; sethostname(2) changes it. */
  hostname: string;
  private readonly pool: WorkerPool;
  /** The OOM killer, when the platform can measure memory. */
  readonly oom: OomKiller | undefined;
  /** Host streams given as stdin: a reader waiting on one is waiting for the host, not deadlocked. */
  private readonly hostInputs = new Set<HostInput>();
  private nextPid: number;
  private current: Process | undefined;

  constructor(readonly options: BootOptions) {
    const hostNow = options.hostNow ?? (() => performance.now());
    this.clock = makeClock(parseClockStart(options.clock), !options.realtime, hostNow);
    this.random = makeRandom(options.seed ?? 0);
    const procSource: ProcessInfoSource = {
      list: () => [...this.procs.keys()].sort((a, b) => a - b),
      get: (pid) => this.processInfo(pid),
      current: () => this.current?.pid,
      bootTime: () => this.init.startTime,
    };
    this.vfs = new Vfs({
      clock: this.clock,
      ...(options.rootDev !== undefined ? { rootDev: options.rootDev } : {}),
      ...(options.mounts ? { mounts: options.mounts } : {}),
      procSource,
      random: (buf) => this.random.fill(buf),
      ...(options.fsSize !== undefined ? { fsSize: options.fsSize } : {}),
      ...(options.fsInodes !== undefined ? { fsInodes: options.fsInodes } : {}),
      pipes: { maxSize: options.pipeMaxSize, userPagesSoft: options.pipeUserPagesSoft,
        userPagesHard: options.pipeUserPagesHard, memory: options.pipeMemory },
    });
    this.ptys = new PtyTable(this.vfs, ttyHooks(this));
    this.hostname = options.hostname ?? 'posixbox';
    const root = makeCredentials(0, 0, []);
    this.init = new Process(1, undefined, root, this.vfs.root, this.vfs.root, 0o022,
      this.newFdTable(), ['init'], [], 'root', this.clock.now(), undefined);
    this.init.state = 'S';
    this.procs.set(1, this.init);
    this.nextPid = options.nextPid ?? 2;
    this.scheduler = new Scheduler(this, options.seed);
    this.server = new ChannelServer(this);
    setupSystem(this, options);
    this.pool = new WorkerPool(options.workers, options.poolSize ?? 1);
    this.oom = options.memory ? new OomKiller(this, options.memory, options.oomThreshold ?? DEFAULT_OOM_THRESHOLD,
      options.memoryLimit ?? DEFAULT_MEMORY_LIMIT) : undefined;
  }

  newFdTable(): FdTable {
    return new FdTable((f) => this.vfs.close(f));
  }

  /** The VFS context of a process's call: its credentials, cwd, root and umask. */
  fsContext(p: Process): FsContext {
    return { creds: p.creds, cwd: p.cwd, root: p.root, umask: p.umask };
  }

  /** Root's context at `/`, for setting up the system. */
  rootContext(): FsContext {
    return this.fsContext(this.init);
  }

  allocPid(): number {
    for (let i = 0; i < 4_194_304; i++) {
      const pid = this.nextPid++;
      if (this.nextPid > 4_194_304) this.nextPid = 2;
      if (!this.procs.has(pid)) return pid;
    }
    throw new Error('pid space exhausted');
  }

  /** Create a process running `program`, a child of init, with the given identity and stdio. */
  spawn(o: SpawnOptions): ProcessHandle {
    const creds = o.creds ?? makeCredentials(o.uid ?? 0, o.gid ?? 0, o.groups ?? []);
    const ctx: FsContext = { creds, cwd: this.vfs.root, root: this.vfs.root, umask: o.umask ?? 0o022 };
    const cwd = o.cwd ? this.vfs.chdir(ctx, o.cwd) : this.vfs.root;
    const fds = this.newFdTable();
    const stdio = o.stdio ?? [{ kind: 'null' }, { kind: 'null' }, { kind: 'null' }];
    stdio.forEach((spec, fd) => this.installStdio(fds, fd, spec, { ...ctx, cwd }));
    const pid = this.allocPid();
    const p = new Process(pid, this.init, creds, cwd, this.vfs.root, ctx.umask, fds, [...o.argv],
      [...(o.env ?? [])], o.login ?? '', this.clock.now(), undefined);
    p.image = o.program;
    p.dumpable = creds.euid === creds.ruid && creds.egid === creds.rgid; // as exec of a set-id image leaves it
    p.seed = this.random.next();
    p.pgid = pid;
    p.sid = pid;
    attachTerminal(p, stdio);
    this.init.children.add(p);
    this.procs.set(pid, p);
    const exited = new Promise<number>((resolve) => p.exitWatchers.push(resolve));
    this.startWorker(p);
    return { pid, exited };
  }

  private installStdio(fds: FdTable, fd: number, spec: StdioSpec, ctx: FsContext): void {
    let file: OpenFile;
    switch (spec.kind) {
      case 'null':
        file = this.vfs.open(this.rootContext(), '/dev/null', fd === 0 ? O_RDONLY : O_WRONLY, 0);
        break;
      case 'sink': {
        const node = this.vfs.anonNode((spec.fifo ? S_IFIFO : S_IFCHR) | 0o620, ctx.creds);
        file = this.vfs.openNode(node, O_WRONLY, sinkOps(spec.write), spec.fifo ? 'pipe:[stdout]' : '/dev/pts/0');
        break;
      }
      case 'input': {
        const node = this.vfs.anonNode(S_IFCHR | 0o620, ctx.creds);
        file = this.vfs.openNode(node, O_RDONLY, spec.input.ops(), '/dev/pts/0');
        this.hostInputs.add(spec.input);
        break;
      }
      case 'file':
        file = spec.file;
        break;
      case 'dup':
        file = fds.file(spec.fd);
        break;
      case 'tty':
        file = this.ptys.openSlave(spec.pty.tty);
        break;
    }
    fds.installAt(fd, file, false);
    if (spec.kind !== 'dup' && spec.kind !== 'file') this.vfs.close(file); // the table holds it now
  }

  /** A pipe whose read end the kernel's caller consumes; returns the write end to give a process. */
  capturePipe(onData: (bytes: Uint8Array) => void, onEof: () => void): OpenFile {
    const pipe = allocPipe(this.vfs.pipes, this.init.creds)!; // root's: never refused
    pipe.consumer = { data: onData, eof: onEof };
    const node = this.vfs.anonNode(S_IFIFO | 0o600, this.init.creds);
    const file = this.vfs.openNode(node, O_WRONLY, pipeOps(pipe, false, true), `pipe:[${node.ino}]`);
    return file;
  }

  /** A pipe between processes: [read end, write end]; ENFILE past pipe-user-pages-hard (create_pipe_files). */
  makePipe(creds: Credentials, flags: number): [OpenFile, OpenFile] {
    const pipe = allocPipe(this.vfs.pipes, creds);
    if (pipe === undefined) throw new SysError(ENFILE);
    const node = this.vfs.anonNode(S_IFIFO | 0o600, creds);
    const path = `pipe:[${node.ino}]`;
    return [
      this.vfs.openNode(node, O_RDONLY | flags, pipeOps(pipe, true, false), path),
      this.vfs.openNode(node, O_WRONLY | flags, pipeOps(pipe, false, true), path),
    ];
  }

  /** Give a new process a Worker running its image; it is runnable from now on. */
  startWorker(p: Process): void {
    this.scheduler.admit(p);
    this.launch(p);
  }

  /**
   * execve: the new image starts in the process's own Worker — the old program's calls fail from
   * now on, and its runtime, unwinding, starts the new image (os/runtime.ts). An exec that
   * changes credentials (set-user-ID, set-group-ID) takes a fresh Worker instead, which no code
   * of the old program has ever run in.
   */
  execWorker(p: Process, fresh: boolean): void {
    const worker = p.worker;
    if (fresh || !worker || !p.channel) {
      this.replaceWorker(p);
      return;
    }
    this.server.listen(p);
    worker.start(this.startMessage(p));
  }

  /**
   * exit_group: the process ends; a Worker whose runtime marked the exit clean (CTL_RECYCLE: it
   * ran the program to its end and nothing of it can run again) goes back to the pool.
   */
  exitCall(p: Process, status: number): void {
    const worker = p.worker;
    if (!worker || !p.channel || Atomics.load(p.channel.ctl, CTL_RECYCLE) !== RECYCLE) {
      this.exit(p, status);
      return;
    }
    p.worker = undefined; // exitProcess must not stop it
    exitProcess(this, p, status);
    p.channel = undefined;
    this.pool.giveBack(worker);
  }

  /** execve to a fresh Worker: the old one goes, a pooled one takes the new image; the process keeps its place. */
  replaceWorker(p: Process): void {
    p.worker?.terminate();
    p.worker = undefined;
    const old = p.channel;
    p.channel = undefined;
    if (old) this.server.released(p, old);
    this.launch(p);
  }

  private launch(p: Process): void {
    const { worker, finishing } = this.pool.take();
    p.worker = worker;
    p.channel = channelViews(worker.channel);
    worker.onCrash((reason) => {
      if (p.state === 'Z' || p.worker !== worker) return;
      if (startUntaken(worker.channel)) {
        this.relaunch(p, worker); // it died before it began the process: start it elsewhere
        return;
      }
      if (heapExhausted(reason)) {
        oomKill(this, p); // its heap limit: an out-of-memory kill, not a kernel bug
        return;
      }
      this.bugs.push({ pid: p.pid, call: 'worker', error: reason });
      this.exit(p, SIGKILL);
    });
    this.server.listen(p);
    worker.start(this.startMessage(p));
    if (finishing) {
      // A Worker still finishing its last process (its program's code unwinding from os._exit, or
      // microtasks it left, running with no calls to make): a hostile one may never finish. If the start is still untaken after a while, the process starts elsewhere.
      const t = setTimeout(() => {
        if (p.worker === worker && p.state !== 'Z' && startUntaken(worker.channel)) this.relaunch(p, worker);
      }, FINISH_MS) as unknown as { unref?: () => void };
      t.unref?.();
    }
  }

  /** p's Worker never began it: stop that Worker, start p on another. */
  private relaunch(p: Process, worker: ProcessWorker): void {
    worker.terminate();
    const old = p.channel;
    p.worker = undefined;
    p.channel = undefined;
    if (old) this.server.released(p, old);
    this.launch(p);
  }

  private startMessage(p: Process): WorkerStartMessage {
    const image = p.image!;
    return {
      type: 'start', sab: p.channel!.sab, pid: p.pid, argv: p.argv, env: p.env,
      seed: p.seed, program: this.linkCache.get(image.source, image.path), spin: this.options.spin ?? 2000, running: !this.clock.deterministic,
      replay: p.replay?.shipped,
    };
  }

  /** A message from the kernel about a process, on its stderr (as the kernel log would have it). */
  diagnostic(p: Process, message: string): void {
    this.options.onDiagnostic?.(message);
    if (!p.fds.has(2)) return;
    try {
      this.vfs.write(p.fds.file(2), new TextEncoder().encode(message), this.init.creds);
    } catch {
      // stderr may be closed, full or a broken pipe: the message is only a courtesy
    }
  }

  /** A pseudo-terminal whose master side the caller holds (see pty.ts). */
  openpty(o?: OpenPtyOptions): PtyHandle {
    return openPty(this.ptys, o);
  }

  /** The process whose call is being served, if any (what Linux calls `current`). */
  get caller(): Process | undefined {
    return this.current;
  }

  /** Whether a sleeping process waits for the host to type: then all asleep is not a deadlock. */
  hostMayWake(): boolean {
    return this.ptys.all().some((t) => t.hostWaiting()) || [...this.hostInputs].some((i) => i.hostWaiting());
  }

  /** The process whose call is being served (for /proc/self). */
  setCurrent(p: Process | undefined): void {
    this.current = p;
  }

  /** End a process with a POSIX wait status (see proc/lifecycle.ts). */
  exit(p: Process, status: number): void {
    exitProcess(this, p, status);
  }

  processInfo(pid: number): ProcessInfo | undefined {
    const p = this.procs.get(pid);
    if (!p) return undefined;
    const states: Record<string, string> = { R: 'R (running)', S: 'S (sleeping)', T: 'T (stopped)', Z: 'Z (zombie)' };
    const tty = p.state === 'Z' ? undefined : controllingTty(this, p);
    return {
      pid: p.pid, ppid: p.ppid, name: p.name, state: states[p.state] ?? p.state, creds: p.creds,
      umask: p.umask, cmdline: p.argv, environ: p.env, cwd: p.cwd, root: p.root,
      exe: p.image?.path ?? '', dumpable: p.dumpable,
      fds: p.fds.snapshot(), threads: 1, startTime: p.startTime, pgid: p.pgid, sid: p.sid,
      ttyNr: tty ? (PTS_MAJOR << 8) | (tty.index & 0xff) | ((tty.index & ~0xff) << 12) : 0, tpgid: tty?.pgrp ?? -1,
    };
  }

  /** A ps-style listing for the playground and tools. */
  ps(): Array<{ pid: number; ppid: number; uid: number; state: string; cmd: string }> {
    return [...this.procs.values()].sort((a, b) => a.pid - b.pid).map((p) => ({
      pid: p.pid, ppid: p.ppid, uid: p.creds.ruid, state: p.state, cmd: p.argv.join(' '),
    }));
  }

  /** How many Workers wait in the pool for a process (fresh or reused). */
  get idleWorkers(): number {
    return this.pool.idle;
  }

  /** Stop every Worker and the pool. */
  shutdown(): void {
    for (const p of this.procs.values()) {
      if (p !== this.init && p.state !== 'Z') this.exit(p, SIGKILL);
    }
    this.oom?.stop();
    this.server.close();
    this.pool.close();
  }

  /** shutdown(), then wait until every Worker thread has stopped (before a host process exits). */
  async shutdownAndWait(): Promise<void> {
    this.shutdown();
    await this.options.workers.settled?.();
  }

  nowNs(): bigint {
    return this.clock.nowNs();
  }
}

export function boot(options: BootOptions): Kernel {
  return new Kernel(options);
}

