/**
 * What pipes may take (Linux's fs/pipe.c: pipe_max_size, pipe_user_pages_soft/hard,
 * account_pipe_buffers), and a bound of posixbox's own on the memory all pipes hold together.
 *
 * Per user, as Linux charges `pipe->user` (the real uid of the process that made the pipe): a
 * pipe's capacity in pages (its nr_accounted) is added to its user's count while the pipe lives.
 * - pipe-max-size (default 1 MiB): a new pipe gets no more (when it is under 64 KiB), and
 *   F_SETPIPE_SZ above it is EPERM, unless the caller is privileged (CAP_SYS_RESOURCE: euid 0);
 * - pipe-user-pages-soft (default 16384 pages, 64 MiB): a user past it gets new pipes of
 *   PIPE_MIN_DEF_BUFFERS (2) pages, and F_SETPIPE_SZ growing a pipe past it is EPERM;
 * - pipe-user-pages-hard (default 0: none): past it making a pipe fails (pipe(2): ENFILE, a
 *   FIFO's open: ENOMEM) and so does growing one (EPERM).
 * Root (euid 0: CAP_SYS_RESOURCE / CAP_SYS_ADMIN) is held by neither limit. 0 means no limit.
 *
 * These bound capacity, not memory, and root is exempt; so, as the fork records in oom.ts, the
 * pages every pipe holds (its unread data and the emptied pages it keeps for reuse) are bounded
 * all together by `pipeMemory` (default 128 MiB). The bytes sit in the kernel's thread, which
 * the OOM killer does not charge to any process, and killing one would not free them while
 * another holds the pipe open; so past the bound the kernel first takes back every pipe's spare
 * pages, and then fails the allocation as Linux's pipe_write does when alloc_page fails: the
 * write is short, or ENOMEM if nothing went in. No user can make the host hold more.
 */
import { isPrivileged, type Credentials } from '../kernel/creds.js';

export const PAGE_SIZE = 4096;
/** A pipe's pages unless the limits say less (PIPE_DEF_BUFFERS: 64 KiB). */
export const PIPE_DEF_BUFFERS = 16;
/** What a new pipe of a user past the soft limit gets (PIPE_MIN_DEF_BUFFERS: 8 KiB). */
export const PIPE_MIN_DEF_BUFFERS = 2;
export const DEFAULT_PIPE_MAX_SIZE = 1048576;
/** PIPE_DEF_BUFFERS * INR_OPEN_CUR: 16 full pipes per descriptor of a 1024-descriptor process. */
export const DEFAULT_PIPE_USER_PAGES_SOFT = 16384;
export const DEFAULT_PIPE_USER_PAGES_HARD = 0;
export const DEFAULT_PIPE_MEMORY = 128 * 2 ** 20;

export interface PipeLimits {
  /** /proc/sys/fs/pipe-max-size, in bytes (rounded up to a power-of-two number of pages). */
  readonly maxSize?: number;
  /** /proc/sys/fs/pipe-user-pages-soft, in pages; 0 for none. */
  readonly userPagesSoft?: number;
  /** /proc/sys/fs/pipe-user-pages-hard, in pages; 0 for none. */
  readonly userPagesHard?: number;
  /** Bytes of pages all pipes together may hold. */
  readonly memory?: number;
}

/** A pipe whose emptied pages the accounting may take back (Pipe.dropSpare). */
export interface PageHolder {
  dropSpare(): void;
}

/** round_pipe_size: a power-of-two number of pages, at least one; 0 (invalid) above 2^31. */
export function roundPipeSize(size: number): number {
  if (size > 2 ** 31) return 0;
  let n = PAGE_SIZE;
  while (n < size) n *= 2;
  return n;
}

export class PipeAccounting {
  readonly maxSize: number;
  readonly userPagesSoft: number;
  readonly userPagesHard: number;
  /** The most pages all pipes may hold together. */
  readonly memoryPages: number;
  /** user->pipe_bufs: pages of capacity each real uid's living pipes account for. */
  private readonly users = new Map<number, number>();
  /** Pages all pipes hold now (data and spare). */
  private held = 0;
  /** Living pipes, whose spare pages can be taken back under pressure. */
  private readonly holders = new Set<PageHolder>();

  constructor(limits: PipeLimits = {}) {
    this.maxSize = roundPipeSize(limits.maxSize ?? DEFAULT_PIPE_MAX_SIZE) || DEFAULT_PIPE_MAX_SIZE;
    this.userPagesSoft = limits.userPagesSoft ?? DEFAULT_PIPE_USER_PAGES_SOFT;
    this.userPagesHard = limits.userPagesHard ?? DEFAULT_PIPE_USER_PAGES_HARD;
    this.memoryPages = Math.floor((limits.memory ?? DEFAULT_PIPE_MEMORY) / PAGE_SIZE);
  }

  /** account_pipe_buffers: move a pipe of `uid` from `old` to `now` pages; the user's new total. */
  account(uid: number, old: number, now: number): number {
    const total = (this.users.get(uid) ?? 0) + now - old;
    if (total === 0) this.users.delete(uid);
    else this.users.set(uid, total);
    return total;
  }

  /** Pages of pipe capacity a user accounts for (user->pipe_bufs). */
  userPages(uid: number): number {
    return this.users.get(uid) ?? 0;
  }

  tooManySoft(pages: number): boolean {
    return this.userPagesSoft > 0 && pages > this.userPagesSoft;
  }

  tooManyHard(pages: number): boolean {
    return this.userPagesHard > 0 && pages > this.userPagesHard;
  }

  /**
   * alloc_pipe_info: how many pages a pipe made by `creds` gets, now charged to its real uid;
   * undefined (nothing charged) when an unprivileged user is past the hard limit.
   */
  newPipe(creds: Credentials, holder: PageHolder): number | undefined {
    const privileged = isPrivileged(creds);
    let pages = PIPE_DEF_BUFFERS;
    if (pages * PAGE_SIZE > this.maxSize && !privileged) pages = this.maxSize / PAGE_SIZE;
    let total = this.account(creds.ruid, 0, pages);
    if (this.tooManySoft(total) && !privileged) {
      total = this.account(creds.ruid, pages, PIPE_MIN_DEF_BUFFERS);
      pages = PIPE_MIN_DEF_BUFFERS;
    }
    if (this.tooManyHard(total) && !privileged) {
      this.account(creds.ruid, pages, 0);
      return undefined;
    }
    this.holders.add(holder);
    return pages;
  }

  /** free_pipe_info: the pipe's capacity is no longer its user's, and its pages are gone. */
  freePipe(uid: number, accounted: number, holder: PageHolder): void {
    this.account(uid, accounted, 0);
    this.holders.delete(holder);
  }

  /** Room for one more page (alloc_page): false past the bound, after taking back spare pages. */
  takePage(): boolean {
    if (this.held >= this.memoryPages) for (const h of this.holders) h.dropSpare();
    if (this.held >= this.memoryPages) return false;
    this.held++;
    return true;
  }

  /** Pages given back. */
  givePages(n: number): void {
    this.held -= n;
  }

  /** Pages all pipes hold now. */
  get pages(): number {
    return this.held;
  }
}
