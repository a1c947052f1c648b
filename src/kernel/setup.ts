/**
 * Building the system a kernel boots with: users and groups (written to /etc/passwd, /etc/group
 * and /etc/shadow, with home directories), /tmp, and the files of a fixture. Runs as root through
 * the same VFS operations programs use, then sets owners, modes and times explicitly.
 */
import { S_IFCHR, S_IFIFO } from './abi/stat.js';
import { O_CREAT, O_TRUNC, O_WRONLY } from './abi/fcntl.js';
import { EEXIST } from './abi/errno.js';
import { SysError } from './errors.js';
import type { Kernel } from './kernel.js';

export interface UserSpec {
  readonly name: string;
  readonly uid: number;
  readonly gid: number;
  readonly home?: string;
  readonly shell?: string;
  readonly gecos?: string;
  /** Clear-text password (for su; stored in /etc/shadow). Empty: no password. */
  readonly password?: string;
  /** Create the home directory (default true unless it is under /var/root). */
  readonly createHome?: boolean;
}

export interface GroupSpec {
  readonly name: string;
  readonly gid: number;
  readonly members?: readonly string[];
}

export interface FileSpec {
  readonly path: string;
  readonly type?: 'file' | 'dir' | 'symlink' | 'fifo' | 'chardev';
  /** Octal text ('0644') or a number. */
  readonly mode?: string | number;
  readonly uid?: number;
  readonly gid?: number;
  /** Seconds since the epoch (sets atime and mtime; ctime stays the boot instant). */
  readonly mtime?: number;
  readonly atime?: number;
  readonly content?: string;
  /** Filler content of exactly this many bytes: size-1 '#' characters and a newline. */
  readonly size?: number;
  readonly target?: string;
}

export interface SystemSpec {
  readonly users?: readonly UserSpec[];
  readonly groups?: readonly GroupSpec[];
  readonly files?: readonly FileSpec[];
  readonly hostname?: string;
  /** Mode of /tmp (default 01777). */
  readonly tmpMode?: number;
  /**
   * Executables to install, path → program image (see src/bin/install.ts): mode 0755, owned by
   * root, in path order, after everything else (so they do not shift the fixture's inode numbers).
   */
  readonly binaries?: Readonly<Record<string, string>>;
}

const encoder = new TextEncoder();

export function parseMode(m: string | number | undefined, dflt: number): number {
  if (m === undefined) return dflt;
  if (typeof m === 'number') return m;
  if (!/^0?[0-7]{1,6}$/.test(m)) throw new Error(`bad mode: ${m}`);
  return parseInt(m, 8);
}

function fillerOf(size: number): Uint8Array {
  const b = new Uint8Array(size).fill(0x23);
  if (size > 0) b[size - 1] = 0x0a;
  return b;
}

/** Make `path` and its missing parents (0755, as root). */
function mkdirpIn(k: Kernel, path: string): void {
  let cur = '';
  for (const part of path.split('/').filter(Boolean)) {
    cur += `/${part}`;
    try {
      k.vfs.mkdir(k.rootContext(), cur, 0o755);
    } catch (e) {
      if (!(e instanceof SysError) || e.errno !== EEXIST) throw e;
    }
  }
}

/** Create or replace `path` with `data` and set its mode exactly (as root). */
function writeFileIn(k: Kernel, path: string, data: Uint8Array, mode: number): void {
  const root = k.rootContext();
  const f = k.vfs.open(root, path, O_WRONLY | O_CREAT | O_TRUNC, mode);
  try {
    let off = 0;
    while (off < data.length) off += k.vfs.write(f, data.subarray(off), root.creds);
  } finally {
    k.vfs.close(f);
  }
  k.vfs.chmod(root, path, mode, true);
}

/** Install executables, path → content, in path order: mode 0755, owner 0:0, parents made. */
/** Installed set-user-ID root (mode 04755), as a Linux distribution installs them. */
const SET_USER_ID: ReadonlySet<string> = new Set(['/bin/su', '/bin/sudo']);

export function installBinaries(k: Kernel, binaries: Readonly<Record<string, string>>): void {
  const root = k.rootContext();
  for (const path of Object.keys(binaries).sort()) {
    mkdirpIn(k, path.slice(0, path.lastIndexOf('/')));
    writeFileIn(k, path, encoder.encode(binaries[path]!), 0o755);
    k.vfs.chown(root, path, 0, 0, true);
    if (SET_USER_ID.has(path)) k.vfs.chmod(root, path, 0o4755, true); // after chown, which clears it
  }
}

export function setupSystem(k: Kernel, spec: SystemSpec): void {
  const root = k.rootContext();
  const v = k.vfs;
  const mkdirp = (path: string): void => mkdirpIn(k, path);
  const writeFile = (path: string, data: Uint8Array, mode: number): void => writeFileIn(k, path, data, mode);
  for (const d of ['/etc', '/tmp', '/bin', '/usr/bin', '/home', '/var']) mkdirp(d);
  v.chmod(root, '/tmp', spec.tmpMode ?? 0o1777, true);

  const users = spec.users ?? [{ name: 'root', uid: 0, gid: 0, home: '/root', shell: '/bin/sh' }];
  const groups = spec.groups ?? [{ name: 'root', gid: 0 }];
  const passwd = users.map((u) =>
    `${u.name}:x:${u.uid}:${u.gid}:${u.gecos ?? u.name}:${u.home ?? `/home/${u.name}`}:${u.shell ?? '/bin/sh'}\n`);
  writeFile('/etc/passwd', encoder.encode(passwd.join('')), 0o644);
  writeFile('/etc/group', encoder.encode(groups.map((g) => `${g.name}:x:${g.gid}:${(g.members ?? []).join(',')}\n`).join('')), 0o644);
  const shadow = users.map((u) => `${u.name}:${u.password ? `plain$${u.password}` : u.password === '' ? '' : '*'}:0:0:99999:7:::\n`);
  writeFile('/etc/shadow', encoder.encode(shadow.join('')), 0o640);
  writeFile('/etc/hostname', encoder.encode(`${spec.hostname ?? 'posixbox'}\n`), 0o644);
  for (const u of users) {
    const home = u.home ?? `/home/${u.name}`;
    if (u.createHome === false || home === '/' ) continue;
    mkdirp(home);
    v.chown(root, home, u.uid, u.gid, true);
    v.chmod(root, home, u.uid === 0 ? 0o700 : 0o755, true);
  }

  for (const f of spec.files ?? []) {
    const type = f.type ?? (f.target !== undefined ? 'symlink' : 'file');
    const parent = f.path.slice(0, f.path.lastIndexOf('/'));
    if (parent) mkdirp(parent);
    switch (type) {
      case 'dir':
        mkdirp(f.path);
        v.chmod(root, f.path, parseMode(f.mode, 0o755), true);
        break;
      case 'file': {
        const data = f.content !== undefined ? encoder.encode(f.content) : fillerOf(f.size ?? 0);
        writeFile(f.path, data, parseMode(f.mode, 0o644));
        break;
      }
      case 'symlink':
        v.symlink(root, f.target ?? '', f.path);
        break;
      case 'fifo':
        v.mknod(root, f.path, S_IFIFO | parseMode(f.mode, 0o644), 0);
        break;
      case 'chardev':
        v.mknod(root, f.path, S_IFCHR | parseMode(f.mode, 0o644), 0);
        break;
    }
    const follow = type !== 'symlink';
    if (f.uid !== undefined || f.gid !== undefined) v.chown(root, f.path, f.uid ?? -1, f.gid ?? -1, follow);
    if (type !== 'symlink' && f.mode !== undefined) v.chmod(root, f.path, parseMode(f.mode, 0o644), true);
    if (f.mtime !== undefined || f.atime !== undefined) {
      const m = f.mtime ?? f.atime!;
      const a = f.atime ?? m;
      v.utimens(root, f.path, { sec: a, nsec: 0 }, { sec: m, nsec: 0 }, follow);
    }
  }
  installBinaries(k, spec.binaries ?? {});
}
