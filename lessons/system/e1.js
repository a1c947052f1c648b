// os_system_example.py — PyMOTW 2.0.1, PyMOTW/os/ — exercise E1: the status encoding (an exit
// status in the high byte, a terminating signal in the low byte).
import os from 'posixbox/os';
import { print } from 'posixbox/lesson';

export function main(argv) {
  print(os.system('exit 3'));
  print(os.system('kill -TERM $$'));
  return 0;
}
