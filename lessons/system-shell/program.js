// os_system_shell.py — PyMOTW 2.0.1 (the book-era program), PyMOTW/os/.
// Runs echo $TMPDIR through /bin/sh -c: the shell expands the variable from the environment.
import os from 'posixbox/os';

export function main(argv) {
  // Command with shell expansion
  os.system('echo $TMPDIR');
  return 0;
}
