/**
 * Processes in the os API: fork, the exec and spawn families with Python's names and argument
 * shapes, wait and its status macros, kill, process groups and sessions, posix_spawn.
 */
import { SYS } from '../kernel/abi/sysno.js';
import { EBADF, ENOENT, ENOTDIR } from '../kernel/abi/errno.js';
import { Errno } from './channel.js';
import { OSError, checkPath, wrap } from './errors.js';
import type { ProcessRuntime } from './runtime-types.js';

export const P_WAIT = 0;
export const P_NOWAIT = 1;
export const P_NOWAITO = 1;
export const WNOHANG = 1;
export const WUNTRACED = 2;
export const WCONTINUED = 8;

export const WIFEXITED = (s: number): boolean => (s & 0x7f) === 0;
export const WEXITSTATUS = (s: number): number => (s >> 8) & 0xff;
export const WIFSIGNALED = (s: number): boolean => ((s & 0x7f) + 1) >> 1 > 0 && (s & 0x7f) !== 0x7f;
export const WTERMSIG = (s: number): number => s & 0x7f;
export const WCOREDUMP = (s: number): boolean => (s & 0x80) !== 0;
export const WIFSTOPPED = (s: number): boolean => (s & 0xff) === 0x7f;
export const WSTOPSIG = (s: number): number => (s >> 8) & 0xff;
export const WIFCONTINUED = (s: number): boolean => s === 0xffff;
/** Python 3.9's os.waitstatus_to_exitcode. */
export function waitstatus_to_exitcode(s: number): number {
  if (WIFEXITED(s)) return WEXITSTATUS(s);
  if (WIFSIGNALED(s)) return -WTERMSIG(s);
  throw new RangeError(`invalid wait status: ${s}`);
}

/** Resource usage as wait3/wait4 report it (posixbox does not account CPU time: zeros). */
export interface Rusage {
  readonly ru_utime: number;
  readonly ru_stime: number;
}

export type Env = ReadonlyMap<string, string> | Readonly<Record<string, string>>;

export type SpawnAction =
  | readonly ['open', number, string, number, number]
  | readonly ['close', number]
  | readonly ['dup2', number, number]
  | readonly ['chdir', string]
  /** glibc's posix_spawn_file_actions_addtcsetpgrp_np: the child's group takes the terminal on fd. */
  | readonly ['tcsetpgrp', number];

export interface PosixSpawnOptions {
  readonly file_actions?: readonly SpawnAction[];
  readonly setpgroup?: number;
  readonly setsid?: boolean;
  readonly resetids?: boolean;
  readonly setsigdef?: readonly number[];
  /**
   * The terminal open on this descriptor gets the child's process group as its foreground group
   * before the child runs (a ['tcsetpgrp', fd] action ahead of the file actions); with
   * setpgroup: 0 a foreground job owns its terminal from its first instruction.
   */
  readonly tcsetpgrp?: number;
}

const joinStrings = (xs: readonly string[]): string => xs.map((x) => `${x}\0`).join('');

export function makeProcApi(rt: ProcessRuntime) {
  const { sys } = rt;
  const envList = (env?: Env): string[] => {
    const entries: Iterable<[string, string]> = env === undefined ? rt.env
      : env instanceof Map ? env : Object.entries(env as Record<string, string>);
    return [...entries].map(([k, v]) => `${k}=${v}`);
  };
  const checkArgs = (args: readonly string[], fn: string): void => {
    if (!Array.isArray(args)) throw new TypeError(`${fn}() arg 2 must be a tuple or list`);
    for (const a of args) if (typeof a !== 'string') throw new TypeError(`${fn}() arg 2 must contain only strings`);
  };

  const execve = (path: string, args: readonly string[], env?: Env): never => {
    checkPath(path, 'execve');
    checkArgs(args, 'execve');
    return wrap('execve', undefined, () => sys.exec(path, joinStrings(args), joinStrings(envList(env))));
  };

  /** Python's _execvpe: try each PATH directory; report the first error other than ENOENT/ENOTDIR. */
  const execvpe = (file: string, args: readonly string[], env?: Env): never => {
    checkPath(file, 'execvp');
    if (file.includes('/')) return execve(file, args, env);
    const pathVar = (env instanceof Map ? env.get('PATH') : env ? (env as Record<string, string>).PATH : rt.env.get('PATH')) ?? '/bin:/usr/bin';
    let saved: unknown;
    let last: unknown;
    for (const dir of pathVar.split(':')) {
      const full = `${dir === '' ? '.' : dir}/${file}`;
      try {
        execve(full, args, env);
      } catch (e) {
        last = e;
        if (!(e instanceof OSError)) throw e;
        if (e.errno !== ENOENT && e.errno !== ENOTDIR && saved === undefined) saved = e;
      }
    }
    throw saved ?? last ?? new OSError(ENOENT, 'execvp');
  };

  const fork = (): number => wrap('fork', undefined, () => sys.call('fork', SYS.fork));

  const wait4 = (pid: number, options: number): [number, number, Rusage] => {
    const got = wrap('waitpid', undefined, () => sys.call('wait4', SYS.wait4, pid, options));
    return [got, sys.num(0), { ru_utime: 0, ru_stime: 0 }];
  };

  /** Python's os._spawnvef: fork, exec in the child (status 127 if that fails), wait unless P_NOWAIT. */
  const spawnvef = (mode: number, file: string, args: readonly string[], env: Env | undefined,
    exec: (f: string, a: readonly string[], e?: Env) => never): number => {
    checkArgs(args, 'spawnv');
    const pid = fork();
    if (pid === 0) {
      try {
        exec(file, args, env);
      } catch {
        sys.exit(SYS.exit_group, 127);
      }
    }
    if (mode === P_NOWAIT) return pid;
    for (let guard = 0; ; guard++) {
      const [, sts] = wait4(pid, 0);
      if (WIFSTOPPED(sts)) continue;
      if (WIFSIGNALED(sts)) return -WTERMSIG(sts);
      if (WIFEXITED(sts)) return WEXITSTATUS(sts);
      if (guard > 1_000_000) throw new OSError(10, 'waitpid');
    }
  };
  const lastEnv = (args: unknown[]): [string[], Env] => [args.slice(0, -1) as string[], args[args.length - 1] as Env];

  const posixSpawn = (path: string, argv: readonly string[], env: Env | undefined, o: PosixSpawnOptions = {}): number => {
    checkPath(path, 'posix_spawn');
    checkArgs(argv, 'posix_spawn');
    const given: readonly SpawnAction[] = o.tcsetpgrp === undefined ? o.file_actions ?? [] : [['tcsetpgrp', o.tcsetpgrp], ...o.file_actions ?? []];
    const actions = given.map((a) => {
      if (a[0] === 'open') return { op: 'open', fd: a[1], path: a[2], flags: a[3], mode: a[4] };
      if (a[0] === 'close') return { op: 'close', fd: a[1] };
      if (a[0] === 'chdir') return { op: 'chdir', path: a[1] };
      // glibc refuses a descriptor that can never be valid when the action is added
      if (a[0] === 'tcsetpgrp') {
        if (!Number.isInteger(a[1]) || a[1] < 0) throw new OSError(EBADF, 'posix_spawn');
        return { op: 'tcsetpgrp', fd: a[1] };
      }
      return { op: 'dup2', fd: a[1], newfd: a[2] };
    });
    let flags = 0;
    if (o.resetids) flags |= 0x01;
    if (o.setpgroup !== undefined) flags |= 0x02;
    if (o.setsigdef?.length) flags |= 0x04;
    if (o.setsid) flags |= 0x80;
    return wrap('posix_spawn', undefined, () => sys.callWith('posix_spawn', SYS.posix_spawn,
      [path, joinStrings(argv), joinStrings(envList(env)), actions.length ? JSON.stringify(actions) : '', flags, o.setpgroup ?? 0]));
  };

  return {
    fork,
    execv: (path: string, args: readonly string[]): never => execve(path, args),
    execve,
    execl: (path: string, ...args: string[]): never => execve(path, args),
    execle: (path: string, ...rest: unknown[]): never => { const [a, e] = lastEnv(rest); return execve(path, a, e); },
    execvp: (file: string, args: readonly string[]): never => execvpe(file, args),
    execvpe,
    execlp: (file: string, ...args: string[]): never => execvpe(file, args),
    execlpe: (file: string, ...rest: unknown[]): never => { const [a, e] = lastEnv(rest); return execvpe(file, a, e); },
    spawnv: (mode: number, path: string, args: readonly string[]): number => spawnvef(mode, path, args, undefined, execve),
    spawnve: (mode: number, path: string, args: readonly string[], env: Env): number => spawnvef(mode, path, args, env, execve),
    spawnvp: (mode: number, file: string, args: readonly string[]): number => spawnvef(mode, file, args, undefined, execvpe),
    spawnvpe: (mode: number, file: string, args: readonly string[], env: Env): number => spawnvef(mode, file, args, env, execvpe),
    spawnl: (mode: number, path: string, ...args: string[]): number => spawnvef(mode, path, args, undefined, execve),
    spawnle: (mode: number, path: string, ...rest: unknown[]): number => { const [a, e] = lastEnv(rest); return spawnvef(mode, path, a, e, execve); },
    spawnlp: (mode: number, file: string, ...args: string[]): number => spawnvef(mode, file, args, undefined, execvpe),
    spawnlpe: (mode: number, file: string, ...rest: unknown[]): number => { const [a, e] = lastEnv(rest); return spawnvef(mode, file, a, e, execvpe); },
    posix_spawn: posixSpawn,
    /** posix_spawnp: the first PATH entry whose file exists and can be loaded. */
    posix_spawnp(file: string, argv: readonly string[], env?: Env, o?: PosixSpawnOptions): number {
      if (file.includes('/')) return posixSpawn(file, argv, env, o);
      let err: unknown;
      for (const dir of (rt.env.get('PATH') ?? '/bin:/usr/bin').split(':')) {
        try {
          return posixSpawn(`${dir || '.'}/${file}`, argv, env, o);
        } catch (e) {
          if (!(e instanceof OSError) || (e.errno !== ENOENT && e.errno !== ENOTDIR)) throw e;
          err ??= e;
        }
      }
      throw err ?? new OSError(ENOENT, 'posix_spawnp');
    },
    wait: (): [number, number] => { const [p, s] = wait4(-1, 0); return [p, s]; },
    waitpid: (pid: number, options: number): [number, number] => { const [p, s] = wait4(pid, options); return [p, s]; },
    wait3: (options: number): [number, number, Rusage] => wait4(-1, options),
    wait4,
    WIFEXITED, WEXITSTATUS, WIFSIGNALED, WTERMSIG, WCOREDUMP, WIFSTOPPED, WSTOPSIG, WIFCONTINUED,
    waitstatus_to_exitcode, P_WAIT, P_NOWAIT, P_NOWAITO, WNOHANG, WUNTRACED, WCONTINUED,
    kill(pid: number, sig: number): void {
      wrap('kill', undefined, () => sys.call('kill', SYS.kill, pid, sig));
    },
    killpg(pgid: number, sig: number): void {
      if (pgid <= 1) throw new OSError(22, 'killpg');
      wrap('killpg', undefined, () => sys.call('kill', SYS.kill, -pgid, sig));
    },
    getpgid: (pid: number): number => wrap('getpgid', undefined, () => sys.call('getpgid', SYS.getpgid, pid)),
    setpgid: (pid: number, pgid: number): void => { wrap('setpgid', undefined, () => sys.call('setpgid', SYS.setpgid, pid, pgid)); },
    getpgrp: (): number => sys.call('getpgrp', SYS.getpgrp),
    setpgrp: (): void => { wrap('setpgrp', undefined, () => sys.call('setpgid', SYS.setpgid, 0, 0)); },
    getsid: (pid: number): number => wrap('getsid', undefined, () => sys.call('getsid', SYS.getsid, pid)),
    setsid: (): number => wrap('setsid', undefined, () => sys.call('setsid', SYS.setsid)),
  };
}
