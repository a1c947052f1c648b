/**
 * The path half of the os API: stat, access, chmod, chown, utime, mkdir, rmdir, unlink, rename,
 * link, symlink, readlink, getcwd, chdir, mkfifo. Python 2 attaches the filename to the error of
 * stat, lstat, chdir, mkdir, rmdir, unlink, chmod, chown, readlink, utime, listdir and open, and
 * none to rename, link and symlink (LESSONS.md §1.3); so do these.
 */
import { SYS } from '../kernel/abi/sysno.js';
import { AT_EACCESS, AT_FDCWD, AT_REMOVEDIR, AT_SYMLINK_FOLLOW, AT_SYMLINK_NOFOLLOW } from '../kernel/abi/fcntl.js';
import { S_IFIFO, S_IFREG } from '../kernel/abi/stat.js';
import { PATH_MAX } from '../kernel/abi/fcntl.js';
import { Errno } from './channel.js';
import { checkPath, wrap } from './errors.js';
import { cInt } from './pyargs.js';
import { StatResult } from './stat-result.js';
import type { DirFdOption } from './fileapi.js';
import type { ProcessRuntime } from './runtime-types.js';

export interface FollowOption extends DirFdOption {
  readonly follow_symlinks?: boolean;
}

const UTIME_NOW = (1 << 30) - 1;

export function makePathApi(rt: ProcessRuntime) {
  const { sys } = rt;
  const dirfd = (o?: DirFdOption): number => o?.dir_fd ?? AT_FDCWD;
  const nofollow = (o?: FollowOption): number => (o?.follow_symlinks === false ? AT_SYMLINK_NOFOLLOW : 0);

  const stat = (path: string, opts?: FollowOption): StatResult => {
    checkPath(path, 'stat');
    wrap('stat', path, () => sys.callWith('newfstatat', SYS.newfstatat, [dirfd(opts), path, nofollow(opts)]));
    return new StatResult(sys);
  };

  return {
    stat,
    lstat(path: string, opts?: DirFdOption): StatResult {
      return stat(path, { ...opts, follow_symlinks: false });
    },
    /** access(2) with the real ids (effective_ids: true checks the effective ones). */
    access(path: string, mode: number, opts?: FollowOption & { effective_ids?: boolean }): boolean {
      checkPath(path, 'access');
      const flags = nofollow(opts) | (opts?.effective_ids ? AT_EACCESS : 0);
      try {
        sys.callWith('faccessat2', SYS.faccessat2, [dirfd(opts), path, mode, flags]);
        return true;
      } catch (e) {
        if (e instanceof Errno) return false;
        throw e;
      }
    },
    chmod(path: string, mode: number, opts?: FollowOption): void {
      checkPath(path, 'chmod');
      wrap('chmod', path, () => sys.callWith('fchmodat', SYS.fchmodat, [dirfd(opts), path, mode, nofollow(opts)]));
    },
    fchmod(fd: number, mode: number): void {
      wrap('fchmod', undefined, () => sys.call('fchmod', SYS.fchmod, fd, mode));
    },
    chown(path: string, uid: number, gid: number, opts?: FollowOption): void {
      checkPath(path, 'chown');
      wrap('chown', path, () => sys.callWith('fchownat', SYS.fchownat, [dirfd(opts), path, uid, gid, nofollow(opts)]));
    },
    lchown(path: string, uid: number, gid: number): void {
      checkPath(path, 'lchown');
      wrap('lchown', path, () => sys.callWith('lchown', SYS.lchown, [path, uid, gid]));
    },
    fchown(fd: number, uid: number, gid: number): void {
      wrap('fchown', undefined, () => sys.call('fchown', SYS.fchown, fd, uid, gid));
    },
    /** utime(path, [atime, mtime] | null, {ns: [atime_ns, mtime_ns]}): null means now. */
    utime(path: string, times?: readonly [number, number] | null, opts?: FollowOption & { ns?: readonly [bigint, bigint] }): void {
      checkPath(path, 'utime');
      let t: number[];
      if (opts?.ns) {
        const [a, m] = opts.ns;
        t = [Number(a / 1_000_000_000n), Number(a % 1_000_000_000n), Number(m / 1_000_000_000n), Number(m % 1_000_000_000n)];
      } else if (times) {
        const split = (x: number): [number, number] => {
          const s = Math.floor(x);
          return [s, Math.min(999_999_999, Math.round((x - s) * 1e9))];
        };
        t = [...split(times[0]), ...split(times[1])];
      } else {
        t = [0, UTIME_NOW, 0, UTIME_NOW];
      }
      wrap('utime', path, () => sys.callWith('utimensat', SYS.utimensat, [dirfd(opts), path, ...t, nofollow(opts)]));
    },
    truncate(path: string, length: number): void {
      checkPath(path, 'truncate');
      wrap('truncate', path, () => sys.callWith('truncate', SYS.truncate, [path, length]));
    },
    mkdir(path: string, mode = 0o777, opts?: DirFdOption): void {
      checkPath(path, 'mkdir');
      wrap('mkdir', path, () => sys.callWith('mkdirat', SYS.mkdirat, [dirfd(opts), path, mode]));
    },
    mkfifo(path: string, mode = 0o666, opts?: DirFdOption): void {
      checkPath(path, 'mkfifo');
      const bits = cInt(mode) & 0o7777;
      wrap('mkfifo', path, () => sys.callWith('mknodat', SYS.mknodat, [dirfd(opts), path, S_IFIFO | bits, 0]));
    },
    mknod(path: string, mode = 0o600 | S_IFREG, device = 0, opts?: DirFdOption): void {
      checkPath(path, 'mknod');
      wrap('mknod', path, () => sys.callWith('mknodat', SYS.mknodat, [dirfd(opts), path, mode, device]));
    },
    rmdir(path: string, opts?: DirFdOption): void {
      checkPath(path, 'rmdir');
      wrap('rmdir', path, () => sys.callWith('unlinkat', SYS.unlinkat, [dirfd(opts), path, AT_REMOVEDIR]));
    },
    unlink(path: string, opts?: DirFdOption): void {
      checkPath(path, 'unlink');
      wrap('unlink', path, () => sys.callWith('unlinkat', SYS.unlinkat, [dirfd(opts), path, 0]));
    },
    remove(path: string, opts?: DirFdOption): void {
      checkPath(path, 'remove');
      wrap('remove', path, () => sys.callWith('unlinkat', SYS.unlinkat, [dirfd(opts), path, 0]));
    },
    rename(src: string, dst: string): void {
      checkPath(src, 'rename');
      checkPath(dst, 'rename');
      wrap('rename', undefined, () => sys.callWith('rename', SYS.rename, [src, dst]));
    },
    replace(src: string, dst: string): void {
      checkPath(src, 'replace');
      checkPath(dst, 'replace');
      wrap('replace', undefined, () => sys.callWith('rename', SYS.rename, [src, dst]));
    },
    link(src: string, dst: string, opts?: { follow_symlinks?: boolean }): void {
      checkPath(src, 'link');
      checkPath(dst, 'link');
      const flags = opts?.follow_symlinks ? AT_SYMLINK_FOLLOW : 0;
      wrap('link', undefined, () => sys.callWith('linkat', SYS.linkat, [AT_FDCWD, src, AT_FDCWD, dst, flags]));
    },
    symlink(src: string, dst: string, opts?: DirFdOption): void {
      checkPath(src, 'symlink');
      checkPath(dst, 'symlink');
      wrap('symlink', undefined, () => sys.callWith('symlinkat', SYS.symlinkat, [src, dirfd(opts), dst]));
    },
    readlink(path: string, opts?: DirFdOption): string {
      checkPath(path, 'readlink');
      wrap('readlink', path, () => sys.callWith('readlinkat', SYS.readlinkat, [dirfd(opts), path, PATH_MAX]));
      return sys.outText();
    },
    getcwd(): string {
      wrap('getcwd', undefined, () => sys.call('getcwd', SYS.getcwd, PATH_MAX));
      return sys.outText();
    },
    chdir(path: string): void {
      checkPath(path, 'chdir');
      wrap('chdir', path, () => sys.callWith('chdir', SYS.chdir, [path]));
    },
    fchdir(fd: number): void {
      wrap('fchdir', undefined, () => sys.call('fchdir', SYS.fchdir, fd));
    },
  };
}
