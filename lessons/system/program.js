// os_system_example.py — PyMOTW 2.0.1 (the book-era program), PyMOTW/os/.
// Runs pwd through /bin/sh -c with the lesson's stdio; the shell prints its working directory.
import os from 'posixbox/os';

export function main(argv) {
  // Simple command
  os.system('pwd');
  return 0;
}
