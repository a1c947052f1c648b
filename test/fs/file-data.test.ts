/**
 * Regular files' contents (file-data.ts): large sequential writes read back exactly, holes,
 * truncates after growth, O_APPEND, and the filesystem's accounting of it all. Each row makes a
 * few calls on a fresh VFS and asserts the whole list of rendered results; contents are compared
 * with what they must be and rendered as 'same' or where they first differ.
 */
import { describe, expect, it } from 'vitest';
import { Vfs, type VfsOptions } from '../../src/fs/vfs.js';
import { CHUNK_SIZE } from '../../src/fs/file-data.js';
import { RegularFile } from '../../src/fs/inode.js';
import type { FsContext, OpenFile } from '../../src/fs/types.js';
import { O_APPEND, O_CREAT, O_RDONLY, O_RDWR, O_TRUNC, O_WRONLY } from '../../src/kernel/abi/fcntl.js';
import { errnoName } from '../../src/kernel/abi/errno.js';
import { isSysError } from '../../src/kernel/errors.js';
import { TestClock } from './helpers.js';

const MIB = 1 << 20;

interface T {
  readonly vfs: Vfs;
  readonly ctx: FsContext;
  open(path: string, flags: number): OpenFile;
}

function world(options: Partial<VfsOptions> = {}): T {
  const vfs = new Vfs({ clock: new TestClock(), bare: true, ...options });
  const ctx = vfs.rootContext();
  return { vfs, ctx, open: (path, flags) => vfs.open(ctx, path, flags, 0o644) };
}

/** n bytes that differ from their neighbours and are never all zero. */
function pattern(n: number, seed = 1): Uint8Array {
  const b = new Uint8Array(n);
  for (let i = 0; i < n; i++) b[i] = ((i * 31 + seed) % 251) + 1;
  return b;
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const all = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
  let off = 0;
  for (const p of parts) { all.set(p, off); off += p.length; }
  return all;
}

function errno(f: () => unknown): string {
  try {
    return String(f());
  } catch (e) {
    if (isSysError(e)) return errnoName(e.errno);
    throw e;
  }
}

/** Writes data in pieces of `piece` bytes; returns the count. */
function writeAll(t: T, f: OpenFile, data: Uint8Array, piece: number): number {
  let done = 0;
  while (done < data.length) done += t.vfs.write(f, data.subarray(done, done + piece), t.ctx.creds);
  return done;
}

/** Reads from the offset to the end in pieces of `piece` bytes. */
function readAll(t: T, f: OpenFile, piece: number): Uint8Array {
  const parts: Uint8Array[] = [];
  for (;;) {
    const buf = new Uint8Array(piece);
    const n = t.vfs.read(f, buf);
    if (n === 0) return concat(...parts);
    parts.push(buf.subarray(0, n));
  }
}

function pread(t: T, f: OpenFile, n: number, pos: number): string {
  const buf = new Uint8Array(n);
  return Array.from(buf.subarray(0, t.vfs.pread(f, buf, pos))).join(',');
}

function same(got: Uint8Array, want: Uint8Array): string {
  if (got.length !== want.length) return `length ${got.length}, not ${want.length}`;
  const n = Buffer.from(got.buffer, got.byteOffset, got.length);
  if (n.equals(Buffer.from(want.buffer, want.byteOffset, want.length))) return 'same';
  const i = got.findIndex((b, k) => b !== want[k]);
  return `differ at ${i}: ${got[i]} not ${want[i]}`;
}

const stat = (t: T, f: OpenFile): string => {
  const st = t.vfs.fstat(f);
  return `s=${st.size} b=${st.blocks}`;
};
const used = (t: T): string => `used ${t.vfs.space.usedBytes}`;

interface Row {
  readonly name: string;
  readonly options?: Partial<VfsOptions>;
  readonly steps: (t: T) => string[];
  readonly expect: readonly string[];
}

const ROWS: readonly Row[] = [
  {
    name: '20 MiB in 64 KiB writes, read back in odd pieces',
    steps: (t) => {
      const data = pattern(20 * MIB);
      const f = t.open('/f', O_RDWR | O_CREAT);
      const wrote = writeAll(t, f, data, 64 * 1024);
      t.vfs.lseek(f, 0, 0);
      return [`wrote ${wrote}`, same(readAll(t, f, 100_003), data), stat(t, f), used(t)];
    },
    expect: ['wrote 20971520', 'same', 's=20971520 b=40960', 'used 20971520'],
  },
  {
    name: 'small unaligned writes across chunk boundaries, pread across one',
    steps: (t) => {
      const data = pattern(3 * CHUNK_SIZE + 777, 7);
      const f = t.open('/f', O_RDWR | O_CREAT);
      writeAll(t, f, data, 1000);
      const f2 = t.open('/f', O_RDONLY);
      const across = pread(t, f2, 6, CHUNK_SIZE - 3) === Array.from(data.subarray(CHUNK_SIZE - 3, CHUNK_SIZE + 3)).join(',');
      return [same(readAll(t, f2, 4096), data), `across ${across}`, stat(t, f2)];
    },
    expect: ['same', 'across true', 's=787209 b=1544'],
  },
  {
    name: 'one write larger than two chunks at an unaligned offset of an empty file',
    steps: (t) => {
      const data = pattern(2 * CHUNK_SIZE + 5, 3);
      const f = t.open('/f', O_RDWR | O_CREAT);
      const n = t.vfs.pwrite(f, data, 100, t.ctx.creds);
      return [`wrote ${n}`, same(readAll(t, f, 65536), concat(new Uint8Array(100), data)), stat(t, f)];
    },
    expect: ['wrote 524293', 'same', 's=524393 b=1032'],
  },
  {
    name: 'a write far past the end leaves a hole that reads as zeros',
    steps: (t) => {
      const f = t.open('/f', O_RDWR | O_CREAT);
      const at = 5 * MIB + 7;
      const n = t.vfs.pwrite(f, new TextEncoder().encode('abc'), at, t.ctx.creds);
      const whole = concat(new Uint8Array(at), new TextEncoder().encode('abc'));
      return [`wrote ${n}`, stat(t, f), used(t), pread(t, f, 4, 0), pread(t, f, 6, at - 2), pread(t, f, 6, at + 3),
        pread(t, f, 3, CHUNK_SIZE * 7 - 1), same(readAll(t, f, 1_000_000), whole)];
    },
    expect: ['wrote 3', 's=5242890 b=10248', 'used 5246976', '0,0,0,0', '0,0,97,98,99', '', '0,0,0', 'same'],
  },
  {
    name: 'a hole inside the first chunk reads as zeros',
    steps: (t) => {
      const f = t.open('/f', O_RDWR | O_CREAT);
      t.vfs.write(f, new TextEncoder().encode('ab'), t.ctx.creds);
      t.vfs.pwrite(f, new TextEncoder().encode('z'), 10, t.ctx.creds);
      t.vfs.lseek(f, 0, 0);
      return [Array.from(readAll(t, f, 3)).join(','), stat(t, f)];
    },
    expect: ['97,98,0,0,0,0,0,0,0,0,122', 's=11 b=8'],
  },
  {
    name: 'truncate shrinks mid-chunk after growth, then grows: the bytes cut read as zeros',
    steps: (t) => {
      const data = pattern(3 * CHUNK_SIZE + 10, 5);
      const f = t.open('/f', O_RDWR | O_CREAT);
      writeAll(t, f, data, 65536);
      t.vfs.ftruncate(f, CHUNK_SIZE + 300, t.ctx.creds);
      const shrunk = [stat(t, f), used(t)];
      t.vfs.ftruncate(f, 4 * CHUNK_SIZE, t.ctx.creds);
      t.vfs.lseek(f, 0, 0);
      const want = concat(data.subarray(0, CHUNK_SIZE + 300), new Uint8Array(3 * CHUNK_SIZE - 300));
      return [...shrunk, stat(t, f), used(t), same(readAll(t, f, 77_777), want)];
    },
    expect: ['s=262444 b=520', 'used 266240', 's=1048576 b=2048', 'used 1048576', 'same'],
  },
  {
    name: 'truncate to a chunk boundary, then a write past the old end',
    steps: (t) => {
      const data = pattern(2 * CHUNK_SIZE, 9);
      const f = t.open('/f', O_RDWR | O_CREAT);
      writeAll(t, f, data, CHUNK_SIZE);
      t.vfs.ftruncate(f, CHUNK_SIZE, t.ctx.creds);
      t.vfs.pwrite(f, new Uint8Array([120]), 2 * CHUNK_SIZE + 1, t.ctx.creds);
      const want = concat(data.subarray(0, CHUNK_SIZE), new Uint8Array(CHUNK_SIZE + 1), new Uint8Array([120]));
      return [stat(t, f), same(readAll(t, t.open('/f', O_RDONLY), 50_000), want)];
    },
    expect: ['s=524290 b=1032', 'same'],
  },
  {
    name: 'truncate to zero and to one byte inside the first chunk',
    steps: (t) => {
      const f = t.open('/f', O_RDWR | O_CREAT);
      t.vfs.write(f, pattern(100), t.ctx.creds);
      t.vfs.ftruncate(f, 1, t.ctx.creds);
      t.vfs.ftruncate(f, 4, t.ctx.creds);
      const one = pread(t, f, 10, 0);
      t.vfs.ftruncate(f, 0, t.ctx.creds);
      t.vfs.ftruncate(f, 2, t.ctx.creds);
      return [one, pread(t, f, 10, 0), used(t)];
    },
    expect: ['2,0,0,0', '0,0', 'used 4096'],
  },
  {
    name: 'O_TRUNC gives a large file\'s space back; the file is rewritten from zero',
    steps: (t) => {
      const f = t.open('/f', O_RDWR | O_CREAT);
      writeAll(t, f, pattern(MIB), 65536);
      const before = used(t);
      const g = t.open('/f', O_RDWR | O_TRUNC);
      const after = [stat(t, g), used(t)];
      t.vfs.write(g, new Uint8Array([1, 2, 3]), t.ctx.creds);
      return [before, ...after, pread(t, g, 10, 0), stat(t, g)];
    },
    expect: ['used 1048576', 's=0 b=0', 'used 0', '1,2,3', 's=3 b=8'],
  },
  {
    name: 'O_APPEND writes at the size a truncate grew to',
    steps: (t) => {
      const f = t.open('/f', O_RDWR | O_CREAT);
      t.vfs.write(f, new Uint8Array([1, 2, 3]), t.ctx.creds);
      t.vfs.ftruncate(f, CHUNK_SIZE + 1, t.ctx.creds);
      const a = t.open('/f', O_WRONLY | O_APPEND);
      t.vfs.write(a, new Uint8Array([7, 8, 9]), t.ctx.creds);
      t.vfs.pwrite(a, new Uint8Array([5]), 0, t.ctx.creds); // appends too (pwrite(2) BUGS)
      return [stat(t, f), pread(t, f, 10, CHUNK_SIZE - 1), pread(t, f, 4, 0)];
    },
    expect: ['s=262149 b=520', '0,0,7,8,9,5', '1,2,3,0'],
  },
  {
    name: 'a full filesystem cuts a write short at its size, then ENOSPC; unlink gives it back',
    options: { fsSize: MIB },
    steps: (t) => {
      const f = t.open('/f', O_RDWR | O_CREAT);
      const piece = pattern(300_000);
      const wrote = [0, 1, 2, 3, 4].map(() => errno(() => t.vfs.write(f, piece, t.ctx.creds)));
      const full = [stat(t, f), used(t)];
      t.vfs.lseek(f, 0, 0);
      const back = same(readAll(t, f, 65536), concat(piece, piece, piece, piece.subarray(0, 148_576)));
      t.vfs.unlink(t.ctx, '/f');
      const open = used(t);
      t.vfs.close(f);
      return [wrote.join(' '), ...full, back, open, used(t)];
    },
    expect: ['300000 300000 300000 148576 ENOSPC', 's=1048576 b=2048', 'used 1048576', 'same', 'used 1048576', 'used 0'],
  },
  {
    name: 'EFBIG for a write past the largest file size; the file is unchanged',
    options: { maxFileSize: 2 * MIB },
    steps: (t) => {
      const f = t.open('/f', O_RDWR | O_CREAT);
      return [errno(() => t.vfs.pwrite(f, new Uint8Array(2), 2 * MIB - 1, t.ctx.creds)),
        errno(() => t.vfs.pwrite(f, new Uint8Array([4]), 2 * MIB - 1, t.ctx.creds)), stat(t, f)];
    },
    expect: ['EFBIG', '1', 's=2097152 b=4096'],
  },
  {
    name: 'the contents in one piece (exec): a small file and one of several chunks',
    steps: (t) => {
      const small = pattern(1000);
      const big = pattern(2 * CHUNK_SIZE + 3, 2);
      writeAll(t, t.open('/s', O_WRONLY | O_CREAT), small, 100);
      const f = t.open('/b', O_WRONLY | O_CREAT);
      writeAll(t, f, big, 65536);
      t.vfs.ftruncate(f, big.length + 10, t.ctx.creds);
      const contents = (p: string): Uint8Array => (t.vfs.lookup(t.ctx, p, true) as RegularFile).contents();
      return [same(contents('/s'), small), same(contents('/b'), concat(big, new Uint8Array(10)))];
    },
    expect: ['same', 'same'],
  },
];

describe('regular file contents', () => {
  for (const row of ROWS) {
    it(row.name, () => {
      expect(row.steps(world(row.options))).toEqual(row.expect);
    });
  }
});
