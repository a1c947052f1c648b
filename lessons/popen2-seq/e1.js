// os_popen2_seq.py — PyMOTW 2.0.1, PyMOTW/os/ — exercise E1: no shell, so no interpretation
// (echo gets '$HOME', '|' and 'cat' as plain arguments).
import os from 'posixbox/os';
import { print, pyRepr } from 'posixbox/lesson';

export function main(argv) {
  print('popen2, cmd as sequence:');
  const [stdin, stdout] = os.popen2(['echo', '$HOME', '|', 'cat']);
  stdin.close();
  let stdout_value;
  try {
    stdout_value = stdout.read();
  } finally {
    stdout.close();
  }
  print('\tpass through:', pyRepr(stdout_value));
  return 0;
}
