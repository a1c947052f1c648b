// os_environ_example.py — PyMOTW 2.0.1, PyMOTW/os/ — exercise E2: changes never flow up (the
// shell's assignment stays in the shell).
import os from 'posixbox/os';
import { print } from 'posixbox/lesson';

export function main(argv) {
  os.system('TESTVAR=inner; echo $TESTVAR');
  print('Parent sees:', os.environ.get('TESTVAR', null));
  return 0;
}
