/** Unit tests for /proc (with a fake process table), /dev, and VFS odds and ends. */
import { describe, expect, it } from 'vitest';
import { Vfs } from '../../src/fs/vfs.js';
import type { FsContext, OpenFile, ProcessInfo, ProcessInfoSource } from '../../src/fs/types.js';
import { makeCredentials } from '../../src/kernel/creds.js';
import { O_CREAT, O_DIRECTORY, O_RDONLY, O_RDWR, O_WRONLY } from '../../src/kernel/abi/fcntl.js';
import { S_IFIFO, S_IFCHR, makedev } from '../../src/kernel/abi/stat.js';
import { errnoName } from '../../src/kernel/abi/errno.js';
import { isSysError } from '../../src/kernel/errors.js';
import { START, TestClock } from './helpers.js';

const dec = new TextDecoder();
const enc = new TextEncoder();

function errno(f: () => unknown): string {
  try {
    f();
    return 'ok';
  } catch (e) {
    if (isSysError(e)) return errnoName(e.errno);
    throw e;
  }
}

class FakeProcs implements ProcessInfoSource {
  readonly procs = new Map<number, ProcessInfo>();
  cur: number | undefined;
  list(): readonly number[] {
    return [...this.procs.keys()];
  }
  get(pid: number): ProcessInfo | undefined {
    return this.procs.get(pid);
  }
  current(): number | undefined {
    return this.cur;
  }
  bootTime(): { sec: number; nsec: number } {
    return { sec: 0, nsec: 0 };
  }
}

function setup(): { vfs: Vfs; procs: FakeProcs; root: FsContext; clock: TestClock } {
  const procs = new FakeProcs();
  const clock = new TestClock();
  const vfs = new Vfs({ clock, procSource: procs, random: (b) => b.fill(0xab) });
  return { vfs, procs, root: vfs.rootContext(), clock };
}

function readAll(vfs: Vfs, file: OpenFile): string {
  const buf = new Uint8Array(4096);
  let out = '';
  for (;;) {
    const n = vfs.read(file, buf);
    if (n === 0) return out;
    out += dec.decode(buf.subarray(0, n));
  }
}

function cat(vfs: Vfs, ctx: FsContext, path: string): string {
  const f = vfs.open(ctx, path, O_RDONLY, 0);
  try {
    return readAll(vfs, f);
  } finally {
    vfs.close(f);
  }
}

function ls(vfs: Vfs, ctx: FsContext, path: string): string[] {
  const f = vfs.open(ctx, path, O_RDONLY | O_DIRECTORY, 0);
  try {
    return vfs.getdents(f).map((d) => d.name);
  } finally {
    vfs.close(f);
  }
}

function addProc(vfs: Vfs, procs: FakeProcs, pid: number, uid: number, extra: Partial<ProcessInfo> = {}): ProcessInfo {
  const creds = { ...makeCredentials(uid, uid, [uid, 100]), suid: 0 };
  const p: ProcessInfo = {
    pid, ppid: 1, name: 'a-very-long-program-name', state: 'S', creds, umask: 0o027,
    cmdline: ['python', '-c', 'x'], environ: ['HOME=/root', 'A=1'], cwd: vfs.root, root: vfs.root,
    fds: new Map(), threads: 1, startTime: { sec: 0, nsec: 0 }, pgid: pid, sid: 1, ttyNr: 0, tpgid: -1, ...extra,
  };
  procs.procs.set(pid, p);
  return p;
}

describe('procfs', () => {
  it('stat has the groups, terminal and start time in ticks since boot; comm, uptime and btime', () => {
    const { vfs, procs, root, clock } = setup();
    addProc(vfs, procs, 42, 1000, { pgid: 40, sid: 7, ttyNr: (136 << 8) | 2, tpgid: 40, startTime: { sec: 12, nsec: 340_000_000 } });
    expect(cat(vfs, root, '/proc/42/stat')).toBe('42 (a-very-long-pro) S 1 40 7 34818 40 4194304 0 0 0 0 0 0 0 0 20 0 1 0 1234 0 0\n');
    expect(cat(vfs, root, '/proc/42/comm')).toBe('a-very-long-pro\n');
    clock.sec = 100; clock.nsec = 500_000_000;
    expect(cat(vfs, root, '/proc/uptime')).toBe('100.50 0.00\n');
    expect(cat(vfs, root, '/proc/stat')).toBe('cpu  0 0 0 0 0 0 0 0 0 0\nbtime 0\nprocesses 1\n');
  });

  it('status has Linux layout', () => {
    const { vfs, procs, root } = setup();
    addProc(vfs, procs, 42, 1000);
    expect(cat(vfs, root, '/proc/42/status')).toBe([
      'Name:\ta-very-long-pro', 'Umask:\t0027', 'State:\tS (sleeping)', 'Tgid:\t42', 'Ngid:\t0', 'Pid:\t42', 'PPid:\t1',
      'TracerPid:\t0', 'Uid:\t1000\t1000\t0\t1000', 'Gid:\t1000\t1000\t1000\t1000', 'FDSize:\t64', 'Groups:\t1000 100 ',
      'NStgid:\t42', 'NSpid:\t42', 'Threads:\t1', '',
    ].join('\n'));
  });

  it('cmdline and environ are NUL-terminated; environ is owner-only', () => {
    const { vfs, procs, root } = setup();
    addProc(vfs, procs, 7, 1000);
    expect(cat(vfs, root, '/proc/7/cmdline')).toBe('python\0-c\0x\0');
    expect(cat(vfs, root, '/proc/7/environ')).toBe('HOME=/root\0A=1\0');
    const alice = { ...root, creds: makeCredentials(1000, 1000) };
    const bob = { ...root, creds: makeCredentials(1001, 1001) };
    expect(cat(vfs, alice, '/proc/7/environ')).toBe('HOME=/root\0A=1\0');
    expect(errno(() => cat(vfs, bob, '/proc/7/environ'))).toBe('EACCES');
    expect(cat(vfs, bob, '/proc/7/cmdline')).toBe('python\0-c\0x\0');
  });

  it('self, cwd and fd links follow the process table', () => {
    const { vfs, procs, root } = setup();
    vfs.mkdir(root, '/work', 0o755);
    const file = vfs.open(root, '/work/f', O_WRONLY | O_CREAT, 0o644);
    addProc(vfs, procs, 3, 0, { cwd: vfs.lookup(root, '/work', true) as ProcessInfo['cwd'], fds: new Map([[0, file], [5, file]]) });
    expect(errno(() => vfs.readlink(root, '/proc/self'))).toBe('ENOENT');
    procs.cur = 3;
    expect(vfs.readlink(root, '/proc/self')).toBe('3');
    expect(vfs.readlink(root, '/proc/self/cwd')).toBe('/work');
    expect(ls(vfs, root, '/proc/3/fd')).toEqual(['.', '..', '0', '5']);
    expect(vfs.readlink(root, '/proc/3/fd/5')).toBe('/work/f');
    expect(vfs.stat(root, '/proc/self/fd/0', true).ino).toBe(vfs.stat(root, '/work/f', true).ino);
    expect(vfs.stat(root, '/dev/stdin', true).ino).toBe(vfs.stat(root, '/work/f', true).ino);
    expect(ls(vfs, root, '/proc')).toEqual(['.', '..', 'stat', 'uptime', 'self', '3']);
    expect(ls(vfs, root, '/proc/3')).toEqual(['.', '..', 'status', 'stat', 'comm', 'cmdline', 'environ', 'cwd', 'root', 'exe', 'fd']);
    expect(vfs.pathOf(vfs.lookup(root, '/proc/3/fd', true) as ProcessInfo['cwd'])).toBe('/proc/3/fd');
  });

  it('entries vanish with the process and inode numbers are stable while it lives', () => {
    const { vfs, procs, root } = setup();
    addProc(vfs, procs, 9, 1000);
    const ino = vfs.stat(root, '/proc/9/status', true).ino;
    expect(vfs.stat(root, '/proc/9/status', true).ino).toBe(ino);
    expect(vfs.stat(root, '/proc/9', true).uid).toBe(1000);
    procs.procs.delete(9);
    expect(errno(() => vfs.stat(root, '/proc/9', true))).toBe('ENOENT');
    expect(errno(() => vfs.stat(root, '/proc/09', true))).toBe('ENOENT');
  });

  it('refuses changes like Linux', () => {
    const { vfs, procs, root } = setup();
    addProc(vfs, procs, 4, 0);
    expect(errno(() => vfs.mkdir(root, '/proc/4/x', 0o755))).toBe('ENOENT');
    expect(errno(() => vfs.unlink(root, '/proc/4/status'))).toBe('EPERM');
    expect(errno(() => vfs.rmdir(root, '/proc/4/fd'))).toBe('EPERM');
    expect(errno(() => vfs.chmod(root, '/proc/4/status', 0o777, true))).toBe('EPERM');
    expect(errno(() => vfs.truncate(root, '/proc/4/status', 0))).toBe('ok');
    expect(errno(() => vfs.rename(root, '/proc/4/status', '/proc/4/x'))).toBe('ENOENT');
    expect(errno(() => vfs.rename(root, '/proc/4/status', '/tmp2'))).toBe('EXDEV');
  });
});

describe('devfs', () => {
  it('random and urandom read options.random bytes', () => {
    const { vfs, root } = setup();
    const f = vfs.open(root, '/dev/urandom', O_RDONLY, 0);
    const buf = new Uint8Array(4);
    expect(vfs.read(f, buf)).toBe(4);
    expect([...buf]).toEqual([0xab, 0xab, 0xab, 0xab]);
    expect(f.offset).toBe(0);
  });

  it('a device node made with mknod anywhere uses the driver for its rdev', () => {
    const { vfs, root } = setup();
    vfs.mknod(root, '/zero', S_IFCHR | 0o666, makedev(1, 5));
    vfs.mknod(root, '/nodev', S_IFCHR | 0o666, makedev(99, 1));
    const f = vfs.open(root, '/zero', O_RDONLY, 0);
    const buf = new Uint8Array(3).fill(9);
    vfs.read(f, buf);
    expect([...buf]).toEqual([0, 0, 0]);
    expect(errno(() => vfs.open(root, '/nodev', O_RDONLY, 0))).toBe('ENXIO');
    expect(vfs.stat(root, '/zero', true).rdev).toBe(makedev(1, 5));
  });

  it('/dev has its own st_dev and is listed in a fixed order', () => {
    const { vfs, root } = setup();
    expect(vfs.stat(root, '/dev', true).dev).not.toBe(vfs.stat(root, '/', true).dev);
    expect(vfs.stat(root, '/dev/null', true).rdev).toBe(makedev(1, 3));
    expect(vfs.stat(root, '/dev/tty', true).gid).toBe(5);
  });
});

describe('vfs odds and ends', () => {
  it('is deterministic: same calls, same inodes, devs, times and order', () => {
    const run = (): string => {
      const { vfs, root, clock } = setup();
      vfs.makeTmp();
      vfs.mkdir(root, '/tmp/x', 0o755);
      clock.tick(3);
      vfs.close(vfs.open(root, '/tmp/x/f', O_WRONLY | O_CREAT, 0o644));
      vfs.symlink(root, 'f', '/tmp/x/l');
      return JSON.stringify([ls(vfs, root, '/tmp/x'), vfs.stat(root, '/tmp/x/f', true), vfs.stat(root, '/proc', true).dev]);
    };
    expect(run()).toBe(run());
  });

  it('an unlinked file stays readable through an open description', () => {
    const { vfs, root } = setup();
    const f = vfs.open(root, '/f', O_RDWR | O_CREAT, 0o644);
    vfs.write(f, enc.encode('data'), root.creds);
    vfs.unlink(root, '/f');
    expect(vfs.fstat(f).nlink).toBe(0);
    expect(vfs.pread(f, new Uint8Array(4), 0)).toBe(4);
    vfs.close(f);
    expect(errno(() => vfs.close(f))).toBe('EBADF');
  });

  it('a removed cwd: pathOf ENOENT, creation ENOENT, getdents ENOENT, dot still stats', () => {
    const { vfs, root } = setup();
    vfs.mkdir(root, '/gone', 0o755);
    const dir = vfs.chdir(root, '/gone');
    const d = vfs.open(root, '/gone', O_RDONLY | O_DIRECTORY, 0);
    vfs.rmdir(root, '/gone');
    const ctx = { ...root, cwd: dir };
    expect(errno(() => vfs.pathOf(dir))).toBe('ENOENT');
    expect(errno(() => vfs.mkdir(ctx, 'x', 0o755))).toBe('ENOENT');
    expect(errno(() => vfs.open(ctx, 'x', O_WRONLY | O_CREAT, 0o644))).toBe('ENOENT');
    expect(errno(() => vfs.getdents(d))).toBe('ENOENT');
    expect(vfs.stat(ctx, '.', true).nlink).toBe(0);
    expect(vfs.stat(ctx, '..', true).ino).toBe(vfs.stat(root, '/', true).ino);
  });

  it('getdents continues from the offset and lseek rewinds', () => {
    const { vfs, root } = setup();
    vfs.mkdir(root, '/d', 0o755);
    vfs.mkdir(root, '/d/a', 0o755);
    const d = vfs.open(root, '/d', O_RDONLY | O_DIRECTORY, 0);
    expect(vfs.getdents(d).map((e) => [e.name, e.type])).toEqual([['.', 4], ['..', 4], ['a', 4]]);
    expect(vfs.getdents(d)).toEqual([]);
    vfs.lseek(d, 0, 0);
    expect(vfs.getdents(d).length).toBe(3);
  });

  it('anonNode and openNode make descriptions outside the tree', () => {
    const { vfs } = setup();
    const node = vfs.anonNode(S_IFIFO | 0o600, makeCredentials(1000, 1000));
    const got: string[] = [];
    const f = vfs.openNode(node, O_WRONLY, { seekable: false, read: () => 0, write: (_f, d) => (got.push(dec.decode(d)), d.length) }, 'pipe:[1]');
    expect(vfs.write(f, enc.encode('hi'), makeCredentials(1000, 1000))).toBe(2);
    expect(got).toEqual(['hi']);
    expect(errno(() => vfs.lseek(f, 0, 0))).toBe('ESPIPE');
    expect(vfs.fstat(f).uid).toBe(1000);
    expect(vfs.fstat(f).dev).not.toBe(vfs.stat(vfs.rootContext(), '/', true).dev);
  });

  it('a named FIFO carries bytes from a writer to a reader', () => {
    const { vfs, root } = setup();
    vfs.mknod(root, '/p', S_IFIFO | 0o666, 0);
    const r = vfs.open(root, '/p', O_RDONLY, 0);
    const w = vfs.open(root, '/p', O_WRONLY, 0);
    vfs.write(w, enc.encode('xyz'), root.creds);
    const buf = new Uint8Array(8);
    expect(dec.decode(buf.subarray(0, vfs.read(r, buf)))).toBe('xyz');
    vfs.close(w);
    expect(vfs.read(r, buf)).toBe(0);
    vfs.close(r);
  });

  it('writes beyond maxFileSize are EFBIG', () => {
    const vfs = new Vfs({ clock: new TestClock(), maxFileSize: 10, bare: true });
    const root = vfs.rootContext();
    const f = vfs.open(root, '/f', O_RDWR | O_CREAT, 0o644);
    expect(errno(() => vfs.pwrite(f, enc.encode('abc'), 9, root.creds))).toBe('EFBIG');
    expect(errno(() => vfs.ftruncate(f, 11, root.creds))).toBe('EFBIG');
    expect(errno(() => vfs.ftruncate(f, 10, root.creds))).toBe('ok');
    expect(vfs.fstat(f).blocks).toBe(8);
    expect(errno(() => vfs.stat(root, '/dev', true))).toBe('ENOENT');
  });

  it('times come from the clock', () => {
    const { vfs, root, clock } = setup();
    clock.tick(50);
    vfs.mkdir(root, '/t', 0o755);
    expect(vfs.stat(root, '/t', true).mtime).toEqual({ sec: START + 50, nsec: 0 });
  });
});
