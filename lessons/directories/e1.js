// os_directories.py — PyMOTW 2.0.1, PyMOTW/os/ — exercise E1: mkdir needs the parents;
// makedirs and removedirs handle every level.
import os from 'posixbox/os';
import { print } from 'posixbox/lesson';

export function main(argv) {
  const path = 'os_directories_example/nested/deeper';
  try {
    os.mkdir(path);
  } catch (err) {
    if (!(err instanceof os.error)) throw err;
    print('mkdir:', err);
  }

  os.makedirs(path);
  print(os.listdir('os_directories_example'));

  os.removedirs(path);
  print(os.path.exists('os_directories_example'));
  return 0;
}
