/**
 * Test helpers for the VFS: a steppable clock, the users the tables speak of, a declarative
 * tree builder and a call runner that turns every call into a comparable string.
 */
import { makeCredentials, type Credentials } from '../../src/kernel/creds.js';
import { errnoName } from '../../src/kernel/abi/errno.js';
import { isSysError } from '../../src/kernel/errors.js';
import { S_IFMT, S_IFDIR, S_IFREG, S_IFLNK, S_IFIFO, S_IFCHR } from '../../src/kernel/abi/stat.js';
import { Vfs, type TimeArg, type VfsOptions } from '../../src/fs/vfs.js';
import type {
  DirectoryNode, FsContext, OpenFile, ProcessInfoSource, StatRecord, Timespec,
} from '../../src/fs/types.js';

export const START = 1_000_000;

export class TestClock {
  sec = START;
  nsec = 0;
  now(): Timespec {
    return { sec: this.sec, nsec: this.nsec };
  }
  tick(seconds: number): void {
    this.sec += seconds;
  }
}

/** root; alice and bob share group 100 (users); carol is alone; dave is in staff (50). */
export const USERS: Record<string, Credentials> = {
  root: makeCredentials(0, 0),
  alice: makeCredentials(1000, 1000, [1000, 100]),
  bob: makeCredentials(1001, 1001, [1001, 100]),
  carol: makeCredentials(1002, 1002, [1002]),
  dave: makeCredentials(1003, 1003, [1003, 50]),
};
export type User = keyof typeof USERS;

/**
 * A tree: path → spec. Specs: 'dir MODE UID:GID', 'file MODE UID:GID [content]',
 * 'link TARGET [UID:GID]', 'fifo MODE UID:GID'. Parents must come first.
 */
export type Tree = Record<string, string>;

/** The tree every row starts from. */
export const BASE_TREE: Tree = {
  '/tmp': 'dir 1777 0:0',
  '/home': 'dir 0755 0:0',
  '/home/alice': 'dir 0755 1000:1000',
  '/home/bob': 'dir 0755 1001:1001',
  '/srv': 'dir 0755 0:0',
  '/srv/shared': 'dir 2775 0:100',
  '/etc': 'dir 0755 0:0',
  '/etc/passwd': 'file 0644 0:0 root:x:0:0',
  '/etc/shadow': 'file 0640 0:42 secret',
};

export interface World {
  vfs: Vfs;
  clock: TestClock;
  ctx(user: User, cwd?: string, umask?: number): FsContext;
}

/** A process table with one process, pid 1 (root, in /), for the tables' /proc. */
export function initOnly(getVfs: () => Vfs): ProcessInfoSource {
  return {
    list: () => [1],
    current: () => 1,
    bootTime: () => ({ sec: START, nsec: 0 }),
    get: (pid) => (pid !== 1 ? undefined : {
      pid: 1, ppid: 0, name: 'init', state: 'S', creds: USERS.root!, umask: 0o022,
      cmdline: ['/sbin/init'], environ: ['HOME=/'], cwd: getVfs().root, root: getVfs().root,
      fds: new Map(), threads: 1, startTime: { sec: START, nsec: 0 }, pgid: 1, sid: 1, ttyNr: 0, tpgid: -1,
    }),
  };
}

export function makeWorld(tree: Tree = {}, options: Partial<VfsOptions> = {}): World {
  const clock = new TestClock();
  let self: Vfs | undefined;
  const vfs = new Vfs({
    clock,
    procSource: initOnly(() => self!),
    mounts: [{ path: '/mnt', type: 'memfs' }, { path: '/ro', type: 'memfs' }],
    ...options,
  });
  self = vfs;
  const rootCtx = vfs.rootContext(0);
  build(vfs, rootCtx, { ...BASE_TREE, ...tree });
  build(vfs, rootCtx, { '/ro/f': 'file 0644 0:0 ro', '/ro/d': 'dir 0777 0:0', '/ro/d/g': 'file 0666 1000:1000 x' });
  vfs.remount('/ro', { readonly: true });
  const world: World = {
    vfs,
    clock,
    ctx(user, cwd = '/', umask = 0o022) {
      const base = { creds: USERS[user]!, root: vfs.root, cwd: vfs.root, umask };
      const dir = vfs.lookup(vfs.rootContext(), cwd, true) as DirectoryNode;
      return { ...base, cwd: dir };
    },
  };
  return world;
}

function build(vfs: Vfs, ctx: FsContext, tree: Tree): void {
  for (const [path, spec] of Object.entries(tree)) {
    const [kind, a, b, ...rest] = spec.split(' ');
    if (kind === 'link') {
      vfs.symlink(ctx, a!, path);
      if (b) {
        const [u, g] = b.split(':').map(Number);
        vfs.chown(ctx, path, u!, g!, false);
      }
      continue;
    }
    const mode = parseInt(a!, 8);
    const [uid, gid] = b!.split(':').map(Number);
    if (kind === 'dir') {
      try {
        vfs.mkdir(ctx, path, 0o700);
      } catch (e) {
        if (!(isSysError(e) && errnoName(e.errno) === 'EEXIST')) throw e;
      }
    } else if (kind === 'file') {
      const f = vfs.open(ctx, path, 0o1101 /* O_WRONLY|O_CREAT|O_TRUNC */, 0o600);
      vfs.write(f, new TextEncoder().encode(rest.join(' ')), ctx.creds);
      vfs.close(f);
    } else if (kind === 'fifo') {
      vfs.mknod(ctx, path, S_IFIFO | 0o600, 0);
    } else throw new Error(`bad tree spec ${spec}`);
    vfs.chown(ctx, path, uid!, gid!, false);
    vfs.chmod(ctx, path, mode, false);
  }
}

const TYPES: Record<number, string> = {
  [S_IFDIR]: 'dir', [S_IFREG]: 'file', [S_IFLNK]: 'link', [S_IFIFO]: 'fifo', [S_IFCHR]: 'chr',
};

/** "file 0644 0:0 n=1 s=5": type, permission bits, owner, link count, size. */
export function summary(st: StatRecord): string {
  const type = TYPES[st.mode & S_IFMT] ?? `?${(st.mode & S_IFMT).toString(8)}`;
  return `${type} ${(st.mode & 0o7777).toString(8).padStart(4, '0')} ${st.uid}:${st.gid} n=${st.nlink} s=${st.size}`;
}

/** Times relative to START: "a=0 m=5 c=5". */
export function times(st: StatRecord): string {
  return `a=${st.atime.sec - START} m=${st.mtime.sec - START} c=${st.ctime.sec - START}`;
}

/** A call as data: [name, ...args]. */
export type Call = readonly [string, ...(string | number | boolean | TimeArg)[]];

const enc = new TextEncoder();
const dec = new TextDecoder();

/**
 * Runs one call and renders its result: 'ok', a summary, content, or the errno name.
 * open-like calls return the opened node's summary and close the description again.
 */
export function run(w: World, ctx: FsContext, call: Call): string {
  try {
    return runUnsafe(w, ctx, call);
  } catch (e) {
    if (isSysError(e)) return errnoName(e.errno);
    throw e;
  }
}

function runUnsafe(w: World, ctx: FsContext, call: Call): string {
  const { vfs } = w;
  const [name, ...args] = call;
  const s = (i: number): string => args[i] as string;
  const n = (i: number): number => args[i] as number;
  const withFile = <T>(path: string, flags: number, f: (file: OpenFile) => T, mode = 0o666): T => {
    const file = vfs.open(ctx, path, flags, mode);
    try {
      return f(file);
    } finally {
      vfs.close(file);
    }
  };
  switch (name) {
    case 'tick': w.clock.tick(n(0)); return 'ok';
    case 'stat': return summary(vfs.stat(ctx, s(0), true));
    case 'lstat': return summary(vfs.stat(ctx, s(0), false));
    case 'times': return times(vfs.stat(ctx, s(0), false));
    case 'ino': return String(vfs.stat(ctx, s(0), false).ino);
    case 'dev': return String(vfs.stat(ctx, s(0), false).dev);
    case 'open': return withFile(s(0), n(1), (f) => summary(vfs.fstat(f)), (args[2] as number | undefined) ?? 0o666);
    case 'openmode': return withFile(s(0), n(1), () => summary(vfs.stat(ctx, s(0), true)));
    case 'flags': return withFile(s(0), n(1), (f) => f.flags.toString(8));
    case 'cat': return withFile(s(0), 0, (f) => {
      const buf = new Uint8Array(65536);
      const k = vfs.read(f, buf);
      return dec.decode(buf.subarray(0, k));
    });
    case 'read': return withFile(s(0), n(1), (f) => {
      const buf = new Uint8Array(n(2));
      return dec.decode(buf.subarray(0, vfs.read(f, buf)));
    });
    case 'catx': return withFile(s(0), 0, (f) => {
      const buf = new Uint8Array(n(1));
      const k = vfs.read(f, buf);
      return [...buf.subarray(0, k)].join(',');
    });
    case 'write': return withFile(s(0), n(1), (f) => String(vfs.write(f, enc.encode(s(2)), ctx.creds)));
    case 'pwrite': return withFile(s(0), n(1), (f) => String(vfs.pwrite(f, enc.encode(s(2)), n(3), ctx.creds)));
    case 'ls': return withFile(s(0), 0, (f) => vfs.getdents(f).map((d) => d.name).join(' '));
    case 'access': vfs.access(ctx, s(0), n(1), true); return 'ok';
    case 'mkdir': vfs.mkdir(ctx, s(0), n(1)); return 'ok';
    case 'mknod': vfs.mknod(ctx, s(0), n(1), n(2) ?? 0); return 'ok';
    case 'rmdir': vfs.rmdir(ctx, s(0)); return 'ok';
    case 'unlink': vfs.unlink(ctx, s(0)); return 'ok';
    case 'rename': vfs.rename(ctx, s(0), s(1)); return 'ok';
    case 'link': vfs.link(ctx, s(0), s(1), Boolean(args[2])); return 'ok';
    case 'symlink': vfs.symlink(ctx, s(0), s(1)); return 'ok';
    case 'readlink': return vfs.readlink(ctx, s(0));
    case 'chmod': vfs.chmod(ctx, s(0), n(1), true); return 'ok';
    case 'lchmod': vfs.chmod(ctx, s(0), n(1), false); return 'ok';
    case 'chown': vfs.chown(ctx, s(0), n(1), n(2), true); return 'ok';
    case 'lchown': vfs.chown(ctx, s(0), n(1), n(2), false); return 'ok';
    case 'utimens': vfs.utimens(ctx, s(0), args[1] as TimeArg, args[2] as TimeArg, true); return 'ok';
    case 'truncate': vfs.truncate(ctx, s(0), n(1)); return 'ok';
    case 'ftruncate': return withFile(s(0), n(1), (f) => {
      vfs.ftruncate(f, n(2), ctx.creds);
      return 'ok';
    });
    case 'chdir': return vfs.pathOf(vfs.chdir(ctx, s(0)));
    case 'lseek': return withFile(s(0), n(1), (f) => String(vfs.lseek(f, n(2), n(3))));
    default: throw new Error(`unknown call ${name}`);
  }
}
