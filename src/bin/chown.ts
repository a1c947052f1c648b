/**
 * chown — change file owner and group, as coreutils chown: `chown [OWNER][:[GROUP]] FILE...`
 * (names or numbers; `user:` is the user's login group; `.` as the separator is accepted with a
 * warning), or --reference=RFILE.
 *   -R  recursive (links inside the tree are not followed)   -h  change symbolic links themselves
 *   -v  report every file   -c  report changes only   --dereference  follow links (the default)
 * Not done: --from, -H/-L traversal options, --preserve-root.
 */
import { program } from './lib.js';
import { OWNER_LONG, parseOwner, runOwnerChange } from './lib/owner.js';
import { groupName, userName } from './lib/ids.js';

export const main = program('chown', {
  usage: '[OPTION]... [OWNER][:[GROUP]] FILE...\n  or:  chown [OPTION]... --reference=RFILE FILE...',
  about: 'Change the owner and/or group of each FILE to OWNER and/or GROUP.',
  short: 'chRvfP',
  long: OWNER_LONG,
}, (t, a) => runOwnerChange(t, a, 'ownership', (spec) => parseOwner(t, spec),
  (st) => ({ uid: st.st_uid, gid: st.st_gid, user: userName(st.st_uid) ?? String(st.st_uid), group: groupName(st.st_gid) ?? String(st.st_gid) })));
