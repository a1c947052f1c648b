// os_popen2_seq.py — PyMOTW 2.0.1, PyMOTW/os/ — exercise E2: a missing command, both ways. As a
// sequence the exec failure comes back to the caller as OSError; as a string /bin/sh starts,
// reports "not found" on the inherited stderr and exits 127, leaving the stdout pipe empty.
import os from 'posixbox/os';
import { print, pyRepr } from 'posixbox/lesson';

export function main(argv) {
  try {
    os.popen2(['no-such-cmd']);
  } catch (err) {
    if (!(err instanceof os.error)) throw err;
    print('sequence:', err);
  }

  const [stdin, stdout] = os.popen2('no-such-cmd');
  stdin.close();
  let stdout_value;
  try {
    stdout_value = stdout.read();
  } finally {
    stdout.close();
  }
  print('string:', pyRepr(stdout_value));
  return 0;
}
