// os_directories.py — PyMOTW 2.0.1 (the book-era program), PyMOTW/os/.
// "Working with directories."
import os, { open } from 'posixbox/os';
import { print } from 'posixbox/lesson';

export function main(argv) {
  const dir_name = 'os_directories_example';

  print('Creating', dir_name);
  os.makedirs(dir_name);

  const file_name = os.path.join(dir_name, 'example.txt');
  print('Creating', file_name);
  const f = open(file_name, 'wt'); // with open(file_name, 'wt') as f:
  try {
    f.write('example file');
  } finally {
    f.close();
  }

  print('Listing', dir_name);
  print(os.listdir(dir_name));

  print('Cleaning up');
  os.unlink(file_name);
  os.rmdir(dir_name);
  return 0;
}
