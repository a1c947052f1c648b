// os_spawn_example.py — PyMOTW 2.0.1, PyMOTW/os/ — exercise E2: a command that cannot be run
// (the child's exec fails and it exits 127, silently).
// "Using spawn*() instead of fork() and exec*()."
import os from 'posixbox/os';
import { print } from 'posixbox/lesson';

export function main(argv) {
  print('missing:', os.spawnlp(os.P_WAIT, 'no-such-cmd', 'no-such-cmd'));
  return 0;
}
