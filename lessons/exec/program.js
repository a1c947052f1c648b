// os_exec_example.py — PyMOTW 2.0.1 (the book-era program), PyMOTW/os/.
// "Using os.exec*()."
import os from 'posixbox/os';

export function main(argv) {
  const child_pid = os.fork();
  if (child_pid) {
    os.waitpid(child_pid, 0);
  } else {
    os.execlp('pwd', 'pwd', '-P');
  }
  return 0;
}
