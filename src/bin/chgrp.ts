/**
 * chgrp — change group ownership, as coreutils chgrp: `chgrp GROUP FILE...` (a name or a number)
 * or --reference=RFILE; -R, -h, -v, -c as in chown (lib/owner.ts).
 */
import { program } from './lib.js';
import { OWNER_LONG, resolveGroup, runOwnerChange } from './lib/owner.js';
import { groupName } from './lib/ids.js';

export const main = program('chgrp', {
  usage: '[OPTION]... GROUP FILE...\n  or:  chgrp [OPTION]... --reference=RFILE FILE...',
  about: 'Change the group of each FILE to GROUP.',
  short: 'chRvfP',
  long: OWNER_LONG,
}, (t, a) => runOwnerChange(t, a, 'group',
  (g) => ({ uid: -1, gid: resolveGroup(g, g), group: g }),
  (st) => ({ uid: -1, gid: st.st_gid, group: groupName(st.st_gid) ?? String(st.st_gid) })));
