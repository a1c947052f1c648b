/**
 * A process's file descriptor table (Linux's struct files_struct): fd → open file description
 * plus the per-descriptor FD_CLOEXEC flag. Descriptors are allocated lowest-first, as POSIX
 * requires. The table holds one reference on each OpenFile per descriptor; dropping the last
 * reference is the VFS's business (`release`).
 */
import { EBADF, EINVAL, EMFILE } from '../kernel/abi/errno.js';
import { OPEN_MAX } from '../kernel/abi/fcntl.js';
import { SysError } from '../kernel/errors.js';
import type { OpenFile } from '../fs/types.js';

export interface FdEntry {
  readonly file: OpenFile;
  cloexec: boolean;
}

export class FdTable {
  private readonly entries = new Map<number, FdEntry>();

  /** RLIMIT_NOFILE's soft limit: descriptors are below it (ones already above stay open). */
  constructor(private readonly release: (file: OpenFile) => void, public limit: number = OPEN_MAX) {}

  get(fd: number): FdEntry {
    const e = Number.isInteger(fd) ? this.entries.get(fd) : undefined;
    if (!e) throw new SysError(EBADF);
    return e;
  }

  file(fd: number): OpenFile {
    return this.get(fd).file;
  }

  has(fd: number): boolean {
    return this.entries.has(fd);
  }

  /** Install file at the lowest free descriptor ≥ min; takes a new reference on it. */
  install(file: OpenFile, cloexec: boolean, min = 0): number {
    if (!Number.isInteger(min) || min < 0 || min >= this.limit) throw new SysError(EINVAL);
    for (let fd = min; fd < this.limit; fd++) {
      if (!this.entries.has(fd)) {
        file.refs++;
        this.entries.set(fd, { file, cloexec });
        return fd;
      }
    }
    throw new SysError(EMFILE);
  }

  /** dup2/dup3: make fd `to` refer to `from`'s description, closing what `to` held. */
  installAt(to: number, file: OpenFile, cloexec: boolean): void {
    if (!Number.isInteger(to) || to < 0 || to >= this.limit) throw new SysError(EBADF);
    file.refs++;
    const old = this.entries.get(to);
    this.entries.set(to, { file, cloexec });
    if (old) this.release(old.file);
  }

  close(fd: number): void {
    const e = this.get(fd);
    this.entries.delete(fd);
    this.release(e.file);
  }

  closeAll(): void {
    for (const fd of [...this.entries.keys()].sort((a, b) => a - b)) this.close(fd);
  }

  /** execve: close every descriptor marked close-on-exec. */
  closeOnExec(): void {
    for (const [fd, e] of [...this.entries].sort((a, b) => a[0] - b[0])) if (e.cloexec) this.close(fd);
  }

  /** A copy for fork: the same descriptions, each with one more reference. */
  clone(): FdTable {
    const t = new FdTable(this.release, this.limit);
    for (const [fd, e] of this.entries) {
      e.file.refs++;
      t.entries.set(fd, { file: e.file, cloexec: e.cloexec });
    }
    return t;
  }

  /** Descriptors in ascending order with their files (for /proc/<pid>/fd). */
  snapshot(): Map<number, OpenFile> {
    return new Map([...this.entries.entries()].sort((a, b) => a[0] - b[0]).map(([fd, e]) => [fd, e.file]));
  }
}
