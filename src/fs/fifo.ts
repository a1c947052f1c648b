/**
 * Named FIFOs (Linux's fs/pipe.c fifo_open): every open of the same FIFO inode shares one pipe
 * while any end is open; when the last end closes the pipe and its buffered bytes go away.
 * O_WRONLY|O_NONBLOCK with no reader is ENXIO. posixbox does not make a blocking open wait for
 * the other end (the kernel may add that); O_RDWR opens both ends, as Linux allows.
 */
import { ENXIO } from '../kernel/abi/errno.js';
import { O_ACCMODE, O_NONBLOCK, O_RDONLY, O_WRONLY } from '../kernel/abi/fcntl.js';
import { SysError } from '../kernel/errors.js';
import type { SpecialFile } from './inode.js';
import { Pipe, pipeOps } from './pipe.js';
import type { FileOps, OpenFile } from './types.js';
import type { Waitable } from './waitqueue.js';

export class FifoTable {
  private readonly pipes = new Map<SpecialFile, Pipe>();

  open(node: SpecialFile, flags: number): FileOps & Waitable {
    const acc = flags & O_ACCMODE;
    let pipe = this.pipes.get(node);
    if (acc === O_WRONLY && (flags & O_NONBLOCK) && (pipe === undefined || pipe.readers === 0)) {
      throw new SysError(ENXIO);
    }
    if (pipe === undefined) {
      pipe = new Pipe();
      this.pipes.set(node, pipe);
    }
    const p = pipe;
    const reader = acc === O_WRONLY ? undefined : pipeOps(p, 'r');
    const writer = acc === O_RDONLY ? undefined : pipeOps(p, 'w');
    const any = (reader ?? writer)!;
    return {
      seekable: false,
      waitQueue: any.waitQueue,
      read: (f: OpenFile, buf: Uint8Array, pos: number) => any.read(f, buf, pos),
      write: (f: OpenFile, data: Uint8Array, pos: number) => (writer ?? any).write(f, data, pos),
      release: (f: OpenFile) => {
        reader?.release?.(f);
        writer?.release?.(f);
        if (p.readers === 0 && p.writers === 0) this.pipes.delete(node);
      },
    };
  }
}
