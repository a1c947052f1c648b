/**
 * The syscall fuzzer (issue 9): seeded plans from fast-check, run as root, alice and bob, each a
 * program on a fresh deterministic kernel making thousands of calls in one Worker — raw system
 * calls (every number of the table and others, random argument words, strings and buffers) and
 * os API calls with random arguments. Every run must end, with zero kernel bugs (a handler that
 * throws anything but an errno: kernel.bugs, the caller's SIGSYS), zero deadlock reports, every
 * call made, and no exception from the os library that Python would not raise.
 *
 * FUZZ_CALLS (default 100,000) calls in all, FUZZ_BATCH per program run, FUZZ_SEED the seed;
 * `npm run fuzz` runs 1,000,000.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { boot } from '../../src/index.js';
import { DEFAULT_SYSTEM } from '../../src/cli/default-system.js';
import { SYSCALLS } from '../../src/kernel/syscalls/index.js';
import { run } from '../helpers.js';
import { FUZZ_PROGRAM } from './fuzz-program.js';

const CALLS = Number(process.env.FUZZ_CALLS ?? 100_000);
const BATCH = Number(process.env.FUZZ_BATCH ?? 5_000);
const SEED = Number(process.env.FUZZ_SEED ?? 9);
const RUN_LIMIT_MS = 45_000;

/** Calls that end or replace the fuzzer, or make more processes: never in a plan. */
const EXCLUDED = new Set([57, 59, 60, 231, 1002]);
const NUMBERS = [...SYSCALLS.keys()].filter((nr) => !EXCLUDED.has(nr));

const WHO = [
  { name: 'root', uid: 0, gid: 0, groups: [0], cwd: '/root' },
  { name: 'alice', uid: 1000, gid: 1000, groups: [1000, 100, 1002], cwd: '/home/alice' },
  { name: 'bob', uid: 1001, gid: 1001, groups: [1001, 100, 1002], cwd: '/home/bob' },
] as const;

/** An argument as JSON carries it (the program decodes it): NaN and the infinities are tagged. */
type Enc = number | string | null | boolean | { x: string } | { b: number[] } | { u: 1 } | { big: string } | { o: 1 } | Enc[];
const num = (v: number): Enc => (Number.isFinite(v) ? v : { x: String(v) });

const WEIRD = [NaN, Infinity, -Infinity, 0.5, -0.5, 1.5, -1, 2 ** 31, 2 ** 31 - 1, -(2 ** 31), 2 ** 32, 2 ** 32 + 1,
  4294967295, 2 ** 53, 2 ** 53 + 2, -(2 ** 53), 2 ** 63, 2 ** 64, -(2 ** 63), 1e300, -1e300, 1e-300, -0, 9.2e9, 1e20, 1e10];
const FLAGS = [0, 1, 2, 3, 0o100, 0o200, 0o1000, 0o2000, 0o4000, 0o200000, 0o400000, 0o2000000, 0x100, 0x200, 0x400,
  0x800, 0x1000, -100, 0o777, 0o7777, 0o100644, 0o10644, 0o20644, 0o40755, 1024, 1025, 1031, 1032, 0x5401, 0x5402, 0x540e];
const PATHS = ['/', '/tmp', '/tmp/x', '/tmp/f', '/tmp/d/', 'x', 'y', '', '.', '..', '/etc/passwd', '/etc/shadow', '/dev/null',
  '/dev/zero', '/dev/tty', '/proc/self/fd', '/proc/1/cwd', '/proc/self/fd/1000', '/home/alice', '/home/bob/x', '/bin/sh',
  'a/b/c', '/tmp/fifo', '/tmp/link', '/root', 'x\0y', '/proc/self/environ', '/proc/2/root/etc', '/tmp/../tmp/./x'];

const numArb: fc.Arbitrary<Enc> = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: -3, max: 40 }) },
  { weight: 3, arbitrary: fc.constantFrom(...WEIRD).map(num) },
  { weight: 3, arbitrary: fc.constantFrom(...FLAGS) },
  { weight: 1, arbitrary: fc.integer().map(num) },
  { weight: 1, arbitrary: fc.double().map(num) },
);
const strArb: fc.Arbitrary<Enc> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...PATHS) },
  { weight: 2, arbitrary: fc.string({ maxLength: 24 }) },
  { weight: 1, arbitrary: fc.constantFrom('x'.repeat(5000), '/'.repeat(300), 'a/'.repeat(2100), `/tmp/${'n'.repeat(300)}`) },
);
/** Byte buffers, some shaped as struct pollfd arrays (int fd, short events, short revents). */
const bytesArb: fc.Arbitrary<Enc> = fc.oneof(
  fc.uint8Array({ maxLength: 48 }).map((b) => ({ b: [...b] })),
  fc.array(fc.tuple(fc.integer({ min: -2, max: 12 }), fc.integer({ min: 0, max: 0xffff })), { maxLength: 5 }).map((es) => {
    const v = new DataView(new ArrayBuffer(es.length * 8));
    es.forEach(([fd, ev], i) => { v.setInt32(i * 8, fd, true); v.setUint16(i * 8 + 4, ev, true); });
    return { b: [...new Uint8Array(v.buffer)] };
  }),
);

interface Raw { k: 'r'; nr: number; a: Enc[] }
interface Api { k: 'a'; f: string; a: Enc[] }

/** A raw call: mostly a table number with arguments of the kinds it takes, sometimes anything. */
const rawArb: fc.Arbitrary<Raw> = fc.record({
  pick: fc.oneof({ weight: 9, arbitrary: fc.constantFrom(...NUMBERS) }, { weight: 1, arbitrary: fc.integer({ min: -5, max: 1100 }) }),
  ints: fc.array(numArb, { minLength: 8, maxLength: 8 }),
  strs: fc.array(strArb, { minLength: 8, maxLength: 8 }),
  bufs: fc.array(bytesArb, { minLength: 8, maxLength: 8 }),
  swap: fc.integer({ min: 0, max: 19 }),
  extra: fc.integer({ min: -2, max: 2 }),
}).map(({ pick, ints, strs, bufs, swap, extra }) => {
  const nr = EXCLUDED.has(pick) ? 39 : pick;
  const kinds = SYSCALLS.get(nr)?.args ?? [];
  const n = Math.max(0, Math.min(8, kinds.length + Math.max(0, extra)));
  const a: Enc[] = [];
  for (let i = 0; i < n; i++) {
    const kind = kinds[i] ?? 'int';
    const swapped = swap === i; // one argument of the wrong kind, now and then
    if (kind === 'int') a.push(swapped ? strs[i]! : ints[i]!);
    else if (kind === 'str') a.push(swapped ? bufs[i]! : strs[i]!);
    else a.push(swapped ? strs[i]! : bufs[i]!);
  }
  return { k: 'r' as const, nr, a };
});

const API_NAMES = ['open', 'read', 'write', 'close', 'lseek', 'dup', 'dup2', 'closerange', 'fcntl', 'fstat', 'ftruncate',
  'fsync', 'pipe', 'pipe2', 'pread', 'pwrite', 'get_inheritable', 'set_blocking', 'stat', 'lstat', 'access', 'chmod',
  'fchmod', 'chown', 'lchown', 'fchown', 'utime', 'truncate', 'mkdir', 'mkfifo', 'mknod', 'rmdir', 'unlink', 'rename',
  'link', 'symlink', 'readlink', 'chdir', 'fchdir', 'getcwd', 'listdir', 'makedirs', 'realpath', 'umask', 'urandom',
  'strerror', 'setuid', 'seteuid', 'setgid', 'setgroups', 'setreuid', 'setresuid', 'getpgid', 'getsid', 'setpgid',
  'setsid', 'kill', 'waitpid', 'isatty', 'ttyname', 'uname', 'getlogin', 'sethostname', 'walk', 'sleep', 'ctime',
  'localtime', 'gmtime', 'strftime', 'alarm', 'pause', 'signal', 'pthread_sigmask', 'select', 'poll', 'getrlimit',
  'setrlimit', 'filemode', 'getpwuid', 'getpwnam', 'getgrgid'];

const valueArb: fc.Arbitrary<Enc> = fc.oneof(
  { weight: 5, arbitrary: numArb },
  { weight: 4, arbitrary: strArb },
  { weight: 1, arbitrary: fc.constantFrom<Enc>(null, { u: 1 }, true, false, { o: 1 }) },
  { weight: 1, arbitrary: fc.bigInt({ min: -(2n ** 70n), max: 2n ** 70n }).map((b) => ({ big: String(b) })) },
  { weight: 1, arbitrary: bytesArb },
  { weight: 1, arbitrary: fc.array(fc.oneof(fc.integer({ min: -2, max: 40 }), fc.constantFrom(...PATHS)), { maxLength: 3 }) },
);
const apiArb: fc.Arbitrary<Api> = fc.record({
  f: fc.constantFrom(...API_NAMES),
  a: fc.array(valueArb, { maxLength: 4 }),
}).map(({ f, a }) => ({ k: 'a' as const, f, a }));

const callArb: fc.Arbitrary<Raw | Api> = fc.oneof({ weight: 3, arbitrary: rawArb }, { weight: 1, arbitrary: apiArb });

interface Report {
  readonly calls: number;
  readonly errnos: Record<string, number>;
  readonly python: Record<string, number>;
  readonly odd: string[];
}

/** One program run: its plan made as `who`, bounded in time. */
export async function fuzzRun(index: number, size: number): Promise<{ report: Report | undefined; problems: string[] }> {
  const plan = fc.sample(callArb, { seed: SEED * 100_003 + index, numRuns: size });
  const who = WHO[index % WHO.length]!;
  const deadlocks: string[] = [];
  const diagnostics: string[] = [];
  const ring: string[] = [];
  const k = boot({ ...DEFAULT_SYSTEM, ...(process.env.FUZZ_TRACE ? { strace: (l: string) => { ring.push(l); if (ring.length > 30) ring.shift(); } } : {}), poolSize: 1, seed: SEED + index, onDeadlock: (r) => { deadlocks.push(r); if (process.env.FUZZ_TRACE) console.log(ring.join('')); }, onDiagnostic: (m) => diagnostics.push(m) });
  let timer: ReturnType<typeof setTimeout> | undefined;
  const hung = new Promise<'hung'>((resolve) => { timer = setTimeout(() => resolve('hung'), RUN_LIMIT_MS); });
  try {
    const r = await Promise.race([
      run(FUZZ_PROGRAM, { kernel: k, argv: ['fuzz', JSON.stringify(plan), process.env.FUZZ_TRACE ? 'trace' : ''], uid: who.uid, gid: who.gid, groups: [...who.groups], cwd: who.cwd }),
      hung,
    ]);
    const problems: string[] = [];
    if (r === 'hung' && process.env.FUZZ_TRACE) console.log(ring.join(''), k.procs.size, [...k.procs.values()].map((q) => `${q.pid} ${q.state} ${q.parked?.call ?? ''}`));
    if (r === 'hung') return { report: undefined, problems: [`run ${index} (${who.name}): no end after ${RUN_LIMIT_MS} ms`] };
    const line = r.stdout.split('\n').find((l) => l.startsWith('FUZZ '));
    const report = line ? (JSON.parse(line.slice(5)) as Report) : undefined;
    if (r.status !== 0) problems.push(`run ${index} (${who.name}): status ${r.status}: ${r.stderr.slice(0, 2000)}`);
    for (const b of k.bugs) problems.push(`run ${index} (${who.name}): kernel bug in ${b.call}: ${b.error.slice(0, 1500)}`);
    for (const d of deadlocks) problems.push(`run ${index} (${who.name}): ${d}`);
    for (const d of diagnostics) problems.push(`run ${index} (${who.name}): diagnostic: ${d}`);
    if (!report) problems.push(`run ${index} (${who.name}): no report`);
    else {
      if (report.calls !== plan.length) problems.push(`run ${index}: ${report.calls} of ${plan.length} calls made`);
      for (const o of report.odd) problems.push(`run ${index} (${who.name}): ${o}`);
    }
    return { report, problems };
  } finally {
    clearTimeout(timer);
    k.shutdown();
  }
}

describe(`syscall fuzzer: ${CALLS} calls, seed ${SEED}`, () => {
  const runs = Math.ceil(CALLS / BATCH);
  let made = 0;
  const started = Date.now();
  const only = process.env.FUZZ_ONLY === undefined ? undefined : Number(process.env.FUZZ_ONLY);
  for (let i = 0; i < runs; i++) {
    if (only !== undefined && i !== only) continue;
    const size = Math.min(BATCH, CALLS - i * BATCH);
    it(`run ${i}: ${size} calls as ${WHO[i % WHO.length]!.name}`, async () => {
      const { report, problems } = await fuzzRun(i, size);
      made += report?.calls ?? 0;
      if (process.env.FUZZ_DEBUG) console.log(JSON.stringify({ errnos: report?.errnos, python: report?.python }));
      if (i === runs - 1) console.log(`fuzz: ${made} calls in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      expect(problems).toEqual([]);
    }, RUN_LIMIT_MS + 15_000);
  }
});
