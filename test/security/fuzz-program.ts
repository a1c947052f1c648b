/**
 * The program the syscall fuzzer runs (test/security/fuzz.test.ts): it makes every call of the
 * plan in its argv[1] — raw system calls through os.syscall and os API calls — and reports, on
 * descriptor 1000, how many it made, the errnos it got and any exception that is not one Python
 * would raise (a V8 TypeError or RangeError is an os library bug).
 *
 * Every call is bounded: before each (but a nanosleep, which the clock reaches by itself) it arms
 * alarm(1) with a SIGALRM handler that interrupts calls (siginterrupt), so a call that would
 * sleep for ever (a read on an empty pipe, pause, a FIFO open) gets EINTR when the deterministic
 * clock jumps to the alarm. The plan never touches what keeps the fuzzer alive: descriptor 1000,
 * the dispositions of SIGALRM and the ignored signals, SIGALRM in the mask.
 */
export const FUZZ_PROGRAM = String.raw`
import os, { signal, select, time, resource, stat, pwd, grp } from 'posixbox/os';

const decode = (v) => {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map(decode);
  if ('x' in v) return Number(v.x);
  if ('b' in v) return Uint8Array.from(v.b);
  if ('u' in v) return undefined;
  if ('big' in v) return BigInt(v.big);
  return {};
};

const PYTHON = new Set(['OSError', 'TypeError', 'ValueError', 'OverflowError', 'MemoryError', 'KeyError',
  'FileNotFoundError', 'PermissionError', 'IndexError', 'UnicodeDecodeError', 'SubprocessError']);
const V8 = /Cannot read prop|Cannot convert|is not a function|(?<!object) is not iterable|is not a constructor|Invalid (typed )?array length|Maximum call stack|out of memory|Invalid time value|Offset is outside|BigInt|of undefined|of null|\[object /;
const PROTECTED = new Set([signal.SIGALRM, signal.SIGPIPE, signal.SIGXFSZ, signal.SIGTTIN, signal.SIGTTOU, signal.SIGTSTP,
  signal.SIGKILL, signal.SIGSTOP]);
const SAFE_SIGS = [0, signal.SIGALRM, signal.SIGCHLD, signal.SIGURG, signal.SIGWINCH, signal.SIGCONT];
// A signal argument must be a number here: a string would be sent as its length, any signal.
const sigOf = (s) => (typeof s !== 'number' || PROTECTED.has(s) ? signal.SIGUSR1 : s);
const sigsOf = (l) => (Array.isArray(l) ? l.filter((s) => !PROTECTED.has(s)) : l);
const safeSig = (s) => (typeof s === 'number' && Number.isInteger(s) ? SAFE_SIGS[Math.abs(s) % SAFE_SIGS.length] : 0);
// A wait for ever is Python's too (poll retries after a handler, PEP 475): never in a plan.
const boundedTimeout = (t) => (t === null || t === undefined || ((typeof t === 'number' || typeof t === 'bigint') && t < 0) ? 0.001 : t);
const smallSize = (n) => (typeof n === 'number' && n > 1 << 20 && n < 2 ** 53 ? 16 : typeof n === 'bigint' && n > 1n << 20n && n < 1n << 53n ? 16n : n);
const notReport = (x) => (x === 1000 ? 999 : x);
const belowReport = (x) => (typeof x === 'number' && x > 1000 ? 1000 : x);

/** The os API functions the plan may call; those that end or replace the process are left out. */
const API = {
  open: os.open, read: os.read, write: os.write, close: os.close, lseek: os.lseek, dup: os.dup, dup2: os.dup2,
  closerange: (lo, hi) => os.closerange(lo, belowReport(hi)),
  fcntl: os.fcntl, fstat: os.fstat, ftruncate: os.ftruncate, fsync: os.fsync, pipe: os.pipe, pipe2: os.pipe2,
  pread: os.pread, pwrite: os.pwrite, get_inheritable: os.get_inheritable, set_blocking: os.set_blocking,
  stat: os.stat, lstat: os.lstat, access: os.access, chmod: os.chmod, fchmod: os.fchmod, chown: os.chown,
  lchown: os.lchown, fchown: os.fchown, utime: os.utime, truncate: os.truncate, mkdir: os.mkdir,
  mkfifo: os.mkfifo, mknod: os.mknod, rmdir: os.rmdir, unlink: os.unlink, rename: os.rename, link: os.link,
  symlink: os.symlink, readlink: os.readlink, chdir: os.chdir, fchdir: os.fchdir, getcwd: os.getcwd,
  listdir: os.listdir, makedirs: os.makedirs, realpath: (p) => os.path.realpath(p), umask: os.umask,
  urandom: (n) => os.urandom(smallSize(n)), strerror: os.strerror, setuid: os.setuid, seteuid: os.seteuid,
  setgid: os.setgid, setgroups: os.setgroups, setreuid: os.setreuid, setresuid: os.setresuid,
  getpgid: os.getpgid, getsid: os.getsid, setpgid: os.setpgid, setsid: os.setsid,
  kill: (pid, sig) => os.kill(pid, safeSig(sig)), waitpid: os.waitpid, isatty: os.isatty, ttyname: os.ttyname,
  uname: os.uname, getlogin: os.getlogin, sethostname: os.sethostname, walk: (p) => [...os.walk(p)].length,
  sleep: time.sleep, ctime: time.ctime, localtime: time.localtime, gmtime: time.gmtime,
  strftime: time.strftime, alarm: signal.alarm, pause: signal.pause,
  signal: (s, h) => signal.signal(sigOf(s), typeof h === 'number' ? h : () => {}),
  pthread_sigmask: (how, l) => signal.pthread_sigmask(how, sigsOf(l)),
  select: (r, w, x, t) => select.select(r, w, x, boundedTimeout(t)),
  poll: (fds, t) => {
    const p = select.poll();
    for (const fd of [].concat(fds)) { try { p.register(fd); } catch { /* a bad one */ } }
    return p.poll(boundedTimeout(t));
  },
  getrlimit: resource.getrlimit,
  setrlimit: (r, l) => resource.setrlimit(r === resource.RLIMIT_AS || r === resource.RLIMIT_DATA ? resource.RLIMIT_MEMLOCK : r, l),
  filemode: stat.filemode, getpwuid: pwd.getpwuid, getpwnam: pwd.getpwnam, getgrgid: grp.getgrgid,
};

/** Raw calls: make an argument list harmless to the fuzzer itself (see the header). */
function tame(nr, a) {
  if (nr === 13 && a.length > 0) a[0] = sigOf(a[0]); // rt_sigaction
  if (nr === 14 && a.length > 1) a[1] = Number.isInteger(a[1]) ? (a[1] >>> 0) & ~(1 << (signal.SIGALRM - 1)) : 0; // rt_sigprocmask
  if ((nr === 62 || nr === 200) && a.length > 1) a[1] = safeSig(a[1]); // kill, tkill
  if (nr === 302 && a.length > 0 && (typeof a[0] !== 'number' || a[0] === 2 || a[0] === 9)) a[0] = 8; // prlimit64: not RLIMIT_DATA/AS
  return a.map(notReport);
}

export function main(argv) {
  const plan = JSON.parse(argv[1]);
  os.dup2(1, 1000);
  const nul = os.open('/dev/null', os.O_RDWR);
  for (const fd of [0, 1, 2]) os.dup2(nul, fd);
  if (nul > 2) os.close(nul);
  signal.signal(signal.SIGALRM, () => {});
  signal.siginterrupt(signal.SIGALRM, true);
  for (const s of [signal.SIGPIPE, signal.SIGXFSZ, signal.SIGTTIN, signal.SIGTTOU, signal.SIGTSTP]) signal.signal(s, signal.SIG_IGN);
  let calls = 0;
  const errnos = {};
  const python = {};
  const odd = [];
  for (const c of plan) {
    const args = c.a.map(decode);
    if (argv[2] === 'trace') os.write(1000, '#' + calls + ' ' + JSON.stringify(c) + '\n');
    if (!(c.k === 'r' && c.nr === 35)) os.syscall(37, 1);
    try {
      if (c.k === 'r') os.syscall(c.nr, ...tame(c.nr, args));
      else API[c.f](...args.map(notReport));
    } catch (e) {
      const name = e && e.name;
      const message = String(e && e.message);
      if (name === 'OSError') errnos[e.errno] = (errnos[e.errno] ?? 0) + 1;
      else if (PYTHON.has(name) && !V8.test(message)) python[name] = (python[name] ?? 0) + 1;
      else if (odd.length < 50) odd.push((c.k === 'r' ? 'syscall ' + c.nr : c.f) + ' ' + JSON.stringify(c.a) + ': ' + name + ': ' + message);
    }
    calls++;
  }
  os.syscall(37, 0);
  os.set_blocking(1000, true);
  const text = new TextEncoder().encode('FUZZ ' + JSON.stringify({ calls, errnos, python, odd }) + '\n');
  for (let off = 0; off < text.length;) off += os.write(1000, text.subarray(off));
  return 0;
}
`;
