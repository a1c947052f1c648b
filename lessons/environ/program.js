// os_environ_example.py — PyMOTW 2.0.1 (the book-era program), PyMOTW/os/.
// "Using the os module to read and write environment variables."
import os from 'posixbox/os';
import { print } from 'posixbox/lesson';

export function main(argv) {
  print('Initial value:', os.environ.get('TESTVAR', null));
  print('Child process:');
  os.system('echo $TESTVAR');

  os.environ.set('TESTVAR', 'THIS VALUE WAS CHANGED');

  print();
  print('Changed value:', os.environ.get('TESTVAR'));
  print('Child process:');
  os.system('echo $TESTVAR');

  os.environ.delete('TESTVAR');

  print();
  print('Removed value:', os.environ.get('TESTVAR', null));
  print('Child process:');
  os.system('echo $TESTVAR');
  return 0;
}
