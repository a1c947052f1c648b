/**
 * Random call sequences from several users over a small name space. After every call the tree
 * must be consistent: directory link counts, parent pointers, non-directory link counts equal
 * to the entries naming them, inodes that left the tree have no links, file sizes agree with
 * their data; and nothing but SysError may ever be thrown.
 */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { isSysError } from '../../src/kernel/errors.js';
import { Vfs } from '../../src/fs/vfs.js';
import { Directory, type Inode, RegularFile } from '../../src/fs/inode.js';
import type { FsContext, OpenFile } from '../../src/fs/types.js';
import { S_IFIFO } from '../../src/kernel/abi/stat.js';
import { TestClock, USERS } from './helpers.js';

const USER_NAMES = ['root', 'alice', 'bob', 'carol'] as const;
const DIRS = ['/tmp', '/tmp/a', '/shared', '/shared/b', '/home/alice', '/mnt', '/mnt/a', '/tmp/a/b'];
const ODD_DIRS = ['/', '.', '..', '/tmp/l', '/proc'];
const NAMES = ['a', 'b', 'c', 'l', 'a/b', 'b/c', 'a/b/c'];
const ODD_NAMES = ['.', '..', 'a/', 'l/', 'c/'];
const IDS = [-1, 0, 1000, 1001, 100, 1002];

const dirArb = fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...DIRS) }, { weight: 1, arbitrary: fc.constantFrom(...ODD_DIRS) });
const nameArb = fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...NAMES) }, { weight: 1, arbitrary: fc.constantFrom(...ODD_NAMES) });
const pathArb = fc.tuple(dirArb, nameArb).map(([d, n]) => (d.endsWith('/') ? d + n : `${d}/${n}`));
const modeArb = fc.constantFrom(0o777, 0o755, 0o700, 0o644, 0o600, 0o1777, 0o2775, 0o4755, 0o000, 0o666);
const flagsArb = fc.constantFrom(0, 1, 2, 0o101, 0o102, 0o301, 0o1001, 0o2001, 0o400000, 0o200000, 0o1102);

type Op =
  | { op: 'open'; path: string; flags: number; mode: number }
  | { op: 'write' | 'read' | 'close' | 'ftruncate'; slot: number; n: number }
  | { op: 'mkdir' | 'chmod' | 'mknod'; path: string; mode: number }
  | { op: 'rmdir' | 'unlink' | 'readlink' | 'stat' | 'ls' | 'chdir' | 'utimens'; path: string }
  | { op: 'rename' | 'symlink'; from: string; to: string }
  | { op: 'link'; from: string; to: string; follow: boolean }
  | { op: 'chown'; path: string; uid: number; gid: number }
  | { op: 'truncate'; path: string; n: number }
  | { op: 'tick'; n: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ op: fc.constant('open' as const), path: pathArb, flags: flagsArb, mode: modeArb }),
  fc.record({ op: fc.constantFrom('write' as const, 'read' as const, 'close' as const, 'ftruncate' as const), slot: fc.nat(3), n: fc.nat(9000) }),
  fc.record({ op: fc.constantFrom('mkdir' as const, 'chmod' as const, 'mknod' as const), path: pathArb, mode: modeArb }),
  fc.record({ op: fc.constantFrom('rmdir' as const, 'unlink' as const, 'readlink' as const, 'stat' as const, 'ls' as const,
    'chdir' as const, 'utimens' as const), path: pathArb }),
  fc.record({ op: fc.constantFrom('rename' as const, 'symlink' as const), from: pathArb, to: pathArb }),
  fc.record({ op: fc.constant('link' as const), from: pathArb, to: pathArb, follow: fc.boolean() }),
  fc.record({ op: fc.constant('chown' as const), path: pathArb, uid: fc.constantFrom(...IDS), gid: fc.constantFrom(...IDS) }),
  fc.record({ op: fc.constant('truncate' as const), path: pathArb, n: fc.nat(10000) }),
  fc.record({ op: fc.constant('tick' as const), n: fc.nat(100_000) }),
);
const stepArb = fc.tuple(fc.constantFrom(...USER_NAMES, 'root', 'alice'), opArb);

function boot(): Vfs {
  const vfs = new Vfs({ clock: new TestClock(), mounts: [{ path: '/mnt', type: 'memfs', mode: 0o1777 }] });
  const ctx = vfs.rootContext(0);
  vfs.makeTmp();
  vfs.mkdir(ctx, '/shared', 0o2775);
  vfs.chown(ctx, '/shared', 0, 100, true);
  vfs.mkdir(ctx, '/home', 0o755);
  vfs.mkdir(ctx, '/home/alice', 0o755);
  vfs.chown(ctx, '/home/alice', 1000, 1000, true);
  const as = (u: keyof typeof USERS): FsContext => ({ ...ctx, creds: USERS[u]!, umask: 0o022 });
  vfs.mkdir(as('alice'), '/tmp/a', 0o777);
  vfs.close(vfs.open(as('alice'), '/tmp/b', 0o101, 0o644));
  vfs.symlink(as('bob'), 'a', '/tmp/l');
  vfs.mkdir(as('bob'), '/shared/b', 0o775);
  vfs.close(vfs.open(as('bob'), '/shared/a', 0o101, 0o664));
  vfs.mkdir(ctx, '/mnt/a', 0o755);
  vfs.close(vfs.open(as('alice'), '/home/alice/a', 0o101, 0o600));
  return vfs;
}

/** Fails loudly (plain throw: expect() is too slow for the inner loop). */
function check(ok: boolean, what: () => string): void {
  if (!ok) throw new Error(`invariant broken: ${what()}`);
}

/** Checks the whole tree; `seen` collects every inode ever reachable. */
function checkInvariants(vfs: Vfs, seen: Set<Inode>): void {
  const refs = new Map<Inode, number>();
  const reachable = new Set<Inode>();
  const stack: Directory[] = [vfs.root as Directory];
  while (stack.length > 0) {
    const d = stack.pop()!;
    if (d.synthetic) continue;
    reachable.add(d);
    let subdirs = 0;
    for (const [name, child] of d.list()) {
      reachable.add(child);
      if (child instanceof Directory) {
        subdirs++;
        check(child.parent === d && child.name === name, () => `parent pointer of ${name} in ${vfs.pathOf(d)}`);
        stack.push(child.mounted ?? child);
      } else {
        refs.set(child, (refs.get(child) ?? 0) + 1);
      }
    }
    check(d.nlink === 2 + subdirs, () => `nlink ${d.nlink} of ${vfs.pathOf(d)} with ${subdirs} subdirectories`);
  }
  for (const [node, n] of refs) {
    check(node.nlink === n, () => `nlink ${node.nlink} of inode ${node.ino} named ${n} times`);
    if (node instanceof RegularFile) {
      check(Number.isSafeInteger(node.size) && node.size >= 0, () => `size ${node.size}`);
      const past = new Uint8Array(Math.max(0, node.storedEnd - node.size));
      node.readStored(node.size, past);
      check(past.every((b) => b === 0), () => `data past size ${node.size} not zero`);
    }
  }
  for (const node of seen) if (!reachable.has(node)) check(node.nlink === 0, () => `inode ${node.ino} left the tree with nlink ${node.nlink}`);
  for (const node of reachable) seen.add(node);
}

function step(vfs: Vfs, ctx: FsContext, op: Op, files: (OpenFile | undefined)[], cwd: { dir: FsContext['cwd'] }, clock: TestClock): void {
  const creds = ctx.creds;
  switch (op.op) {
    case 'open': {
      const f = vfs.open(ctx, op.path, op.flags, op.mode);
      const free = files.findIndex((x) => x === undefined);
      if (free >= 0) files[free] = f;
      else vfs.close(f);
      return;
    }
    case 'write': case 'read': case 'close': case 'ftruncate': {
      const f = files[op.slot];
      if (f === undefined) return;
      if (op.op === 'write') vfs.write(f, new Uint8Array(op.n % 300).fill(7), creds);
      else if (op.op === 'read') vfs.read(f, new Uint8Array(op.n % 100));
      else if (op.op === 'ftruncate') vfs.ftruncate(f, op.n, creds);
      else {
        files[op.slot] = undefined;
        vfs.close(f);
      }
      return;
    }
    case 'mkdir': vfs.mkdir(ctx, op.path, op.mode); return;
    case 'chmod': vfs.chmod(ctx, op.path, op.mode, true); return;
    case 'mknod': vfs.mknod(ctx, op.path, (op.mode & 1 ? S_IFIFO : 0) | op.mode, 0); return;
    case 'rmdir': vfs.rmdir(ctx, op.path); return;
    case 'unlink': vfs.unlink(ctx, op.path); return;
    case 'readlink': vfs.readlink(ctx, op.path); return;
    case 'stat': vfs.stat(ctx, op.path, false); return;
    case 'ls': {
      const f = vfs.open(ctx, op.path, 0o200000, 0);
      try {
        vfs.getdents(f);
      } finally {
        vfs.close(f);
      }
      return;
    }
    case 'chdir': cwd.dir = vfs.chdir(ctx, op.path); return;
    case 'utimens': vfs.utimens(ctx, op.path, 'now', 'now', true); return;
    case 'rename': vfs.rename(ctx, op.from, op.to); return;
    case 'symlink': vfs.symlink(ctx, op.from, op.to); return;
    case 'link': vfs.link(ctx, op.from, op.to, op.follow); return;
    case 'chown': vfs.chown(ctx, op.path, op.uid, op.gid, false); return;
    case 'truncate': vfs.truncate(ctx, op.path, op.n); return;
    case 'tick': clock.tick(op.n); return;
  }
}

describe('vfs property', () => {
  it('random call sequences keep the tree consistent and only throw SysError', () => {
    fc.assert(
      fc.property(fc.array(stepArb, { minLength: 20, maxLength: 60 }), (steps) => {
        const vfs = boot();
        const clock = vfs.options.clock as TestClock;
        const seen = new Set<Inode>();
        const files: (OpenFile | undefined)[] = [undefined, undefined, undefined, undefined];
        const cwds = new Map(USER_NAMES.map((u) => [u, { dir: vfs.root }]));
        checkInvariants(vfs, seen);
        for (const [user, op] of steps) {
          const cwd = cwds.get(user)!;
          const ctx: FsContext = { creds: USERS[user]!, cwd: cwd.dir, root: vfs.root, umask: 0o022 };
          try {
            step(vfs, ctx, op, files, cwd, clock);
          } catch (e) {
            if (!isSysError(e)) throw e;
          }
          checkInvariants(vfs, seen);
        }
        for (const f of files) if (f) vfs.close(f);
      }),
      { numRuns: 6000, seed: 20240601 },
    );
  });
});
