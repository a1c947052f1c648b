/**
 * Odd numbers at the os API and the syscall table (issue 9): alarm, select, poll, sleep,
 * nanosleep, urandom, closerange and read with Infinity, NaN, -1, 2**53, 1e300 and BigInts →
 * the whole stdout, stderr and status of a program on a fresh deterministic kernel.
 *
 * The reference is CPython 3.11 on Linux x86-64 (checked with python3 on the build machine): the
 * os API raises the TypeError / ValueError / OverflowError / MemoryError CPython raises, with its
 * message, or OSError with Linux's errno. Where JS differs from Python: 1e300 is an integral JS
 * number, so it is Python's int 10**300, not a float (CPython's TypeError for the float 1e300
 * becomes the OverflowError of the int). Raw calls (os.syscall) get what the kernel answers: an
 * argument slot no 64-bit register could hold is EINVAL; alarm takes the low 32 bits of its
 * register (unsigned int); a timeout past the clock's end is clamped at KTIME_MAX, where the
 * virtual clock jumps when nothing else can run.
 */
import { describe, expect, it } from 'vitest';
import { run } from '../helpers.js';

interface Row {
  readonly name: string;
  /** The body of main(); `show(label, f)` prints f()'s value or the exception it raised. */
  readonly body: string;
  readonly stdout: string;
  readonly stderr?: string;
  readonly status?: number;
}

const HEADER = `import os, { signal, select, time } from 'posixbox/os';
const show = (label, f) => {
  let v;
  try { v = f(); } catch (e) { console.log(label, '!!', e.name + ':', e.message); return; }
  console.log(label, '->', typeof v === 'bigint' ? v + 'n' : JSON.stringify(v));
};
export function main() {
`;

const ODD = 'Infinity, NaN, -1, 2 ** 53, 1e300';
const FLOAT = "TypeError: 'float' object cannot be interpreted as an integer";
const C_INT = 'OverflowError: Python int too large to convert to C int';
const SSIZE = 'OverflowError: Python int too large to convert to C ssize_t';
const TIME_T = 'OverflowError: timestamp out of range for platform time_t';
const PYTIME = 'OverflowError: timestamp too large to convert to C _PyTime_t';
const NAN = 'ValueError: Invalid value NaN (not a number)';
const EINVAL = 'OSError: [Errno 22] Invalid argument';

const ROWS: Row[] = [
  {
    name: 'signal.alarm takes a C int: floats are TypeError, big ints OverflowError, -1 is 2**32-1 seconds',
    body: `for (const v of [${ODD}, 2n ** 53n]) show(String(v), () => [signal.alarm(v), signal.alarm(0)]);`,
    stdout: `Infinity !! ${FLOAT}\nNaN !! ${FLOAT}\n-1 -> [0,4294967295]\n9007199254740992 !! ${C_INT}\n1e+300 !! ${C_INT}\n` +
      `9007199254740992 !! ${C_INT}\n`,
  },
  {
    name: 'alarm(2) raw: a slot no register holds is EINVAL; the register\'s low 32 bits are the seconds',
    body: `for (const v of [${ODD}, 2 ** 32 + 5]) show(String(v), () => [os.syscall(37, v), os.syscall(37, 0)]);`,
    stdout: `Infinity !! ${EINVAL}\nNaN !! ${EINVAL}\n-1 -> [0,4294967295]\n9007199254740992 -> [0,0]\n1e+300 !! ${EINVAL}\n4294967301 -> [0,5]\n`,
  },
  {
    name: 'an uncaught conversion error is a traceback and status 1, never a kernel error',
    body: `console.log('before');\n  signal.alarm(Infinity);\n  return 0;`,
    stdout: 'before\n',
    stderr: `Traceback (most recent call last):\n  File "prog.js", line 9, in main\n${FLOAT}\n`,
    status: 1,
  },
  {
    name: 'select.select: CPython\'s timeout conversion; a ready descriptor answers at once',
    body: `const [, w] = os.pipe();
  for (const v of [${ODD}, 2n ** 70n, null, 0.5]) show(String(v), () => select.select([], [w], [], v));`,
    stdout: `Infinity !! ${TIME_T}\nNaN !! ${NAN}\n-1 !! ValueError: timeout must be non-negative\n9007199254740992 !! ${PYTIME}\n` +
      `1e+300 !! ${PYTIME}\n1180591620717411303424 !! ${PYTIME}\nnull -> [[],[4],[]]\n0.5 -> [[],[4],[]]\n`,
  },
  {
    name: 'select with a timeout longer than poll(2)\'s int milliseconds waits it exactly on the virtual clock',
    body: `const [r] = os.pipe();
  const t0 = time.time_ns();
  show('select', () => select.select([r], [], [], 9.2e9));
  show('waited', () => time.time_ns() - t0);`,
    stdout: 'select -> [[],[],[]]\nwaited -> 9200000000000000000n\n',
  },
  {
    name: 'select.poll().poll: milliseconds as CPython converts them; negative waits for ever',
    body: `const [, w] = os.pipe();
  const p = select.poll();
  p.register(w, select.POLLOUT);
  for (const v of [${ODD}, 2 ** 31, -(2 ** 31)]) show(String(v), () => p.poll(v));`,
    stdout: `Infinity !! ${TIME_T}\nNaN !! ${NAN}\n-1 -> [[4,4]]\n9007199254740992 !! ${PYTIME}\n1e+300 !! ${PYTIME}\n` +
      '2147483648 !! OverflowError: timeout is too large\n-2147483648 -> [[4,4]]\n',
  },
  {
    name: 'poll(2) raw: the timeout slot must be a register\'s word',
    body: `signal.signal(signal.SIGALRM, () => {});
  signal.alarm(5);
  for (const v of [${ODD}]) show(String(v), () => os.syscall(7, new Uint8Array(0), 0, v));`,
    stdout: `Infinity !! ${EINVAL}\nNaN !! ${EINVAL}\n-1 !! OSError: [Errno 4] Interrupted system call\n` +
      '9007199254740992 -> 0\n1e+300 !! ' + EINVAL + '\n',
  },
  {
    name: 'time.sleep: CPython\'s conversion; the longest sleep CPython takes is exact on the virtual clock',
    body: `for (const v of [${ODD}, 1e20, 2n ** 64n]) show(String(v), () => time.sleep(v));
  const t0 = time.time_ns();
  time.sleep(9.2e9);
  time.sleep(1);
  show('slept', () => time.time_ns() - t0);`,
    stdout: `Infinity !! ${TIME_T}\nNaN !! ${NAN}\n-1 !! ValueError: sleep length must be non-negative\n9007199254740992 !! ${PYTIME}\n` +
      `1e+300 !! ${PYTIME}\n100000000000000000000 !! ${PYTIME}\n18446744073709551616 !! ${PYTIME}\nslept -> 9200000001000000000n\n`,
  },
  {
    name: 'nanosleep(2) raw: EINVAL for what no timespec holds; a huge one ends at KTIME_MAX, and the next returns',
    body: `for (const v of [Infinity, NaN, -1, 1e300]) show(String(v), () => os.syscall(35, v, 0));
  show('nsec 1e9', () => os.syscall(35, 0, 1e9));
  show('2**53', () => os.syscall(35, 2 ** 53, 0));
  show('now', () => time.time_ns());
  show('1', () => os.syscall(35, 1, 0));
  show('now', () => time.time_ns());`,
    stdout: `Infinity !! ${EINVAL}\nNaN !! ${EINVAL}\n-1 !! ${EINVAL}\n1e+300 !! ${EINVAL}\nnsec 1e9 !! ${EINVAL}\n` +
      '2**53 -> 0\nnow -> 10170056836854775807n\n1 -> 0\nnow -> 10170056836854775807n\n',
  },
  {
    name: 'os.urandom: a Py_ssize_t, not negative; more than memory holds is MemoryError',
    body: `for (const v of [${ODD}, 2n ** 63n, 3n]) show(String(v), () => os.urandom(v).length);`,
    stdout: `Infinity !! ${FLOAT}\nNaN !! ${FLOAT}\n-1 !! ValueError: negative argument not allowed\n9007199254740992 !! MemoryError: \n` +
      `1e+300 !! ${SSIZE}\n9223372036854775808 !! ${SSIZE}\n3 -> 3\n`,
  },
  {
    name: 'os.closerange: C ints; the loop never runs past the descriptor table',
    body: `for (const v of [${ODD}, -(2 ** 53)]) show(String(v), () => os.closerange(v, 0));
  const [r, w] = os.pipe();
  show('3..2**31-1', () => os.closerange(3, 2 ** 31 - 1));
  show('closed', () => [r, w].map((fd) => { try { os.fstat(fd); return 'open'; } catch (e) { return e.code; } }));`,
    stdout: `Infinity !! ${FLOAT}\nNaN !! ${FLOAT}\n-1 -> undefined\n9007199254740992 !! ${C_INT}\n1e+300 !! ${C_INT}\n` +
      `-9007199254740992 !! ${C_INT}\n3..2**31-1 -> undefined\nclosed -> ["EBADF","EBADF"]\n`,
  },
  {
    name: 'os.read: the count is a Py_ssize_t, negative is EINVAL; the descriptor a C int',
    body: `const [r, w] = os.pipe();
  os.write(w, 'abcdef');
  for (const v of [${ODD}]) show('n=' + v, () => new TextDecoder().decode(os.read(r, v)));
  for (const v of [${ODD}]) show('fd=' + v, () => os.read(v, 1));`,
    stdout: `n=Infinity !! ${FLOAT}\nn=NaN !! ${FLOAT}\nn=-1 !! ${EINVAL}\nn=9007199254740992 -> "abcdef"\nn=1e+300 !! ${SSIZE}\n` +
      `fd=Infinity !! ${FLOAT}\nfd=NaN !! ${FLOAT}\nfd=-1 !! OSError: [Errno 9] Bad file descriptor\nfd=9007199254740992 !! ${C_INT}\n` +
      `fd=1e+300 !! ${C_INT}\n`,
  },
  {
    name: 'read(2) raw: a count slot no register holds is EINVAL; a huge count reads what there is',
    body: `const [r, w] = os.pipe();
  for (const v of [${ODD}]) { os.write(w, 'abc'); show(String(v), () => os.syscall(0, r, v)); }`,
    stdout: `Infinity !! ${EINVAL}\nNaN !! ${EINVAL}\n-1 -> 9\n9007199254740992 -> 3\n1e+300 !! ${EINVAL}\n`,
  },
  {
    name: 'wrong types anywhere in the os API are CPython\'s TypeErrors',
    body: `show('access(null)', () => os.access(null, os.F_OK));
  show('close(1n << 40n)', () => os.close(1n << 40n));
  show('umask(0.5)', () => os.umask(0.5));
  show('write(1, null)', () => os.write(1, null));
  show('kill(2n ** 70n, 0)', () => os.kill(2n ** 70n, 0));`,
    stdout: 'access(null) !! TypeError: access: path should be string, bytes or os.PathLike, not NoneType\n' +
      `close(1n << 40n) !! ${C_INT}\numask(0.5) !! ${FLOAT}\n` +
      "write(1, null) !! TypeError: a bytes-like object is required, not 'NoneType'\n" +
      'kill(2n ** 70n, 0) !! OverflowError: Python int too large to convert to C long\n',
  },
];

describe('odd numbers: the os API as CPython, the kernel as Linux', () => {
  for (const row of ROWS) {
    it(row.name, async () => {
      const r = await run(`${HEADER}  ${row.body}\n  return 0;\n}\n`);
      expect({ stdout: r.stdout, stderr: r.stderr, status: r.status })
        .toEqual({ stdout: row.stdout, stderr: row.stderr ?? '', status: (row.status ?? 0) << 8 });
      expect(r.kernel.bugs).toEqual([]);
      r.kernel.shutdown();
    });
  }
});
