// os_fork_example.py — PyMOTW 2.0.1 (the book-era program), PyMOTW/os/.
// "Simple example of using os.fork to create a new child process."
import os from 'posixbox/os';
import { print } from 'posixbox/lesson';

export function main(argv) {
  const pid = os.fork();

  if (pid) {
    print('Child process id:', pid);
  } else {
    print('I am the child');
  }
  return 0;
}
