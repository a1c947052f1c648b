// os_environ_example.py — PyMOTW 2.0.1, PyMOTW/os/ — exercise E1: field splitting (an unquoted
// expansion is split into fields and echo joins them with one space; a quoted one is kept whole).
import os from 'posixbox/os';

export function main(argv) {
  os.environ.set('TESTVAR', '  spaced   out  ');
  os.system('echo $TESTVAR');
  os.system('echo "$TESTVAR"');
  return 0;
}
