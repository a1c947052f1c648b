/**
 * id — print user and group ids, as coreutils id: for the process, or for each USER (a name or
 * a uid) from /etc/passwd and /etc/group.
 *   (default)  uid=1000(alice) gid=1000(alice) groups=1000(alice),100(users), with euid=/egid=
 *              after gid= when they differ from the real ones
 *   -u, -g, -G only the (effective) uid, gid, or all group ids;  -n names;  -r real ids;
 *   -z         NUL instead of space and newline;  -a ignored;  -Z fails (no SELinux)
 */
import { Fatal, program, quote } from './lib.js';
import { groupIds, groupName, processIds, userIds, userName, type Ids } from './lib/ids.js';

export const main = program('id', {
  usage: '[OPTION]... [USER]...',
  about: 'Print user and group information for each specified USER, or (when USER omitted) for the current process.',
  short: 'agGnruzZ',
  long: { context: 'Z', group: 'g', groups: 'G', name: 'n', real: 'r', user: 'u', zero: 'z' },
}, (t, a) => {
  if (a.has('Z')) throw new Fatal('--context (-Z) works only on an SELinux-enabled kernel');
  const only = ['u', 'g', 'G'].filter((k) => a.has(k));
  if (only.length > 1) throw new Fatal('cannot print "only" of more than one choice');
  const [real, names, zero] = [a.has('r'), a.has('n'), a.has('z')];
  if (only.length === 0 && (real || names)) throw new Fatal('cannot print only names or real IDs in default format');
  if (only.length === 0 && zero) throw new Fatal('option --zero not permitted in default format');
  let status = 0;
  const lookup = (id: number, kind: 'user' | 'group'): string => {
    const name = kind === 'user' ? userName(id) : groupName(id);
    if (name !== undefined) return name;
    t.warn(`cannot find name for ${kind} ID ${id}`);
    status = 1;
    return String(id);
  };
  const show = (id: number, kind: 'user' | 'group'): string => (names ? lookup(id, kind) : String(id));
  const full = (ids: Ids): string => {
    const u = (label: string, id: number): string => ` ${label}=${id}${paren(userName(id))}`;
    const g = (label: string, id: number): string => ` ${label}=${id}${paren(groupName(id))}`;
    let s = u('uid', ids.ruid) + g('gid', ids.rgid);
    if (ids.euid !== ids.ruid) s += u('euid', ids.euid);
    if (ids.egid !== ids.rgid) s += g('egid', ids.egid);
    if (ids.groups.length > 0) s += ` groups=${ids.groups.map((id) => `${id}${paren(groupName(id))}`).join(',')}`;
    return s.slice(1);
  };
  const users = a.operands.length > 0 ? a.operands : [undefined];
  for (const spec of users) {
    const ids = spec === undefined ? processIds() : userIds(spec, true);
    if (!ids) {
      t.warn(`${quote(spec!)}: no such user`);
      status = 1;
      continue;
    }
    const line = only[0] === 'u' ? show(real ? ids.ruid : ids.euid, 'user')
      : only[0] === 'g' ? show(real ? ids.rgid : ids.egid, 'group')
        : only[0] === 'G' ? groupIds(ids).map((g) => show(g, 'group')).join(zero ? '\0' : ' ')
          : full(ids);
    t.stdout.write(line + (zero ? '\0' : '\n'));
  }
  return status;
});

function paren(name: string | undefined): string {
  return name === undefined ? '' : `(${name})`;
}
