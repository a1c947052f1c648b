// os_waitpid_example.py — PyMOTW 2.0.1, PyMOTW/os/ — exercise E2: polling with WNOHANG
// (poll both workers, sleep past their exits, poll again).
// "Wait for a worker process."
import os, { sys, time } from 'posixbox/os';
import { print, tuple } from 'posixbox/lesson';

export function main(argv) {
  const workers = [];
  for (let i = 0; i < 2; i++) {
    print(`PARENT ${os.getpid()}: Forking ${i}`);
    const worker_pid = os.fork();
    if (!worker_pid) {
      print(`WORKER ${i}: Starting`);
      time.sleep(2 + i);
      print(`WORKER ${i}: Finishing`);
      sys.exit(i);
    }
    workers.push(worker_pid);
  }

  for (const pid of workers) {
    print(`PARENT: poll ${pid}:`, tuple(...os.waitpid(pid, os.WNOHANG)));
  }
  time.sleep(4);
  for (const pid of workers) {
    print(`PARENT: poll ${pid}:`, tuple(...os.waitpid(pid, os.WNOHANG)));
  }
  return 0;
}
