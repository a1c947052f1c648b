// os_system_shell.py — PyMOTW 2.0.1, PyMOTW/os/ — exercise E1: globbing (the shell expands the
// pattern against the directory's names).
import os from 'posixbox/os';

export function main(argv) {
  os.system('echo ../zipimport/*.zip');
  return 0;
}
