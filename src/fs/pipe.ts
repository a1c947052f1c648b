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
 */
import { EAGAIN, EBADF, EBUSY, EINVAL, EPERM, EPIPE } from '../kernel/abi/errno.js';
import { POLLERR, POLLHUP, POLLIN, POLLOUT, POLLRDNORM, POLLWRNORM } from '../kernel/abi/poll.js';
import { SysError } from '../kernel/errors.js';
import type { FileOps, OpenFile } from './types.js';
import { WaitQueue, type Waitable } from './waitqueue.js';

export const PIPE_BUF = 4096;
export const PAGE_SIZE = 4096;
export const PIPE_DEFAULT_SIZE = 65536;
/** /proc/sys/fs/pipe-max-size: the most F_SETPIPE_SZ gives an unprivileged caller. */
export const PIPE_MAX_SIZE = 1048576;

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

export class Pipe {
  /** The unread pages, oldest first; at most capacity / PAGE_SIZE of them (max_usage). */
  private readonly slots: Slot[] = [];
  /** Emptied pages kept for reuse (Linux keeps one; a stream through the pipe reuses them all). */
  private readonly spare: Uint8Array[] = [];
  private size = 0;
  private cap = PIPE_DEFAULT_SIZE;
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
   * at most PIPE_BUF bytes therefore goes in whole or not at all. EAGAIN if nothing went in.
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
      const page = this.spare.pop() ?? new Uint8Array(PAGE_SIZE);
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
   * one); EINVAL above 2^31; EPERM growing above pipe-max-size unless privileged; EBUSY if the
   * data held takes more pages than the new size has. Returns the new capacity.
   */
  resize(arg: number, privileged: boolean): number {
    const want = arg >>> 0;
    if (want > 2 ** 31) throw new SysError(EINVAL);
    let size = PAGE_SIZE;
    while (size < want) size *= 2;
    if (size > this.cap && size > PIPE_MAX_SIZE && !privileged) throw new SysError(EPERM);
    if (this.slots.length > size / PAGE_SIZE) throw new SysError(EBUSY);
    this.cap = size;
    this.spare.length = Math.min(this.spare.length, size / PAGE_SIZE);
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
      this.slots.length = 0; // nobody can read what is left: give the memory back
      this.spare.length = 0;
      this.size = 0;
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
