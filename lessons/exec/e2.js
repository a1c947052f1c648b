// os_exec_example.py — PyMOTW 2.0.1, PyMOTW/os/ — exercise E2: exec that fails (the child
// reports the error on stderr and leaves with os._exit(127)).
// "Using os.exec*()."
import os, { sys } from 'posixbox/os';
import { print, tuple } from 'posixbox/lesson';

export function main(argv) {
  const child_pid = os.fork();
  if (child_pid) {
    print('PARENT: Child done:', tuple(...os.waitpid(child_pid, 0)));
  } else {
    try {
      os.execlp('no-such-cmd', 'no-such-cmd');
    } catch (err) {
      if (!(err instanceof os.error)) throw err;
      sys.stderr.write(`CHILD: exec failed: ${err}\n`);
      os._exit(127);
    }
  }
  return 0;
}
