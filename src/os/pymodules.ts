/**
 * The companions of the os module that programs import by name: sys, time, signal, atexit, and
 * Python's builtin open(). Each is built per process over its runtime.
 */
import { SYS } from '../kernel/abi/sysno.js';
import * as SIG from '../kernel/abi/signal.js';
import {
  O_APPEND, O_CLOEXEC, O_CREAT, O_EXCL, O_RDONLY, O_RDWR, O_TRUNC, O_WRONLY, SEEK_CUR, SEEK_SET,
} from '../kernel/abi/fcntl.js';
import { ctime, asctime, gmtime, localtime, mktime, strftime } from './timefmt.js';
import { checkPath, ValueError, wrap } from './errors.js';
import { cInt, iterable, pyIndex, pyTimeoutNs, pyTimestamp, pyTypeName, timespecOf } from './pyargs.js';
import { OSError } from './errors.js';
import { EOVERFLOW } from '../kernel/abi/errno.js';
import { SystemExit, type ProcessRuntime } from './runtime-types.js';
import type { makeFileApi } from './fileapi.js';
import type { TmStruct } from './tz.js';

type FileApi = ReturnType<typeof makeFileApi>;

const decoder = new TextDecoder();

/** A text stream on a descriptor (sys.stdout, sys.stderr): unbuffered writes of UTF-8. */
export class FdStream {
  constructor(private readonly files: FileApi, readonly fd: number) {}
  write(s: string | Uint8Array): number {
    this.files.writeAll(this.fd, s);
    return s.length;
  }
  flush(): void {}
  fileno(): number {
    return this.fd;
  }
}

/** A file object as Python's open() returns: reads and writes straight through to the descriptor. */
export class PyFile {
  closed = false;
  private pending: Uint8Array = new Uint8Array(0);
  constructor(private readonly files: FileApi, private readonly fd: number, readonly name: string,
    readonly mode: string, private readonly binary: boolean,
    /** Runs after the descriptor is closed; its result is close()'s (os.popen: the wait status). */
    private readonly afterClose?: () => number | null) {}
  fileno(): number {
    return this.fd;
  }
  write(data: string | Uint8Array): number {
    this.check();
    this.files.writeAll(this.fd, data);
    return data.length;
  }
  /** read(): everything to end of file; read(n): at most n bytes. */
  read(n = -1): string | Uint8Array {
    this.check();
    const chunks: Uint8Array[] = [this.pending];
    let total = this.pending.length;
    this.pending = new Uint8Array(0);
    for (let guard = 0; guard < 1 << 24 && (n < 0 || total < n); guard++) {
      const b = this.files.read(this.fd, n < 0 ? 65536 : Math.min(65536, n - total));
      if (b.length === 0) break;
      chunks.push(b);
      total += b.length;
    }
    const all = concat(chunks, total);
    return this.binary ? all : decoder.decode(all);
  }
  readline(): string | Uint8Array {
    this.check();
    for (let guard = 0; guard < 1 << 24; guard++) {
      const nl = this.pending.indexOf(10);
      if (nl >= 0) {
        const line = this.pending.slice(0, nl + 1);
        this.pending = this.pending.slice(nl + 1);
        return this.binary ? line : decoder.decode(line);
      }
      const b = this.files.read(this.fd, 65536);
      if (b.length === 0) break;
      this.pending = concat([this.pending, b], this.pending.length + b.length);
    }
    const rest = this.pending;
    this.pending = new Uint8Array(0);
    return this.binary ? rest : decoder.decode(rest);
  }
  readlines(): Array<string | Uint8Array> {
    const out: Array<string | Uint8Array> = [];
    for (let line = this.readline(); line.length > 0; line = this.readline()) out.push(line);
    return out;
  }
  *[Symbol.iterator](): Generator<string | Uint8Array> {
    for (let line = this.readline(); line.length > 0; line = this.readline()) yield line;
  }
  seek(offset: number, whence = SEEK_SET): number {
    this.check();
    this.pending = new Uint8Array(0);
    return this.files.lseek(this.fd, offset, whence);
  }
  tell(): number {
    return this.files.lseek(this.fd, 0, SEEK_CUR) - this.pending.length;
  }
  flush(): void {}
  close(): number | null | undefined {
    if (this.closed) return undefined;
    this.closed = true;
    this.files.close(this.fd);
    return this.afterClose?.();
  }
  [Symbol.dispose](): void {
    this.close();
  }
  private check(): void {
    if (this.closed) throw new ValueError('I/O operation on closed file.');
  }
}

function concat(chunks: readonly Uint8Array[], total: number): Uint8Array {
  const out = new Uint8Array(total);
  let off = 0;
  for (const c of chunks) { out.set(c, off); off += c.length; }
  return out;
}

/** Python's open(path, mode): r, w, a, x, with + and b. */
export function makeOpen(files: FileApi) {
  return function open(path: string, mode = 'r'): PyFile {
    checkPath(path, 'open');
    const m = /^([rwax])(\+?)([bt]?)(\+?)$/.exec(mode);
    if (!m) throw new ValueError(`invalid mode: '${mode}'`);
    const plus = m[2] === '+' || m[4] === '+';
    const base = { r: O_RDONLY, w: O_WRONLY | O_CREAT | O_TRUNC, a: O_WRONLY | O_CREAT | O_APPEND, x: O_WRONLY | O_CREAT | O_EXCL }[m[1] as 'r' | 'w' | 'a' | 'x'];
    const flags = (plus ? (base & ~O_WRONLY) | O_RDWR : base) | O_CLOEXEC;
    const fd = files.open(path, flags, 0o666);
    return new PyFile(files, fd, path, mode, m[3] === 'b');
  };
}

export function makeSys(rt: ProcessRuntime, files: FileApi) {
  return {
    argv: rt.argv,
    exit(code: number | string | null = 0): never {
      throw new SystemExit(code);
    },
    stdin: new FdStream(files, 0),
    stdout: new FdStream(files, 1),
    stderr: new FdStream(files, 2),
    platform: 'linux',
    byteorder: 'little',
    maxsize: Number.MAX_SAFE_INTEGER,
    getfilesystemencoding: (): string => 'utf-8',
  };
}

export function makeTime(rt: ProcessRuntime) {
  const { sys } = rt;
  const clock = (id: number): number => {
    wrap('clock_gettime', undefined, () => sys.call('clock_gettime', SYS.clock_gettime, id));
    return sys.num(0) + sys.num(1) / 1e9;
  };
  const tz = (): string | undefined => rt.env.get('TZ');
  const now = (): number => clock(0);
  const stamp = (t: unknown): number | undefined => pyTimestamp(t, () => { throw new OSError(EOVERFLOW, 'localtime'); });
  return {
    time: now,
    time_ns(): bigint {
      sys.call('clock_gettime', SYS.clock_gettime, 0);
      return BigInt(sys.num(0)) * 1_000_000_000n + BigInt(sys.num(1));
    },
    monotonic: (): number => clock(1),
    perf_counter: (): number => clock(1),
    process_time: (): number => clock(2),
    /** sleep: on the kernel clock; returns early and silently if a handled signal interrupts it. */
    sleep(secs: number | bigint): void {
      const total = pyTimeoutNs(secs, 1_000_000_000n); // CPython's conversion: TypeError, ValueError, OverflowError
      if (total < 0n) throw new ValueError('sleep length must be non-negative');
      const [s, ns] = timespecOf(total);
      try {
        sys.call('nanosleep', SYS.nanosleep, s, ns);
      } catch {
        /* EINTR: Python 2 returns early (LESSONS.md §1.4) */
      }
    },
    ctime: (t?: number | null): string => ctime(stamp(t) ?? now(), tz()),
    localtime: (t?: number | null): TmStruct => localtime(stamp(t) ?? now(), tz()),
    gmtime: (t?: number | null): TmStruct => gmtime(stamp(t) ?? now()),
    asctime: (tm?: TmStruct): string => asctime(tm ?? localtime(now(), tz())),
    mktime: (tm: TmStruct): number => mktime(tm, tz()),
    strftime: (fmt: string, tm?: TmStruct): string => {
      if (typeof fmt !== 'string') throw new TypeError(`strftime() argument 1 must be str, not ${fmt === null || fmt === undefined ? 'None' : pyTypeName(fmt)}`);
      // CPython's buffer: 1024 bytes, doubled while below 256 per format character; a result
      // that does not fit the last one is '' (as C's strftime returning 0).
      let room = 1024;
      while (room < 256 * fmt.length) room += room;
      const out = strftime(fmt, tm ?? localtime(now(), tz()));
      return out.length < room ? out : '';
    },
  };
}

export type SignalHandler = (signum: number, frame: null) => void;
export type Disposition = number | SignalHandler;

const SA_RESTART = 0x10000000;

/** Python's signal module over rt_sigaction, rt_sigprocmask, alarm and pause. */
export function makeSignal(rt: ProcessRuntime) {
  const { sys } = rt;
  const handlers = new Map<number, SignalHandler>();
  const interrupting = new Set<number>();
  sys.onSignal = (sig) => handlers.get(sig)?.(sig, null);
  const names: Record<string, number> = {};
  for (let s = 1; s < 32; s++) names[SIG.signalName(s)] = s;
  const check = (sig: number): void => {
    if (!Number.isInteger(sig) || sig < 1 || sig >= SIG.NSIG) throw new ValueError('signal number out of range');
  };
  const install = (sig: number, handler: number, flags: number): number => {
    wrap('sigaction', undefined, () => sys.call('rt_sigaction', SYS.rt_sigaction, sig, handler, flags, 0, 0));
    return sys.num(0);
  };
  const getsignal = (sig: number): Disposition => {
    check(sig);
    const h = handlers.get(sig);
    if (h) return h;
    return install(sig, -1, 0);
  };
  const toSet = (lo: number, hi: number): Set<number> => {
    const out = new Set<number>();
    for (let s = 1; s < SIG.NSIG; s++) {
      const bitOn = s <= 32 ? (lo >>> (s - 1)) & 1 : (hi >>> (s - 33)) & 1;
      if (bitOn) out.add(s);
    }
    return out;
  };
  const fromSet = (sigs: Iterable<number>): [number, number] => {
    let lo = 0;
    let hi = 0;
    for (const s of sigs) {
      check(s);
      if (s <= 32) lo |= 1 << (s - 1);
      else hi |= 1 << (s - 33);
    }
    return [lo >>> 0, hi >>> 0];
  };
  return {
    ...names,
    NSIG: SIG.NSIG, SIG_DFL: 0, SIG_IGN: 1, SIG_BLOCK: 0, SIG_UNBLOCK: 1, SIG_SETMASK: 2,
    strsignal: SIG.strsignal,
    signalName: SIG.signalName,
    valid_signals: (): Set<number> => new Set(Array.from({ length: SIG.NSIG - 1 }, (_, i) => i + 1)),
    /** signal.signal: a function catches (calls are restarted after it, as Python 3 retries them). */
    signal(sig: number, handler: Disposition): Disposition {
      check(sig);
      const old = getsignal(sig);
      if (typeof handler === 'function') {
        install(sig, 2, interrupting.has(sig) ? 0 : SA_RESTART);
        handlers.set(sig, handler);
      } else {
        if (handler !== 0 && handler !== 1) throw new TypeError('signal handler must be signal.SIG_IGN, signal.SIG_DFL, or a callable object');
        install(sig, handler, 0);
        handlers.delete(sig);
      }
      return old;
    },
    getsignal,
    /** siginterrupt(sig, true): calls interrupted by sig fail with EINTR instead of restarting. */
    siginterrupt(sig: number, flag: boolean): void {
      check(sig);
      if (flag) interrupting.add(sig);
      else interrupting.delete(sig);
      if (handlers.has(sig)) install(sig, 2, flag ? 0 : SA_RESTART);
    },
    /** alarm: an int as CPython takes it (-1 is the unsigned 4294967295 seconds, as in C). */
    alarm: (secs: number | bigint): number => sys.call('alarm', SYS.alarm, cInt(secs)),
    /**
     * posixbox's own: run the handlers of signals that arrived while the program computed without
     * system calls (they otherwise run at its next call). One Atomics.load when none did.
     */
    check_signals: (): boolean => sys.checkSignals(),
    /** pause: sleep until a signal is handled; returns after the handler. */
    pause(): void {
      try {
        sys.call('pause', SYS.pause);
      } catch {
        /* EINTR: the handler has run */
      }
    },
    pthread_sigmask(how: number, mask: Iterable<number>): Set<number> {
      const [lo, hi] = fromSet(iterable<number>(mask));
      wrap('pthread_sigmask', undefined, () => sys.call('rt_sigprocmask', SYS.rt_sigprocmask, how, lo, hi, 1));
      return toSet(sys.num(0), sys.num(1));
    },
    sigpending(): Set<number> {
      sys.call('rt_sigpending', SYS.rt_sigpending);
      return toSet(sys.num(0), sys.num(1));
    },
    raise_signal(sig: number): void {
      check(sig);
      wrap('raise_signal', undefined, () => sys.call('kill', SYS.kill, sys.call('getpid', SYS.getpid), sig));
    },
  };
}

/** Python's resource module: getrlimit and setrlimit (the kernel enforces NPROC, NOFILE and FSIZE). */
export function makeResource(rt: ProcessRuntime) {
  const { sys } = rt;
  return {
    RLIMIT_CPU: 0, RLIMIT_FSIZE: 1, RLIMIT_DATA: 2, RLIMIT_STACK: 3, RLIMIT_CORE: 4, RLIMIT_RSS: 5,
    RLIMIT_NPROC: 6, RLIMIT_NOFILE: 7, RLIMIT_MEMLOCK: 8, RLIMIT_AS: 9, RLIM_INFINITY: -1,
    getrlimit(res: number): [number, number] {
      wrap('getrlimit', undefined, () => sys.call('prlimit64', SYS.prlimit64, res, 0, 0, 0));
      return [sys.num(0), sys.num(1)];
    },
    setrlimit(res: number, limits: readonly [number, number]): void {
      const pair = [...iterable<number>(limits)];
      if (pair.length !== 2) throw new ValueError('expected a tuple of 2 integers');
      const [soft, hard] = pair.map((v) => Number(pyIndex(v)));
      wrap('setrlimit', undefined, () => sys.call('prlimit64', SYS.prlimit64, res, soft!, hard!, 1));
    },
  };
}

export function makeAtexit(rt: ProcessRuntime) {
  return {
    register<A extends unknown[]>(fn: (...args: A) => void, ...args: A): (...args: A) => void {
      rt.atexit.push(() => fn(...args));
      return fn;
    },
  };
}

