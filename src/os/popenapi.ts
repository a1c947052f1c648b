/**
 * Pipes to other programs, as the chapter shows them: os.popen (Python 2 and 3), popen2/3/4
 * (Python 2: a string runs through `/bin/sh -c`, a sequence runs directly with a PATH search, and
 * an exec failure raises OSError in the caller), and a subprocess module with run, Popen,
 * communicate, returncode and timeouts. Children are started with posix_spawn and file actions.
 */
import { OSError, ValueError } from './errors.js';
import { makeTime, PyFile } from './pymodules.js';
import { makeSelect } from './selectmod.js';
import { pyStr } from './pyfmt.js';
import type { makeFileApi } from './fileapi.js';
import type { makeProcApi, SpawnAction } from './procapi.js';
import type { ProcessRuntime } from './runtime-types.js';

type FileApi = ReturnType<typeof makeFileApi>;
type ProcApi = ReturnType<typeof makeProcApi>;

export type Command = string | readonly string[];

export class TimeoutExpired extends Error {
  constructor(readonly cmd: Command, readonly timeout: number) {
    super(`Command '${pyStr(cmd)}' timed out after ${pyStr(timeout)} seconds`);
    this.name = 'TimeoutExpired';
  }
}

export class CalledProcessError extends Error {
  constructor(readonly returncode: number, readonly cmd: Command, readonly stdout?: string | Uint8Array, readonly stderr?: string | Uint8Array) {
    super(`Command '${pyStr(cmd)}' returned non-zero exit status ${returncode}.`);
    this.name = 'CalledProcessError';
  }
}

export const PIPE = -1;
export const STDOUT = -2;
export const DEVNULL = -3;

export interface PopenOptions {
  readonly stdin?: number | null;
  readonly stdout?: number | null;
  readonly stderr?: number | null;
  readonly shell?: boolean;
  readonly cwd?: string;
  readonly env?: ReadonlyMap<string, string> | Readonly<Record<string, string>>;
  readonly text?: boolean;
}


const encoder = new TextEncoder();
const decoder = new TextDecoder();
const PIPE_BUF = 4096;
/** The kernel's monotonic clock ends at KTIME_MAX nanoseconds (kernel/clock.ts). */
const KTIME_MAX_S = 9223372036.854775807;

export function makePopenApi(rt: ProcessRuntime, files: FileApi, procs: ProcApi) {
  const select = makeSelect(rt);
  const time = makeTime(rt);
  const monotonic = (): number => time.monotonic();
  /** Start cmd with the given child descriptors; returns the pid. Parent ends are the caller's to close. */
  const start = (cmd: Command, shell: boolean, childFds: ReadonlyArray<readonly [number, number]>, closeInChild: readonly number[],
    env?: PopenOptions['env'], cwd?: string): number => {
    const actions: SpawnAction[] = [];
    for (const [from, to] of childFds) actions.push(['dup2', from, to]);
    for (const fd of closeInChild) actions.push(['close', fd]);
    const environ = env ?? rt.env;
    if (cwd !== undefined) actions.push(['chdir', cwd]); // glibc's posix_spawn_file_actions_addchdir_np
    if (typeof cmd === 'string') {
      if (!shell) return procs.posix_spawnp(cmd, [cmd], environ, { file_actions: actions });
      return procs.posix_spawn('/bin/sh', ['/bin/sh', '-c', cmd], environ, { file_actions: actions });
    }
    if (cmd.length === 0) throw new ValueError('empty command');
    return procs.posix_spawnp(cmd[0]!, cmd, environ, { file_actions: actions });
  };

  const waitStatus = (pid: number): number => {
    for (let guard = 0; guard < 1_000_000; guard++) {
      const [, s] = procs.waitpid(pid, 0);
      if (!procs.WIFSTOPPED(s)) return s;
    }
    throw new OSError(10, 'waitpid');
  };

  /** os.popen(cmd, 'r' | 'w'): a file on the child's stdout or stdin; close() waits and returns None or the wait status. */
  const popen = (cmd: string, mode = 'r'): PyFile => {
    if (mode !== 'r' && mode !== 'w') throw new ValueError(`invalid mode '${mode}'`);
    const [r, w] = files.pipe2(0o2000000);
    const reading = mode === 'r';
    const pid = (() => {
      try {
        return start(cmd, true, [reading ? [w, 1] : [r, 0]], [], undefined);
      } catch (e) {
        files.close(r);
        files.close(w);
        throw e;
      }
    })();
    files.close(reading ? w : r);
    return new PyFile(files, reading ? r : w, cmd, mode, false, () => {
      const s = waitStatus(pid);
      return s === 0 ? null : s;
    });
  };

  /** popen2/3/4's common part: pipes for the chosen streams, stderr into stdout for popen4. */
  const popenN = (cmd: Command, which: { err: 'pipe' | 'inherit' | 'stdout' }): PyFile[] => {
    const inP = files.pipe2(0o2000000);
    const outP = files.pipe2(0o2000000);
    const errP = which.err === 'pipe' ? files.pipe2(0o2000000) : undefined;
    const childFds: Array<[number, number]> = [[inP[0], 0], [outP[1], 1]];
    if (errP) childFds.push([errP[1], 2]);
    if (which.err === 'stdout') childFds.push([outP[1], 2]);
    try {
      start(cmd, typeof cmd === 'string', childFds, []);
    } catch (e) {
      files.close(inP[1]); // nothing started: our ends go too
      files.close(outP[0]);
      if (errP) files.close(errP[0]);
      throw e;
    } finally {
      files.close(inP[0]);
      files.close(outP[1]);
      if (errP) files.close(errP[1]);
    }
    const out = [new PyFile(files, inP[1], '<fdopen>', 'w', false), new PyFile(files, outP[0], '<fdopen>', 'r', false)];
    if (errP) out.push(new PyFile(files, errP[0], '<fdopen>', 'r', false));
    return out;
  };

  class Popen {
    readonly pid: number;
    readonly stdin: PyFile | undefined;
    readonly stdout: PyFile | undefined;
    readonly stderr: PyFile | undefined;
    returncode: number | null = null;

    constructor(readonly args: Command, private readonly o: PopenOptions = {}) {
      const childFds: Array<[number, number]> = [];
      const parentEnds: number[] = [];
      const childEnds: number[] = [];
      const mk = (spec: number | null | undefined, fd: number): number | undefined => {
        if (spec === PIPE) {
          const [r, w] = files.pipe2(0o2000000);
          const [parent, child] = fd === 0 ? [w, r] : [r, w];
          childFds.push([child, fd]);
          parentEnds.push(parent);
          childEnds.push(child);
          return parent;
        }
        if (spec === DEVNULL) {
          const n = files.open('/dev/null', fd === 0 ? 0 : 1);
          childFds.push([n, fd]);
          childEnds.push(n);
        } else if (spec === STDOUT && fd === 2) {
          const out = childFds.find(([, to]) => to === 1);
          childFds.push([out ? out[0] : 1, 2]);
        } else if (typeof spec === 'number' && spec >= 0) {
          childFds.push([spec, fd]);
        }
        return undefined;
      };
      const pin = mk(o.stdin, 0);
      const pout = mk(o.stdout, 1);
      const perr = mk(o.stderr, 2);
      try {
        this.pid = start(args, o.shell ?? false, childFds, [], o.env, o.cwd);
      } catch (e) {
        for (const fd of parentEnds) files.close(fd);
        throw e;
      } finally {
        for (const fd of childEnds) files.close(fd);
      }
      const text = o.text ?? false;
      this.stdin = pin === undefined ? undefined : new PyFile(files, pin, '<stdin>', 'w', !text);
      this.stdout = pout === undefined ? undefined : new PyFile(files, pout, '<stdout>', 'r', !text);
      this.stderr = perr === undefined ? undefined : new PyFile(files, perr, '<stderr>', 'r', !text);
    }

    poll(): number | null {
      if (this.returncode !== null) return this.returncode;
      const [pid, s] = procs.waitpid(this.pid, procs.WNOHANG);
      if (pid !== 0) this.returncode = procs.waitstatus_to_exitcode(s);
      return this.returncode;
    }

    /** wait(timeout?): the exit code; TimeoutExpired if the child is still running after timeout s. */
    wait(timeout?: number): number {
      if (this.returncode !== null) return this.returncode;
      if (timeout === undefined) {
        this.returncode = procs.waitstatus_to_exitcode(waitStatus(this.pid));
        return this.returncode;
      }
      // As Python does: poll with growing sleeps (on the kernel clock) until the deadline.
      // Clamped where the kernel's clock ends (KTIME_MAX), which it may have reached already.
      const deadline = Math.min(monotonic() + timeout, KTIME_MAX_S);
      for (let delay = 0.0005; ; delay = Math.min(delay * 2, 0.05)) {
        const rc = this.poll();
        if (rc !== null) return rc;
        const left = deadline - monotonic();
        if (left <= 0) throw new TimeoutExpired(this.args, timeout);
        time.sleep(Math.min(delay, left));
      }
    }

    /**
     * Send input and read stdout and stderr at the same time (select), so neither side can fill
     * a pipe and stall the other; then wait. TimeoutExpired after timeout seconds (the child is
     * left running, as in Python: kill it and call communicate() again to collect the rest).
     */
    communicate(input?: string | Uint8Array, timeout?: number): [string | Uint8Array | null, string | Uint8Array | null] {
      const deadline = timeout === undefined ? undefined : monotonic() + timeout;
      let pending = input === undefined ? new Uint8Array(0) : typeof input === 'string' ? encoder.encode(input) : input;
      const outChunks: Uint8Array[] = this.outSoFar;
      const errChunks: Uint8Array[] = this.errSoFar;
      if (this.stdin && !this.stdin.closed && pending.length === 0) this.stdin.close();
      const readers = new Map<number, Uint8Array[]>();
      if (this.stdout && !this.stdout.closed) readers.set(this.stdout.fileno(), outChunks);
      if (this.stderr && !this.stderr.closed) readers.set(this.stderr.fileno(), errChunks);
      for (let guard = 0; readers.size > 0 || (this.stdin && !this.stdin.closed); guard++) {
        const left = deadline === undefined ? null : deadline - monotonic();
        if (left !== null && left <= 0) throw new TimeoutExpired(this.args, timeout!);
        const writing = this.stdin && !this.stdin.closed ? [this.stdin.fileno()] : [];
        const [r, w] = select.select([...readers.keys()], writing, [], left);
        if (w.length > 0 && this.stdin) {
          try {
            pending = pending.subarray(files.write(this.stdin.fileno(), pending.subarray(0, PIPE_BUF)));
          } catch (e) {
            if (!(e instanceof OSError && e.errno === 32)) throw e; // EPIPE: the child stopped reading
            pending = new Uint8Array(0);
          }
          if (pending.length === 0) this.stdin.close();
        }
        for (const fd of r) {
          const b = files.read(fd, 65536);
          if (b.length === 0) {
            readers.delete(fd);
            (fd === this.stdout?.fileno() ? this.stdout : this.stderr)?.close();
          } else {
            readers.get(fd)!.push(b);
          }
        }
        if (guard > 1 << 24) throw new OSError(5, 'communicate');
      }
      this.wait(deadline === undefined ? undefined : Math.max(0, deadline - monotonic()));
      const text = this.o.text ?? false;
      const collect = (have: PyFile | undefined, chunks: Uint8Array[]): string | Uint8Array | null => {
        if (!have) return null;
        const all = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
        let off = 0;
        for (const c of chunks) { all.set(c, off); off += c.length; }
        return text ? decoder.decode(all) : all;
      };
      return [collect(this.stdout, outChunks), collect(this.stderr, errChunks)];
    }

    private readonly outSoFar: Uint8Array[] = [];
    private readonly errSoFar: Uint8Array[] = [];

    send_signal(sig: number): void {
      if (this.returncode === null) procs.kill(this.pid, sig);
    }
    terminate(): void { this.send_signal(15); }
    kill(): void { this.send_signal(9); }
  }

  const subprocess = {
    PIPE, STDOUT, DEVNULL, Popen, TimeoutExpired, CalledProcessError,
    /** run: communicate, then the result; on a timeout the child is killed and reaped first. */
    run(args: Command, o: PopenOptions & { input?: string | Uint8Array; capture_output?: boolean; check?: boolean; timeout?: number } = {}) {
      const opts: PopenOptions = {
        ...o,
        ...(o.input !== undefined ? { stdin: PIPE } : {}),
        ...(o.capture_output ? { stdout: PIPE, stderr: PIPE } : {}),
      };
      const p = new Popen(args, opts);
      let stdout: string | Uint8Array | null;
      let stderr: string | Uint8Array | null;
      try {
        [stdout, stderr] = p.communicate(o.input, o.timeout);
      } catch (e) {
        if (e instanceof TimeoutExpired) {
          p.kill();
          p.wait();
        }
        throw e;
      }
      const returncode = p.returncode ?? p.wait();
      if (o.check && returncode !== 0) throw new CalledProcessError(returncode, args, stdout ?? undefined, stderr ?? undefined);
      return { args, returncode, stdout, stderr };
    },
    call: (args: Command, o: PopenOptions & { timeout?: number } = {}): number => new Popen(args, o).wait(o.timeout),
    check_output(args: Command, o: PopenOptions = {}): string | Uint8Array {
      const r = subprocess.run(args, { ...o, stdout: PIPE });
      if (r.returncode !== 0) throw new CalledProcessError(r.returncode, args, r.stdout ?? undefined);
      return r.stdout ?? '';
    },
  };

  return {
    popen,
    popen2: (cmd: Command): [PyFile, PyFile] => popenN(cmd, { err: 'inherit' }) as [PyFile, PyFile],
    popen3: (cmd: Command): [PyFile, PyFile, PyFile] => popenN(cmd, { err: 'pipe' }) as [PyFile, PyFile, PyFile],
    popen4: (cmd: Command): [PyFile, PyFile] => popenN(cmd, { err: 'stdout' }) as [PyFile, PyFile],
    /** os.system: /bin/sh -c cmd with this process's stdio; the 16-bit wait status. */
    system(cmd: string): number {
      try {
        return waitStatus(start(cmd, true, [], []));
      } catch (e) {
        if (e instanceof OSError) return 127 << 8;
        throw e;
      }
    },
    subprocess,
  };
}
