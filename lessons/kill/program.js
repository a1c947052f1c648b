// os_kill_example.py — PyMOTW 2.0.1 (the book-era program), PyMOTW/os/.
// "Fork, then send the child process a signal."
// The chapter shows the program in three excerpts, lines 33-40, 42-48 and 49-53 of the Python
// file; "excerpts" in lesson.json gives the matching lines of this file.
import os, { signal, time } from 'posixbox/os';
import { print } from 'posixbox/lesson';

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
    time.sleep(1);
    print(`PARENT: Signaling ${child_pid}`);
    os.kill(child_pid, signal.SIGUSR1);
  } else {
    print('CHILD: Setting up signal handler');
    signal.signal(signal.SIGUSR1, signal_usr1);
    print('CHILD: Pausing to wait for signal');
    time.sleep(5);
  }
  return 0;
}
