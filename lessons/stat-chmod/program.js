// os_stat_chmod.py — PyMOTW 2.0.1 (the book-era program), PyMOTW/os/.
// "Change permissions on a file"
import os, { stat, open } from 'posixbox/os';
import { print } from 'posixbox/lesson';

export function main(argv) {
  const filename = 'os_stat_chmod_example.txt';
  if (os.path.exists(filename)) {
    os.unlink(filename);
  }
  const f = open(filename, 'wt'); // with open(filename, 'wt') as f:
  try {
    f.write('contents');
  } finally {
    f.close();
  }

  // Determine what permissions are already set using stat
  const existing_permissions = stat.S_IMODE(os.stat(filename).st_mode);

  let new_permissions;
  if (!os.access(filename, os.X_OK)) {
    print('Adding execute permission');
    new_permissions = existing_permissions | stat.S_IXUSR;
  } else {
    print('Removing execute permission');
    // use xor to remove the user execute permission
    new_permissions = existing_permissions ^ stat.S_IXUSR;
  }

  os.chmod(filename, new_permissions);
  return 0;
}
