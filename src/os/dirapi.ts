/**
 * Directory reading and the tree helpers Python builds on it: listdir, scandir, walk, makedirs,
 * removedirs, and os.path's filesystem queries (exists, isdir, realpath, …).
 */
import { SYS } from '../kernel/abi/sysno.js';
import { DT_DIR, DT_LNK, DT_REG, DT_UNKNOWN, O_CLOEXEC, O_DIRECTORY, O_RDONLY } from '../kernel/abi/fcntl.js';
import { EEXIST, ELOOP } from '../kernel/abi/errno.js';
import { S_ISDIR, S_ISLNK, S_ISREG } from '../kernel/abi/stat.js';
import { checkPath, OSError, wrap } from './errors.js';
import * as P from './posixpath.js';
import { fsPath } from './pyargs.js';
import type { StatResult } from './stat-result.js';
import type { makePathApi } from './pathapi.js';
import type { ProcessRuntime } from './runtime-types.js';

type PathApi = ReturnType<typeof makePathApi>;

export interface RawDirent {
  readonly name: string;
  readonly ino: number;
  readonly type: number;
}

/** os.DirEntry: the name, the path (joined to scandir's argument), and lazily the stat. */
export class DirEntry {
  private cached: StatResult | undefined;
  private lcached: StatResult | undefined;
  constructor(readonly name: string, readonly path: string, private readonly ino: number,
    private readonly dtype: number, private readonly api: PathApi) {}
  inode(): number {
    return this.ino;
  }
  is_symlink(): boolean {
    if (this.dtype !== DT_UNKNOWN) return this.dtype === DT_LNK;
    return S_ISLNK(this.stat({ follow_symlinks: false }).st_mode);
  }
  is_dir(opts?: { follow_symlinks?: boolean }): boolean {
    if (this.dtype === DT_DIR) return true;
    if (this.dtype !== DT_LNK && this.dtype !== DT_UNKNOWN) return false;
    if (this.dtype === DT_LNK && opts?.follow_symlinks === false) return false;
    try {
      return S_ISDIR(this.stat(opts).st_mode);
    } catch (e) {
      if (e instanceof OSError) return false;
      throw e;
    }
  }
  is_file(opts?: { follow_symlinks?: boolean }): boolean {
    if (this.dtype === DT_REG) return true;
    if (this.dtype !== DT_LNK && this.dtype !== DT_UNKNOWN) return false;
    if (this.dtype === DT_LNK && opts?.follow_symlinks === false) return false;
    try {
      return S_ISREG(this.stat(opts).st_mode);
    } catch (e) {
      if (e instanceof OSError) return false;
      throw e;
    }
  }
  stat(opts?: { follow_symlinks?: boolean }): StatResult {
    if (opts?.follow_symlinks === false) return (this.lcached ??= this.api.lstat(this.path));
    return (this.cached ??= this.api.stat(this.path));
  }
  toString(): string {
    return `<DirEntry '${this.name}'>`;
  }
}

export interface WalkOptions {
  readonly topdown?: boolean;
  readonly onerror?: (err: OSError) => void;
  readonly followlinks?: boolean;
}

export function makeDirApi(rt: ProcessRuntime, api: PathApi) {
  const { sys } = rt;
  const decoder = new TextDecoder();

  /** Every entry but `.` and `..`, in the directory's order. `syscall` names the error's call. */
  const readDir = (path: string, syscall: string): RawDirent[] => {
    const fd = wrap(syscall, path, () =>
      sys.callWith('openat', SYS.openat, [-100, path, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0]));
    const out: RawDirent[] = [];
    try {
      for (let guard = 0; guard < 1_000_000; guard++) {
        const n = wrap(syscall, path, () => sys.call('getdents64', SYS.getdents64, fd, 65536));
        if (n === 0) break;
        for (const rec of decoder.decode(sys.outBytes()).split('\0')) {
          if (rec === '') continue;
          const s1 = rec.indexOf(' ');
          const s2 = rec.indexOf(' ', s1 + 1);
          const name = rec.slice(s2 + 1);
          if (name === '.' || name === '..') continue;
          out.push({ ino: Number(rec.slice(0, s1)), type: Number(rec.slice(s1 + 1, s2)), name });
        }
      }
    } finally {
      try { sys.call('close', SYS.close, fd); } catch { /* the descriptor is ours; nothing to report */ }
    }
    return out;
  };

  const listdir = (path = '.'): string[] => {
    checkPath(path, 'listdir');
    return readDir(path, 'listdir').map((d) => d.name);
  };

  const scandir = (path = '.'): DirEntry[] => {
    checkPath(path, 'scandir');
    return readDir(path, 'scandir').map((d) => new DirEntry(d.name, P.join(path, d.name), d.ino, d.type, api));
  };

  const exists = (p: string): boolean => {
    try { api.stat(p); return true; } catch (e) { if (e instanceof OSError) return false; throw e; }
  };
  const lexists = (p: string): boolean => {
    try { api.lstat(p); return true; } catch (e) { if (e instanceof OSError) return false; throw e; }
  };
  const isdir = (p: string): boolean => {
    try { return S_ISDIR(api.stat(p).st_mode); } catch (e) { if (e instanceof OSError) return false; throw e; }
  };
  const isfile = (p: string): boolean => {
    try { return S_ISREG(api.stat(p).st_mode); } catch (e) { if (e instanceof OSError) return false; throw e; }
  };
  const islink = (p: string): boolean => {
    try { return S_ISLNK(api.lstat(p).st_mode); } catch (e) { if (e instanceof OSError) return false; throw e; }
  };
  const abspath = (p: string): string => P.normpath(P.isabs(p) ? p : P.join(api.getcwd(), p));

  /** os.walk as Python 3 writes it: scandir, then (top-down) yield before descending. */
  function* walk(top: string, opts: WalkOptions = {}): Generator<[string, string[], string[]], void, undefined> {
    fsPath(top); // os.fspath(top), as Python's walk starts
    const topdown = opts.topdown ?? true;
    let entries: DirEntry[];
    try {
      entries = scandir(top);
    } catch (e) {
      if (e instanceof OSError) {
        opts.onerror?.(e);
        return;
      }
      throw e;
    }
    const dirs: string[] = [];
    const nondirs: string[] = [];
    const walkInto: string[] = [];
    for (const e of entries) {
      const isDir = e.is_dir();
      (isDir ? dirs : nondirs).push(e.name);
      if (!topdown && isDir && (opts.followlinks || !e.is_symlink())) walkInto.push(e.path);
    }
    if (topdown) {
      yield [top, dirs, nondirs];
      for (const name of dirs) {
        const newPath = P.join(top, name);
        if (opts.followlinks || !islink(newPath)) yield* walk(newPath, opts);
      }
    } else {
      for (const p of walkInto) yield* walk(p, opts);
      yield [top, dirs, nondirs];
    }
  }

  const makedirs = (name: string, mode = 0o777, exist_ok = false): void => {
    let [head, tail] = P.split(fsPath(name));
    if (!tail) [head, tail] = P.split(head);
    if (head && tail && !exists(head)) {
      try {
        makedirs(head, mode, exist_ok);
      } catch (e) {
        if (!(e instanceof OSError && e.errno === EEXIST)) throw e;
      }
      if (tail === P.curdir) return;
    }
    try {
      api.mkdir(name, mode);
    } catch (e) {
      if (!exist_ok || !(e instanceof OSError) || !isdir(name)) throw e;
    }
  };

  const removedirs = (name: string): void => {
    api.rmdir(name);
    let [head, tail] = P.split(name);
    if (!tail) [head, tail] = P.split(head);
    for (let guard = 0; head && tail && guard < 4096; guard++) {
      try {
        api.rmdir(head);
      } catch (e) {
        if (e instanceof OSError) break;
        throw e;
      }
      [head, tail] = P.split(head);
    }
  };

  /** realpath: resolve every symlink, component by component (strict: errors propagate). */
  const realpath = (path: string, opts?: { strict?: boolean }): string => {
    const rest = abspath(fsPath(path)).split('/').filter(Boolean);
    let resolved = '/';
    let links = 0;
    while (rest.length > 0) {
      const comp = rest.shift()!;
      if (comp === '.') continue;
      if (comp === '..') { resolved = P.dirname(resolved) || '/'; continue; }
      const candidate = P.join(resolved, comp);
      let st: StatResult;
      try {
        st = api.lstat(candidate);
      } catch (e) {
        if (opts?.strict || !(e instanceof OSError)) throw e;
        return P.normpath([candidate, ...rest].join('/'));
      }
      if (!S_ISLNK(st.st_mode)) { resolved = candidate; continue; }
      if (++links > 40) {
        if (opts?.strict) throw new OSError(ELOOP, 'realpath', path);
        return P.normpath([candidate, ...rest].join('/'));
      }
      const target = api.readlink(candidate);
      if (target.startsWith('/')) resolved = '/';
      rest.unshift(...target.split('/').filter(Boolean));
    }
    return resolved;
  };

  const samestat = (a: StatResult, b: StatResult): boolean => a.st_ino === b.st_ino && a.st_dev === b.st_dev;

  const path = {
    ...P,
    exists, lexists, isdir, isfile, islink, abspath, realpath,
    getsize: (p: string): number => api.stat(p).st_size,
    getmtime: (p: string): number => api.stat(p).st_mtime,
    getatime: (p: string): number => api.stat(p).st_atime,
    getctime: (p: string): number => api.stat(p).st_ctime,
    samefile: (a: string, b: string): boolean => samestat(api.stat(a), api.stat(b)),
    samestat,
    ismount: (p: string): boolean => {
      try {
        const s = api.lstat(p);
        if (S_ISLNK(s.st_mode)) return false;
        const parent = api.lstat(P.join(p, '..'));
        return s.st_dev !== parent.st_dev || s.st_ino === parent.st_ino;
      } catch (e) {
        if (e instanceof OSError) return false;
        throw e;
      }
    },
    expanduser: (p: string): string => {
      if (!p.startsWith('~')) return p;
      const slash = p.indexOf('/', 1);
      const user = p.slice(1, slash < 0 ? undefined : slash);
      if (user !== '') return p; // ~user needs pwd: handled by the os module's expanduser
      const home = rt.env.get('HOME');
      return home === undefined ? p : (home.replace(/\/+$/, '') || '/') + (slash < 0 ? '' : p.slice(slash));
    },
  };

  return { listdir, scandir, walk, makedirs, removedirs, path };
}
