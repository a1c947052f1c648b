/**
 * A pipe (Linux's pipe_inode_info): a bounded byte buffer between a read end and a write end.
 * read on an empty pipe with writers left is EAGAIN (the kernel parks a blocking caller on the
 * wait queue); with no writer left it is end of file. write with no reader left is EPIPE (the
 * kernel raises SIGPIPE). Writes of at most PIPE_BUF bytes are atomic.
 *
 * A pipe may have a kernel-side consumer instead of a reading process (the lesson harness and the
 * CLI read the program's output this way): then writes go straight to it and never block.
 */
import { EAGAIN, EBADF, EPIPE } from '../kernel/abi/errno.js';
import { SysError } from '../kernel/errors.js';
import type { FileOps, OpenFile } from './types.js';
import { WaitQueue, type Waitable } from './waitqueue.js';

export const PIPE_BUF = 4096;
export const PIPE_DEFAULT_SIZE = 65536;

export interface PipeConsumer {
  data(bytes: Uint8Array): void;
  eof(): void;
}

export class Pipe {
  private readonly chunks: Uint8Array[] = [];
  private size = 0;
  readers = 0;
  writers = 0;
  capacity = PIPE_DEFAULT_SIZE;
  readonly waitQueue = new WaitQueue();
  consumer: PipeConsumer | undefined;

  get buffered(): number {
    return this.size;
  }

  read(buf: Uint8Array): number {
    if (buf.length === 0) return 0;
    if (this.size === 0) {
      if (this.writers === 0) return 0;
      throw new SysError(EAGAIN);
    }
    let n = 0;
    while (n < buf.length && this.chunks.length > 0) {
      const c = this.chunks[0]!;
      const take = Math.min(c.length, buf.length - n);
      buf.set(c.subarray(0, take), n);
      n += take;
      if (take === c.length) this.chunks.shift();
      else this.chunks[0] = c.subarray(take);
    }
    this.size -= n;
    this.waitQueue.wakeAll();
    return n;
  }

  write(data: Uint8Array): number {
    if (this.readers === 0 && !this.consumer) throw new SysError(EPIPE);
    if (data.length === 0) return 0;
    if (this.consumer) {
      this.consumer.data(data.slice());
      return data.length;
    }
    const space = this.capacity - this.size;
    if (space <= 0 || (data.length <= PIPE_BUF && space < data.length)) throw new SysError(EAGAIN);
    const n = Math.min(space, data.length);
    this.chunks.push(data.slice(0, n));
    this.size += n;
    this.waitQueue.wakeAll();
    return n;
  }

  /** A description's last reference went away. */
  closeEnd(end: 'r' | 'w'): void {
    if (end === 'r') this.readers--;
    else this.writers--;
    if (end === 'w' && this.writers === 0) this.consumer?.eof();
    this.waitQueue.wakeAll();
  }
}

/** The FileOps of one end of a pipe. */
export function pipeOps(pipe: Pipe, end: 'r' | 'w'): FileOps & Waitable {
  if (end === 'r') pipe.readers++;
  else pipe.writers++;
  return {
    seekable: false,
    waitQueue: pipe.waitQueue,
    read(_f: OpenFile, buf: Uint8Array): number {
      if (end !== 'r') throw new SysError(EBADF);
      return pipe.read(buf);
    },
    write(_f: OpenFile, data: Uint8Array): number {
      if (end !== 'w') throw new SysError(EBADF);
      return pipe.write(data);
    },
    release(): void {
      pipe.closeEnd(end);
    },
  };
}
