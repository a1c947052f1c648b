// os_popen3.py — PyMOTW 2.0.1, PyMOTW/os/ — exercise E1: a failing command (nothing on stdout,
// cat's diagnostic on the stderr pipe).
import os from 'posixbox/os';
import { print, pyRepr } from 'posixbox/lesson';

export function main(argv) {
  print('popen3:');
  const [stdin, stdout, stderr] = os.popen3('cat /no/such/file');
  stdin.close();
  let stdout_value;
  try {
    stdout_value = stdout.read();
  } finally {
    stdout.close();
  }
  print('\tstdout:', pyRepr(stdout_value));
  let stderr_value;
  try {
    stderr_value = stderr.read();
  } finally {
    stderr.close();
  }
  print('\tstderr:', pyRepr(stderr_value));
  return 0;
}
