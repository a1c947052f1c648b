/**
 * statfs(2) and fstatfs(2) (Linux's fs/statfs.c): the totals of the filesystem holding a path or
 * an open file — size, free and available blocks, inodes, name length, mount flags — as
 * fs/space.ts keeps them. statvfs(3) and os.statvfs are built from them in user space, as
 * glibc builds statvfs from statfs.
 */
import { full, type SyscallEntry } from '../syscall.js';
import { checkFd } from './common.js';

export const statfsCalls: ReadonlyArray<readonly [number, SyscallEntry]> = [
  [137, full('statfs', ['str'], (k, p, a) => ({ value: 0, nums: k.vfs.statfs(k.vfs.lookup(k.fsContext(p), a.str(0), true)) }))],
  [138, full('fstatfs', ['int'], (k, p, a) => ({ value: 0, nums: k.vfs.statfs(checkFd(p, a.int(0)).node) }))],
];
