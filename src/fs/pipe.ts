/**
 * A pipe (Linux's pipe_inode_info, fs/pipe.c): a bounded ring of bytes between read ends and
 * write ends, shared by every description of either end.
 *
 * - read takes what is there (up to the count) and never waits for more; on an empty pipe it is
 *   EAGAIN while a write end is open anywhere (the kernel parks a blocking caller on the wait
 *   queue) and end of file once none is.
 * - the bytes sit in page-sized slots, as Linux's pipe_buffer ring: capacity is a number of
 *   pages (16 by default), and a small write joins the last page only if it fits there, so the
 *   point where a pipe is full is Linux's (1-byte writes fill 65536 bytes, 1000-byte ones 64000).
 * - write stores as much as fits: a write of at most PIPE_BUF bytes all at once or not at all
 *   (EAGAIN), so it is never interleaved with another writer's; a larger one as much as there is
 *   room for. The kernel's write(2) loops until every byte is in (see syscalls/pipe-io.ts).
 *   With no read end left it is EPIPE (the kernel raises SIGPIPE). A write of 0 bytes is 0.
 *
 * A pipe may have a kernel-side consumer instead of a reading process (the lesson harness and the
 * CLI read the program's output this way): then writes go straight to it and never block.
 *
 * Its capacity is charged to the user who made it and its pages to the kernel's bound on pipe
 * memory (pipe-account.ts: pipe-max-size, pipe-user-pages-soft/hard, pipeMemory); a write that
 * finds no page to take is short, or ENOMEM.
 */
import { EAGAIN, EBADF, EBUSY, EINVAL, ENOMEM, EPERM, EPIPE } from '../kernel/abi/errno.js';
import { POLLERR, POLLHUP, POLLIN, POLLOUT, POLLRDNORM, POLLWRNORM } from '../kernel/abi/poll.js';
import { SysError } from '../kernel/errors.js';
import type { Credentials } from '../kernel/creds.js';
import { PAGE_SIZE, PIPE_DEF_BUFFERS, roundPipeSize, type PageHolder, type PipeAccounting } from './pipe-account.js';
import type { FileOps, OpenFile } from './types.js';
import { WaitQueue, type Waitable } from './waitqueue.js';

export const PIPE_BUF = 4096;
export const PIPE_DEFAULT_SIZE = PIPE_DEF_BUFFERS * PAGE_SIZE;

/**
 * A reader asleep on an empty pipe, with the buffer its read(2) fills: the next write copies
 * into it directly (one copy instead of two, and as much as the reader asked for rather than a
 * pipe's worth), and `got` says how much it received.
 */
export interface WaitingReader {
  readonly buf: Uint8Array;
  got: number;
}

export interface PipeConsumer {
  data(bytes: Uint8Array): void;
  eof(): void;
}

/** One page of a pipe (struct pipe_buffer): bytes offset..offset+len of `page` are unread. */
interface Slot {
  readonly page: Uint8Array;
  offset: number;
  len: number;
}

/**
 * alloc_pipe_info: a new pipe made by `creds`, its capacity charged to their real uid; undefined
 * when an unprivileged user is past pipe-user-pages-hard (pipe(2) says ENFILE, a FIFO's open ENOMEM).
 */
export function allocPipe(acct: PipeAccounting, creds: Credentials): Pipe | undefined {
  const pipe = new Pipe(acct, creds.ruid);
  const pages = acct.newPipe(creds, pipe);
  if (pages === undefined) return undefined;
  pipe.setAccounted(pages);
  return pipe;
}

export class Pipe implements PageHolder {
  /** The unread pages, oldest first; at most capacity / PAGE_SIZE of them (max_usage). */
  private readonly slots: Slot[] = [];
  /** Emptied pages kept for reuse (Linux keeps one; a stream through the pipe reuses them all). */
  private readonly spare: Uint8Array[] = [];
  private size = 0;
  private cap = PIPE_DEFAULT_SIZE;
  /** Pages of capacity charged to the user (nr_accounted); 0 once freed. */
  private accounted = 0;
  readers = 0;
  writers = 0;
  /** Opens of each end so far (Linux's r_counter/w_counter): a FIFO open waits for one to move. */
  rCounter = 0;
  wCounter = 0;
  /** Woken whenever anything a sleeper may wait for changes: data, room, an end opened or closed. */
  readonly waitQueue = new WaitQueue();
  consumer: PipeConsumer | undefined;
  /** Readers asleep on the empty pipe, in the order they went to sleep. */
  private readonly waitingReaders: WaitingReader[] = [];

  /** Use allocPipe: `user` is the real uid charged with it. */
  constructor(private readonly acct: PipeAccounting, private readonly user: number) {}

  /** The capacity alloc_pipe_info gave, in pages (allocPipe). */
  setAccounted(pages: number): void {
    this.accounted = pages;
    this.cap = pages * PAGE_SIZE;
  }

  /** Give back the emptied pages kept for reuse (the accounting needs memory). */
  dropSpare(): void {
    this.acct.givePages(this.spare.length);
    this.spare.length = 0;
  }

  get buffered(): number {
    return this.size;
  }

  get capacity(): number {
    return this.cap;
  }

  private get full(): boolean {
    return this.slots.length >= this.cap / PAGE_SIZE;
  }

  /**
   * Take up to buf.length bytes. Each batch taken wakes the sleepers; a writer waiting for room
   * may refill the pipe at once (real-time mode runs it then), and the read goes on with that,
   * as a Linux reader copying while a writer on another CPU refills.
   */
  read(buf: Uint8Array): number {
    if (buf.length === 0) return 0;
    if (this.size === 0) {
      if (this.writers === 0) return 0;
      throw new SysError(EAGAIN);
    }
    let n = 0;
    while (n < buf.length && this.size > 0) {
      const before = n;
      while (n < buf.length && this.slots.length > 0) {
        const s = this.slots[0]!;
        const take = Math.min(s.len, buf.length - n);
        buf.set(s.page.subarray(s.offset, s.offset + take), n);
        n += take;
        s.offset += take;
        s.len -= take;
        if (s.len === 0) {
          this.slots.shift();
          if (this.spare.length < this.cap / PAGE_SIZE) this.spare.push(s.page);
          else this.acct.givePages(1);
        }
      }
      this.size -= n - before;
      this.waitQueue.wakeAll();
    }
    return n;
  }

  /** A blocking reader goes to sleep on the empty pipe; returns what undoes that. */
  awaitData(r: WaitingReader): () => void {
    this.waitingReaders.push(r);
    return () => {
      const i = this.waitingReaders.indexOf(r);
      if (i >= 0) this.waitingReaders.splice(i, 1);
    };
  }

  /**
   * pipe_write without the waiting: the first (length mod PAGE_SIZE) bytes join the last page if
   * they fit there, then each page-sized piece takes a free slot, while there is one. A write of
   * at most PIPE_BUF bytes therefore goes in whole or not at all. EAGAIN if nothing went in;
   * ENOMEM if there was room but no page to be had (pipe-account.ts), unless something went in.
   */
  write(data: Uint8Array): number {
    if (data.length === 0) return 0;
    if (this.readers === 0 && !this.consumer) throw new SysError(EPIPE);
    if (this.consumer) {
      this.consumer.data(data.slice());
      return data.length;
    }
    let done = 0;
    const direct = this.size === 0 ? this.waitingReaders.shift() : undefined;
    if (direct) {
      done = Math.min(direct.buf.length, data.length);
      direct.buf.set(data.subarray(0, done), 0);
      direct.got = done;
      if (done === data.length) {
        this.waitQueue.wakeAll();
        return done;
      }
      data = data.subarray(done);
    }
    const given = done;
    done = 0;
    const chars = data.length % PAGE_SIZE;
    const last = this.slots[this.slots.length - 1];
    if (chars > 0 && last && last.offset + last.len + chars <= PAGE_SIZE) {
      last.page.set(data.subarray(0, chars), last.offset + last.len);
      last.len += chars;
      done = chars;
    }
    while (done < data.length && !this.full) {
      const take = Math.min(PAGE_SIZE, data.length - done);
      const page = this.spare.pop() ?? (this.acct.takePage() ? new Uint8Array(PAGE_SIZE) : undefined);
      if (page === undefined) {
        if (done + given === 0) throw new SysError(ENOMEM);
        break;
      }
      page.set(data.subarray(done, done + take), 0);
      this.slots.push({ page, offset: 0, len: take });
      done += take;
    }
    if (done + given === 0) throw new SysError(EAGAIN);
    this.size += done;
    this.waitQueue.wakeAll();
    return done + given;
  }

  /**
   * F_SETPIPE_SZ (pipe_set_size): the size rounds up to a power-of-two number of pages (at least
   * one); EINVAL above 2^31. Growing is EPERM for an unprivileged caller above pipe-max-size, or
   * when the pipe's user (its maker, not the caller) would pass pipe-user-pages-soft or -hard;
   * shrinking is always allowed, but EBUSY if the data held takes more pages than the new size
   * has. The user's count follows the new size. Returns the new capacity.
   */
  resize(arg: number, privileged: boolean): number {
    const size = roundPipeSize(arg >>> 0);
    if (size === 0) throw new SysError(EINVAL);
    const slots = size / PAGE_SIZE;
    const grows = size > this.cap;
    if (grows && size > this.acct.maxSize && !privileged) throw new SysError(EPERM);
    const total = this.acct.account(this.user, this.accounted, slots);
    const over = grows && !privileged && (this.acct.tooManyHard(total) || this.acct.tooManySoft(total));
    if (over || this.slots.length > slots) {
      this.acct.account(this.user, slots, this.accounted);
      throw new SysError(over ? EPERM : EBUSY);
    }
    this.accounted = slots;
    this.cap = size;
    const keep = Math.min(this.spare.length, slots);
    this.acct.givePages(this.spare.length - keep);
    this.spare.length = keep;
    this.waitQueue.wakeAll();
    return this.cap;
  }

  /**
   * poll (pipe_poll): readable if data is held; hung up if no write end is open (a FIFO reader
   * opened with O_NONBLOCK before any writer sees no hang-up until one came: `hupAfter`);
   * writable if a page slot is free (so a PIPE_BUF write fits); an error if no read end is open.
   */
  poll(read: boolean, write: boolean, hupAfter = -1): number {
    let mask = 0;
    if (read) {
      if (this.size > 0) mask |= POLLIN | POLLRDNORM;
      if (this.writers === 0 && this.wCounter !== hupAfter) mask |= POLLHUP;
    }
    if (write) {
      if (this.consumer || !this.full) mask |= POLLOUT | POLLWRNORM;
      if (this.readers === 0 && !this.consumer) mask |= POLLERR;
    }
    return mask;
  }

  /** A description of one end came into being. */
  openEnd(end: 'r' | 'w'): void {
    if (end === 'r') {
      this.readers++;
      this.rCounter++;
    } else {
      this.writers++;
      this.wCounter++;
    }
    this.waitQueue.wakeAll();
  }

  /** A description's last reference went away. */
  closeEnd(end: 'r' | 'w'): void {
    if (end === 'r') this.readers--;
    else this.writers--;
    if (end === 'w' && this.writers === 0) this.consumer?.eof();
    if (this.readers === 0 && this.writers === 0) {
      // free_pipe_info: nobody can read what is left; give the memory and the user's pages back
      this.acct.givePages(this.slots.length + this.spare.length);
      this.slots.length = 0;
      this.spare.length = 0;
      this.size = 0;
      this.acct.freePipe(this.user, this.accounted, this);
      this.accounted = 0;
    }
    this.waitQueue.wakeAll();
  }
}

/** The operations of a description on a pipe (or a FIFO): which ends it holds, and its pipe. */
export interface PipeOps extends FileOps, Waitable {
  readonly pipe: Pipe;
}

export function isPipeOps(ops: FileOps): ops is PipeOps {
  return 'pipe' in ops && (ops as { pipe: unknown }).pipe instanceof Pipe;
}

/**
 * The FileOps of a description holding the read end, the write end or both (a FIFO opened
 * O_RDWR). Opening counts the ends; release when the last reference goes uncounts them.
 */
export function pipeOps(pipe: Pipe, read: boolean, write: boolean, hupAfter = -1): PipeOps {
  if (read) pipe.openEnd('r');
  if (write) pipe.openEnd('w');
  return {
    seekable: false,
    pipe,
    waitQueue: pipe.waitQueue,
    read(_f: OpenFile, buf: Uint8Array): number {
      if (!read) throw new SysError(EBADF);
      return pipe.read(buf);
    },
    write(_f: OpenFile, data: Uint8Array): number {
      if (!write) throw new SysError(EBADF);
      return pipe.write(data);
    },
    poll(): number {
      return pipe.poll(read, write, hupAfter);
    },
    release(): void {
      if (read) pipe.closeEnd('r');
      if (write) pipe.closeEnd('w');
    },
  };
}
