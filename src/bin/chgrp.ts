/**
 * chgrp — change group ownership, as coreutils chgrp: `chgrp GROUP FILE...` (a name or a number)
 * or --reference=RFILE; -R, -h, -v, -c as in chown (lib/owner.ts).
 */
import os from 'posixbox/os';
import { Fatal, program, quoteaf, reason, UsageError } from './lib.js';
import { changeOwner, resolveGroup, type Change } from './lib/owner.js';
import { groupName } from './lib/ids.js';

export const main = program('chgrp', {
  usage: '[OPTION]... GROUP FILE...\n  or:  chgrp [OPTION]... --reference=RFILE FILE...',
  about: 'Change the group of each FILE to GROUP.',
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
    c = { uid: -1, gid: st.st_gid, group: groupName(st.st_gid) ?? String(st.st_gid) };
  } else {
    if (ops.length === 0) throw new UsageError('missing operand');
    if (ops.length === 1) throw new UsageError(`missing operand after ${quoteaf(ops[0]!)}`);
    const g = ops.shift()!;
    c = { uid: -1, gid: resolveGroup(g, g), group: g };
  }
  let noDeref = false;
  for (const [k] of a.opts) {
    if (k === 'h') noDeref = true;
    else if (k === 'dereference') noDeref = false;
  }
  const o = { recursive: a.has('R'), noDeref, verbose: a.has('v'), changes: a.has('c'), what: 'group' as const };
  let ok = true;
  for (const f of ops) ok = changeOwner(t, f, c, o) && ok;
  return ok ? 0 : 1;
});
