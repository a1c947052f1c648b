// os_symlinks.py — PyMOTW 2.0.1, PyMOTW/os/ — exercise E1: following the link.
// "Working with symbolic links"
import os from 'posixbox/os';
import { print, oct } from 'posixbox/lesson';

export function main(argv) {
  const __file__ = argv[0];
  const link_name = '/tmp/' + os.path.basename(__file__);

  print(`Creating link ${link_name} -> ${__file__}`);
  os.symlink(__file__, link_name);

  const stat_info = os.lstat(link_name);
  print('Permissions:', oct(stat_info.st_mode));

  print('Points to:', os.readlink(link_name));

  try {
    os.stat(link_name);
  } catch (err) {
    if (!(err instanceof os.error)) throw err;
    print('stat:', err);
  }

  // Cleanup
  os.unlink(link_name);
  return 0;
}
