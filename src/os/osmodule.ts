/**
 * The os module a program imports: Python's names over posixbox's system calls. Built once per
 * process by the runtime (makeModules), which also builds the companions (stat, signal, time,
 * sys, atexit, pwd, grp, open).
 */
import { SYS } from '../kernel/abi/sysno.js';
import * as F from '../kernel/abi/fcntl.js';
import { strerror } from '../kernel/abi/errno.js';
import { OSError, ValueError, wrap } from './errors.js';
import { allocate, cSsize } from './pyargs.js';
import { makeFileApi } from './fileapi.js';
import { makePathApi } from './pathapi.js';
import { makeDirApi } from './dirapi.js';
import { Environ, makeCredApi } from './credapi.js';
import { statModule } from './statmod.js';
import { makeAtexit, makeOpen, makeResource, makeSignal, makeSys, makeTime } from './pymodules.js';
import { makeProcApi } from './procapi.js';
import { makeTtyApi } from './ttyapi.js';
import { makePopenApi } from './popenapi.js';
import { makeSelect } from './selectmod.js';
import { makeStatvfsApi } from './statvfs.js';
import { makeSyscallApi } from './syscallapi.js';
import * as P from './posixpath.js';
import type { ProcessRuntime } from './runtime-types.js';

export function makeOs(rt: ProcessRuntime) {
  const { sys } = rt;
  const files = makeFileApi(rt);
  const paths = makePathApi(rt);
  const dirs = makeDirApi(rt, paths);
  const creds = makeCredApi(rt);
  const procs = makeProcApi(rt);
  const { subprocess, ...pipes } = makePopenApi(rt, files, procs);
  const environ = new Environ(rt.env, rt.env);

  const os = {
    ...files, ...paths, ...dirs, ...creds, ...procs, ...pipes, ...makeTtyApi(rt).os, ...makeStatvfsApi(rt), ...makeSyscallApi(rt),
    subprocess,
    error: OSError,
    OSError,
    environ,
    getenv: (key: string, dflt?: string): string | undefined => environ.get(key, dflt),
    putenv: (key: string, value: string): void => { rt.env.set(key, value); },
    unsetenv: (key: string): void => { rt.env.delete(key); },
    getpid: (): number => sys.call('getpid', SYS.getpid),
    getppid: (): number => sys.call('getppid', SYS.getppid),
    /** _exit: end the process now; no atexit handlers, no stdio flush. */
    _exit: (status: number): never => sys.exit(SYS.exit_group, status),
    umask: (mask: number): number => wrap('umask', undefined, () => sys.call('umask', SYS.umask, mask)),
    /** sethostname(2) (Python has it as socket.sethostname): root only. */
    sethostname: (name: string): void => { wrap('sethostname', undefined, () => sys.callWith('sethostname', SYS.sethostname, [name])); },
    uname() {
      sys.call('uname', SYS.uname);
      const [sysname = '', nodename = '', release = '', version = '', machine = ''] = sys.outText().split('\0');
      return { sysname, nodename, release, version, machine };
    },
    /** urandom: n as CPython takes it (a Py_ssize_t, not negative); too much memory is MemoryError. */
    urandom(size: number | bigint): Uint8Array {
      const n = cSsize(size);
      if (n < 0) throw new ValueError('negative argument not allowed');
      const out = allocate(n);
      for (let off = 0; off < n;) {
        const got = sys.call('getrandom', SYS.getrandom, Math.min(n - off, 65536), 0);
        sys.outInto(out.subarray(off, off + got));
        off += got;
      }
      return out;
    },
    strerror,
    cpu_count: (): number => 1,
    curdir: P.curdir, pardir: P.pardir, sep: P.sep, altsep: null, extsep: P.extsep,
    pathsep: P.pathsep, defpath: P.defpath, devnull: P.devnull, linesep: '\n', name: 'posix',
    O_RDONLY: F.O_RDONLY, O_WRONLY: F.O_WRONLY, O_RDWR: F.O_RDWR, O_CREAT: F.O_CREAT, O_EXCL: F.O_EXCL,
    O_NOCTTY: F.O_NOCTTY, O_TRUNC: F.O_TRUNC, O_APPEND: F.O_APPEND, O_NONBLOCK: F.O_NONBLOCK,
    O_DIRECTORY: F.O_DIRECTORY, O_NOFOLLOW: F.O_NOFOLLOW, O_CLOEXEC: F.O_CLOEXEC, O_SYNC: F.O_SYNC,
    O_DSYNC: F.O_DSYNC, O_ACCMODE: F.O_ACCMODE, O_PATH: F.O_PATH,
    F_OK: F.F_OK, R_OK: F.R_OK, W_OK: F.W_OK, X_OK: F.X_OK,
    SEEK_SET: F.SEEK_SET, SEEK_CUR: F.SEEK_CUR, SEEK_END: F.SEEK_END,
    F_DUPFD: F.F_DUPFD, F_GETFD: F.F_GETFD, F_SETFD: F.F_SETFD, F_GETFL: F.F_GETFL, F_SETFL: F.F_SETFL,
    FD_CLOEXEC: F.FD_CLOEXEC,
  };
  return os;
}

export type OsModule = ReturnType<typeof makeOs>;

/** Every module a program may import, by specifier. */
export function makeModules(rt: ProcessRuntime): Map<string, Record<string, unknown>> {
  const os = makeOs(rt);
  const time = makeTime(rt);
  const sysmod = makeSys(rt, os);
  const { termios, tty } = makeTtyApi(rt);
  const named = {
    termios, tty,
    stat: statModule, signal: makeSignal(rt), time, sys: sysmod, atexit: makeAtexit(rt), resource: makeResource(rt),
    pwd: os.pwd, grp: os.grp, open: makeOpen(os), OSError, path: os.path, subprocess: os.subprocess, select: makeSelect(rt),
  };
  return new Map<string, Record<string, unknown>>([['posixbox/os', { default: os, ...named }]]);
}
