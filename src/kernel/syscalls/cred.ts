/** Identity calls: each is one pure function of creds.ts applied to the process's credentials. */
import { EINVAL } from '../abi/errno.js';
import * as C from '../creds.js';
import { SysError } from '../errors.js';
import { full, type SyscallEntry } from '../syscall.js';
import { utf8 } from './common.js';
import type { Process } from '../../proc/process.js';

/** commit_creds: a change of effective uid or gid makes the process non-dumpable (/proc, ptrace). */
function change(p: Process, next: C.Credentials): number {
  if (next.euid !== p.creds.euid || next.egid !== p.creds.egid) p.dumpable = false;
  p.creds = next;
  return 0;
}

/** The group list travels as decimal text, comma-separated. */
function parseGroups(text: string): number[] {
  if (text === '') return [];
  const parts = text.split(',');
  if (parts.length > C.NGROUPS_MAX) throw new SysError(EINVAL);
  return parts.map((s) => {
    const n = Number(s);
    if (!/^\d+$/.test(s) || !Number.isSafeInteger(n)) throw new SysError(EINVAL);
    return n;
  });
}

export const credCalls: ReadonlyArray<readonly [number, SyscallEntry]> = [
  [102, full('getuid', [], (_k, p) => p.creds.ruid)],
  [107, full('geteuid', [], (_k, p) => p.creds.euid)],
  [104, full('getgid', [], (_k, p) => p.creds.rgid)],
  [108, full('getegid', [], (_k, p) => p.creds.egid)],
  [118, full('getresuid', [], (_k, p) => ({ value: 0, nums: [p.creds.ruid, p.creds.euid, p.creds.suid] }))],
  [120, full('getresgid', [], (_k, p) => ({ value: 0, nums: [p.creds.rgid, p.creds.egid, p.creds.sgid] }))],
  [115, full('getgroups', ['int'], (_k, p, a) => {
    const size = a.int(0);
    const n = p.creds.groups.length;
    if (size === 0) return n;
    if (size < n) throw new SysError(EINVAL);
    return { value: n, data: utf8(p.creds.groups.join(',')) };
  })],
  [116, full('setgroups', ['int', 'str'], (_k, p, a) => {
    const groups = parseGroups(a.str(1));
    if (groups.length !== a.int(0)) throw new SysError(EINVAL);
    return change(p, C.setgroups(p.creds, groups));
  })],
  [105, full('setuid', ['int'], (_k, p, a) => change(p, C.setuid(p.creds, a.int(0))))],
  [106, full('setgid', ['int'], (_k, p, a) => change(p, C.setgid(p.creds, a.int(0))))],
  [113, full('setreuid', ['int', 'int'], (_k, p, a) => change(p, C.setreuid(p.creds, a.int(0), a.int(1))))],
  [114, full('setregid', ['int', 'int'], (_k, p, a) => change(p, C.setregid(p.creds, a.int(0), a.int(1))))],
  [117, full('setresuid', ['int', 'int', 'int'], (_k, p, a) =>
    change(p, C.setresuid(p.creds, a.int(0), a.int(1), a.int(2))))],
  [119, full('setresgid', ['int', 'int', 'int'], (_k, p, a) =>
    change(p, C.setresgid(p.creds, a.int(0), a.int(1), a.int(2))))],
];
