/**
 * What chown and chgrp share (coreutils' chown-core.c): resolving user and group specs, changing
 * one file or a tree (-R, children before their directory, symbolic links not followed), and the
 * -v/-c reports (`changed ownership of 'f' from root to alice`, `ownership of 'f' retained as …`).
 */
import os, { grp, OSError, pwd, stat } from 'posixbox/os';
import { Fatal, quoteaf, reason, UsageError, type Args, type Tool } from '../lib.js';
import { groupName, userName } from './ids.js';

export interface Change {
  readonly uid: number;
  readonly gid: number;
  /** The names as the command line gave them (for the reports); undefined: not changed. */
  readonly user?: string;
  readonly group?: string;
}

export interface OwnerOptions {
  readonly recursive: boolean;
  /** Change a symbolic link itself (-h), not what it points to. */
  readonly noDeref: boolean;
  readonly verbose: boolean;
  readonly changes: boolean;
  /** 'chown' or 'chgrp': the wording of the failure message. */
  readonly what: 'ownership' | 'group';
}

const known = <T>(fn: () => T): T | undefined => {
  try { return fn(); } catch { return undefined; }
};

const MAX_ID = 0xfffffffe;

export function resolveGroup(g: string, spec: string): number {
  const gid = known(() => grp.getgrnam(g).gr_gid);
  if (gid !== undefined) return gid;
  if (/^\d+$/.test(g) && Number(g) <= MAX_ID) return Number(g);
  throw new Fatal(`invalid group: ${quoteaf(spec)}`);
}

/** `user`, `user:group`, `user:`, `:group`, `user.group` (with coreutils' warning). */
export function parseOwner(t: Tool, spec: string): Change {
  let sep = spec.indexOf(':');
  if (sep < 0 && spec.includes('.') && known(() => pwd.getpwnam(spec)) === undefined) {
    sep = spec.indexOf('.');
    t.warn(`warning: '.' should be ':': ${quoteaf(spec)}`);
  }
  const u = sep < 0 ? spec : spec.slice(0, sep);
  const g = sep < 0 ? '' : spec.slice(sep + 1);
  let uid = -1;
  let gid = -1;
  let group: string | undefined;
  if (u !== '') {
    const p = known(() => pwd.getpwnam(u));
    if (p) uid = p.pw_uid;
    else if (/^\d+$/.test(u) && Number(u) <= MAX_ID) uid = Number(u);
    else throw new Fatal(`invalid user: ${quoteaf(spec)}`);
    if (sep >= 0 && g === '') {
      if (!p) throw new Fatal(`invalid spec: ${quoteaf(spec)}`);
      gid = p.pw_gid;
      group = groupName(gid) ?? String(gid);
    }
  }
  if (g !== '') {
    gid = resolveGroup(g, spec);
    group = g;
  }
  return { uid, gid, ...(u !== '' ? { user: u } : {}), ...(group !== undefined ? { group } : {}) };
}

const idSpec = (user: string | undefined, group: string | undefined): string | undefined =>
  user !== undefined && group !== undefined ? `${user}:${group}` : user ?? (group !== undefined ? group : undefined);

function report(t: Tool, path: string, c: Change, old: { uid: number; gid: number } | undefined, result: 'changed' | 'same' | 'failed', o: OwnerOptions): void {
  if (!o.verbose && !(o.changes && result === 'changed')) return;
  const spec = idSpec(c.user, c.group);
  const oldSpec = old ? idSpec(c.user !== undefined ? userName(old.uid) ?? String(old.uid) : undefined,
    c.group !== undefined ? groupName(old.gid) ?? String(old.gid) : undefined) : undefined;
  const noun = c.user !== undefined ? 'ownership' : c.group !== undefined ? 'group' : undefined;
  const q = quoteaf(path);
  let line: string;
  if (result === 'changed') line = noun ? `changed ${noun} of ${q} from ${oldSpec} to ${spec}` : `no change to ownership of ${q}`;
  else if (result === 'same') line = noun ? `${noun} of ${q} retained as ${spec}` : `ownership of ${q} retained`;
  else line = noun ? (oldSpec ? `failed to change ${noun} of ${q} from ${oldSpec} to ${spec}` : `failed to change ${noun} of ${q} to ${spec}`) : `failed to change ownership of ${q}`;
  t.stdout.write(`${line}\n`);
}

/** Change `path` (and below it with -R); false if anything failed (reported). */
export function changeOwner(t: Tool, path: string, c: Change, o: OwnerOptions): boolean {
  const follow = !o.noDeref && !o.recursive;
  let st: ReturnType<typeof os.stat>;
  try {
    st = follow ? os.stat(path) : os.lstat(path);
  } catch (e) {
    t.warn(`cannot access ${quoteaf(path)}: ${reason(e)}`);
    report(t, path, c, undefined, 'failed', o);
    return false;
  }
  let ok = true;
  if (o.recursive && stat.S_ISDIR(st.st_mode)) {
    let names: string[];
    try {
      names = os.listdir(path);
    } catch (e) {
      t.warn(`cannot read directory ${quoteaf(path)}: ${reason(e)}`);
      return false;
    }
    for (const n of names) ok = changeOwner(t, path.endsWith('/') ? path + n : `${path}/${n}`, c, o) && ok;
  }
  const old = { uid: st.st_uid, gid: st.st_gid };
  try {
    if (c.uid !== -1 || c.gid !== -1) os.chown(path, c.uid, c.gid, { follow_symlinks: follow });
  } catch (e) {
    if (!(e instanceof OSError)) throw e;
    t.warn(`changing ${o.what} of ${quoteaf(path)}: ${e.strerror}`);
    report(t, path, c, old, 'failed', o);
    return false;
  }
  const same = (c.uid === -1 || c.uid === old.uid) && (c.gid === -1 || c.gid === old.gid);
  report(t, path, c, old, same ? 'same' : 'changed', o);
  return ok;
}

/** The long options chown and chgrp share. */
export const OWNER_LONG = {
  changes: 'c', 'no-dereference': 'h', dereference: 'dereference', recursive: 'R', verbose: 'v', silent: 'f', quiet: 'f',
  'reference=': 'reference',
} as const;

/**
 * The command line chown and chgrp share: the change from --reference=RFILE (`fromStat`) or from
 * the first operand (`parse`), then each FILE with -R, -h/--dereference, -v, -c. Returns the status.
 */
export function runOwnerChange(t: Tool, a: Args, what: OwnerOptions['what'],
  parse: (spec: string) => Change, fromStat: (st: { st_uid: number; st_gid: number }) => Change): number {
  const ops = [...a.operands];
  const ref = a.last('reference');
  if (ops.length === 0) throw new UsageError('missing operand');
  let c: Change;
  if (ref !== undefined) {
    let st;
    try { st = os.stat(ref); } catch (e) { throw new Fatal(`failed to get attributes of ${quoteaf(ref)}: ${reason(e)}`); }
    c = fromStat(st);
  } else {
    if (ops.length === 1) throw new UsageError(`missing operand after ${quoteaf(ops[0]!)}`);
    c = parse(ops.shift()!);
  }
  let noDeref = false;
  for (const [k] of a.opts) {
    if (k === 'h') noDeref = true;
    else if (k === 'dereference') noDeref = false;
  }
  const o: OwnerOptions = { recursive: a.has('R'), noDeref, verbose: a.has('v'), changes: a.has('c'), what };
  let ok = true;
  for (const f of ops) ok = changeOwner(t, f, c, o) && ok;
  return ok ? 0 : 1;
}
