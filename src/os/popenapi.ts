/**
 * Pipes to other programs, as the chapter shows them: os.popen (Python 2 and 3), popen2/3/4
 * (Python 2: a string runs through `/bin/sh -c`, a sequence runs directly with a PATH search, and
 * an exec failure raises OSError in the caller), and a subprocess module with run, Popen,
 * communicate, returncode and timeouts. Children are started with posix_spawn and file actions.
 */
import { OSError, ValueError } from './errors.js';
import { PyFile } from './pymodules.js';
import type { makeFileApi } from './fileapi.js';
import type { makeProcApi, SpawnAction } from './procapi.js';
import type { ProcessRuntime } from './runtime-types.js';

type FileApi = ReturnType<typeof makeFileApi>;
type ProcApi = ReturnType<typeof makeProcApi>;

export type Command = string | readonly string[];

export class TimeoutExpired extends Error {
  constructor(readonly cmd: Command, readonly timeout: number) {
    super(`Command '${String(cmd)}' timed out after ${timeout} seconds`);
    this.name = 'TimeoutExpired';
  }
}

export class CalledProcessError extends Error {
  constructor(readonly returncode: number, readonly cmd: Command, readonly stdout?: string | Uint8Array, readonly stderr?: string | Uint8Array) {
    super(`Command '${String(cmd)}' returned non-zero exit status ${returncode}.`);
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


export function makePopenApi(rt: ProcessRuntime, files: FileApi, procs: ProcApi) {
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
    const all = [...inP, ...outP, ...(errP ?? [])];
    try {
      start(cmd, typeof cmd === 'string', childFds, []);
    } finally {
      files.close(inP[0]);
      files.close(outP[1]);
      if (errP) files.close(errP[1]);
      void all;
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

    wait(): number {
      if (this.returncode === null) this.returncode = procs.waitstatus_to_exitcode(waitStatus(this.pid));
      return this.returncode;
    }

    /** Send input, close stdin, read stdout then stderr to end of file, wait. */
    communicate(input?: string | Uint8Array): [string | Uint8Array | null, string | Uint8Array | null] {
      if (this.stdin) {
        if (input !== undefined) {
          try { this.stdin.write(input); } catch (e) { if (!(e instanceof OSError && e.errno === 32)) throw e; }
        }
        this.stdin.close();
      }
      const out = this.stdout ? this.stdout.read() : null;
      this.stdout?.close();
      const err = this.stderr ? this.stderr.read() : null;
      this.stderr?.close();
      this.wait();
      return [out, err];
    }

    send_signal(sig: number): void {
      if (this.returncode === null) procs.kill(this.pid, sig);
    }
    terminate(): void { this.send_signal(15); }
    kill(): void { this.send_signal(9); }
  }

  const subprocess = {
    PIPE, STDOUT, DEVNULL, Popen, TimeoutExpired, CalledProcessError,
    run(args: Command, o: PopenOptions & { input?: string | Uint8Array; capture_output?: boolean; check?: boolean } = {}) {
      const opts: PopenOptions = {
        ...o,
        ...(o.input !== undefined ? { stdin: PIPE } : {}),
        ...(o.capture_output ? { stdout: PIPE, stderr: PIPE } : {}),
      };
      const p = new Popen(args, opts);
      const [stdout, stderr] = p.communicate(o.input);
      const returncode = p.returncode ?? p.wait();
      if (o.check && returncode !== 0) throw new CalledProcessError(returncode, args, stdout ?? undefined, stderr ?? undefined);
      return { args, returncode, stdout, stderr };
    },
    call: (args: Command, o: PopenOptions = {}): number => new Popen(args, o).wait(),
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
