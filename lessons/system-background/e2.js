// os_system_background.py — PyMOTW 2.0.1, PyMOTW/os/ — exercise E2: the parent leaves first (it
// exits at 14:47:08; the orphaned background job writes the last line at 14:47:10, and the run
// ends only when it exits).
import os, { time } from 'posixbox/os';
import { print } from 'posixbox/lesson';

export function main(argv) {
  print('Calling...');
  os.system('date; (sleep 3; date) &');

  print('Sleeping...');
  time.sleep(1);
  return 0;
}
