// os_popen4.py — PyMOTW 2.0.1, PyMOTW/os/ — exercise E1: the order follows the writes (stderr's
// line is written first, so it comes first in the combined stream).
import os from 'posixbox/os';
import { print, pyRepr } from 'posixbox/lesson';

export function main(argv) {
  print('popen4:');
  const [stdin, stdout_and_stderr] = os.popen4('echo ";to stderr" 1>&2; cat -');
  try {
    stdin.write('through stdin to stdout');
  } finally {
    stdin.close();
  }
  let output;
  try {
    output = stdout_and_stderr.read();
  } finally {
    stdout_and_stderr.close();
  }
  print('\tcombined output:', pyRepr(output));
  return 0;
}
