// os_popen2.py — PyMOTW 2.0.1 (the book-era program), PyMOTW/os/.
// "Example use of popen() varients from os."
import os from 'posixbox/os';
import { print, pyRepr } from 'posixbox/lesson';

export function main(argv) {
  print('popen2:');
  const [stdin, stdout] = os.popen2('cat -');
  try {
    stdin.write('through stdin to stdout');
  } finally {
    stdin.close();
  }
  let stdout_value;
  try {
    stdout_value = stdout.read();
  } finally {
    stdout.close();
  }
  print('\tpass through:', pyRepr(stdout_value));
  return 0;
}
