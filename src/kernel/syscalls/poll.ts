/**
 * poll(2) (Linux's fs/select.c do_poll): wait until one of several descriptors is ready, a
 * timeout on the kernel clock passes, or a signal is caught. select(2) is built on it in user
 * space (src/os/selectmod.ts), as glibc builds it on pselect6.
 *
 * The argument is an array of struct pollfd (8 bytes each: int fd, short events, short
 * revents); the answer is the count of entries with revents ≠ 0 and the array with revents set.
 * A negative fd is skipped (revents 0); a closed one reports POLLNVAL. A file without a poll
 * operation is always readable and writable (DEFAULT_POLLMASK). POLLERR, POLLHUP and POLLNVAL
 * are reported whether asked for or not. A negative timeout waits for ever, 0 not at all. An
 * interrupted poll is EINTR, never restarted (Linux: ERESTART_RESTARTBLOCK with a handler).
 */
import { EFAULT, EINVAL } from '../abi/errno.js';
import { OPEN_MAX } from '../abi/fcntl.js';
import { DEFAULT_POLLMASK, POLLERR, POLLFD_SIZE, POLLHUP, POLLNVAL } from '../abi/poll.js';
import { SysError } from '../errors.js';
import { full, Park, type Result, type SyscallEntry } from '../syscall.js';
import { isWaitable } from '../../fs/waitqueue.js';
import { cInt, deadlineIn } from './common.js';
import type { Kernel } from '../kernel.js';
import type { Process } from '../../proc/process.js';

interface PollFd {
  readonly fd: number;
  readonly events: number;
}

function parse(bytes: Uint8Array, nfds: number): PollFd[] {
  if (!Number.isInteger(nfds) || nfds < 0 || nfds > OPEN_MAX) throw new SysError(EINVAL);
  if (bytes.length < nfds * POLLFD_SIZE) throw new SysError(EFAULT);
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out: PollFd[] = [];
  for (let i = 0; i < nfds; i++) {
    out.push({ fd: v.getInt32(i * POLLFD_SIZE, true), events: v.getUint16(i * POLLFD_SIZE + 4, true) });
  }
  return out;
}

/** The revents of one entry now. */
function revents(p: Process, e: PollFd): number {
  if (e.fd < 0) return 0;
  if (!p.fds.has(e.fd)) return POLLNVAL;
  const file = p.fds.file(e.fd);
  const mask = file.ops.poll ? file.ops.poll(file) : DEFAULT_POLLMASK;
  return mask & (e.events | POLLERR | POLLHUP);
}

export function poll(k: Kernel, p: Process, bytes: Uint8Array, nfds: number, timeoutMs: number): Result {
  const fds = parse(bytes, nfds);
  const ms = cInt(timeoutMs); // an int: the register's low 32 bits
  const deadline = ms < 0 ? undefined : deadlineIn(k, BigInt(ms) * 1_000_000n);
  let unhook: Array<() => void> = [];
  let cancelTimer: (() => void) | undefined;
  const disarm = (): void => {
    for (const u of unhook) u();
    unhook = [];
    cancelTimer?.();
    cancelTimer = undefined;
  };
  const check = (): Result => {
    disarm();
    const out = new Uint8Array(nfds * POLLFD_SIZE);
    const v = new DataView(out.buffer);
    let ready = 0;
    fds.forEach((e, i) => {
      const r = revents(p, e);
      v.setInt32(i * POLLFD_SIZE, e.fd, true);
      v.setUint16(i * POLLFD_SIZE + 4, e.events, true);
      v.setUint16(i * POLLFD_SIZE + 6, r, true);
      if (r !== 0) ready++;
    });
    if (ready > 0 || (deadline !== undefined && k.nowNs() >= deadline)) return { value: ready, data: out };
    const wake = (): void => k.scheduler.wake(p);
    for (const e of fds) {
      const file = e.fd >= 0 && p.fds.has(e.fd) ? p.fds.file(e.fd) : undefined;
      if (file && isWaitable(file.ops)) unhook.push(file.ops.waitQueue.add(wake));
    }
    if (deadline !== undefined) cancelTimer = k.scheduler.addTimer(p, deadline, wake);
    return new Park('poll', check, false, disarm);
  };
  return check();
}

export const pollCalls: ReadonlyArray<readonly [number, SyscallEntry]> = [
  [7, full('poll', ['bytes', 'int', 'int'], (k, p, a) => poll(k, p, a.bytes(0), a.int(1), a.int(2)))],
];
