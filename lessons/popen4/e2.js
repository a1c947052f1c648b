// os_popen4.py — PyMOTW 2.0.1, PyMOTW/os/ — exercise E2: popen4 is popen2 plus 2>&1 (the shell
// joins stderr to the stdout pipe itself).
import os from 'posixbox/os';
import { print, pyRepr } from 'posixbox/lesson';

export function main(argv) {
  print('popen2:');
  const [stdin, stdout] = os.popen2('(cat -; echo ";to stderr" 1>&2) 2>&1');
  try {
    stdin.write('through stdin to stdout');
  } finally {
    stdin.close();
  }
  let output;
  try {
    output = stdout.read();
  } finally {
    stdout.close();
  }
  print('\tcombined output:', pyRepr(output));
  return 0;
}
