// os_system_background.py — PyMOTW 2.0.1 (the book-era program), PyMOTW/os/.
// "Running a command in the background"
import os, { time } from 'posixbox/os';
import { print } from 'posixbox/lesson';

export function main(argv) {
  print('Calling...');
  os.system('date; (sleep 3; date) &');

  print('Sleeping...');
  time.sleep(5);
  return 0;
}
