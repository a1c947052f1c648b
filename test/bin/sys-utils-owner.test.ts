/**
 * chown and chgrp: specs by name and number, -R (children first), -h, -v/-c reports, and the
 * errors (unknown user or group, missing file, EPERM for a non-root caller). Expected outputs
 * are GNU coreutils 9.1's in the C locale.
 */
import { describe } from 'vitest';
import { table, type Case } from './harness.js';

const TRY = (n: string): string => `Try '${n} --help' for more information.\n`;
const FILES: Case['files'] = [
  { path: '/t/f', content: 'f' },
  { path: '/t/l', type: 'symlink', target: 'f' },
  { path: '/t/d/s/g', content: 'g' },
  { path: '/t/d/h', content: 'h' },
  { path: '/t/mine', content: 'm', uid: 1000, gid: 1000 },
  { path: '/t/x', type: 'dir', mode: '0700', uid: 1000, gid: 1000 },
  { path: '/t/x/y', content: 'y' },
];
const at = (c: Case): Case => ({ files: FILES, cwd: '/t', ...c });

describe('chown', () => table([
  at({ argv: ['chown', 'alice', 'f'], after: { '/t/f': 'file 0644 1000:0 "f"' } }),
  at({ argv: ['chown', 'alice:users', 'f'], after: { '/t/f': 'file 0644 1000:100 "f"' } }),
  at({ argv: ['chown', 'bob:', 'f'], after: { '/t/f': 'file 0644 1001:1001 "f"' } }),
  at({ argv: ['chown', ':students', 'f'], after: { '/t/f': 'file 0644 0:1002 "f"' } }),
  at({ argv: ['chown', '4242:4343', 'f'], after: { '/t/f': 'file 0644 4242:4343 "f"' } }),
  at({ argv: ['chown', 'alice.users', 'f'], err: "chown: warning: '.' should be ':': 'alice.users'\n", after: { '/t/f': 'file 0644 1000:100 "f"' } }),
  at({ argv: ['chown', 'alice', 'l'], after: { '/t/f': 'file 0644 1000:0 "f"', '/t/l': 'link f' } }),
  at({ argv: ['chown', '-h', 'alice', 'l', '-c'], after: { '/t/f': 'file 0644 0:0 "f"' }, out: "changed ownership of 'l' from root to alice\n" }),
  at({ argv: ['chown', '-Rv', 'bob', 'd'], after: { '/t/d/s/g': 'file 0644 1001:0 "g"', '/t/d': 'dir 0755 1001:0' },
    out: "changed ownership of 'd/s/g' from root to bob\nchanged ownership of 'd/s' from root to bob\nchanged ownership of 'd/h' from root to bob\nchanged ownership of 'd' from root to bob\n" }),
  at({ argv: ['chown', '-v', '0:0', 'f'], out: "ownership of 'f' retained as 0:0\n" }),
  at({ argv: ['chown', '-v', 'daemon1:', 'f'], err: "chown: invalid user: 'daemon1:'\n", status: 1 }),
  at({ argv: ['chown', '-v', 'alice:', 'f'], out: "changed ownership of 'f' from root:root to alice:alice\n" }),
  at({ argv: ['chown', '-c', ':0', 'f', 'mine'], out: "changed group of 'mine' from alice to 0\n" }),
  at({ argv: ['chown', '-v', ':', 'f'], out: "ownership of 'f' retained\n" }),
  at({ argv: ['chown', '--reference=mine', 'f'], after: { '/t/f': 'file 0644 1000:1000 "f"' } }),
  at({ argv: ['chown', 'alice', 'mine'], as: 'alice' }),
  at({ argv: ['chown', 'bob', 'mine'], as: 'alice', err: "chown: changing ownership of 'mine': Operation not permitted\n", status: 1 }),
  at({ argv: ['chown', '1000', 'f'], as: 'alice', err: "chown: changing ownership of 'f': Operation not permitted\n", status: 1 }),
  at({ argv: ['chown', '-R', 'alice', 'x'], as: 'alice', err: "chown: changing ownership of 'x/y': Operation not permitted\n", status: 1 }),
  at({ argv: ['chown', 'nosuch', 'f'], err: "chown: invalid user: 'nosuch'\n", status: 1 }),
  at({ argv: ['chown', ':nogrp', 'f'], err: "chown: invalid group: ':nogrp'\n", status: 1 }),
  at({ argv: ['chown', '99999999999', 'f'], err: "chown: invalid user: '99999999999'\n", status: 1 }),
  at({ argv: ['chown', '-v', '1000', 'f', 'nope'], after: { '/t/f': 'file 0644 1000:0 "f"' }, status: 1,
    err: "chown: cannot access 'nope': No such file or directory\n", out: "changed ownership of 'f' from root to 1000\nfailed to change ownership of 'nope' to 1000\n" }),
  at({ argv: ['chown'], err: `chown: missing operand\n${TRY('chown')}`, status: 1 }),
  at({ argv: ['chown', 'alice'], err: `chown: missing operand after 'alice'\n${TRY('chown')}`, status: 1 }),
  at({ argv: ['chown', '--bogus'], err: `chown: unrecognized option '--bogus'\n${TRY('chown')}`, status: 1 }),
]));

describe('chgrp', () => table([
  at({ argv: ['chgrp', 'users', 'f'], after: { '/t/f': 'file 0644 0:100 "f"' } }),
  at({ argv: ['chgrp', '555', 'f'], after: { '/t/f': 'file 0644 0:555 "f"' } }),
  at({ argv: ['chgrp', '-R', 'students', 'd'], after: { '/t/d/s/g': 'file 0644 0:1002 "g"', '/t/d/s': 'dir 0755 0:1002', '/t/d': 'dir 0755 0:1002' } }),
  at({ argv: ['chgrp', '-v', 'root', 'f', 'mine'], out: "group of 'f' retained as root\nchanged group of 'mine' from alice to root\n" }),
  at({ argv: ['chgrp', '--reference=mine', 'f'], after: { '/t/f': 'file 0644 0:1000 "f"' } }),
  at({ argv: ['chgrp', 'students', 'mine'], as: 'alice', after: { '/t/mine': 'file 0644 1000:1002 "m"' } }),
  at({ argv: ['chgrp', 'bob', 'mine'], as: 'alice', err: "chgrp: changing group of 'mine': Operation not permitted\n", status: 1 }),
  at({ argv: ['chgrp', 'users', 'f'], as: 'alice', err: "chgrp: changing group of 'f': Operation not permitted\n", status: 1 }),
  at({ argv: ['chgrp', 'nogrp', 'f'], err: "chgrp: invalid group: 'nogrp'\n", status: 1 }),
  at({ argv: ['chgrp', '-v', 'root', 'nope'], err: "chgrp: cannot access 'nope': No such file or directory\n", out: "failed to change group of 'nope' to root\n", status: 1 }),
  at({ argv: ['chgrp'], err: `chgrp: missing operand\n${TRY('chgrp')}`, status: 1 }),
  at({ argv: ['chgrp', 'x'], err: `chgrp: missing operand after 'x'\n${TRY('chgrp')}`, status: 1 }),
  at({ argv: ['chgrp', '-q', 'x', 'f'], err: `chgrp: invalid option -- 'q'\n${TRY('chgrp')}`, status: 1 }),
]));
