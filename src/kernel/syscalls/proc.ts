/** Process calls of the foundation: ids, exit, umask, clocks, sleep, random bytes, login name, uname. */
import { EINVAL, ENXIO, EPERM, ERANGE } from '../abi/errno.js';
import { SysError } from '../errors.js';
import { full, NO_REPLY, Park, partial, type Result, type SyscallEntry } from '../syscall.js';
import { argSize, deadlineIn, utf8 } from './common.js';
import type { Kernel } from '../kernel.js';
import type { Process } from '../../proc/process.js';

export const CLOCK_REALTIME = 0;
export const CLOCK_MONOTONIC = 1;
export const CLOCK_PROCESS_CPUTIME_ID = 2;
export const CLOCK_THREAD_CPUTIME_ID = 3;
export const CLOCK_MONOTONIC_RAW = 4;
export const CLOCK_REALTIME_COARSE = 5;
export const CLOCK_MONOTONIC_COARSE = 6;
export const CLOCK_BOOTTIME = 7;

function clockGettime(k: Kernel, id: number): Result {
  let t;
  switch (id) {
    case CLOCK_REALTIME: case CLOCK_REALTIME_COARSE:
      t = k.clock.now();
      break;
    case CLOCK_MONOTONIC: case CLOCK_MONOTONIC_RAW: case CLOCK_MONOTONIC_COARSE: case CLOCK_BOOTTIME:
    case CLOCK_PROCESS_CPUTIME_ID: case CLOCK_THREAD_CPUTIME_ID:
      t = k.clock.monotonic();
      break;
    default:
      throw new SysError(EINVAL);
  }
  return { value: 0, nums: [t.sec, t.nsec] };
}

/** nanosleep: sleep on the kernel clock; the virtual clock jumps when everyone sleeps. */
function nanosleep(k: Kernel, p: Process, sec: number, nsec: number): Result {
  if (!Number.isInteger(sec) || sec < 0 || !Number.isInteger(nsec) || nsec < 0 || nsec > 999_999_999) {
    throw new SysError(EINVAL);
  }
  const deadline = deadlineIn(k, BigInt(sec) * 1_000_000_000n + BigInt(nsec)); // clamped at KTIME_MAX
  // Each time it is not yet due (a host timer may fire a little early) it arms a timer again.
  // Never restarted after a handler (as nanosleep(2)): an interrupted sleep is EINTR.
  const sleep = (): Result => {
    if (k.nowNs() >= deadline) return 0;
    const cancel = k.scheduler.addTimer(p, deadline, () => k.scheduler.wake(p));
    return new Park('nanosleep', sleep, false, cancel);
  };
  return sleep();
}

/** The exit status argument is masked to 8 bits and encoded as wait(2) reports it. */
function exit(k: Kernel, p: Process, code: number): typeof NO_REPLY {
  k.exitCall(p, (code & 0xff) << 8);
  return NO_REPLY;
}

export const procCalls: ReadonlyArray<readonly [number, SyscallEntry]> = [
  [39, full('getpid', [], (_k, p) => p.pid)],
  [110, full('getppid', [], (_k, p) => p.ppid)],
  [60, full('exit', ['int'], (k, p, a) => exit(k, p, a.int(0)))],
  [231, full('exit_group', ['int'], (k, p, a) => exit(k, p, a.int(0)))],
  [95, full('umask', ['int'], (_k, p, a) => {
    const old = p.umask;
    p.umask = a.int(0) & 0o777;
    return old;
  })],
  [228, full('clock_gettime', ['int'], (k, _p, a) => clockGettime(k, a.int(0)))],
  [35, partial('nanosleep', ['int', 'int'], (k, p, a) => nanosleep(k, p, a.int(0), a.int(1)),
    'the time left is not reported after EINTR')],
  [318, full('getrandom', ['int', 'int'], (k, _p, a) => {
    const out = a.out(argSize(a.int(0)));
    k.random.fill(out);
    return { value: out.length, outLen: out.length };
  })],
  [1000, full('getlogin', ['int'], (_k, p, a) => {
    const name = utf8(p.login);
    if (name.length === 0) throw new SysError(ENXIO) // no login name recorded, as getlogin(3) without utmp;
    if (a.int(0) <= name.length) throw new SysError(ERANGE);
    return { value: name.length, data: name };
  })],
  [1001, full('sched_start', [], (_k, p) => p.pid)],
  [170, full('sethostname', ['str'], (k, p, a) => {
    if (p.creds.euid !== 0) throw new SysError(EPERM); // CAP_SYS_ADMIN
    const name = a.str(0);
    if (utf8(name).length > 64) throw new SysError(EINVAL); // __NEW_UTS_LEN
    k.hostname = name;
    return 0;
  })],
  [63, full('uname', [], (k) => ({
    value: 0,
    data: utf8(['Linux', k.hostname, '6.1.0-posixbox', '#1 SMP posixbox', 'x86_64'].join('\0')),
  }))],
];

