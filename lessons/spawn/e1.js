// os_spawn_example.py — PyMOTW 2.0.1, PyMOTW/os/ — exercise E1: P_NOWAIT (spawn, report the pid,
// then wait for the child).
// "Using spawn*() instead of fork() and exec*()."
import os from 'posixbox/os';
import { print, tuple } from 'posixbox/lesson';

export function main(argv) {
  const pid = os.spawnlp(os.P_NOWAIT, 'pwd', 'pwd', '-P');
  print('PARENT: spawned', pid);
  const done = tuple(...os.waitpid(pid, 0));
  print('PARENT: Child done:', done);
  return 0;
}
