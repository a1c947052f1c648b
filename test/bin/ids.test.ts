/**
 * id, whoami and groups, for the default system's users (root; alice and bob, in users and
 * students) and for credentials no database knows. Expected outputs are GNU coreutils 9.1's.
 */
import { describe } from 'vitest';
import { table } from './harness.js';

const TRY = (name: string): string => `Try '${name} --help' for more information.\n`;
/** alice's real ids with root's effective ones (a set-user-ID root program) and gid 100 effective. */
const SETUID = { ruid: 1000, euid: 0, suid: 0, rgid: 1000, egid: 100, sgid: 100, groups: [1000, 1002] };
const NOBODY = { ruid: 4242, euid: 4242, suid: 4242, rgid: 4242, egid: 4242, sgid: 4242, groups: [] };

describe('id', () => table([
  { argv: ['id'], out: 'uid=0(root) gid=0(root) groups=0(root)\n' },
  { argv: ['id'], as: 'alice', out: 'uid=1000(alice) gid=1000(alice) groups=1000(alice),100(users),1002(students)\n' },
  { argv: ['id', '-u'], as: 'alice', out: '1000\n' },
  { argv: ['id', '-gn'], as: 'alice', out: 'alice\n' },
  { argv: ['id', '-G'], as: 'alice', out: '1000 100 1002\n' },
  { argv: ['id', '--groups', '--name'], as: 'alice', out: 'alice users students\n' },
  { argv: ['id', '-Gz'], as: 'alice', out: '1000\x00100\x001002\x00' },
  { argv: ['id', '-a', '-un'], as: 'bob', out: 'bob\n' },
  { argv: ['id', 'bob'], as: 'alice', out: 'uid=1001(bob) gid=1001(bob) groups=1001(bob),100(users),1002(students)\n' },
  { argv: ['id', '-nG', 'bob', 'root'], out: 'bob users students\nroot\n' },
  { argv: ['id', '-u', '1001'], out: '1001\n' },
  { argv: ['id', 'alice', 'nosuch', 'bob'], out: 'uid=1000(alice) gid=1000(alice) groups=1000(alice),100(users),1002(students)\nuid=1001(bob) gid=1001(bob) groups=1001(bob),100(users),1002(students)\n',
    err: "id: 'nosuch': no such user\n", status: 1 },
  { name: 'set-user-ID', argv: ['id'], creds: SETUID, out: 'uid=1000(alice) gid=1000(alice) euid=0(root) egid=100(users) groups=100(users),1000(alice),1002(students)\n' },
  { name: 'set-user-ID', argv: ['id', '-u'], creds: SETUID, out: '0\n' },
  { name: 'set-user-ID', argv: ['id', '-ur'], creds: SETUID, out: '1000\n' },
  { name: 'set-user-ID', argv: ['id', '-gr'], creds: SETUID, out: '1000\n' },
  { name: 'set-user-ID', argv: ['id', '-Gn'], creds: SETUID, out: 'alice users students\n' },
  { name: 'unknown ids', argv: ['id'], creds: NOBODY, out: 'uid=4242 gid=4242 groups=4242\n' },
  { name: 'unknown ids', argv: ['id', '-un'], creds: NOBODY, out: '4242\n', err: 'id: cannot find name for user ID 4242\n', status: 1 },
  { name: 'unknown ids', argv: ['id', '-Gn'], creds: NOBODY, out: '4242\n', err: 'id: cannot find name for group ID 4242\n', status: 1 },
  { argv: ['id', '-n'], err: 'id: cannot print only names or real IDs in default format\n', status: 1 },
  { argv: ['id', '-r'], err: 'id: cannot print only names or real IDs in default format\n', status: 1 },
  { argv: ['id', '-u', '-g'], err: 'id: cannot print "only" of more than one choice\n', status: 1 },
  { argv: ['id', '-z'], err: 'id: option --zero not permitted in default format\n', status: 1 },
  { argv: ['id', '-Z'], err: 'id: --context (-Z) works only on an SELinux-enabled kernel\n', status: 1 },
  { argv: ['id', '-x'], err: `id: invalid option -- 'x'\n${TRY('id')}`, status: 1 },
]));

describe('whoami', () => table([
  { argv: ['whoami'], out: 'root\n' },
  { argv: ['whoami'], as: 'bob', out: 'bob\n' },
  { name: 'set-user-ID', argv: ['whoami'], creds: SETUID, out: 'root\n' },
  { name: 'unknown ids', argv: ['whoami'], creds: NOBODY, err: 'whoami: cannot find name for user ID 4242\n', status: 1 },
  { argv: ['whoami', 'x'], err: `whoami: extra operand 'x'\n${TRY('whoami')}`, status: 1 },
]));

describe('groups', () => table([
  { argv: ['groups'], as: 'alice', out: 'alice users students\n' },
  { argv: ['groups'], out: 'root\n' },
  { name: 'set-user-ID', argv: ['groups'], creds: SETUID, out: 'alice users students\n' },
  { argv: ['groups', 'bob', 'root'], out: 'bob : bob users students\nroot : root\n' },
  { argv: ['groups', 'nosuch', 'bob'], out: 'bob : bob users students\n', err: "groups: 'nosuch': no such user\n", status: 1 },
  { argv: ['groups', '1001'], err: "groups: '1001': no such user\n", status: 1 },
  { name: 'unknown ids', argv: ['groups'], creds: NOBODY, out: '4242\n', err: 'groups: cannot find name for group ID 4242\n', status: 1 },
]));
