/**
 * The VFS: the mount tree and every path-based operation. One instance per kernel.
 *
 * CONTRACT (the kernel relies on it; tests call it directly):
 * - Every method is synchronous and throws SysError(errno) for every expected failure, with
 *   Linux's errno and Linux's order of checks. Anything else thrown is a bug.
 * - Paths are JS strings (UTF-16, lengths are checked on their UTF-8 bytes). Relative paths start
 *   at ctx.cwd, absolute ones at ctx.root. An embedded NUL ends the path (C semantics).
 * - Permission checks use ctx.creds (fsuid = euid, fsgid = egid). access() is the exception: the
 *   kernel passes credentials whose euid/egid are the real ids when AT_EACCESS is not given.
 * - Times come from the clock given to the constructor.
 *
 * The work is done by one module per concern: walk.ts (path resolution), perm.ts (the
 * permission check), create.ts (new names), remove.ts (unlink, rmdir, rename), open.ts,
 * attr.ts (stat and setattr), file-ops.ts (descriptions, I/O, timestamps), devfs.ts, procfs.ts.
 * This class holds the state (clock, mounts, drivers, FIFOs) and the I/O entry points.
 */
import type { Credentials } from '../kernel/creds.js';
import { makeCredentials } from '../kernel/creds.js';
import {
  EBADF, EBUSY, EEXIST, EINVAL, EISDIR, ENOENT, ENOTDIR, ENXIO, EOPNOTSUPP, ESPIPE,
} from '../kernel/abi/errno.js';
import { O_APPEND, O_NOATIME, O_PATH, SEEK_CUR, SEEK_END, SEEK_SET } from '../kernel/abi/fcntl.js';
import { S_IFCHR, S_IFDIR, S_IFMT, S_IFREG, makedev } from '../kernel/abi/stat.js';
import { SysError } from '../kernel/errors.js';
import {
  type TimeArg, removePrivs, setMode, setOwner, setTimes, statOf, truncateNode,
} from './attr.js';
import * as create from './create.js';
import { type Device, defaultRandom, deviceTable, populateDevfs } from './devfs.js';
import { END_OF_DIRECTORY, FIRST_POSITION } from './dir-entries.js';
import { OpenFileImpl, touchAtime, touchModified } from './file-ops.js';
import { Directory, Fs, type Inode, RegularFile, SpecialFile, Symlink, addEntry, direntType, isDir } from './inode.js';
import { type OpenEnv, canRead, canWrite, open } from './open.js';
import { MAY_EXEC, MAY_WRITE, inodePermission } from './perm.js';
import { FifoTable } from './fifo.js';
import { PipeAccounting, type PipeLimits } from './pipe-account.js';
import { ProcFile, ProcFs, ProcLink } from './procfs.js';
import * as remove from './remove.js';
import type {
  Dirent, DirectoryNode, FileOps, FsClock, FsContext, Node, OpenFile, ProcessInfoSource, StatRecord, Timespec,
} from './types.js';
import { ResolvingPath, checkPath, crossMounts } from './walk.js';
import { DEFAULT_FS_SIZE, PAGE_SIZE, Space, statfsOf, unlimitedSpace } from './space.js';

export type { TimeArg } from './attr.js';

export interface MountSpec {
  /** Absolute path of an existing directory (created by the VFS if missing, mode 0755 root). */
  readonly path: string;
  readonly type: 'memfs' | 'devfs' | 'procfs';
  readonly readonly?: boolean;
  readonly nosuid?: boolean;
  /** st_dev for this mount; if absent, a deterministic number is allocated. */
  readonly dev?: number;
  /** Permission bits of the mounted root (default 0755; procfs 0555). */
  readonly mode?: number;
}

export interface VfsOptions {
  readonly clock: FsClock;
  /** st_dev of the root filesystem (default: a deterministic number). */
  readonly rootDev?: number;
  /** Extra mounts, in order. /dev (devfs) and /proc (procfs) are mounted unless `bare`. */
  readonly mounts?: readonly MountSpec[];
  readonly procSource?: ProcessInfoSource;
  /** Seeded random bytes for /dev/random and /dev/urandom. */
  readonly random?: (buf: Uint8Array) => void;
  /** Mount nothing but the root (no /dev, no /proc). */
  readonly bare?: boolean;
  /** fs.protected_hardlinks (default true, as most distributions set it). */
  readonly protectedHardlinks?: boolean;
  /** The largest size a write or truncate may give a file (EFBIG beyond; default 1 GiB). */
  readonly maxFileSize?: number;
  /** Size of the filesystems in memory (the root and memfs mounts share it; devfs has its own, at most 64 MiB): ENOSPC beyond (default 1 GiB). */
  readonly fsSize?: number;
  /** Their inode limit (default one per 4 KiB page of fsSize, as tmpfs's nr_inodes scale). */
  readonly fsInodes?: number;
  /** pipe-max-size, pipe-user-pages-soft/hard and the bound on all pipes' memory (pipe-account.ts). */
  readonly pipes?: PipeLimits;
}

/** st_dev of the root filesystem when options.rootDev is absent: 8:1, like /dev/sda1. */
export const DEFAULT_ROOT_DEV = makedev(8, 1);
/** The most a devfs mount (its /dev/shm) may hold. */
const DEV_SIZE = 64 * 2 ** 20;
/** Other filesystems get anonymous devices 0:N, N counting up from here, in mount order. */
const FIRST_ANON_MINOR = 16;

export class Vfs implements OpenEnv {
  readonly root: DirectoryNode;
  /** Character device drivers by rdev; the kernel registers terminals here (devpts.ts). */
  readonly devices: Map<number, Device>;
  readonly maxFileSize: number;
  /** The size and inode limits of the in-memory filesystems (space.ts). */
  readonly space: Space;
  private nextAnonMinor = FIRST_ANON_MINOR;
  /** Inodes outside the tree: pipes, sockets, host streams (Linux's pipefs / anon_inodefs). */
  private readonly anonFs: Fs;
  /** The pipes behind named FIFOs while they are open. */
  private readonly fifos: FifoTable;
  /** What pipes may take, per user and all together (pipe-account.ts). */
  readonly pipes: PipeAccounting;

  constructor(readonly options: VfsOptions) {
    this.devices = deviceTable(options.random ?? defaultRandom());
    this.pipes = new PipeAccounting(options.pipes);
    this.fifos = new FifoTable(this.pipes);
    this.maxFileSize = options.maxFileSize ?? 1 << 30;
    const fsSize = options.fsSize ?? DEFAULT_FS_SIZE;
    this.space = new Space(fsSize, options.fsInodes ?? Math.max(1024, Math.floor(fsSize / PAGE_SIZE)));
    const rootFs = new Fs(options.rootDev ?? DEFAULT_ROOT_DEV, 'memfs', false, false, this.space);
    const root = new Directory(rootFs, S_IFDIR | 0o755, 0, 0, this.now());
    rootFs.root = root;
    this.root = root;
    this.anonFs = new Fs(this.anonDev(), 'anon', false, false);
    if (!options.bare) {
      this.mount({ path: '/dev', type: 'devfs' });
      this.mount({ path: '/proc', type: 'procfs' });
    }
    for (const m of options.mounts ?? []) this.mount(m);
  }

  /** The clock's time, copied (nodes keep it). */
  now(): Timespec {
    const t = this.options.clock.now();
    return { sec: t.sec, nsec: t.nsec };
  }

  private anonDev(): number {
    return makedev(0, this.nextAnonMinor++);
  }

  // --- mounts and helpers

  /** An FsContext for root at the root, with the given umask (boot code and tests). */
  rootContext(umask = 0o022): FsContext {
    return { creds: makeCredentials(0, 0), cwd: this.root, root: this.root, umask };
  }

  /** Mounts a filesystem on a directory, creating it (and its parents) 0755 root if missing. */
  mount(spec: MountSpec): void {
    const ctx = this.rootContext(0);
    const comps = checkPath(spec.path).split('/').filter((c) => c !== '');
    const rp = new ResolvingPath(ctx);
    let dir = this.root as Directory;
    let mp = dir;
    comps.forEach((name, i) => {
      let child = rp.child(dir, name);
      if (child === undefined) {
        child = new Directory(dir.sb, S_IFDIR | 0o755, 0, 0, this.now(), dir, name);
        addEntry(dir, name, child);
      }
      if (!(child instanceof Directory)) throw new SysError(ENOTDIR);
      if (i === comps.length - 1) mp = child;
      else dir = crossMounts(child) as Directory;
    });
    if (mp.mounted || mp === this.root) throw new SysError(EBUSY);
    // /dev is a filesystem of its own (devtmpfs, /dev/shm): its own inodes, so that a full root
    // filesystem never keeps a terminal from opening, and at most DEV_SIZE of contents.
    const space = spec.type === 'procfs' ? unlimitedSpace()
      : spec.type === 'devfs' ? new Space(Math.min(this.space.maxBytes, DEV_SIZE), Infinity) : this.space;
    const fs = new Fs(spec.dev ?? this.anonDev(), spec.type, spec.readonly ?? false, spec.nosuid ?? false, space);
    const now = this.now();
    let root: Directory;
    if (spec.type === 'procfs') {
      root = new ProcFs(fs, this.options.procSource, () => this.now(), (d) => this.pathOf(d)).root;
      if (spec.mode !== undefined) root.mode = S_IFDIR | (spec.mode & 0o7777);
    } else {
      root = new Directory(fs, S_IFDIR | ((spec.mode ?? 0o755) & 0o7777), 0, 0, now);
      fs.root = root;
      if (spec.type === 'devfs') populateDevfs(fs, root, now);
    }
    root.parent = mp.parent;
    root.name = mp.name;
    mp.mounted = root;
  }

  /** statfs(2) of the filesystem holding node (space.ts). */
  statfs(node: Node): number[] {
    return statfsOf(node.sb as Fs);
  }

  /** mount -o remount: changes a mounted filesystem's flags (EINVAL if path is no mount root). */
  remount(path: string, flags: { readonly?: boolean; nosuid?: boolean }): void {
    const node = this.lookup(this.rootContext(), path, true);
    if (!(node instanceof Directory) || node.sb.root !== node) throw new SysError(EINVAL);
    const fs = node.sb as Fs;
    if (flags.readonly !== undefined) fs.readonly = flags.readonly;
    if (flags.nosuid !== undefined) fs.nosuid = flags.nosuid;
  }

  /** Creates a sticky world-writable directory (default /tmp, mode 01777), like a boot script. */
  makeTmp(path = '/tmp'): DirectoryNode {
    const ctx = this.rootContext(0);
    try {
      this.mkdir(ctx, path, 0o1777);
    } catch (e) {
      if (!(e instanceof SysError) || e.errno !== EEXIST) throw e;
    }
    this.chmod(ctx, path, 0o1777, true);
    return this.lookup(ctx, path, true) as DirectoryNode;
  }

  // --- lookups

  /** Resolve path to an inode; follow says whether a final symlink is followed. */
  lookup(ctx: FsContext, path: string, follow: boolean): Node {
    return new ResolvingPath(ctx).lookup(checkPath(path), follow);
  }

  /**
   * The absolute path of a directory, walking parents (getcwd); ENOENT if it was removed.
   * Relative to `root` if given (a chrooted process); a directory outside it is ENOENT.
   */
  pathOf(dir: DirectoryNode, root: DirectoryNode = this.root): string {
    const parts: string[] = [];
    let d = dir as Directory;
    const top = crossMounts(root as Directory);
    while (d !== top && d !== root) {
      const p = d.parent;
      if (p === d) throw new SysError(ENOENT);
      const entry = p.dead ? undefined : p.lookupChild(d.name);
      if (!(entry === d || (entry instanceof Directory && crossMounts(entry) === d))) throw new SysError(ENOENT);
      parts.push(d.name);
      d = p;
    }
    return `/${parts.reverse().join('/')}`;
  }

  // --- open files

  /** open(2)/openat(2) with flags O_* and mode (umask applied on create). */
  open(ctx: FsContext, path: string, flags: number, mode: number): OpenFile {
    return open(this, ctx, path, flags, mode);
  }

  /** A named FIFO's operations: its pipe is shared by everyone who has it open. */
  fifoOps(node: SpecialFile, flags: number, creds: Credentials): FileOps {
    return this.fifos.open(node, flags, creds);
  }

  private checkReadable(file: OpenFile): void {
    if (file.flags & O_PATH || !canRead(file.flags)) throw new SysError(EBADF);
    if (isDir(file.node)) throw new SysError(EISDIR);
  }

  private checkWritable(file: OpenFile): void {
    if (file.flags & O_PATH || !canWrite(file.flags)) throw new SysError(EBADF);
    if (isDir(file.node)) throw new SysError(EISDIR);
  }

  /** Devices keep no file position (/dev/null, /dev/zero: f_pos stays 0). */
  private keepsOffset(file: OpenFile): boolean {
    return file.ops.seekable && (file.node.mode & S_IFMT) !== S_IFCHR;
  }

  private accessed(file: OpenFile, asked: number): void {
    if (asked > 0 && !(file.flags & O_NOATIME) && (file.node instanceof RegularFile || file.node instanceof ProcFile)) {
      touchAtime(file.node, this.now());
    }
  }

  private modified(file: OpenFile, n: number, creds: Credentials): void {
    if (n > 0 && file.node instanceof RegularFile) {
      const now = this.now();
      removePrivs(creds, file.node, now);
      touchModified(file.node, now);
    }
  }

  read(file: OpenFile, buf: Uint8Array): number {
    this.checkReadable(file);
    const n = file.ops.read(file, buf, file.offset);
    if (this.keepsOffset(file)) file.offset += n;
    this.accessed(file, buf.length);
    return n;
  }

  write(file: OpenFile, data: Uint8Array, creds: Credentials): number {
    this.checkWritable(file);
    const node = file.node;
    const pos = file.flags & O_APPEND && node instanceof RegularFile ? node.size : file.offset;
    const n = file.ops.write(file, data, pos);
    if (this.keepsOffset(file)) file.offset = pos + n;
    this.modified(file, n, creds);
    return n;
  }

  pread(file: OpenFile, buf: Uint8Array, pos: number): number {
    if (pos < 0) throw new SysError(EINVAL);
    if (!file.ops.seekable) throw new SysError(file.flags & O_PATH ? EBADF : ESPIPE);
    this.checkReadable(file);
    const n = file.ops.read(file, buf, pos);
    this.accessed(file, buf.length);
    return n;
  }

  /** pwrite(2); on an O_APPEND file Linux appends regardless of pos (see BUGS in pwrite(2)). */
  pwrite(file: OpenFile, data: Uint8Array, pos: number, creds: Credentials): number {
    if (pos < 0) throw new SysError(EINVAL);
    if (!file.ops.seekable) throw new SysError(file.flags & O_PATH ? EBADF : ESPIPE);
    this.checkWritable(file);
    const node = file.node;
    const at = file.flags & O_APPEND && node instanceof RegularFile ? node.size : pos;
    const n = file.ops.write(file, data, at);
    this.modified(file, n, creds);
    return n;
  }

  /** lseek(2): SEEK_SET/CUR/END, and SEEK_DATA (3) / SEEK_HOLE (4) on regular files. */
  lseek(file: OpenFile, offset: number, whence: number): number {
    if (file.flags & O_PATH) throw new SysError(EBADF);
    if (!file.ops.seekable) throw new SysError(ESPIPE);
    const node = file.node;
    if ((node.mode & S_IFMT) === S_IFCHR) {
      if (whence < SEEK_SET || whence > SEEK_END) throw new SysError(EINVAL);
      file.offset = 0;
      return 0;
    }
    const size = node instanceof RegularFile ? node.size : 0;
    let pos: number;
    switch (whence) {
      case SEEK_SET: pos = offset; break;
      case SEEK_CUR: pos = file.offset + offset; break;
      case SEEK_END:
        if (isDir(node)) throw new SysError(EINVAL);
        pos = size + offset;
        break;
      case 3: case 4:
        if (!(node instanceof RegularFile)) throw new SysError(EINVAL);
        if (offset < 0) throw new SysError(EINVAL);
        if (offset >= size) throw new SysError(ENXIO);
        pos = whence === 3 ? offset : size;
        break;
      default: throw new SysError(EINVAL);
    }
    if (!Number.isSafeInteger(pos) || pos < 0) throw new SysError(EINVAL);
    file.offset = pos;
    return pos;
  }

  /** Drop one reference; the last one releases the description. */
  close(file: OpenFile): void {
    if (file.refs <= 0) throw new SysError(EBADF);
    file.refs--;
    if (file.refs === 0) {
      file.ops.release?.(file);
      if (file.node instanceof RegularFile) {
        file.node.opens--;
        file.node.dropped(); // an unlinked file's space comes back with its last description
      }
    }
  }

  /**
   * getdents64: `.` (position 0), `..` (1), then the entries in insertion order (dir-entries.ts),
   * from the description's offset on, while `take` accepts them (by default, all). The offset
   * moves to the first entry not taken, or to END_OF_DIRECTORY when the listing is done, until a
   * rewind (lseek). Entries removed meanwhile are not listed and the others are listed once.
   * A removed directory is ENOENT.
   */
  getdents(file: OpenFile, take: (d: Dirent) => boolean = () => true): Dirent[] {
    if (file.flags & O_PATH) throw new SysError(EBADF);
    const dir = file.node;
    if (!(dir instanceof Directory)) throw new SysError(ENOTDIR);
    if (dir.dead) throw new SysError(ENOENT);
    const out: Dirent[] = [];
    const give = (name: string, node: Inode): boolean => {
      const d = { name, ino: node.ino, type: direntType(node.mode) };
      if (!take(d)) return false;
      out.push(d);
      return true;
    };
    const from = file.offset;
    let next: number | undefined;
    if (from <= 0 && !give('.', dir)) next = 0;
    else if (from <= 1 && !give('..', dir.parent)) next = 1;
    else next = dir.listFrom(Math.max(from, FIRST_POSITION), give);
    file.offset = next ?? END_OF_DIRECTORY;
    touchAtime(dir, this.now());
    return out;
  }

  fstat(file: OpenFile): StatRecord {
    return statOf(file.node);
  }

  /** ftruncate(2): EINVAL for a negative length or a description not open for writing. */
  ftruncate(file: OpenFile, length: number, creds: Credentials): void {
    if (length < 0) throw new SysError(EINVAL);
    if (file.flags & O_PATH) throw new SysError(EBADF);
    const isReg = (file.node.mode & S_IFMT) === S_IFREG;
    if (!isReg || !canWrite(file.flags)) throw new SysError(EINVAL);
    truncateNode(creds, file.node, length, this.now(), this.maxFileSize);
  }

  fchmod(ctx: FsContext, file: OpenFile, mode: number): void {
    if (file.flags & O_PATH) throw new SysError(EBADF);
    setMode(ctx.creds, file.node, mode, this.now(), this.attrPolicy);
  }

  fchown(ctx: FsContext, file: OpenFile, uid: number, gid: number): void {
    if (file.flags & O_PATH) throw new SysError(EBADF);
    setOwner(ctx.creds, file.node, uid, gid, this.now());
  }

  // --- path calls

  stat(ctx: FsContext, path: string, follow: boolean): StatRecord {
    return statOf(this.lookup(ctx, path, follow));
  }

  statNode(node: Node): StatRecord {
    return statOf(node);
  }

  /** access(2)/faccessat(2): mode is F_OK or a mask of R_OK, W_OK, X_OK (else EINVAL). */
  access(ctx: FsContext, path: string, mode: number, follow: boolean): void {
    if (mode & ~7) throw new SysError(EINVAL);
    const node = this.lookup(ctx, path, follow);
    if (mode) inodePermission(ctx.creds, node, mode);
  }

  mkdir(ctx: FsContext, path: string, mode: number): void {
    create.mkdir(ctx, path, mode, this.now());
  }

  mknod(ctx: FsContext, path: string, mode: number, rdev: number): void {
    create.mknod(ctx, path, mode, rdev, this.now());
  }

  rmdir(ctx: FsContext, path: string): void {
    remove.rmdir(ctx, path, this.now());
  }

  unlink(ctx: FsContext, path: string): void {
    remove.unlink(ctx, path, this.now());
  }

  rename(ctx: FsContext, from: string, to: string): void {
    remove.rename(ctx, from, to, this.now());
  }

  link(ctx: FsContext, existing: string, created: string, follow: boolean): void {
    create.link(ctx, existing, created, follow, this.now(), this.options.protectedHardlinks ?? true);
  }

  symlink(ctx: FsContext, target: string, path: string): void {
    create.symlink(ctx, target, path, this.now());
  }

  /** readlink(2): EINVAL if the path is not a symlink; the link's atime (relatime). */
  readlink(ctx: FsContext, path: string): string {
    const node = this.lookup(ctx, path, false);
    if (!(node instanceof Symlink)) throw new SysError(EINVAL);
    touchAtime(node, this.now());
    return node.readTarget();
  }

  private readonly attrPolicy = {
    noChmod: (n: Node): boolean => n instanceof ProcFile || n instanceof ProcLink || (n instanceof Directory && n.synthetic),
  };

  /** chmod(2)/fchmodat(2); a symlink itself (follow false) is EOPNOTSUPP, as on Linux. */
  chmod(ctx: FsContext, path: string, mode: number, follow: boolean): void {
    const node = this.lookup(ctx, path, follow);
    if (node instanceof Symlink) throw new SysError(EOPNOTSUPP);
    setMode(ctx.creds, node, mode, this.now(), this.attrPolicy);
  }

  chown(ctx: FsContext, path: string, uid: number, gid: number, follow: boolean): void {
    setOwner(ctx.creds, this.lookup(ctx, path, follow), uid, gid, this.now());
  }

  /** utimensat(2); both times 'omit' succeeds without even resolving the path, as Linux. */
  utimens(ctx: FsContext, path: string, atime: TimeArg, mtime: TimeArg, follow: boolean): void {
    if (atime === 'omit' && mtime === 'omit') return;
    this.utimensNode(ctx, this.lookup(ctx, path, follow), atime, mtime);
  }

  /** futimens(2): the same rules on an inode the caller holds open. */
  utimensNode(ctx: FsContext, node: Node, atime: TimeArg, mtime: TimeArg): void {
    setTimes(ctx.creds, node, atime, mtime, this.now());
  }

  /** truncate(2): EINVAL for a negative length (before the lookup), EISDIR, EINVAL for non-files. */
  truncate(ctx: FsContext, path: string, length: number): void {
    if (length < 0) throw new SysError(EINVAL);
    const node = this.lookup(ctx, path, true);
    if (isDir(node)) throw new SysError(EISDIR);
    if ((node.mode & S_IFMT) !== S_IFREG) throw new SysError(EINVAL);
    inodePermission(ctx.creds, node, MAY_WRITE); // EROFS, then EACCES
    truncateNode(ctx.creds, node, length, this.now(), this.maxFileSize);
  }

  /** chdir(2): the directory to become the cwd (ENOTDIR, EACCES without search permission). */
  chdir(ctx: FsContext, path: string): DirectoryNode {
    const node = this.lookup(ctx, path, true);
    if (!(node instanceof Directory)) throw new SysError(ENOTDIR);
    this.checkSearch(ctx, node);
    return node;
  }

  /** fchdir(2)'s check: a directory the caller may search (ENOTDIR, EACCES). */
  checkSearch(ctx: FsContext, dir: DirectoryNode): void {
    if (!(dir instanceof Directory)) throw new SysError(ENOTDIR);
    inodePermission(ctx.creds, dir, MAY_EXEC);
  }

  /** An inode outside the tree (pipes, sockets, host streams), on an internal superblock. */
  anonNode(mode: number, creds: Credentials): Node {
    return new SpecialFile(this.anonFs, mode, creds.euid, creds.egid, this.now());
  }

  /** An open file description on an inode with the given operations (pipes, host streams). */
  openNode(node: Node, flags: number, ops: FileOps, path: string): OpenFile {
    return new OpenFileImpl(node, flags, ops, path);
  }
}

export type { Inode };
