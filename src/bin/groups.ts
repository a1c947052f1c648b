/**
 * groups — print the groups of the process, or of each USER (`alice : alice users`), as
 * coreutils groups: the real group first, then the effective one if it differs, then the rest.
 */
import { program, quote } from './lib.js';
import { groupIds, groupName, processIds, userIds } from './lib/ids.js';

export const main = program('groups', {
  usage: '[OPTION]... [USERNAME]...',
  about: 'Print group memberships for each USERNAME or, if no USERNAME is specified, for the current process.',
}, (t, a) => {
  let status = 0;
  const names = (gids: readonly number[]): string => gids.map((g) => {
    const name = groupName(g);
    if (name !== undefined) return name;
    t.warn(`cannot find name for group ID ${g}`);
    status = 1;
    return String(g);
  }).join(' ');
  if (a.operands.length === 0) t.stdout.write(`${names(groupIds(processIds()))}\n`);
  for (const user of a.operands) {
    const ids = userIds(user, false);
    if (!ids) {
      t.warn(`${quote(user)}: no such user`);
      status = 1;
      continue;
    }
    t.stdout.write(`${user} : ${names(groupIds(ids))}\n`);
  }
  return status;
});
