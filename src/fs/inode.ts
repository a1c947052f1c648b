/**
 * The concrete inode classes (Linux's struct inode plus the filesystem-private part) and the
 * superblock they hang off. Models tmpfs (mm/shmem.c) closely: a regular file is a list of
 * chunks (file-data.ts), a directory is a map of names in insertion order, a symlink stores its target.
 *
 * Synthetic filesystems (procfs) subclass Directory and Symlink to compute entries and targets
 * on demand; everything else in the VFS only uses the members declared here.
 */
import {
  S_IFCHR, S_IFDIR, S_IFIFO, S_IFLNK, S_IFMT, S_IFREG, S_IFBLK, S_IFSOCK,
} from '../kernel/abi/stat.js';
import { DT_BLK, DT_CHR, DT_DIR, DT_FIFO, DT_LNK, DT_REG, DT_SOCK, DT_UNKNOWN } from '../kernel/abi/fcntl.js';
import type { DirectoryNode, FileOps, Node, SuperBlock, Timespec } from './types.js';
import { pageBytes, unlimitedSpace, type Space } from './space.js';
import { FileData } from './file-data.js';
import { DirEntries, FIRST_POSITION } from './dir-entries.js';

/** A mounted filesystem instance: its st_dev, flags and inode-number counter. */
export class Fs implements SuperBlock {
  private nextIno = 1;
  /** The filesystem's root directory, set once by the code that builds it. */
  root!: Directory;
  /** Mount flags; Vfs.remount changes them. */
  readonly: boolean;
  nosuid: boolean;
  /** Size and inode limits (space.ts); several mounts may share one. */
  constructor(readonly dev: number, readonly type: string, readOnly: boolean, noSuid: boolean,
    readonly space: Space = unlimitedSpace()) {
    this.readonly = readOnly;
    this.nosuid = noSuid;
  }
  /** Inode numbers are allocated in order, per filesystem: deterministic for a call sequence. */
  allocIno(): number {
    return this.nextIno++;
  }
}

/** Common fields of every inode. */
export abstract class Inode implements Node {
  readonly ino: number;
  readonly dev: number;
  nlink = 1;
  atime: Timespec;
  mtime: Timespec;
  ctime: Timespec;
  constructor(
    readonly sb: Fs,
    public mode: number,
    public uid: number,
    public gid: number,
    now: Timespec,
    readonly rdev = 0,
  ) {
    sb.space.takeInode(); // ENOSPC at the filesystem's inode limit
    this.ino = sb.allocIno();
    this.dev = sb.dev;
    this.atime = now;
    this.mtime = now;
    this.ctime = now;
  }
  /** st_size. */
  abstract get size(): number;
  /** st_blocks in 512-byte units. */
  get blocks(): number {
    return 0;
  }
  private released = false;
  /** Called when a name of it goes: the last name gone (and, for a file, the last open), it gives its space back. */
  dropped(): void {
    if (this.nlink > 0 || this.released || !this.mayRelease()) return;
    this.released = true;
    this.freeStorage();
    this.sb.space.releaseInode();
  }
  protected mayRelease(): boolean {
    return true;
  }
  protected freeStorage(): void {}
}

/** Rounds a byte count up to whole 4 KiB pages, in 512-byte blocks (tmpfs accounting). */
export function pageBlocks(size: number): number {
  return Math.ceil(size / 4096) * 8;
}

/**
 * A regular file. Its bytes are in a FileData (file-data.ts), a list of chunks; bytes stored past
 * `size` are always zero, and bytes never stored read as zeros (a truncate that grows the file,
 * or a write past the end, allocates nothing in between).
 */
export class RegularFile extends Inode {
  private readonly data = new FileData();
  private length = 0;
  /** Bumped on every change to the contents, so a cache of them (exec's images) knows when it is stale. */
  generation = 0;
  /** Open file descriptions of it: an unlinked file keeps its space until the last is closed. */
  opens = 0;
  get size(): number {
    return this.length;
  }
  override get blocks(): number {
    return pageBlocks(this.length);
  }
  /** Sets the size, zeroing what is cut off so that a later extension reads zeros; ENOSPC if the pages do not fit. */
  setSize(n: number): void {
    this.sb.space.charge(pageBytes(n) - pageBytes(this.length));
    this.generation++;
    if (n < this.length) this.data.cut(n, this.length);
    this.length = n;
  }
  /** Copies the bytes from pos on into buf, up to the size; returns how many. */
  readAt(pos: number, buf: Uint8Array): number {
    const n = Math.max(0, Math.min(buf.length, this.length - pos));
    if (n > 0) this.data.read(pos, n === buf.length ? buf : buf.subarray(0, n));
    return n;
  }
  /** Stores bytes at pos, extending the size past them (the caller has checked the space: spaceEnd). */
  writeAt(pos: number, bytes: Uint8Array): void {
    const end = pos + bytes.length;
    if (end > this.length) this.setSize(end);
    this.data.write(pos, bytes);
    this.generation++;
  }
  /** The whole contents in one array: a view of the store when it holds them in one piece (use it at once), else a copy. */
  contents(): Uint8Array {
    return this.data.view(this.length);
  }
  /** The end of the bytes held in memory, which may be past the size (zeros there). */
  get storedEnd(): number {
    return this.data.extent;
  }
  /** Copies stored bytes from pos on, past the size too (for checking that they are zeros). */
  readStored(pos: number, buf: Uint8Array): void {
    this.data.read(pos, buf);
  }
  /** How far a write may take the file: its last page, then the filesystem's free pages. */
  spaceEnd(): number {
    return pageBytes(this.length) + this.sb.space.freeBytes;
  }
  protected override mayRelease(): boolean {
    return this.opens === 0;
  }
  protected override freeStorage(): void {
    this.sb.space.charge(-pageBytes(this.length));
    this.length = 0;
    this.data.clear();
  }
}

/** A directory. Memory directories keep `children`; synthetic ones override the accessors. */
export class Directory extends Inode implements DirectoryNode {
  parent: Directory;
  name: string;
  mounted: Directory | undefined = undefined;
  /** Entries in insertion order (getdents order), with their getdents positions. Never holds '.' or '..'. */
  readonly children = new DirEntries<Inode>();
  constructor(sb: Fs, mode: number, uid: number, gid: number, now: Timespec, parent?: Directory, name = '/') {
    super(sb, mode, uid, gid, now);
    this.nlink = 2;
    this.parent = parent ?? this;
    this.name = name;
  }
  get size(): number {
    return 4096;
  }
  override get blocks(): number {
    return 8;
  }
  /** Whether entries are computed (procfs): creating and removing are then refused. */
  get synthetic(): boolean {
    return false;
  }
  /** A removed directory (rmdir'd while somebody still holds it): lookups find nothing. */
  get dead(): boolean {
    return this.nlink === 0;
  }
  lookupChild(name: string): Inode | undefined {
    return this.children.get(name);
  }
  list(): Iterable<[string, Inode]> {
    return this.children.entries();
  }
  /**
   * getdents: visits the entries at or past position `from` (FIRST_POSITION is the first entry)
   * while `visit` returns true; returns the position of the entry refused, or undefined at the
   * end. A memory directory's positions are stable (dir-entries.ts); a synthetic one's are
   * indexes into its listing as computed now.
   */
  listFrom(from: number, visit: (name: string, node: Inode) => boolean): number | undefined {
    if (!this.synthetic) return this.children.listFrom(from, visit);
    let pos = FIRST_POSITION;
    for (const [name, node] of this.list()) {
      if (pos >= from && !visit(name, node)) return pos;
      pos++;
    }
    return undefined;
  }
}

/** A symbolic link; readTarget is overridden by procfs's computed links. */
export class Symlink extends Inode {
  constructor(sb: Fs, uid: number, gid: number, now: Timespec, private readonly target: string) {
    super(sb, S_IFLNK | 0o777, uid, gid, now);
  }
  readTarget(): string {
    return this.target;
  }
  get size(): number {
    return utf8Length(this.readTarget());
  }
}

/**
 * A FIFO, socket or device special file (mknod), or an anonymous inode (pipes). Opening a
 * device goes through the driver registered for its rdev; `ops` pins operations directly.
 */
export class SpecialFile extends Inode {
  ops: FileOps | undefined;
  get size(): number {
    return 0;
  }
}

export function isDir(n: Node | undefined): n is Directory {
  return n instanceof Directory;
}

/** d_type for getdents64. */
export function direntType(mode: number): number {
  switch (mode & S_IFMT) {
    case S_IFREG: return DT_REG;
    case S_IFDIR: return DT_DIR;
    case S_IFLNK: return DT_LNK;
    case S_IFCHR: return DT_CHR;
    case S_IFBLK: return DT_BLK;
    case S_IFIFO: return DT_FIFO;
    case S_IFSOCK: return DT_SOCK;
    default: return DT_UNKNOWN;
  }
}

/** The number of bytes of s in UTF-8 (lone surrogates count 3, as TextEncoder replaces them). */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n += 4;
        i++;
      } else n += 3;
    } else n += 3;
  }
  return n;
}

/** Enters node under name in dir (d_instantiate): a subdirectory's `..` adds a link to dir. */
export function addEntry(dir: Directory, name: string, node: Inode): void {
  dir.children.add(name, node);
  if (node instanceof Directory) {
    node.parent = dir;
    node.name = name;
    dir.nlink++;
  }
}

/** Removes name from dir (the caller adjusts the removed inode's own nlink). */
export function removeEntry(dir: Directory, name: string): void {
  const node = dir.children.delete(name);
  if (node instanceof Directory) dir.nlink--;
}
