// os_system_example.py — PyMOTW 2.0.1, PyMOTW/os/ — exercise E2: shell redirection (the shell
// creates cwd.txt and pwd writes into it).
import os, { open } from 'posixbox/os';
import { print, pyRepr } from 'posixbox/lesson';

export function main(argv) {
  print('status:', os.system('pwd > cwd.txt'));
  const f = open('cwd.txt', 'r');
  try {
    print('file:', pyRepr(f.read()));
  } finally {
    f.close();
  }
  return 0;
}
