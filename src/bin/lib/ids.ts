/**
 * User and group lookups for id, groups and whoami, as glibc's getpwuid/getgrgid and coreutils'
 * group-list code do them over /etc/passwd and /etc/group. A lookup that fails for any reason
 * (no entry, unreadable database) is `undefined`.
 */
import os, { grp, pwd } from 'posixbox/os';

export interface Ids {
  readonly ruid: number;
  readonly euid: number;
  readonly rgid: number;
  readonly egid: number;
  /** The group list as coreutils' mgetgroups makes it: the egid (or the user's gid) first. */
  readonly groups: readonly number[];
  /** The user named on the command line, if any. */
  readonly user?: string;
}

const quiet = <T>(fn: () => T): T | undefined => {
  try { return fn(); } catch { return undefined; }
};

export const userName = (uid: number): string | undefined => quiet(() => pwd.getpwuid(uid).pw_name);
export const groupName = (gid: number): string | undefined => quiet(() => grp.getgrgid(gid).gr_name);

/** `first` then `rest`, less pairwise duplicates, as gnulib's mgetgroups trims them. */
function withFirst(first: number, rest: readonly number[]): number[] {
  const out = [first];
  for (const g of rest) if (g !== first && g !== out[out.length - 1]) out.push(g);
  return out;
}

/** The running process's ids. */
export function processIds(): Ids {
  const egid = os.getegid();
  return { ruid: os.getuid(), euid: os.geteuid(), rgid: os.getgid(), egid, groups: withFirst(egid, os.getgroups()) };
}

/** A user's ids from the databases: by name, else (if `byNumber`, as id does) by uid. */
export function userIds(spec: string, byNumber: boolean): Ids | undefined {
  const p = quiet(() => pwd.getpwnam(spec))
    ?? (byNumber && /^\+?\d+$/.test(spec) ? quiet(() => pwd.getpwuid(Number(spec))) : undefined);
  if (!p) return undefined;
  const groups = withFirst(p.pw_gid, quiet(() => os.getgrouplist(p.pw_name, p.pw_gid)) ?? []);
  return { ruid: p.pw_uid, euid: p.pw_uid, rgid: p.pw_gid, egid: p.pw_gid, groups, user: p.pw_name };
}

/** The groups `id -G` and `groups` print: the real gid, the effective one if different, then the rest. */
export function groupIds(ids: Ids): number[] {
  const out = [ids.rgid];
  if (ids.egid !== ids.rgid) out.push(ids.egid);
  for (const g of ids.groups) if (g !== ids.rgid && g !== ids.egid) out.push(g);
  return out;
}
