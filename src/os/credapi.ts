/** Identity calls, the environment, and the pwd/grp databases read from /etc as glibc does. */
import { SYS } from '../kernel/abi/sysno.js';
import { O_CLOEXEC, O_RDONLY } from '../kernel/abi/fcntl.js';

import { OSError, wrap } from './errors.js';
import { pyIndex, pyTypeName } from './pyargs.js';
import type { ProcessRuntime } from './runtime-types.js';

export interface Passwd {
  readonly pw_name: string;
  readonly pw_passwd: string;
  readonly pw_uid: number;
  readonly pw_gid: number;
  readonly pw_gecos: string;
  readonly pw_dir: string;
  readonly pw_shell: string;
}

export interface Group {
  readonly gr_name: string;
  readonly gr_passwd: string;
  readonly gr_gid: number;
  readonly gr_mem: string[];
}

/** KeyError, as pwd.getpwnam raises for an unknown name. */
export class KeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'KeyError';
  }
}

/** os.environ: a Map whose changes write through to the environment children inherit (putenv). */
export class Environ extends Map<string, string> {
  constructor(private readonly cenv: Map<string, string> | undefined, init: Iterable<[string, string]>) {
    super();
    for (const [k, v] of init) super.set(k, v);
  }
  override get(key: string, dflt?: string): string | undefined {
    return super.has(key) ? super.get(key) : dflt;
  }
  override set(key: string, value: string): this {
    if (typeof key !== 'string' || typeof value !== 'string') throw new TypeError('str expected, not ' + typeof value);
    super.set(key, value);
    this.cenv?.set(key, value);
    return this;
  }
  override delete(key: string): boolean {
    this.cenv?.delete(key);
    return super.delete(key);
  }
  override clear(): void {
    for (const k of [...this.keys()]) this.delete(k);
  }
  /** Python's environ.copy(): a plain Map. */
  copy(): Map<string, string> {
    return new Map(this);
  }
}

export function makeCredApi(rt: ProcessRuntime) {
  const { sys } = rt;
  const id = (name: keyof typeof SYS) => (): number => wrap(name, undefined, () => sys.call(name, SYS[name]));
  const set1 = (name: keyof typeof SYS) => (x: number): void => { wrap(name, undefined, () => sys.call(name, SYS[name], x)); };
  const set2 = (name: keyof typeof SYS) => (a: number, b: number): void => { wrap(name, undefined, () => sys.call(name, SYS[name], a, b)); };
  const set3 = (name: keyof typeof SYS) => (a: number, b: number, c: number): void => {
    wrap(name, undefined, () => sys.call(name, SYS[name], a, b, c));
  };

  const readText = (path: string): string => {
    const fd = wrap('open', path, () => sys.callWith('open', SYS.open, [path, O_RDONLY | O_CLOEXEC, 0]));
    const chunks: Uint8Array[] = [];
    try {
      for (let guard = 0; guard < 65536; guard++) {
        const n = wrap('read', path, () => sys.call('read', SYS.read, fd, 65536));
        if (n === 0) break;
        chunks.push(sys.outBytes());
      }
    } finally {
      sys.call('close', SYS.close, fd);
    }
    const all = new Uint8Array(chunks.reduce((s, c) => s + c.length, 0));
    let off = 0;
    for (const c of chunks) { all.set(c, off); off += c.length; }
    return new TextDecoder().decode(all);
  };

  const passwdDb = (): Passwd[] => readText('/etc/passwd').split('\n').filter((l) => l && !l.startsWith('#')).map((l) => {
    const f = l.split(':');
    return { pw_name: f[0] ?? '', pw_passwd: f[1] ?? '', pw_uid: Number(f[2]), pw_gid: Number(f[3]),
      pw_gecos: f[4] ?? '', pw_dir: f[5] ?? '', pw_shell: f[6] ?? '' };
  });
  const groupDb = (): Group[] => readText('/etc/group').split('\n').filter((l) => l && !l.startsWith('#')).map((l) => {
    const f = l.split(':');
    return { gr_name: f[0] ?? '', gr_passwd: f[1] ?? '', gr_gid: Number(f[2]), gr_mem: (f[3] ?? '').split(',').filter(Boolean) };
  });

  const pwd = {
    getpwuid(uid: number): Passwd {
      if (!Number.isInteger(uid)) throw new TypeError(`uid should be integer, not ${pyTypeName(uid)}`);
      const e = passwdDb().find((p) => p.pw_uid === uid);
      if (!e) throw new KeyError(`getpwuid(): uid not found: ${uid}`);
      return e;
    },
    getpwnam(name: string): Passwd {
      if (typeof name !== 'string') throw new TypeError(`getpwnam() argument must be str, not ${pyTypeName(name)}`);
      const e = passwdDb().find((p) => p.pw_name === name);
      if (!e) throw new KeyError(`getpwnam(): name not found: '${name}'`);
      return e;
    },
    getpwall: (): Passwd[] => passwdDb(),
  };
  const grp = {
    getgrgid(gid: number): Group {
      if (!Number.isInteger(gid)) throw new TypeError(`gid should be integer, not ${pyTypeName(gid)}`);
      const e = groupDb().find((g) => g.gr_gid === gid);
      if (!e) throw new KeyError(`getgrgid(): gid not found: ${gid}`);
      return e;
    },
    getgrnam(name: string): Group {
      if (typeof name !== 'string') throw new TypeError(`getgrnam() argument must be str, not ${pyTypeName(name)}`);
      const e = groupDb().find((g) => g.gr_name === name);
      if (!e) throw new KeyError(`getgrnam(): name not found: '${name}'`);
      return e;
    },
    getgrall: (): Group[] => groupDb(),
  };

  const setgroups = (list: readonly number[]): void => {
    if (!Array.isArray(list)) throw new TypeError('setgroups argument must be a sequence');
    const groups = list.map((g) => Number(pyIndex(g)));
    for (const g of groups) if (!Number.isInteger(g) || g < 0) throw new OSError(22, 'setgroups');
    wrap('setgroups', undefined, () => sys.callWith('setgroups', SYS.setgroups, [groups.length, groups.join(',')]));
  };

  return {
    getuid: id('getuid'), geteuid: id('geteuid'), getgid: id('getgid'), getegid: id('getegid'),
    setuid: set1('setuid'), setgid: set1('setgid'),
    /** seteuid(3) and setegid(3): glibc's setresuid(-1, e, -1). */
    seteuid: (e: number): void => { wrap('seteuid', undefined, () => sys.call('setresuid', SYS.setresuid, -1, e, -1)); },
    setegid: (e: number): void => { wrap('setegid', undefined, () => sys.call('setresgid', SYS.setresgid, -1, e, -1)); },
    setreuid: set2('setreuid'), setregid: set2('setregid'),
    setresuid: set3('setresuid'), setresgid: set3('setresgid'),
    getresuid(): [number, number, number] {
      wrap('getresuid', undefined, () => sys.call('getresuid', SYS.getresuid));
      return [sys.num(0), sys.num(1), sys.num(2)];
    },
    getresgid(): [number, number, number] {
      wrap('getresgid', undefined, () => sys.call('getresgid', SYS.getresgid));
      return [sys.num(0), sys.num(1), sys.num(2)];
    },
    getgroups(): number[] {
      const n = wrap('getgroups', undefined, () => sys.call('getgroups', SYS.getgroups, 0));
      if (n === 0) return [];
      wrap('getgroups', undefined, () => sys.call('getgroups', SYS.getgroups, n));
      return sys.outText().split(',').map(Number);
    },
    setgroups,
    /** initgroups(3): the user's groups from /etc/group plus `group`. */
    initgroups(user: string, group: number): void {
      const gs = [group, ...groupDb().filter((g) => g.gr_mem.includes(user) && g.gr_gid !== group).map((g) => g.gr_gid)];
      setgroups(gs);
    },
    getgrouplist(user: string, group: number): number[] {
      return [group, ...groupDb().filter((g) => g.gr_mem.includes(user) && g.gr_gid !== group).map((g) => g.gr_gid)];
    },
    getlogin(): string {
      wrap('getlogin', undefined, () => sys.call('getlogin', SYS.getlogin, 256));
      return sys.outText();
    },
    pwd, grp, readText,
  };
}
