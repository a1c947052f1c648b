// os_walk.py — PyMOTW 2.0.1, PyMOTW/os/ — exercise E2: pruning the walk in place.
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

  for (const [dir_name, sub_dirs, files] of os.walk(root)) {
    print(dir_name);
    // Make the subdirectory names stand out with /
    const marked = sub_dirs.map((n) => `${n}/`);
    // Mix the directory contents together
    const contents = marked.concat(files);
    contents.sort();
    // Show the contents
    for (const c of contents) {
      print(`\t${c}`);
    }
    print();
    // Prune in place (del sub_dirs[:]): walk does not descend any further.
    sub_dirs.length = 0;
  }
  return 0;
}
