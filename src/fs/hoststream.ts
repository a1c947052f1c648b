/**
 * Streams to and from the world outside the kernel (the CLI's terminal, a test's buffers): an
 * output stream whose writes go to a sink, and an input stream fed by the host whose reads block
 * (EAGAIN + wait queue) until bytes or end of file arrive.
 */
import { EAGAIN, EBADF } from '../kernel/abi/errno.js';
import { SysError } from '../kernel/errors.js';
import type { FileOps } from './types.js';
import { WaitQueue, type Waitable } from './waitqueue.js';

export function sinkOps(sink: (bytes: Uint8Array) => void): FileOps {
  return {
    seekable: false,
    read(): number {
      throw new SysError(EBADF);
    },
    write(_f, data): number {
      sink(data.slice());
      return data.length;
    },
  };
}

/** Bytes the host pushes in; end() marks end of file. */
export class HostInput implements Waitable {
  private readonly chunks: Uint8Array[] = [];
  private ended = false;
  readonly waitQueue = new WaitQueue();

  push(bytes: Uint8Array): void {
    if (bytes.length > 0) this.chunks.push(bytes.slice());
    this.waitQueue.wakeAll();
  }

  end(): void {
    this.ended = true;
    this.waitQueue.wakeAll();
  }

  /** Whether a reader sleeps waiting for the host to push more: the system is then not deadlocked. */
  hostWaiting(): boolean {
    return !this.ended && this.waitQueue.size > 0;
  }

  read(buf: Uint8Array): number {
    if (buf.length === 0) return 0;
    const c = this.chunks[0];
    if (!c) {
      if (this.ended) return 0;
      throw new SysError(EAGAIN);
    }
    const n = Math.min(c.length, buf.length);
    buf.set(c.subarray(0, n));
    if (n === c.length) this.chunks.shift();
    else this.chunks[0] = c.subarray(n);
    return n;
  }

  ops(): FileOps & Waitable {
    return {
      seekable: false,
      waitQueue: this.waitQueue,
      read: (_f, buf) => this.read(buf),
      write(): number {
        throw new SysError(EBADF);
      },
    };
  }
}
