// os_popen.py — PyMOTW 2.0.1, PyMOTW/os/ — exercise E1: popen reports the exit status on close
// (None for status 0, otherwise the wait status).
import os from 'posixbox/os';
import { print, pyRepr } from 'posixbox/lesson';

export function main(argv) {
  print(pyRepr(os.popen('exit 3').close()));
  print(pyRepr(os.popen('true').close()));
  return 0;
}
