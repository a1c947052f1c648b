/**
 * The VFS's shared types: inodes, open file descriptions, the caller's context and the records
 * that stat and getdents return. Models Linux's struct inode / struct file / struct kstat.
 */
import type { Credentials } from '../kernel/creds.js';

/** A time with nanoseconds, as struct timespec. */
export interface Timespec {
  readonly sec: number;
  readonly nsec: number;
}

/** Where the VFS reads the time for atime/mtime/ctime: the kernel's (virtual) clock. */
export interface FsClock {
  now(): Timespec;
}

/** The full stat record (struct stat), with times split into seconds and nanoseconds. */
export interface StatRecord {
  readonly dev: number;
  readonly ino: number;
  readonly mode: number;
  readonly nlink: number;
  readonly uid: number;
  readonly gid: number;
  readonly rdev: number;
  readonly size: number;
  readonly blksize: number;
  readonly blocks: number;
  readonly atime: Timespec;
  readonly mtime: Timespec;
  readonly ctime: Timespec;
}

/** One directory entry as getdents64 returns it. */
export interface Dirent {
  readonly name: string;
  readonly ino: number;
  /** DT_* value. */
  readonly type: number;
}

/**
 * The caller of a VFS operation: whose credentials, which directory relative paths start from,
 * the root, and the umask applied to created files. The kernel builds one per system call.
 */
export interface FsContext {
  readonly creds: Credentials;
  readonly cwd: DirectoryNode;
  readonly root: DirectoryNode;
  readonly umask: number;
}

/** Read or write: what an open file's operations do; blocking kinds are also Waitable (waitqueue.ts). */
export interface FileOps {
  read(file: OpenFile, buf: Uint8Array, position: number): number;
  write(file: OpenFile, data: Uint8Array, position: number): number;
  /** Called when the last descriptor referring to the open file description is closed. */
  release?(file: OpenFile): void;
  /** Whether lseek is meaningful (false: ESPIPE). */
  readonly seekable: boolean;
  /**
   * Readiness for poll(2): the POLL* bits that hold now (POLLIN, POLLOUT, POLLHUP, POLLERR …).
   * Absent: the file never blocks, and is always readable and writable (DEFAULT_POLLMASK). A
   * file that has it is also Waitable: its wait queue is woken when the answer may change.
   */
  poll?(file: OpenFile): number;
}

/** Marker for every kind of inode. The concrete classes live in inode.ts. */
export interface Node {
  readonly ino: number;
  readonly dev: number;
  mode: number;
  uid: number;
  gid: number;
  nlink: number;
  atime: Timespec;
  mtime: Timespec;
  ctime: Timespec;
  readonly rdev: number;
  /** The filesystem (mount) this inode belongs to. */
  readonly sb: SuperBlock;
}

/** A directory, with enough to walk `..` through its real parent and compute getcwd. */
export interface DirectoryNode extends Node {
  /** The parent directory (the root's parent is itself; a mount root's is the mountpoint's parent). */
  parent: DirectoryNode;
  /** The name under which `parent` holds this directory (for getcwd); '/' for the root. */
  name: string;
  /** A filesystem mounted on this directory, if any. */
  mounted: DirectoryNode | undefined;
}

/** One mounted filesystem (struct super_block). */
export interface SuperBlock {
  readonly dev: number;
  readonly type: string;
  readonly readonly: boolean;
  readonly nosuid: boolean;
}

/**
 * An open file description (struct file): shared by dup'd descriptors and across fork,
 * with its own offset and status flags.
 */
export interface OpenFile {
  readonly node: Node;
  /** O_ACCMODE plus status flags (O_APPEND, O_NONBLOCK, …); F_SETFL changes the latter. */
  flags: number;
  offset: number;
  readonly ops: FileOps;
  /** The path it was opened by, for /proc/<pid>/fd links. */
  readonly path: string;
  /** How many descriptors (in any process) refer to it. */
  refs: number;
}

/** What /proc needs to know about processes. The kernel implements it; fs does not import proc. */
export interface ProcessInfo {
  readonly pid: number;
  readonly ppid: number;
  readonly name: string;
  readonly state: string;
  readonly creds: Credentials;
  readonly umask: number;
  readonly cmdline: readonly string[];
  readonly environ: readonly string[];
  readonly cwd: DirectoryNode;
  readonly root: DirectoryNode;
  /** The image it runs (a script's interpreter), for /proc/<pid>/exe ('' if none). */
  readonly exe?: string;
  /** Linux's dumpable flag (default true): false once it changed effective ids or exec'd a set-id image (proc-access.ts). */
  readonly dumpable?: boolean;
  /** Open descriptors: fd → the open file's path (for readlink of /proc/<pid>/fd/<n>). */
  readonly fds: ReadonlyMap<number, OpenFile>;
  readonly threads: number;
  readonly startTime: Timespec;
  readonly pgid: number;
  readonly sid: number;
  /** The controlling terminal as /proc/<pid>/stat encodes it (major << 8 | minor), or 0. */
  readonly ttyNr: number;
  /** That terminal's foreground process group, or -1. */
  readonly tpgid: number;
}

export interface ProcessInfoSource {
  list(): readonly number[];
  get(pid: number): ProcessInfo | undefined;
  /** When the kernel booted (for /proc/uptime, /proc/stat's btime and start times in ticks). */
  bootTime(): Timespec;
  /** The pid of the process making the current call (for /proc/self). */
  current(): number | undefined;
}
