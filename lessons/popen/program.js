// os_popen.py — PyMOTW 2.0.1 (the book-era program), PyMOTW/os/.
// "Example use of popen() varients from os."
import os from 'posixbox/os';
import { print, pyRepr } from 'posixbox/lesson';

export function main(argv) {
  print('popen, read:');
  const stdout = os.popen('echo "to stdout"', 'r');
  let stdout_value;
  try {
    stdout_value = stdout.read();
  } finally {
    stdout.close();
  }
  print('\tstdout:', pyRepr(stdout_value));

  print('\npopen, write:');
  const stdin = os.popen('cat -', 'w');
  try {
    stdin.write('\tstdin: to stdin\n');
  } finally {
    stdin.close();
  }
  return 0;
}
