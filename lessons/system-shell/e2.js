// os_system_shell.py — PyMOTW 2.0.1, PyMOTW/os/ — exercise E2: quoting (no expansion inside single
// quotes; expansion without splitting inside double quotes).
import os from 'posixbox/os';

export function main(argv) {
  os.system("echo '$TMPDIR'");
  os.system('echo "$TMPDIR"');
  return 0;
}
