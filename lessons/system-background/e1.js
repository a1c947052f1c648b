// os_system_background.py — PyMOTW 2.0.1, PyMOTW/os/ — exercise E1: without & (system() now
// waits for the subshell, so the second date comes before "Sleeping...").
import os, { time } from 'posixbox/os';
import { print } from 'posixbox/lesson';

export function main(argv) {
  print('Calling...');
  os.system('date; (sleep 3; date)');

  print('Sleeping...');
  time.sleep(5);
  return 0;
}
