/**
 * chown — change file owner and group, as coreutils chown: `chown [OWNER][:[GROUP]] FILE...`
 * (names or numbers; `user:` is the user's login group; `.` as the separator is accepted with a
 * warning), or --reference=RFILE.
 *   -R  recursive (links inside the tree are not followed)   -h  change symbolic links themselves
 *   -v  report every file   -c  report changes only   --dereference  follow links (the default)
 * Not done: --from, -H/-L traversal options, --preserve-root.
 */
import os from 'posixbox/os';
import { Fatal, program, quoteaf, reason, UsageError } from './lib.js';
import { changeOwner, parseOwner, type Change } from './lib/owner.js';
import { groupName, userName } from './lib/ids.js';

export const main = program('chown', {
  usage: '[OPTION]... [OWNER][:[GROUP]] FILE...\n  or:  chown [OPTION]... --reference=RFILE FILE...',
  about: 'Change the owner and/or group of each FILE to OWNER and/or GROUP.',
  short: 'chRvfP',
  long: { changes: 'c', 'no-dereference': 'h', dereference: 'dereference', recursive: 'R', verbose: 'v', silent: 'f', quiet: 'f', 'reference=': 'reference' },
}, (t, a) => {
  const ops = [...a.operands];
  const ref = a.last('reference');
  let c: Change;
  if (ref !== undefined) {
    if (ops.length === 0) throw new UsageError('missing operand');
    let st;
    try { st = os.stat(ref); } catch (e) { throw new Fatal(`failed to get attributes of ${quoteaf(ref)}: ${reason(e)}`); }
    c = { uid: st.st_uid, gid: st.st_gid, user: userName(st.st_uid) ?? String(st.st_uid), group: groupName(st.st_gid) ?? String(st.st_gid) };
  } else {
    if (ops.length === 0) throw new UsageError('missing operand');
    if (ops.length === 1) throw new UsageError(`missing operand after ${quoteaf(ops[0]!)}`);
    c = parseOwner(t, ops.shift()!);
  }
  let noDeref = false;
  for (const [k] of a.opts) {
    if (k === 'h') noDeref = true;
    else if (k === 'dereference') noDeref = false;
  }
  const o = { recursive: a.has('R'), noDeref, verbose: a.has('v'), changes: a.has('c'), what: 'ownership' as const };
  let ok = true;
  for (const f of ops) ok = changeOwner(t, f, c, o) && ok;
  return ok ? 0 : 1;
});
