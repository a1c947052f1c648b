/**
 * procfs (Linux's fs/proc): a synthetic filesystem over a ProcessInfoSource. Directories list
 * what the source says now; file contents are generated on each read. Inodes are cached per
 * pid, so a process's /proc entries keep their inode numbers while it lives.
 *
 *   /proc/self            symlink → <current pid>
 *   /proc/stat, uptime    btime and the time since boot (CPU and idle times are not accounted)
 *   /proc/<pid>/          dr-xr-xr-x, owned by the process's euid/egid
 *     status              Name, Umask, State, Tgid, Ngid, Pid, PPid, TracerPid, Uid, Gid,
 *                         FDSize, Groups, NStgid, NSpid, Threads (fs/proc/array.c's layout)
 *     stat                one line, the leading fields of fs/proc/array.c do_task_stat (groups,
 *                         terminal, start time in ticks since boot; CPU times 0)
 *     comm                the name (15 characters at most)
 *     cmdline, environ    NUL-terminated strings (environ is 0400)
 *     cwd, root, exe      symlinks to the directories' paths and to the image run
 *     fd/                 dr-x------; <n> → the open file's path (lr-x, l-wx or lrwx, as it is open)
 *
 * As on Linux, a name that is not there cannot be created (ENOENT), nothing can be removed or
 * renamed (EPERM) and modes cannot change (EPERM); writing a file is EINVAL.
 *
 * Access to another process (proc-access.ts, ptrace_may_access with PTRACE_MODE_READ_FSCREDS):
 * reading or following cwd, root, exe and fd/<n>, and opening environ, need the caller to be the
 * process, to have all its ids, or to be root; a process that is not dumpable is root's alone.
 * Its files belong to root then (task_dump_owner), so fd/ is not even listable by its user; a
 * process may always list its own fd/ (proc_fd_permission). The links themselves are always
 * there to lstat (lrwxrwxrwx, size 0), as Linux shows them.
 */
import { EACCES, EINVAL, ENOENT } from '../kernel/abi/errno.js';
import { O_ACCMODE, O_PATH, O_RDONLY, O_RDWR, O_WRONLY } from '../kernel/abi/fcntl.js';
import { S_IFDIR, S_IFLNK, S_IFREG } from '../kernel/abi/stat.js';
import type { Credentials } from '../kernel/creds.js';
import { SysError } from '../kernel/errors.js';
import { Directory, type Fs, Inode, Symlink } from './inode.js';
import { genericPermission } from './perm.js';
import { dumpOwner, ptraceMayRead } from './proc-access.js';
import type { DirectoryNode, FileOps, OpenFile, ProcessInfo, ProcessInfoSource, Timespec } from './types.js';

/** A generated read-only file: its content is computed on each read; st_size is 0. */
export class ProcFile extends Inode {
  readonly ops: FileOps;
  constructor(sb: Fs, mode: number, now: Timespec, generate: () => string) {
    super(sb, S_IFREG | mode, 0, 0, now);
    this.ops = {
      seekable: true,
      read(_file: OpenFile, buf: Uint8Array, pos: number): number {
        const bytes = new TextEncoder().encode(generate());
        const n = Math.max(0, Math.min(buf.length, bytes.length - pos));
        if (n > 0) buf.set(bytes.subarray(pos, pos + n));
        return n;
      },
      write(): number {
        throw new SysError(EINVAL);
      },
    };
  }
  get size(): number {
    return 0;
  }
}

/**
 * A symlink whose target is computed when read (readlink or a walk through it); `compute` may
 * refuse the caller (EACCES). Its size is 0, as Linux's /proc links, so lstat never computes it.
 */
export class ProcLink extends Symlink {
  constructor(sb: Fs, mode: number, now: Timespec, private readonly compute: () => string) {
    super(sb, 0, 0, now, '');
    this.mode = S_IFLNK | mode;
  }
  override readTarget(): string {
    return this.compute();
  }
  override get size(): number {
    return 0;
  }
}

/**
 * A /proc/<pid> file or directory with its own permission check (Linux's i_op->permission,
 * which perm.ts's inodePermission consults): generic_permission, then `check` may widen or
 * narrow it.
 */
class GuardedFile extends ProcFile {
  constructor(sb: Fs, mode: number, now: Timespec, generate: () => string, private readonly check: (granted: boolean) => boolean) {
    super(sb, mode, now, generate);
  }
  permission(creds: Credentials, mask: number): boolean {
    return this.check(genericPermission(creds, this, mask));
  }
}

/** A directory whose entries are computed. */
abstract class ProcDir extends Directory {
  override get synthetic(): boolean {
    return true;
  }
  abstract override lookupChild(name: string): Inode | undefined;
  abstract override list(): Iterable<[string, Inode]>;
}

const STATES = new Map([
  ['R', 'R (running)'], ['S', 'S (sleeping)'], ['D', 'D (disk sleep)'], ['T', 'T (stopped)'],
  ['t', 't (tracing stop)'], ['X', 'X (dead)'], ['Z', 'Z (zombie)'], ['I', 'I (idle)'],
]);

function statusText(p: ProcessInfo): string {
  const c = p.creds;
  const maxFd = Math.max(-1, ...p.fds.keys());
  let fdSize = 64;
  while (fdSize <= maxFd) fdSize *= 2;
  return [
    `Name:\t${p.name.slice(0, 15)}`,
    `Umask:\t${p.umask.toString(8).padStart(4, '0')}`,
    `State:\t${STATES.get(p.state) ?? p.state}`,
    `Tgid:\t${p.pid}`,
    'Ngid:\t0',
    `Pid:\t${p.pid}`,
    `PPid:\t${p.ppid}`,
    'TracerPid:\t0',
    `Uid:\t${c.ruid}\t${c.euid}\t${c.suid}\t${c.euid}`,
    `Gid:\t${c.rgid}\t${c.egid}\t${c.sgid}\t${c.egid}`,
    `FDSize:\t${fdSize}`,
    `Groups:\t${c.groups.join(' ')} `,
    `NStgid:\t${p.pid}`,
    `NSpid:\t${p.pid}`,
    `Threads:\t${p.threads}`,
    '',
  ].join('\n');
}

/** Clock ticks (USER_HZ, 100 a second) from `from` to `to`. */
function ticks(from: Timespec, to: Timespec): number {
  return Math.max(0, (to.sec - from.sec) * 100 + Math.floor((to.nsec - from.nsec) / 1e7));
}

/** The leading fields of do_task_stat; CPU times, faults and memory are 0 (not accounted). */
function statText(p: ProcessInfo, boot: Timespec): string {
  const state = p.state.charAt(0) || 'R';
  return `${p.pid} (${p.name.slice(0, 15)}) ${state} ${p.ppid} ${p.pgid} ${p.sid} ${p.ttyNr} ${p.tpgid} 4194304 0 0 0 0 0 0 0 0 20 0 `
    + `${p.threads} 0 ${ticks(boot, p.startTime)} 0 0\n`;
}

/** Seconds with two decimals, as /proc/uptime prints them. */
function centis(from: Timespec, to: Timespec): string {
  const t = ticks(from, to);
  return `${Math.floor(t / 100)}.${String(t % 100).padStart(2, '0')}`;
}

const nulJoin = (xs: readonly string[]): string => xs.map((x) => `${x}\0`).join('');

/**
 * proc_fd_instantiate: an fd link's mode tells how the file is open — r-x for reading, -wx for
 * writing (lr-x------, l-wx------, lrwx------), nothing for an O_PATH descriptor.
 */
function fdLinkMode(flags: number): number {
  if (flags & O_PATH) return 0;
  const acc = flags & O_ACCMODE;
  return (acc === O_RDONLY || acc === O_RDWR ? 0o500 : 0) | (acc === O_WRONLY || acc === O_RDWR ? 0o300 : 0);
}

export class ProcFs {
  readonly root: Directory;
  private readonly pids = new Map<number, PidDir>();
  constructor(
    readonly fs: Fs,
    readonly source: ProcessInfoSource | undefined,
    readonly now: () => Timespec,
    readonly pathOf: (dir: DirectoryNode) => string,
  ) {
    const self = new ProcLink(fs, 0o777, now(), () => String(source?.current() ?? ''));
    const boot = (): Timespec => source?.bootTime() ?? now();
    // The system-wide files procps reads: uptime (idle time is not accounted: 0) and stat's btime.
    const files = new Map<string, Inode>([
      ['stat', new ProcFile(fs, 0o444, now(), () => `cpu  0 0 0 0 0 0 0 0 0 0\nbtime ${boot().sec}\nprocesses ${source?.list().length ?? 0}\n`)],
      ['uptime', new ProcFile(fs, 0o444, now(), () => `${centis(boot(), now())} 0.00\n`)],
    ]);
    const procfs = this;
    class Root extends ProcDir {
      lookupChild(name: string): Inode | undefined {
        if (name === 'self') return source?.current() === undefined ? undefined : self;
        const f = files.get(name);
        if (f) return f;
        return /^[1-9][0-9]*$/.test(name) ? procfs.pidDir(Number(name)) : undefined;
      }
      *list(): Iterable<[string, Inode]> {
        yield* files;
        if (source?.current() !== undefined) yield ['self', self];
        for (const pid of [...(source?.list() ?? [])].sort((a, b) => a - b)) {
          const d = procfs.pidDir(pid);
          if (d) yield [String(pid), d];
        }
      }
    }
    this.root = new Root(fs, S_IFDIR | 0o555, 0, 0, now());
    fs.root = this.root;
  }

  /** The process making the current call (undefined: the kernel itself). */
  caller(): ProcessInfo | undefined {
    const pid = this.source?.current();
    return pid === undefined ? undefined : this.source?.get(pid);
  }

  /** Whether the call comes from process `pid` itself, acting with its own credentials. */
  isSelf(pid: number, creds: Credentials): boolean {
    const c = this.caller();
    return c !== undefined && c.pid === pid && c.creds.euid === creds.euid && c.creds.egid === creds.egid;
  }

  /** Whether the caller may look inside process `pid` (ptrace_may_access, READ_FSCREDS). */
  mayInspect(pid: number): boolean {
    const target = this.source?.get(pid);
    return target === undefined || ptraceMayRead(this.caller(), target);
  }

  /** The directory of a live process (cached), with ownership refreshed; else undefined. */
  pidDir(pid: number): PidDir | undefined {
    const info = this.source?.get(pid);
    if (info === undefined) {
      this.pids.delete(pid);
      return undefined;
    }
    let d = this.pids.get(pid);
    if (d === undefined) {
      d = new PidDir(this, pid, this.root);
      this.pids.set(pid, d);
    }
    d.refresh(info);
    return d;
  }
}

/** /proc/<pid>: fixed entries; the process is fetched again on every read. */
class PidDir extends ProcDir {
  private readonly entries = new Map<string, Inode>();
  /** Who the files inside belong to (task_dump_owner); set by refresh. */
  private owner: { readonly uid: number; readonly gid: number } = { uid: 0, gid: 0 };
  private readonly fdLinks = new Map<number, ProcLink>();
  readonly fdDir: Directory;
  constructor(private readonly procfs: ProcFs, readonly pid: number, root: Directory) {
    const fs = procfs.fs;
    const now = procfs.now();
    super(fs, S_IFDIR | 0o555, 0, 0, now, root, String(pid));
    const info = (): ProcessInfo | undefined => procfs.source?.get(pid);
    const file = (name: string, mode: number, gen: (p: ProcessInfo) => string): void => {
      this.entries.set(name, new ProcFile(fs, mode, now, () => {
        const p = info();
        return p ? gen(p) : '';
      }));
    };
    file('status', 0o444, statusText);
    file('stat', 0o444, (p) => statText(p, procfs.source?.bootTime() ?? p.startTime));
    file('comm', 0o444, (p) => `${p.name.slice(0, 15)}\n`);
    file('cmdline', 0o444, (p) => nulJoin(p.cmdline));
    // environ_open → mm_access: the mode's check, then ptrace_may_access.
    this.entries.set('environ', new GuardedFile(fs, 0o400, now, () => nulJoin(info()?.environ ?? []),
      (granted) => granted && procfs.mayInspect(pid)));
    const link = (name: string, target: (p: ProcessInfo) => string): void => {
      this.entries.set(name, new ProcLink(fs, 0o777, now, () => this.inspect(target)));
    };
    link('cwd', (p) => procfs.pathOf(p.cwd));
    link('root', (p) => procfs.pathOf(p.root));
    link('exe', (p) => p.exe ?? '');
    const pidDir = this;
    class FdDir extends ProcDir {
      /** proc_fd_permission: generic_permission, or the process looking at its own descriptors. */
      permission(creds: Credentials, mask: number): boolean {
        return genericPermission(creds, this, mask) || procfs.isSelf(pid, creds);
      }
      lookupChild(name: string): Inode | undefined {
        return /^(0|[1-9][0-9]*)$/.test(name) ? pidDir.fdLink(Number(name)) : undefined;
      }
      *list(): Iterable<[string, Inode]> {
        const fds = [...(info()?.fds.keys() ?? [])].sort((a, b) => a - b);
        for (const fd of fds) {
          const l = pidDir.fdLink(fd);
          if (l) yield [String(fd), l];
        }
      }
    }
    this.fdDir = new FdDir(fs, S_IFDIR | 0o500, 0, 0, now, this, 'fd');
    this.entries.set('fd', this.fdDir);
  }

  fdLink(fd: number): ProcLink | undefined {
    const file = this.procfs.source?.get(this.pid)?.fds.get(fd);
    if (file === undefined) {
      this.fdLinks.delete(fd);
      return undefined;
    }
    let l = this.fdLinks.get(fd);
    if (l === undefined) {
      l = new ProcLink(this.procfs.fs, 0o700, this.procfs.now(), () => this.inspect((p) => p.fds.get(fd)?.path ?? ''));
      this.fdLinks.set(fd, l);
    }
    l.mode = S_IFLNK | fdLinkMode(file.flags);
    this.own(l);
    return l;
  }

  /**
   * A link's target for the caller (proc_pid_readlink / proc_pid_get_link): EACCES unless it may
   * inspect the process (proc_fd_access_allowed), then ENOENT if there is nothing to point at —
   * the process is gone or a zombie (no working directory, root or image left), or it has no image.
   */
  private inspect(target: (p: ProcessInfo) => string): string {
    const p = this.procfs.source?.get(this.pid);
    if (p === undefined) throw new SysError(ENOENT);
    if (!this.procfs.mayInspect(this.pid)) throw new SysError(EACCES);
    const t = p.state.startsWith('Z') ? '' : target(p);
    if (t === '') throw new SysError(ENOENT);
    return t;
  }

  /**
   * pid_revalidate / task_dump_owner: the directory belongs to the effective ids; its files to
   * them too while the process is dumpable, else to root.
   */
  refresh(info: ProcessInfo): void {
    this.uid = info.creds.euid;
    this.gid = info.creds.egid;
    this.owner = dumpOwner(info);
    for (const n of this.entries.values()) this.own(n);
  }

  private own(n: Inode): void {
    n.uid = this.owner.uid;
    n.gid = this.owner.gid;
  }

  lookupChild(name: string): Inode | undefined {
    return this.entries.get(name);
  }
  list(): Iterable<[string, Inode]> {
    return this.entries.entries();
  }
}
