/**
 * Starting external commands (POSIX XCU 2.9.1.1 Command Search and Execution): the PATH search
 * (remembered in the hash table), then posix_spawn with the redirections as file actions, in a
 * new process group under job control (a foreground job's group made the terminal's foreground
 * group by the spawn itself: posix_spawn's tcsetpgrp), with the signals the shell catches or
 * ignores for itself set back to default. A file the kernel cannot execute (ENOEXEC) runs as a
 * shell script, as POSIX asks. Failures are dash's: `foo: not found` (127), `foo: Permission denied` (126), and
 * a process that cannot be made (EAGAIN at RLIMIT_NPROC, ENOMEM) is dash's fatal `Cannot fork`.
 */
import os, { OSError } from 'posixbox/os';
import type { Shell } from '../shell.js';
import { ShellError } from '../state.js';

const ENOENT = 2;
const EACCES = 13;
const ENOEXEC = 8;
const EAGAIN = 11;
const ENOMEM = 12;
const S_IFMT = 0o170000;
const S_IFREG = 0o100000;
export const SH_PATH = '/bin/sh';

export type FileAction = readonly ['open', number, string, number, number] | readonly ['close', number] | readonly ['dup2', number, number];

export type Found = { readonly path: string } | { readonly error: string; readonly status: number };

/** Search PATH for `name` (a name with a slash is taken as a path). */
export function findCommand(sh: Shell, name: string, pathVar?: string): Found {
  if (name.includes('/')) return { path: name };
  if (pathVar === undefined) {
    const cached = sh.hash.get(name);
    if (cached !== undefined) {
      try {
        os.stat(cached);
        return { path: cached };
      } catch {
        sh.hash.delete(name);
      }
    }
  }
  let denied = false;
  for (const dir of (pathVar ?? sh.st.get('PATH') ?? '/usr/bin:/bin').split(':')) {
    const full = `${dir || '.'}/${name}`;
    let mode: number;
    try {
      mode = os.stat(full).st_mode;
    } catch {
      continue;
    }
    if ((mode & S_IFMT) !== S_IFREG) continue;
    if (!os.access(full, os.X_OK)) { denied = true; continue; }
    if (pathVar === undefined) sh.hash.set(name, full);
    return { path: full };
  }
  return denied ? { error: `${name}: Permission denied`, status: 127 } : { error: `${name}: not found`, status: 127 };
}

export interface SpawnOptions {
  /** Process group: undefined = the shell's, 0 = a new one led by the child, else that group. */
  readonly pgid?: number;
  /** Make the child's group the foreground group of the terminal on fd 0 before it runs (Jobs.handsTerminal). */
  readonly terminal?: boolean;
}

/** The terminal on fd 0, which job control hands to foreground jobs. */
export const TERMINAL_FD = 0;

/** Signals the shell has changed for itself that a command must get back at their defaults. */
export function sigdefaults(sh: Shell): number[] {
  const out: number[] = [];
  if (sh.interactive) out.push(2, 3, 15);
  if (sh.st.on('monitor')) out.push(20, 21, 22);
  return out;
}

/**
 * posix_spawn. One that fails after handing over the terminal (a program that cannot be loaded,
 * say its `#!` interpreter is missing) leaves it to a group that never ran, as on Linux: the
 * shell takes it back (it ignores SIGTTOU, so it may from the background).
 */
function spawnKeepingTerminal(...args: Parameters<typeof os.posix_spawn>): number {
  try {
    return os.posix_spawn(...args);
  } catch (e) {
    const fd = args[3]?.tcsetpgrp;
    if (fd !== undefined) {
      try {
        os.tcsetpgrp(fd, os.getpgrp());
      } catch {
        /* the terminal went away */
      }
    }
    throw e;
  }
}

/** posix_spawn, with dash's `sh: LINE: Cannot fork` (status 2, fatal) when no process can be made. */
export function spawnOrFail(...args: Parameters<typeof os.posix_spawn>): number {
  try {
    return spawnKeepingTerminal(...args);
  } catch (e) {
    if (e instanceof OSError && (e.errno === EAGAIN || e.errno === ENOMEM)) throw new ShellError('Cannot fork', 2);
    throw e;
  }
}

/**
 * Spawn argv[0] (already searched: `path`) with the environment and file actions. Returns the
 * pid, or throws ShellError-worthy text as { error, status } via the result.
 */
export function spawnCommand(sh: Shell, path: string, argv: readonly string[], env: Map<string, string>,
  actions: readonly FileAction[], o: SpawnOptions = {}): number | { error: string; status: number } {
  const opts = {
    file_actions: actions as FileAction[],
    ...(o.pgid !== undefined ? { setpgroup: o.pgid } : {}),
    ...(o.terminal ? { tcsetpgrp: TERMINAL_FD } : {}),
    setsigdef: sigdefaults(sh),
  };
  try {
    return spawnOrFail(path, argv, env, opts);
  } catch (e) {
    if (!(e instanceof OSError)) throw e;
    if (e.errno === ENOEXEC) {
      try {
        return spawnKeepingTerminal(SH_PATH, ['sh', path, ...argv.slice(1)], env, opts);
      } catch (e2) {
        if (!(e2 instanceof OSError)) throw e2;
        return { error: `${argv[0]}: ${e2.strerror}`, status: 126 };
      }
    }
    sh.hash.delete(argv[0] ?? '');
    if (e.errno === ENOENT) return { error: `${argv[0]}: not found`, status: 127 };
    if (e.errno === EACCES) return { error: `${argv[0]}: Permission denied`, status: 126 };
    return { error: `${argv[0]}: ${e.strerror}`, status: 126 };
  }
}
