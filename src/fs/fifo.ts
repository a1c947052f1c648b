/**
 * Named FIFOs (Linux's fs/pipe.c fifo_open): every open of the same FIFO inode shares one pipe
 * while any end is open; when the last end closes the pipe and its buffered bytes go away.
 *
 * Opening is a rendezvous, as on Linux:
 * - O_RDONLY waits until a writer has opened (one already there will do); with O_NONBLOCK it
 *   succeeds at once (and poll reports no hang-up until a writer has come and gone);
 * - O_WRONLY waits until a reader has opened; with O_NONBLOCK and no reader it is ENXIO;
 * - O_RDWR holds both ends and never waits.
 * The VFS opens the description at once (counting its end, which wakes a partner waiting); the
 * kernel's open then parks the caller on the pipe's wait queue until `partnerReady()` (see
 * syscalls/pipe-io.ts: fifoRendezvous), and a signal or exit meanwhile closes the description again.
 *
 * The open that brings the pipe into being makes it as pipe(2) does (alloc_pipe_info, charged to
 * the opener's real uid: pipe-account.ts); past pipe-user-pages-hard that open is ENOMEM.
 */
import { ENOMEM, ENXIO } from '../kernel/abi/errno.js';
import { O_ACCMODE, O_NONBLOCK, O_RDONLY, O_WRONLY } from '../kernel/abi/fcntl.js';
import type { Credentials } from '../kernel/creds.js';
import { SysError } from '../kernel/errors.js';
import type { SpecialFile } from './inode.js';
import { allocPipe, Pipe, pipeOps, type PipeOps } from './pipe.js';
import type { PipeAccounting } from './pipe-account.js';
import type { FileOps, OpenFile } from './types.js';

/** A FIFO description's operations, with the open rendezvous. */
export interface FifoOps extends PipeOps {
  /** Whether the open may return: the other side has opened since this open began. */
  partnerReady(): boolean;
}

export function isFifoOps(ops: FileOps): ops is FifoOps {
  return 'partnerReady' in ops;
}

export class FifoTable {
  private readonly pipes = new Map<SpecialFile, Pipe>();

  constructor(private readonly acct: PipeAccounting) {}

  open(node: SpecialFile, flags: number, creds: Credentials): FifoOps {
    const acc = flags & O_ACCMODE;
    const nonblock = (flags & O_NONBLOCK) !== 0;
    let pipe = this.pipes.get(node);
    if (acc === O_WRONLY && nonblock && (pipe === undefined || pipe.readers === 0)) throw new SysError(ENXIO);
    if (pipe === undefined) {
      pipe = allocPipe(this.acct, creds);
      if (pipe === undefined) throw new SysError(ENOMEM);
      this.pipes.set(node, pipe);
    }
    const p = pipe;
    const rSince = p.rCounter;
    const wSince = p.wCounter;
    // A reader that does not wait for a writer sees no hang-up until one has come (f_version).
    const hupAfter = acc === O_RDONLY && nonblock && p.writers === 0 ? wSince : -1;
    const ops = pipeOps(p, acc !== O_WRONLY, acc !== O_RDONLY, hupAfter);
    let partnerReady = (): boolean => true;
    if (!nonblock && acc === O_RDONLY && p.writers === 0) partnerReady = () => p.wCounter !== wSince;
    if (!nonblock && acc === O_WRONLY && p.readers === 0) partnerReady = () => p.rCounter !== rSince;
    return {
      ...ops,
      partnerReady,
      release: (f: OpenFile) => {
        ops.release?.(f);
        if (p.readers === 0 && p.writers === 0) this.pipes.delete(node);
      },
    };
  }
}
