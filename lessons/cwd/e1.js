// os_cwd_example.py — PyMOTW 2.0.1, PyMOTW/os/ — exercise E1: chdir failures leave the cwd alone.
import os from 'posixbox/os';
import { print } from 'posixbox/lesson';

export function main(argv) {
  try {
    os.chdir('nope');
  } catch (err) {
    if (!(err instanceof os.error)) throw err;
    print('chdir:', err);
  }

  os.mkdir('locked');
  os.chmod('locked', 0o600); // no search (x) permission
  try {
    os.chdir('locked');
  } catch (err) {
    if (!(err instanceof os.error)) throw err;
    print('chdir:', err);
  }

  print('Still in:', os.getcwd());
  os.rmdir('locked');
  return 0;
}
