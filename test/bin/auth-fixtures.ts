/**
 * What the su and sudo tables share: credentials as a set-user-ID root program gets them when
 * alice or bob runs it, a stand-in login shell (/usr/local/bin/show, a posixbox program that prints
 * what it was started with: argv, real/effective/saved uids and gids, groups, cwd and environment),
 * and /etc/passwd with that shell, so the tables see exactly what su and sudo exec.
 */
import type { FileSpec } from '../../src/kernel/setup.js';

/** alice running a set-user-ID root program: real ids hers, effective and saved uid root. */
export const ALICE_SUID = { ruid: 1000, euid: 0, suid: 0, rgid: 1000, egid: 1000, sgid: 1000, groups: [1000, 100, 1002] };
export const BOB_SUID = { ruid: 1001, euid: 0, suid: 0, rgid: 1001, egid: 1001, sgid: 1001, groups: [1001, 100, 1002] };
/** alice running /bin/su when it is not set-user-ID. */
export const ALICE = { ruid: 1000, euid: 1000, suid: 1000, rgid: 1000, egid: 1000, sgid: 1000, groups: [1000, 100, 1002] };

const SHOW_SOURCE = `#!posixbox
import os from 'posixbox/os';
export function main(argv) {
  const line = (k, v) => os.writeAll(1, k + ' ' + v + '\\n');
  line('argv', JSON.stringify(argv));
  line('uid', os.getresuid().join(','));
  line('gid', os.getresgid().join(','));
  line('groups', os.getgroups().join(','));
  line('cwd', os.getcwd());
  for (const [k, v] of os.environ) line('env', k + '=' + v);
  return 0;
}
`;

export const SHOW = '/usr/local/bin/show';

/** /etc/passwd whose users log in with `shells[name]` (default: the show program), and the program. */
export function withShells(shells: Readonly<Record<string, string>> = {}, homes: Readonly<Record<string, string>> = {}): FileSpec[] {
  const sh = (n: string): string => shells[n] ?? SHOW;
  const home = (n: string, d: string): string => homes[n] ?? d;
  return [
    { path: SHOW, mode: '0755', content: SHOW_SOURCE },
    { path: '/etc/passwd', content: [
      `root:x:0:0:root:${home('root', '/root')}:${sh('root')}`,
      `alice:x:1000:1000:Alice:${home('alice', '/home/alice')}:${sh('alice')}`,
      `bob:x:1001:1001:Bob:${home('bob', '/home/bob')}:${sh('bob')}`,
      '',
    ].join('\n') },
  ];
}

/** The show program's output. */
export function shown(o: { argv: readonly string[]; uid: number; gid: number; groups: readonly number[]; cwd: string; env: readonly string[] }): string {
  return [
    `argv ${JSON.stringify(o.argv)}`,
    `uid ${o.uid},${o.uid},${o.uid}`,
    `gid ${o.gid},${o.gid},${o.gid}`,
    `groups ${o.groups.join(',')}`,
    `cwd ${o.cwd}`,
    ...o.env.map((e) => `env ${e}`),
    '',
  ].join('\n');
}

export const GROUPS = { root: [0], alice: [1000, 100, 1002], bob: [1001, 100, 1002] } as const;
