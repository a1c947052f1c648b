// os_exec_example.py — PyMOTW 2.0.1, PyMOTW/os/ — exercise E1: the newest dhellmann/pymotw
// version, which lists /tmp/ instead of printing the working directory.
// "Using os.exec*()."
import os from 'posixbox/os';

export function main(argv) {
  const child_pid = os.fork();
  if (child_pid) {
    os.waitpid(child_pid, 0);
  } else {
    os.execlp('ls', 'ls', '-l', '/tmp/');
  }
  return 0;
}
