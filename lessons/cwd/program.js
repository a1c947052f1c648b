// os_cwd_example.py — PyMOTW 2.0.1 (the book-era program), PyMOTW/os/.
// Reports the working directory, moves up one level with os.chdir(), and reports it again.
import os from 'posixbox/os';
import { print } from 'posixbox/lesson';

export function main(argv) {
  print('Starting:', os.getcwd());

  print('Moving up one:', os.pardir);
  os.chdir(os.pardir);

  print('After move:', os.getcwd());
  return 0;
}
