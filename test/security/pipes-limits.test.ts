/**
 * Pipe memory is bounded (issue 9; src/fs/pipe-account.ts), as Linux's fs/pipe.c bounds it per
 * user — pipe-max-size, pipe-user-pages-soft, pipe-user-pages-hard, lowered here by boot options
 * to keep the numbers small — and by posixbox's bound on all pipes' pages together
 * (`pipeMemory`): past it a write is short or ENOMEM, and the host does not grow. Each row runs
 * one program as a user on a fresh kernel and asserts its whole stdout, stderr and status; every
 * pipe's pages and every user's count are back to 0 when it has exited.
 */
import { describe, expect, it } from 'vitest';
import type { NodeBootOptions } from '../../src/index.js';
import { kernel, peak, run, type WHO } from './resources.js';

const HEADER = `import os from 'posixbox/os';
const SET = 1031, GET = 1032;
const err = (f) => { try { return f() } catch (e) { return String(e) } };
/** Fill a nonblocking pipe: the bytes that went in, and how it stopped. */
const fill = (w) => {
  const chunk = new Uint8Array(65536).fill(97);
  let n = 0;
  for (;;) {
    try { n += os.write(w, chunk) } catch (e) { return [n, e.errno === 11 ? 'full' : String(e)] }
  }
};
export function main() {
`;

const MiB = 2 ** 20;
const ENOMEM = '[Errno 12] Cannot allocate memory';
const EPERM = '[Errno 1] Operation not permitted';
const ENFILE = '[Errno 23] Too many open files in system';

interface Row {
  readonly name: string;
  readonly boot?: NodeBootOptions;
  readonly who: keyof typeof WHO;
  readonly body: string;
  readonly stdout: string;
  /** The host's resident memory may grow by less than this during the row. */
  readonly grows?: number;
}

const sizes = `const sizes = [];
for (let i = 0; i < 6; i++) { const [r, w] = os.pipe(); sizes.push(os.fcntl(w, GET)) }
console.log(sizes.join(' '));`;

const ROWS: readonly Row[] = [
  { name: 'past pipe-user-pages-soft (64 pages) a new pipe of alice gets 2 pages (F_GETPIPE_SZ 8192), and may not grow; closing gives the pages back',
    boot: { pipeUserPagesSoft: 64 }, who: 'alice',
    body: `const kept = [];
for (let i = 0; i < 6; i++) { const [r, w] = os.pipe2(os.O_NONBLOCK); kept.push([r, w]); console.log(i, os.fcntl(w, GET)) }
const [r5, w5] = kept[5];
console.log('grow the small one:', err(() => os.fcntl(w5, SET, 65536)), '| shrink a big one:', os.fcntl(kept[0][1], SET, 4096));
console.log('a small one holds', fill(w5).join(' '));
for (const [r, w] of kept) { os.close(r); os.close(w) }
const [r, w] = os.pipe();
console.log('all closed, a new one:', os.fcntl(w, GET));`,
    stdout: '0 65536\n1 65536\n2 65536\n3 65536\n4 8192\n5 8192\n'
      + `grow the small one: ${EPERM} | shrink a big one: 4096\na small one holds 8192 full\nall closed, a new one: 65536\n` },

  { name: 'root is held by neither per-user limit', boot: { pipeUserPagesSoft: 64, pipeUserPagesHard: 64 }, who: 'root',
    body: `${sizes}\nconsole.log('grow:', os.fcntl(os.pipe()[1], SET, 1 << 20));`,
    stdout: '65536 65536 65536 65536 65536 65536\ngrow: 1048576\n' },

  { name: 'past pipe-user-pages-hard (40 pages): pipe(2) is ENFILE, a FIFO\'s first open ENOMEM, growing EPERM; shrinking makes room',
    boot: { pipeUserPagesHard: 40 }, who: 'alice',
    body: `const [r0, w0] = os.pipe(); const [r1, w1] = os.pipe();
console.log('third pipe:', err(() => os.pipe()));
os.mkfifo('/tmp/f');
console.log('fifo:', err(() => os.open('/tmp/f', os.O_RDWR | os.O_NONBLOCK)));
console.log('grow:', err(() => os.fcntl(w1, SET, 131072)));
console.log('shrink:', os.fcntl(w1, SET, 4096), os.fcntl(w0, SET, 4096));
const fd = os.open('/tmp/f', os.O_RDWR | os.O_NONBLOCK);
console.log('now the fifo holds', fill(fd).join(' '), '| a pipe:', os.fcntl(os.pipe()[1], GET));`,
    stdout: `third pipe: ${ENFILE}\nfifo: ${ENOMEM}: '/tmp/f'\ngrow: ${EPERM}\nshrink: 4096 4096\n`
      + 'now the fifo holds 65536 full | a pipe: 65536\n' },

  { name: 'F_SETPIPE_SZ past pipe-max-size (1 MiB): EPERM for alice', who: 'alice',
    body: `const [r, w] = os.pipe();
console.log(os.fcntl(w, SET, 1 << 20), err(() => os.fcntl(w, SET, (1 << 20) + 1)), err(() => os.fcntl(w, SET, 2 ** 31)));`,
    stdout: `1048576 ${EPERM} ${EPERM}\n` },

  { name: 'F_SETPIPE_SZ past pipe-max-size: root may, up to 2 GiB (capacity, not memory)', who: 'root',
    body: `const [r, w] = os.pipe();
console.log(os.fcntl(w, SET, (1 << 20) + 1), os.fcntl(w, SET, 2 ** 31), err(() => os.fcntl(w, SET, 2 ** 31 + 1)));`,
    stdout: `2097152 2147483648 [Errno 22] Invalid argument\n` },

  { name: 'a lower pipe-max-size (16 KiB): alice\'s new pipes get 16 KiB and may not grow past it; root\'s get 64 KiB',
    boot: { pipeMaxSize: 16384 }, who: 'alice',
    body: `const [r, w] = os.pipe();
console.log(os.fcntl(w, GET), err(() => os.fcntl(w, SET, 32768)), os.fcntl(w, SET, 8192));`,
    stdout: `16384 ${EPERM} 8192\n` },
  { name: '...and root\'s', boot: { pipeMaxSize: 16384 }, who: 'root',
    body: `const [r, w] = os.pipe();
console.log(os.fcntl(w, GET), os.fcntl(w, SET, 32768));`,
    stdout: '65536 32768\n' },

  { name: 'pipeMemory 1 MiB: 16 full pipes hold it all; then a write is ENOMEM, for root too; a blocking write is short; a pipe closed gives its pages back',
    boot: { pipeMemory: MiB }, who: 'root',
    body: `const pipes = [];
for (let i = 0; i < 17; i++) { const [r, w] = os.pipe2(os.O_NONBLOCK); pipes.push([r, w]); console.log(i, fill(w).join(' ')) }
const [r, w] = os.pipe();
os.fcntl(w, SET, 1 << 20);
console.log('blocking, 1 byte:', err(() => os.write(w, new Uint8Array(1))));
os.close(pipes[0][0]); os.close(pipes[0][1]);
console.log('one closed; a blocking 100000-byte write:', os.write(w, new Uint8Array(100000)));`,
    stdout: Array.from({ length: 16 }, (_, i) => `${i} 65536 full\n`).join('')
      + `16 0 ${ENOMEM}\nblocking, 1 byte: ${ENOMEM}\none closed; a blocking 100000-byte write: 65536\n` },

  { name: 'pipeMemory 256 KiB: the pages emptied pipes keep for reuse are taken back before a write is refused',
    boot: { pipeMemory: 256 * 1024 }, who: 'alice',
    body: `const pipes = [];
for (let i = 0; i < 4; i++) {
  const [r, w] = os.pipe2(os.O_NONBLOCK); pipes.push([r, w]);
  console.log(i, 'through:', fill(w)[0], os.read(r, 65536).length);
}
const [r, w] = os.pipe2(os.O_NONBLOCK);
console.log('a fifth:', fill(w).join(' '));
console.log('the first again:', fill(pipes[0][1]).join(' '));`,
    stdout: '0 through: 65536 65536\n1 through: 65536 65536\n2 through: 65536 65536\n3 through: 65536 65536\n'
      + `a fifth: 65536 full\nthe first again: 65536 full\n` },

  { name: 'alice with no per-user limit fills 1000 pipes of 1 MiB (1 GiB asked): the kernel holds 128 MiB (pipeMemory\'s default) and the host grows by less than 384 MiB',
    boot: { pipeUserPagesSoft: 0 }, who: 'alice', grows: 384 * MiB,
    body: `let held = 0, pipes = 0, last = '';
for (let i = 0; i < 1000; i++) {
  const [r, w] = os.pipe2(os.O_NONBLOCK);
  os.fcntl(w, SET, 1 << 20);
  const [n, how] = fill(w);
  os.close(w);
  held += n; pipes++; last = how;
  if (how !== 'full') break;
}
console.log(pipes, 'pipes hold', held / 2 ** 20, 'MiB; then', last);`,
    stdout: `129 pipes hold 128 MiB; then ${ENOMEM}\n` },
];

describe('pipe memory: per-user limits as Linux\'s, and a bound on all pipes together', () => {
  for (const r of ROWS) {
    it(r.name, async () => {
      const { k, diag } = kernel(r.boot);
      try {
        const before = process.memoryUsage.rss();
        const got = await run(k, r.who, { program: `${HEADER}${r.body}\n}\n` });
        expect(got).toEqual({ stdout: r.stdout, stderr: '', status: 0 });
        expect(diag).toEqual([]);
        expect(k.bugs).toEqual([]);
        expect({ pages: k.vfs.pipes.pages, alice: k.vfs.pipes.userPages(1000) }).toEqual({ pages: 0, alice: 0 });
        if (r.grows !== undefined) {
          console.log(r.name, 'host grew by', Math.round((peak.rss - before) / MiB), 'MiB');
          expect(peak.rss - before).toBeLessThan(r.grows);
        }
      } finally {
        await k.shutdownAndWait();
      }
    }, 60_000);
  }
});
