// os_popen3.py — PyMOTW 2.0.1 (the book-era program), PyMOTW/os/.
// "Example use of popen() varients from os."
import os from 'posixbox/os';
import { print, pyRepr } from 'posixbox/lesson';

export function main(argv) {
  print('popen3:');
  const [stdin, stdout, stderr] = os.popen3('cat -; echo ";to stderr" 1>&2');
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
  let stderr_value;
  try {
    stderr_value = stderr.read();
  } finally {
    stderr.close();
  }
  print('\tstderr:', pyRepr(stderr_value));
  return 0;
}
