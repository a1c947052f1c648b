// os_cwd_example.py — PyMOTW 2.0.1, PyMOTW/os/ — exercise E2: children inherit the cwd.
import os from 'posixbox/os';

export function main(argv) {
  os.chdir('..');
  os.system('pwd');
  return 0;
}
