/**
 * What write(2), open(2) and fcntl(2) do differently on pipes and FIFOs (Linux's pipe_write,
 * fifo_open, pipe_fcntl): the handlers in fs-io.ts call these.
 */
import { EAGAIN, EBADF, EPIPE } from '../abi/errno.js';
import { F_GETPIPE_SZ, O_NONBLOCK } from '../abi/fcntl.js';
import { SIGPIPE } from '../abi/signal.js';
import { SysError } from '../errors.js';
import { Park, type Result } from '../syscall.js';
import { isFifoOps } from '../../fs/fifo.js';
import { isPipeOps, type PipeOps, type WaitingReader } from '../../fs/pipe.js';
import { isWaitable } from '../../fs/waitqueue.js';
import { sendSignal } from '../../proc/signal-deliver.js';
import type { OpenFile } from '../../fs/types.js';
import type { Kernel } from '../kernel.js';
import type { Process } from '../../proc/process.js';

/**
 * write(2). On a file that can block (a pipe), a blocking write returns only when every byte is
 * in: it parks whenever the pipe is full and goes on when woken. It ends early only with
 * O_NONBLOCK (what fitted, or EAGAIN if nothing did), a caught signal (the count so far, or
 * EINTR/restart if none) or a reader gone (the count so far, or EPIPE). EPIPE raises SIGPIPE on
 * the writer first, as Linux does: by default that ends it; caught or ignored, write fails.
 */
export function writeFile(k: Kernel, p: Process, file: OpenFile, data: Uint8Array): Result {
  let done = 0;
  const step = (): Result => {
    for (;;) {
      let n: number;
      try {
        n = k.vfs.write(file, data.subarray(done), p.creds);
      } catch (e) {
        if (!(e instanceof SysError)) throw e;
        if (e.errno === EPIPE) sendSignal(k, p, SIGPIPE);
        if (e.errno === EAGAIN && !(file.flags & O_NONBLOCK) && isWaitable(file.ops)) {
          file.ops.waitQueue.add(() => k.scheduler.wake(p));
          return new Park('write', step, true, undefined, () => done);
        }
        if (done > 0) return done;
        throw e;
      }
      done += n;
      if (done >= data.length || n === 0 || !isWaitable(file.ops)) return done;
    }
  };
  return step();
}

/**
 * read(2) on a blocking pipe: what is there, or else sleep as a waiting reader, so that the next
 * write copies straight into this call's buffer (pipe.ts: awaitData). Woken with bytes received
 * it also takes what has arrived in the pipe since, as a read after a wake-up would. A signal
 * after bytes arrived answers with them, never EINTR: nothing written is lost.
 */
export function readPipe(k: Kernel, p: Process, file: OpenFile, ops: PipeOps, buf: Uint8Array): Result {
  const attempt = (): Result => {
    try {
      const n = k.vfs.read(file, buf);
      return { value: n, outLen: n };
    } catch (e) {
      if (!(e instanceof SysError) || e.errno !== EAGAIN) throw e;
    }
    const waiting: WaitingReader = { buf, got: 0 };
    const leave = ops.pipe.awaitData(waiting);
    const unqueue = ops.waitQueue.add(() => k.scheduler.wake(p));
    const received = (): Result => ({ value: waiting.got, outLen: waiting.got });
    const retry = (): Result => {
      if (waiting.got === 0) {
        leave();
        return attempt();
      }
      if (waiting.got < buf.length && ops.pipe.buffered > 0) waiting.got += ops.pipe.read(buf.subarray(waiting.got));
      return received();
    };
    return new Park('read', retry, true, () => { leave(); unqueue(); }, () => waiting.got, received);
  };
  return attempt();
}

/**
 * The end of open(2) on a FIFO: wait until the other side has opened (fifo.ts has the rules),
 * then `install` the descriptor. A signal meanwhile closes the description (restarted with
 * SA_RESTART, as ERESTARTSYS is); so does the process's exit.
 */
export function fifoRendezvous(k: Kernel, p: Process, file: OpenFile, install: () => number): Result {
  const ops = file.ops;
  if (!isFifoOps(ops)) return install();
  const wait = (): Result => {
    if (ops.partnerReady()) return install();
    ops.waitQueue.add(() => k.scheduler.wake(p));
    return new Park('open', wait, true, () => k.vfs.close(file));
  };
  return wait();
}

/** F_GETPIPE_SZ and F_SETPIPE_SZ (pipe.ts: Pipe.resize); EBADF on anything but a pipe. */
export function pipeFcntl(p: Process, file: OpenFile, cmd: number, arg: number): number {
  if (!isPipeOps(file.ops)) throw new SysError(EBADF);
  const pipe = file.ops.pipe;
  if (cmd === F_GETPIPE_SZ) return pipe.capacity;
  return pipe.resize(arg, p.creds.euid === 0);
}
