/**
 * fork, exec and posix_spawn for the utilities, with standard output flushed first, as a C
 * program calls fflush(stdout) before them: a forked child would otherwise hold (and print again)
 * what the parent held, an exec'd program would lose it, and a spawned child's output would come
 * before it. A failed flush is kept for exit (OutStream.drain), as stdio keeps its error flag.
 */
import os from 'posixbox/os';
import type { OutStream } from './stdio.js';

type Env = ReadonlyMap<string, string> | Readonly<Record<string, string>>;

export function fork(out: OutStream): number {
  out.drain();
  return os.fork();
}

/** posix_spawnp(argv[0], argv): the child's pid; throws OSError. */
export function spawnp(out: OutStream, argv: readonly string[]): number {
  out.drain();
  return os.posix_spawnp(argv[0]!, argv);
}

/** execvpe (execvp without `env`): returns only by throwing OSError. */
export function execvp(out: OutStream, file: string, argv: readonly string[], env?: Env): never {
  out.drain();
  return env === undefined ? os.execvp(file, argv) : os.execvpe(file, argv, env);
}

export function execve(out: OutStream, path: string, argv: readonly string[], env: Env): never {
  out.drain();
  return os.execve(path, argv, env);
}
