// os_kill_example.py — PyMOTW 2.0.1, PyMOTW/os/ — exercise E2: signal before the handler exists
// (no pause in the parent, which then waits for the child).
// "Fork, then send the child process a signal."
import os, { signal, time } from 'posixbox/os';
import { print, tuple } from 'posixbox/lesson';

function signal_usr1(signum, frame) {
  // "Callback invoked when a signal is received"
  const pid = os.getpid();
  print(`Received USR1 in process ${pid}`);
}

export function main(argv) {
  print('Forking...');
  const child_pid = os.fork();
  if (child_pid) {
    print('PARENT: Pausing before sending signal...');
    print(`PARENT: Signaling ${child_pid}`);
    os.kill(child_pid, signal.SIGUSR1);
    print('PARENT: Child done:', tuple(...os.waitpid(child_pid, 0)));
  } else {
    print('CHILD: Setting up signal handler');
    signal.signal(signal.SIGUSR1, signal_usr1);
    print('CHILD: Pausing to wait for signal');
    time.sleep(5);
  }
  return 0;
}
