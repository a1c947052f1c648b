// os_wait_example.py — PyMOTW 2.0.1 (the book-era program), PyMOTW/os/.
// "Wait for a worker process."
import os, { sys, time } from 'posixbox/os';
import { print, tuple } from 'posixbox/lesson';

export function main(argv) {
  for (let i = 0; i < 2; i++) {
    print(`PARENT ${os.getpid()}: Forking ${i}`);
    const worker_pid = os.fork();
    if (!worker_pid) {
      print(`WORKER ${i}: Starting`);
      time.sleep(2 + i);
      print(`WORKER ${i}: Finishing`);
      sys.exit(i);
    }
  }

  for (let i = 0; i < 2; i++) {
    print(`PARENT: Waiting for ${i}`);
    const done = tuple(...os.wait());
    print('PARENT: Child done:', done);
  }
  return 0;
}
