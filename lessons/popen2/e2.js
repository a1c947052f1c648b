// os_popen2.py — PyMOTW 2.0.1, PyMOTW/os/ — exercise E2: a pipeline inside popen2 (the shell
// connects the two cats; the output is the lesson's).
import os from 'posixbox/os';
import { print, pyRepr } from 'posixbox/lesson';

export function main(argv) {
  print('popen2:');
  const [stdin, stdout] = os.popen2('cat - | cat -');
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
