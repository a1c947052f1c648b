// os_stat.py — PyMOTW 2.0.1 (the book-era program), PyMOTW/os/.
// "Show stat info for a file."
import os, { time } from 'posixbox/os';
import { print, oct } from 'posixbox/lesson';

export function main(argv) {
  let filename;
  if (argv.length === 1) {
    filename = argv[0]; // __file__: the script name as the book ran it
  } else {
    filename = argv[1];
  }

  const stat_info = os.stat(filename);

  print(`os.stat(${filename}):`);
  print('\tSize:', stat_info.st_size);
  print('\tPermissions:', oct(stat_info.st_mode));
  print('\tOwner:', stat_info.st_uid);
  print('\tDevice:', stat_info.st_dev);
  print('\tLast modified:', time.ctime(stat_info.st_mtime));
  return 0;
}
