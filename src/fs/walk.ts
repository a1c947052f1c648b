/**
 * The one path walker (Linux's fs/namei.c link_path_walk / walk_component / step_into, as
 * gVisor's ResolvingPath): a ResolvingPath carries the caller's credentials and the count of
 * symlinks followed in this resolution, and owns every rule:
 *
 * - absolute paths start at ctx.root, relative ones at the starting directory (ctx.cwd);
 * - search (x) permission is checked on every directory a component is looked up in, including
 *   the directory of the last component and `.`/`..` (may_lookup);
 * - `.` stays, `..` goes to the real parent, stays at the caller's root, and leaves a mounted
 *   filesystem through its mountpoint (the mount root's parent is the mountpoint's parent);
 * - a directory with a filesystem mounted on it is crossed into (follow_mount);
 * - symlinks in non-final components are always followed, the final one per `follow` or when
 *   the path has a trailing slash; a relative target resolves from the link's directory;
 *   the 41st link followed in one resolution is ELOOP (MAXSYMLINKS); a final one in a sticky
 *   world-writable directory must belong to the follower or the directory (protected_symlinks,
 *   checked after the count, as pick_link does with WALK_TRAILING);
 * - a component over NAME_MAX bytes is ENAMETOOLONG (at lookup, after the search check);
 * - a non-final component that is not a directory is ENOTDIR; so is a trailing slash on one.
 *
 * Whole-path checks (NUL, empty, PATH_MAX) are in checkPath, the getname() of this VFS.
 */
import { ELOOP, ENAMETOOLONG, ENOENT, ENOTDIR } from '../kernel/abi/errno.js';
import { MAXSYMLINKS, NAME_MAX, PATH_MAX } from '../kernel/abi/fcntl.js';
import { SysError } from '../kernel/errors.js';
import { Directory, type Inode, Symlink, isDir, utf8Length } from './inode.js';
import { MAY_EXEC, inodePermission, mayFollowLink } from './perm.js';
import type { FsContext } from './types.js';

/** Linux's last_type: what kind of final component a path has. */
export type LastKind = 'norm' | 'dot' | 'dotdot' | 'root';

/** A path walked up to its last component (filename_parentat). */
export interface Walked {
  /** The directory the last component is (to be) looked up in. */
  readonly dir: Directory;
  /** The last component ('' for kind 'root'). */
  readonly name: string;
  readonly kind: LastKind;
  /** Whether the path ended in '/' after the last component. */
  readonly slash: boolean;
}

/** A walked path with its last component looked up; node undefined = no such entry. */
export interface Resolved extends Walked {
  readonly node: Inode | undefined;
}

/**
 * getname(): C semantics for the path string. An embedded NUL ends it; an empty path is
 * ENOENT; PATH_MAX bytes or more (with the NUL, more than PATH_MAX) is ENAMETOOLONG.
 */
export function checkPath(path: string): string {
  const nul = path.indexOf('\0');
  const p = nul >= 0 ? path.slice(0, nul) : path;
  if (utf8Length(p) >= PATH_MAX) throw new SysError(ENAMETOOLONG);
  if (p === '') throw new SysError(ENOENT);
  return p;
}

/** Crosses into filesystems mounted on a directory (follow_mount). */
export function crossMounts<T extends Inode>(n: T): T | Directory {
  let d: T | Directory = n;
  while (d instanceof Directory && d.mounted) d = d.mounted;
  return d;
}

export class ResolvingPath {
  /** Symlinks followed so far in this resolution. */
  private links = 0;
  constructor(readonly ctx: FsContext) {}

  private get root(): Directory {
    return this.ctx.root as Directory;
  }

  /** Walks all but the last component of path, from `start` (default ctx.cwd). */
  parent(path: string, start: Directory = this.ctx.cwd as Directory): Walked {
    const abs = path.startsWith('/');
    const comps = path.split('/').filter((c) => c !== '');
    let dir = abs ? this.root : start;
    if (comps.length === 0) return { dir, name: '', kind: 'root', slash: false };
    const slash = path.endsWith('/');
    for (let i = 0; i < comps.length - 1; i++) dir = this.step(dir, comps[i]!);
    const name = comps[comps.length - 1]!;
    // may_lookup for the last component too: even `.` needs search permission.
    inodePermission(this.ctx.creds, dir, MAY_EXEC);
    const kind: LastKind = name === '.' ? 'dot' : name === '..' ? 'dotdot' : 'norm';
    return { dir, name, kind, slash };
  }

  /**
   * Looks up the last component of a walked path. A final symlink is followed when `follow`
   * or the path has a trailing slash; following continues until a non-link or a missing name,
   * so a dangling link yields the directory and name where its target would be created.
   */
  final(walked: Walked, follow: boolean): Resolved {
    let w = walked;
    for (;;) {
      if (w.kind === 'root' || w.kind === 'dot') return { ...w, node: w.dir };
      if (w.kind === 'dotdot') return { ...w, node: this.dotdot(w.dir) };
      const child = this.child(w.dir, w.name);
      if (child === undefined) return { ...w, node: undefined };
      if (child instanceof Symlink && (follow || w.slash)) {
        const next = this.parent(this.linkTarget(child, w.dir), w.dir);
        w = { ...next, slash: next.slash || w.slash };
        continue;
      }
      return { ...w, node: crossMounts(child) };
    }
  }

  /** A full lookup: the inode path names (ENOENT if missing, ENOTDIR for "file/"). */
  lookup(path: string, follow: boolean): Inode {
    return this.existing(this.final(this.parent(path), follow));
  }

  /** The node of a resolution that must exist, with the trailing-slash rule applied. */
  existing(r: Resolved): Inode {
    if (r.node === undefined) throw new SysError(ENOENT);
    if (r.slash && !isDir(r.node)) throw new SysError(ENOTDIR);
    return r.node;
  }

  /** Looks up a name in a directory (NAME_MAX checked here, as a filesystem's lookup does). */
  child(dir: Directory, name: string): Inode | undefined {
    if (utf8Length(name) > NAME_MAX) throw new SysError(ENAMETOOLONG);
    return dir.dead ? undefined : dir.lookupChild(name);
  }

  /** One non-final component: search permission, lookup, follow, must be a directory. */
  private step(dir: Directory, name: string): Directory {
    inodePermission(this.ctx.creds, dir, MAY_EXEC);
    if (name === '.') return dir;
    if (name === '..') return this.dotdot(dir);
    let next = this.child(dir, name);
    if (next === undefined) throw new SysError(ENOENT);
    if (next instanceof Symlink) next = this.existing(this.final(this.parent(this.linkTarget(next), dir), true));
    else next = crossMounts(next);
    if (!isDir(next)) throw new SysError(ENOTDIR);
    return next;
  }

  /**
   * Counts one link followed (ELOOP past MAXSYMLINKS) and returns its target; `trailing` is the
   * directory of a final component's link, which protected_symlinks checks.
   */
  private linkTarget(link: Symlink, trailing?: Directory): string {
    if (this.links++ >= MAXSYMLINKS) throw new SysError(ELOOP);
    if (trailing) mayFollowLink(this.ctx.creds, trailing, link);
    const target = link.readTarget();
    if (target === '') throw new SysError(ENOENT);
    return target;
  }

  /** follow_dotdot: stay at the caller's root, else the real parent (out through mounts). */
  dotdot(dir: Directory): Directory {
    if (dir === this.root || dir === crossMounts(this.root)) return dir;
    return crossMounts(dir.parent) as Directory;
  }
}
