// os_popen3.py — PyMOTW 2.0.1, PyMOTW/os/ — exercise E2: flow control. The command writes
// big.txt (70000 bytes) to the stderr pipe, which nobody reads yet: the child blocks once the
// pipe holds 65536 bytes, still holding stdout open, while the parent waits for end of file on
// stdout. The kernel reports the deadlock (the chapter's "flow control issues"). With a file of
// 60000 bytes everything fits in the pipe and the program ends.
import os from 'posixbox/os';
import { print, pyRepr } from 'posixbox/lesson';

export function main(argv) {
  print('popen3:');
  const [stdin, stdout, stderr] = os.popen3('cat -; cat big.txt 1>&2');
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
  let stderr_value;
  try {
    stderr_value = stderr.read();
  } finally {
    stderr.close();
  }
  print('\tstderr:', pyRepr(stderr_value));
  return 0;
}
