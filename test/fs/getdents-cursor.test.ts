/**
 * getdents resuming from the description's offset (dir-entries.ts): listings in tiny pieces of
 * directories of thousands of entries, entries removed and added during a listing, rewinds and
 * saved offsets (telldir/seekdir). Each row lists on a fresh VFS and asserts the whole result.
 * The last test goes through the getdents64 system call, whose buffer holds only a few records.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { Vfs } from '../../src/fs/vfs.js';
import type { FsContext, OpenFile } from '../../src/fs/types.js';
import { O_DIRECTORY, O_RDONLY, SEEK_CUR, SEEK_SET } from '../../src/kernel/abi/fcntl.js';
import { S_IFREG } from '../../src/kernel/abi/stat.js';
import { run, type Ran } from '../helpers.js';
import { TestClock, initOnly } from './helpers.js';

interface T {
  readonly vfs: Vfs;
  readonly ctx: FsContext;
  /** The names made in /d, in order. */
  readonly names: readonly string[];
  readonly dir: OpenFile;
  /** One getdents call taking at most `max` entries; their names. */
  list(max: number): string[];
  /** Calls getdents (at most `max` entries each) until it returns nothing, calling `after` with each batch. */
  listAll(max: number, after?: (batch: string[]) => void): string[];
  unlink(name: string): void;
  create(name: string): void;
}

function world(n: number): T {
  let self: Vfs | undefined;
  const vfs = new Vfs({ clock: new TestClock(), procSource: initOnly(() => self!) });
  self = vfs;
  const ctx = vfs.rootContext();
  vfs.mkdir(ctx, '/d', 0o755);
  const names = Array.from({ length: n }, (_, i) => `f${String(i).padStart(5, '0')}`);
  const create = (name: string): void => vfs.mknod(ctx, `/d/${name}`, S_IFREG | 0o644, 0);
  for (const name of names) create(name);
  const dir = vfs.open(ctx, '/d', O_RDONLY | O_DIRECTORY, 0);
  const list = (max: number): string[] => {
    let taken = 0;
    return vfs.getdents(dir, () => taken++ < max).map((d) => d.name);
  };
  return {
    vfs, ctx, names, dir, list, create,
    listAll(max, after) {
      const out: string[] = [];
      for (;;) {
        const batch = list(max);
        if (batch.length === 0) return out;
        out.push(...batch);
        after?.(batch);
      }
    },
    unlink: (name) => vfs.unlink(ctx, `/d/${name}`),
  };
}

const DOTS = ['.', '..'];
const range = (names: readonly string[], from: number, to: number): string[] => names.slice(from, to);
const remaining = (t: T): string[] => [...t.vfs.getdents(t.vfs.open(t.ctx, '/d', O_RDONLY | O_DIRECTORY, 0))].map((d) => d.name);

interface Row {
  readonly name: string;
  readonly entries: number;
  /** What the row lists: an array of results to compare whole. */
  readonly steps: (t: T) => unknown[];
  /** The expected results, from the names made. */
  readonly expect: (names: readonly string[]) => unknown[];
}

const ROWS: readonly Row[] = [
  {
    name: '3000 entries one per call: each once, in order',
    entries: 3000,
    steps: (t) => [t.listAll(1)],
    expect: (names) => [[...DOTS, ...names]],
  },
  {
    name: '3000 entries three per call',
    entries: 3000,
    steps: (t) => [t.listAll(3)],
    expect: (names) => [[...DOTS, ...names]],
  },
  {
    name: 'rm -r: unlinking each batch as it is listed lists every entry once and empties the directory',
    entries: 3000,
    steps: (t) => [t.listAll(7, (batch) => { for (const n of batch) if (n !== '.' && n !== '..') t.unlink(n); }), remaining(t)],
    expect: (names) => [[...DOTS, ...names], DOTS],
  },
  {
    name: 'entries unlinked before the listing reaches them are not listed; the others are, once',
    entries: 2000,
    steps: (t) => {
      let next = 0;
      const out = t.listAll(5, () => {
        next += 10; // each time, remove one entry well ahead of the cursor
        if (next < t.names.length) t.unlink(t.names[next]!);
      });
      return [out];
    },
    expect: (names) => [[...DOTS, ...names.filter((_, i) => i === 0 || i % 10 !== 0 || i >= 2000)]],
  },
  {
    name: 'removing most entries mid-listing (the index compacts) keeps the cursor',
    entries: 3000,
    steps: (t) => {
      const first = [t.list(100), t.list(100)].flat();
      for (const n of t.names.slice(0, 2500)) t.unlink(n);
      return [first, t.listAll(9)];
    },
    expect: (names) => [[...DOTS, ...range(names, 0, 198)], range(names, 2500, 3000)],
  },
  {
    name: 'an entry made during the listing comes at the end; one made after the end waits for a rewind',
    entries: 50,
    steps: (t) => {
      const head = t.list(10);
      t.create('during');
      const rest = t.listAll(4);
      t.create('after');
      const atEnd = t.list(100);
      t.vfs.lseek(t.dir, 0, SEEK_SET);
      return [head, rest, atEnd, t.listAll(1000)];
    },
    expect: (names) => [[...DOTS, ...range(names, 0, 8)], [...range(names, 8, 50), 'during'], [], [...DOTS, ...names, 'during', 'after']],
  },
  {
    name: 'a rename during the listing moves the entry to the end (listed again, as on Linux)',
    entries: 20,
    steps: (t) => {
      const head = t.list(5);
      t.vfs.rename(t.ctx, '/d/f00001', '/d/moved');
      t.vfs.rename(t.ctx, '/d/f00010', '/d/moved2');
      return [head, t.listAll(2)];
    },
    expect: (names) => [[...DOTS, ...range(names, 0, 3)], [...range(names, 3, 10), ...range(names, 11, 20), 'moved', 'moved2']],
  },
  {
    name: 'rewind after a partial listing lists from the start again',
    entries: 30,
    steps: (t) => {
      const head = t.list(12);
      const at = t.vfs.lseek(t.dir, 0, SEEK_SET);
      return [head, at, t.listAll(1000)];
    },
    expect: (names) => [[...DOTS, ...range(names, 0, 10)], 0, [...DOTS, ...names]],
  },
  {
    name: 'a saved offset (telldir) resumes at its entry after the ones before it went (seekdir)',
    entries: 100,
    steps: (t) => {
      t.list(20);
      const saved = t.vfs.lseek(t.dir, 0, SEEK_CUR);
      const more = t.list(5);
      for (const n of t.names.slice(0, 30)) t.unlink(n);
      t.vfs.lseek(t.dir, saved, SEEK_SET);
      return [saved, more, t.list(3)];
    },
    // 18 entries and the dots were taken, so the saved offset is f00018's: removed meanwhile, the listing resumes at the next one left
    expect: (names) => [20, range(names, 18, 23), range(names, 30, 33)],
  },
  {
    name: 'an offset past every entry (but short of the end marker) lists nothing',
    entries: 10,
    steps: (t) => {
      t.vfs.lseek(t.dir, 1000, SEEK_SET);
      return [t.list(5), t.vfs.lseek(t.dir, 0, SEEK_SET), t.list(3)];
    },
    expect: () => [[], 0, ['.', '..', 'f00000']],
  },
  {
    name: '/proc (entries computed on each call) in tiny pieces lists each once',
    entries: 0,
    steps: (t) => {
      const p = t.vfs.open(t.ctx, '/proc', O_RDONLY | O_DIRECTORY, 0);
      const all = t.vfs.getdents(p).map((d) => d.name);
      t.vfs.lseek(p, 0, SEEK_SET);
      const pieces: string[] = [];
      for (;;) {
        let taken = 0;
        const batch = t.vfs.getdents(p, () => taken++ < 1).map((d) => d.name);
        if (batch.length === 0) break;
        pieces.push(...batch);
      }
      return [pieces.length > 5, pieces.join(' ') === all.join(' ')];
    },
    expect: () => [true, true],
  },
];

describe('getdents resumes from a cursor', () => {
  for (const row of ROWS) {
    it(row.name, () => {
      const t = world(row.entries);
      expect(row.steps(t)).toEqual(row.expect(t.names));
    });
  }
});

const kernels: Ran['kernel'][] = [];
afterEach(() => { for (const k of kernels.splice(0)) k.shutdown(); });

describe('getdents64 with a small buffer', () => {
  it('rm -r through the system call: a buffer too small for one record is EINVAL; every entry once', async () => {
    const r = await run(`import os from 'posixbox/os';
export function main() {
  os.mkdir('/tmp/d');
  for (let i = 0; i < 2000; i++) os.close(os.open('/tmp/d/e' + i, os.O_CREAT | os.O_WRONLY, 0o644));
  const fd = os.open('/tmp/d', os.O_RDONLY | os.O_DIRECTORY);
  let tooSmall = 'ok';
  try { os.syscall(217, fd, 4); } catch (e) { tooSmall = e.code ?? String(e.errno); }
  const seen = [];
  let calls = 0;
  for (;;) {
    const n = os.syscall(217, fd, 64);
    if (n === 0) break;
    calls++;
    const names = new TextDecoder().decode(os.syscall_out()).split('\\0').filter((r) => r !== '').map((r) => r.split(' ')[2]);
    for (const name of names) {
      seen.push(name);
      if (name !== '.' && name !== '..') os.unlink('/tmp/d/' + name);
    }
  }
  // A record ("ino type name\\0") is at least 6 bytes: at most 10 in 64, so at least 201 calls.
  const want = ['.', '..', ...Array.from({ length: 2000 }, (_, i) => 'e' + i)];
  console.log(JSON.stringify({ tooSmall, all: seen.join() === want.join(), calls: calls >= Math.ceil(2002 / 10), left: os.listdir('/tmp/d') }));
  return 0;
}`);
    kernels.push(r.kernel);
    expect({ ...r, kernel: undefined }).toEqual({
      stdout: `${JSON.stringify({ tooSmall: 'EINVAL', all: true, calls: true, left: [] })}\n`, stderr: '', status: 0, kernel: undefined,
    });
  });
});
