// os_popen2.py — PyMOTW 2.0.1, PyMOTW/os/ — exercise E1: deadlock by reading first. The read
// waits for end of file on cat's stdout, but cat waits for end of file on its stdin, which the
// parent closes only after the read: the kernel reports the deadlock (a real machine hangs).
import os from 'posixbox/os';
import { print, pyRepr } from 'posixbox/lesson';

export function main(argv) {
  print('popen2:');
  const [stdin, stdout] = os.popen2('cat -');
  stdin.write('through stdin to stdout');
  let stdout_value;
  try {
    stdout_value = stdout.read();
  } finally {
    stdout.close();
  }
  stdin.close();
  print('\tpass through:', pyRepr(stdout_value));
  return 0;
}
