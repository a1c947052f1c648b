// os_spawn_example.py — PyMOTW 2.0.1 (the book-era program), PyMOTW/os/.
// "Using spawn*() instead of fork() and exec*()."
import os from 'posixbox/os';

export function main(argv) {
  os.spawnlp(os.P_WAIT, 'pwd', 'pwd', '-P');
  return 0;
}
