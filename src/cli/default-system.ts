/** The system `posixbox run` boots when no --fixture is given. */
import type { SystemSpec } from '../kernel/setup.js';

export const DEFAULT_SYSTEM: SystemSpec = {
  hostname: 'posixbox',
  users: [
    { name: 'root', uid: 0, gid: 0, home: '/root', shell: '/bin/sh', password: 'root' },
    { name: 'alice', uid: 1000, gid: 1000, home: '/home/alice', shell: '/bin/sh', gecos: 'Alice', password: 'alice' },
    { name: 'bob', uid: 1001, gid: 1001, home: '/home/bob', shell: '/bin/sh', gecos: 'Bob', password: 'bob' },
  ],
  groups: [
    { name: 'root', gid: 0 },
    { name: 'users', gid: 100, members: ['alice', 'bob'] },
    { name: 'alice', gid: 1000 },
    { name: 'bob', gid: 1001 },
    { name: 'students', gid: 1002, members: ['alice', 'bob'] },
  ],
};
