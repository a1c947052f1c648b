/** Who a CLI command runs as: `--user NAME|UID[:GID]` and `--groups`, over a system's users and groups. */
import type { Fixture } from '../kernel/fixture.js';
import type { SystemSpec } from '../kernel/setup.js';
import { UsageError, type RunOptions } from './args.js';

export interface Identity {
  readonly uid: number;
  readonly gid: number;
  readonly groups: number[];
  readonly login: string;
  readonly home: string;
  readonly shell: string;
}

/**
 * The identity from the options: --user (a name, or UID[:GID]), else the fixture's process, else
 * `dflt`; supplementary groups from --groups, else the fixture's, else as initgroups(3) makes them.
 */
export function resolveIdentity(o: RunOptions, fx: Fixture | undefined, sys: SystemSpec, dflt = 'root'): Identity {
  const users = sys.users ?? [];
  const groups = sys.groups ?? [];
  const userOpt = o.user ?? (fx ? undefined : dflt);
  let uid = fx?.process.uid ?? 0;
  let gid = fx?.process.gid ?? 0;
  let name = fx?.process.login ?? 'root';
  if (userOpt !== undefined) {
    const m = /^(\d+)(?::(\d+))?$/.exec(userOpt);
    const u = m ? users.find((x) => x.uid === Number(m[1])) : users.find((x) => x.name === userOpt);
    if (!m && !u) throw new UsageError(`no such user: ${userOpt}`);
    uid = m ? Number(m[1]) : u!.uid;
    gid = m?.[2] !== undefined ? Number(m[2]) : u?.gid ?? uid;
    name = u?.name ?? String(uid);
  }
  let supplementary: number[];
  if (o.groups !== undefined) {
    supplementary = o.groups.split(',').filter(Boolean).map((g) => {
      if (/^\d+$/.test(g)) return Number(g);
      const found = groups.find((x) => x.name === g);
      if (!found) throw new UsageError(`no such group: ${g}`);
      return found.gid;
    });
  } else if (fx && o.user === undefined) {
    supplementary = [...fx.process.groups];
  } else {
    supplementary = [gid, ...groups.filter((g) => g.gid !== gid && (g.members ?? []).includes(name)).map((g) => g.gid)];
  }
  const user = users.find((x) => x.uid === uid);
  return { uid, gid, groups: supplementary, login: name, home: user?.home ?? '/', shell: user?.shell || '/bin/sh' };
}
