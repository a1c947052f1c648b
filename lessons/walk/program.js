// os_walk.py — PyMOTW 2.0.1 (the book-era program), PyMOTW/os/.
// "Example of os.walk() implementing a simple recursive directory listing."
import os from 'posixbox/os';
import { print } from 'posixbox/lesson';

export function main(argv) {
  // If we are not given a path to list, use /tmp
  let root;
  if (argv.length === 1) {
    root = '/tmp';
  } else {
    root = argv[1];
  }

  for (let [dir_name, sub_dirs, files] of os.walk(root)) {
    print(dir_name);
    // Make the subdirectory names stand out with /
    sub_dirs = sub_dirs.map((n) => `${n}/`);
    // Mix the directory contents together
    const contents = sub_dirs.concat(files);
    contents.sort();
    // Show the contents
    for (const c of contents) {
      print(`\t${c}`);
    }
    print();
  }
  return 0;
}
