// os_process_user_example.py — PyMOTW 2.0.1, PyMOTW/os/ — exercise E1: drop privileges in the
// wrong order (seteuid before setegid).
// "Using the os module to find information about the user running the current process."
import os from 'posixbox/os';
import { print } from 'posixbox/lesson';

const TEST_GID = 501;
const TEST_UID = 527;

function show_user_info() {
  print('User (actual/effective)  :', os.getuid(), '/', os.geteuid());
  print('Group (actual/effective) :', os.getgid(), '/', os.getegid());
  print('Actual Groups   :', os.getgroups());
}

export function main(argv) {
  print('BEFORE CHANGE:');
  show_user_info();
  print();

  // try: ... except OSError: ... else: ...  (the user first, then the group)
  let failed = false;
  try {
    os.seteuid(TEST_UID);
  } catch (err) {
    if (!(err instanceof os.error)) throw err;
    failed = true;
    print('ERROR: Could not change effective user.  Rerun as root.');
  }
  if (!failed) {
    print('CHANGE USER:');
    show_user_info();
    print();
  }

  failed = false;
  try {
    os.setegid(TEST_GID);
  } catch (err) {
    if (!(err instanceof os.error)) throw err;
    failed = true;
    print('ERROR: Could not change effective group.  Rerun as root.');
  }
  if (!failed) {
    print('CHANGED GROUP:');
    show_user_info();
    print();
  }
  return 0;
}
