// os_fork_example.py — PyMOTW 2.0.1, PyMOTW/os/ — exercise E1: make the order deterministic
// everywhere (the parent waits for the child before printing).
// "Simple example of using os.fork to create a new child process."
import os from 'posixbox/os';
import { print } from 'posixbox/lesson';

export function main(argv) {
  const pid = os.fork();

  if (pid) {
    os.waitpid(pid, 0);
    print('Child process id:', pid);
  } else {
    print('I am the child');
  }
  return 0;
}
