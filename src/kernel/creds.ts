/**
 * Process credentials as immutable values, and every identity change as a pure function that
 * returns new credentials or throws SysError(EPERM / EINVAL), following Linux's kernel/sys.c.
 *
 * Privilege is modelled as Linux's default capability rules: a process holds CAP_SETUID,
 * CAP_SETGID, CAP_DAC_OVERRIDE, CAP_FOWNER, … exactly while its effective uid is 0. The
 * filesystem uid follows the effective uid (setfsuid is not offered), as it does on Linux
 * unless setfsuid(2) is called.
 */
import { EINVAL, EPERM } from './abi/errno.js';
import { SysError } from './errors.js';

export interface Credentials {
  readonly ruid: number;
  readonly euid: number;
  readonly suid: number;
  readonly rgid: number;
  readonly egid: number;
  readonly sgid: number;
  /** Supplementary groups, in the order set (posixbox keeps the order; see LESSONS.md §1.6). */
  readonly groups: readonly number[];
}

/** The largest id: (uid_t)-1 is reserved to mean "unchanged". */
export const ID_MAX = 0xfffffffe;
/** Linux's NGROUPS_MAX. */
export const NGROUPS_MAX = 65536;

export function makeCredentials(uid: number, gid: number, groups: readonly number[] = []): Credentials {
  checkId(uid);
  checkId(gid);
  for (const g of groups) checkId(g);
  return Object.freeze({
    ruid: uid, euid: uid, suid: uid, rgid: gid, egid: gid, sgid: gid,
    groups: Object.freeze([...groups]),
  });
}

/** Whether the credentials carry the capabilities root has (effective uid 0). */
export function isPrivileged(c: Credentials): boolean {
  return c.euid === 0;
}

/** Whether gid is the effective gid or one of the supplementary groups (in_group_p). */
export function inGroup(c: Credentials, gid: number): boolean {
  return c.egid === gid || c.groups.includes(gid);
}

function checkId(id: number): void {
  if (!Number.isInteger(id) || id < 0 || id > ID_MAX) throw new SysError(EINVAL);
}

/** An argument that may be -1 ("leave unchanged"), as setres*id and setre*id take. */
function optionalId(id: number): number | undefined {
  if (id === -1 || id === 0xffffffff) return undefined;
  checkId(id);
  return id;
}

function freeze(c: Credentials): Credentials {
  return Object.freeze({ ...c, groups: c.groups });
}

/**
 * setuid(2): "If the calling process is privileged, the real UID and saved set-user-ID are also
 * set." Otherwise only the effective uid changes, and only to the real uid or the saved uid.
 */
export function setuid(c: Credentials, uid: number): Credentials {
  checkId(uid);
  if (isPrivileged(c)) return freeze({ ...c, ruid: uid, euid: uid, suid: uid });
  if (uid === c.ruid || uid === c.suid) return freeze({ ...c, euid: uid });
  throw new SysError(EPERM);
}

export function setgid(c: Credentials, gid: number): Credentials {
  checkId(gid);
  if (isPrivileged(c)) return freeze({ ...c, rgid: gid, egid: gid, sgid: gid });
  if (gid === c.rgid || gid === c.sgid) return freeze({ ...c, egid: gid });
  throw new SysError(EPERM);
}

/**
 * setresuid(2): an unprivileged process may set each of its real, effective and saved uids to
 * any of its current real, effective or saved uids; -1 leaves one unchanged.
 */
export function setresuid(c: Credentials, r: number, e: number, s: number): Credentials {
  const nr = optionalId(r);
  const ne = optionalId(e);
  const ns = optionalId(s);
  if (!isPrivileged(c)) {
    const allowed = [c.ruid, c.euid, c.suid];
    for (const id of [nr, ne, ns]) if (id !== undefined && !allowed.includes(id)) throw new SysError(EPERM);
  }
  return freeze({ ...c, ruid: nr ?? c.ruid, euid: ne ?? c.euid, suid: ns ?? c.suid });
}

export function setresgid(c: Credentials, r: number, e: number, s: number): Credentials {
  const nr = optionalId(r);
  const ne = optionalId(e);
  const ns = optionalId(s);
  if (!isPrivileged(c)) {
    const allowed = [c.rgid, c.egid, c.sgid];
    for (const id of [nr, ne, ns]) if (id !== undefined && !allowed.includes(id)) throw new SysError(EPERM);
  }
  return freeze({ ...c, rgid: nr ?? c.rgid, egid: ne ?? c.egid, sgid: ns ?? c.sgid });
}

/** seteuid(3): glibc implements it as setresuid(-1, euid, -1); -1 itself is EINVAL. */
export function seteuid(c: Credentials, euid: number): Credentials {
  checkId(euid);
  return setresuid(c, -1, euid, -1);
}

export function setegid(c: Credentials, egid: number): Credentials {
  checkId(egid);
  return setresgid(c, -1, egid, -1);
}

/**
 * setreuid(2): unprivileged, the real uid may become the real or effective uid, and the
 * effective uid the real, effective or saved uid. If the real uid is set, or the effective uid
 * is set to a value other than the previous real uid, the saved uid becomes the new effective uid.
 */
export function setreuid(c: Credentials, r: number, e: number): Credentials {
  const nr = optionalId(r);
  const ne = optionalId(e);
  if (!isPrivileged(c)) {
    if (nr !== undefined && nr !== c.ruid && nr !== c.euid) throw new SysError(EPERM);
    if (ne !== undefined && ne !== c.ruid && ne !== c.euid && ne !== c.suid) throw new SysError(EPERM);
  }
  const euid = ne ?? c.euid;
  const suid = nr !== undefined || (ne !== undefined && ne !== c.ruid) ? euid : c.suid;
  return freeze({ ...c, ruid: nr ?? c.ruid, euid, suid });
}

export function setregid(c: Credentials, r: number, e: number): Credentials {
  const nr = optionalId(r);
  const ne = optionalId(e);
  if (!isPrivileged(c)) {
    if (nr !== undefined && nr !== c.rgid && nr !== c.egid) throw new SysError(EPERM);
    if (ne !== undefined && ne !== c.rgid && ne !== c.egid && ne !== c.sgid) throw new SysError(EPERM);
  }
  const egid = ne ?? c.egid;
  const sgid = nr !== undefined || (ne !== undefined && ne !== c.rgid) ? egid : c.sgid;
  return freeze({ ...c, rgid: nr ?? c.rgid, egid, sgid });
}

/** setgroups(2): needs privilege; more than NGROUPS_MAX is EINVAL (checked first, as Linux does). */
export function setgroups(c: Credentials, groups: readonly number[]): Credentials {
  if (groups.length > NGROUPS_MAX) throw new SysError(EINVAL);
  for (const g of groups) checkId(g);
  if (!isPrivileged(c)) throw new SysError(EPERM);
  return Object.freeze({ ...c, groups: Object.freeze([...groups]) });
}

/**
 * execve(2) with a set-user-ID / set-group-ID file: the effective id becomes the file's owner,
 * and the saved id is set from the (new) effective id in any case.
 */
export function execCredentials(c: Credentials, setuidTo?: number, setgidTo?: number): Credentials {
  const euid = setuidTo ?? c.euid;
  const egid = setgidTo ?? c.egid;
  return freeze({ ...c, euid, suid: euid, egid, sgid: egid });
}
