// os_fork_example.py — PyMOTW 2.0.1, PyMOTW/os/ — exercise E2: orphans (the parent exits
// without waiting; the sleeping child is re-parented to init).
// "Simple example of using os.fork to create a new child process."
import os, { time } from 'posixbox/os';
import { print } from 'posixbox/lesson';

export function main(argv) {
  const pid = os.fork();

  if (pid) {
    print(`PARENT: pid=${os.getpid()}`);
  } else {
    time.sleep(1);
    print(`CHILD: ppid=${os.getppid()}`);
  }
  return 0;
}
