/**
 * stat — display file status, as coreutils stat: the default multi-line report, -t (terse),
 * -c/--format FORMAT (a newline after each) and --printf FORMAT (backslash escapes, no newline),
 * -L to follow symbolic links; `-` is standard input (fstat). The directives:
 *   %n name  %N quoted name (-> target)  %a octal mode  %A mode string  %b blocks  %B 512
 *   %d %D device (decimal, hex)  %Hd %Ld major, minor  %f raw mode (hex)  %F file type
 *   %g %G group id, name  %u %U user id, name  %h links  %i inode  %m mount point  %o I/O block
 *   %s size  %r %R %Hr %Lr device number of a special file  %t %T its major, minor (hex)
 *   %x %y %z access, modify, change time  %X %Y %Z the same in seconds (%.9Y: fractions)
 *   %w %W birth time (the kernel keeps none: `-` and 0, as on a file system without it)
 * Not done: -f (file system status), %C (SELinux context).
 */
import os, { OSError, stat, time } from 'posixbox/os';
import { Fatal, program, quote, quoteaf, reason, UsageError, type OutStream, type Tool } from './lib.js';
import { directives, padNumber, padSeconds, padString, unescape, type Directive } from './lib/directive.js';
import { groupName, userName } from './lib/ids.js';

type Stat = ReturnType<typeof os.stat>;

const DEFAULT_HEAD = '  File: %N\n  Size: %-10s\tBlocks: %-10b IO Block: %-6o %F\n';
const DEFAULT_DEV = 'Device: %Hd,%Ld\tInode: %-10i  Links: %h\n';
const DEFAULT_SPECIAL = 'Device: %Hd,%Ld\tInode: %-10i  Links: %-5h Device type: %Hr,%Lr\n';
const DEFAULT_TAIL = 'Access: (%04a/%10.10A)  Uid: (%5u/%8U)   Gid: (%5g/%8G)\nAccess: %x\nModify: %y\nChange: %z\n Birth: %w\n';
const TERSE = '%n %s %b %f %u %g %D %i %h %t %T %X %Y %Z %W %o\n';

const major = (dev: number): number => ((dev >>> 8) & 0xfff);
const minor = (dev: number): number => (dev & 0xff) | ((dev >>> 12) & ~0xff);

function fileType(st: Stat): string {
  const m = st.st_mode;
  if (stat.S_ISREG(m)) return st.st_size === 0 ? 'regular empty file' : 'regular file';
  if (stat.S_ISDIR(m)) return 'directory';
  if (stat.S_ISLNK(m)) return 'symbolic link';
  if (stat.S_ISFIFO(m)) return 'fifo';
  if (stat.S_ISCHR(m)) return 'character special file';
  if (stat.S_ISBLK(m)) return 'block special file';
  if (stat.S_ISSOCK(m)) return 'socket';
  return 'weird file';
}

/** `2000-01-01 00:00:00.000000000 +0000` in the local time zone. */
function stamp(ns: bigint): string {
  const sec = Number(ns / 1_000_000_000n);
  const nsec = Number(ns % 1_000_000_000n);
  const tm = { ...time.localtime(sec), nsec };
  return time.strftime('%Y-%m-%d %H:%M:%S.%N %z', tm);
}

/** The mount point holding `name`: the highest ancestor on the same device. */
function mountPoint(name: string, st: Stat): string {
  let dir = stat.S_ISDIR(st.st_mode) ? name : name.includes('/') ? name.replace(/\/[^/]*\/*$/, '') || '/' : '.';
  dir = os.path.realpath(dir);
  for (let guard = 0; dir !== '/' && guard < 4096; guard++) {
    const up = dir.replace(/\/[^/]*$/, '') || '/';
    if (os.stat(up).st_dev !== st.st_dev) break;
    dir = up;
  }
  return dir;
}

interface Target {
  readonly name: string;
  readonly st: Stat;
  readonly follow: boolean;
  readonly plainNames: boolean;
}

function expand(conv: string, d: Directive, f: Target): string {
  const { st, name } = f;
  const n = (v: number | bigint, radix: 8 | 10 | 16 = 10): string => padNumber(v, radix, d);
  const s = (v: string): string => padString(v, d);
  const secs = (ns: bigint): string => padSeconds(Number(ns / 1_000_000_000n), Number(ns % 1_000_000_000n), d);
  switch (conv) {
    case 'n': return s(name);
    case 'N': {
      const q = f.plainNames ? (x: string): string => x : quoteaf;
      if (!stat.S_ISLNK(st.st_mode)) return s(q(name));
      let target = '';
      try { target = os.readlink(name); } catch { /* unreadable: shown empty */ }
      return s(`${q(name)} -> ${q(target)}`);
    }
    case 'a': return n(st.st_mode & 0o7777, 8);
    case 'A': return s(stat.filemode(st.st_mode));
    case 'b': return n(st.st_blocks);
    case 'B': return n(512);
    case 'd': return n(st.st_dev);
    case 'D': return n(st.st_dev, 16);
    case 'Hd': return n(major(st.st_dev));
    case 'Ld': return n(minor(st.st_dev));
    case 'r': return n(st.st_rdev);
    case 'R': return n(st.st_rdev, 16);
    case 'Hr': return n(major(st.st_rdev));
    case 'Lr': return n(minor(st.st_rdev));
    case 't': return n(major(st.st_rdev), 16);
    case 'T': return n(minor(st.st_rdev), 16);
    case 'f': return n(st.st_mode, 16);
    case 'F': return s(fileType(st));
    case 'g': return n(st.st_gid);
    case 'G': return s(groupName(st.st_gid) ?? 'UNKNOWN');
    case 'u': return n(st.st_uid);
    case 'U': return s(userName(st.st_uid) ?? 'UNKNOWN');
    case 'h': return n(st.st_nlink);
    case 'i': return n(st.st_ino);
    case 'm': return s(mountPoint(name, st));
    case 'o': return n(st.st_blksize);
    case 's': return n(st.st_size);
    case 'x': return s(stamp(st.st_atime_ns));
    case 'y': return s(stamp(st.st_mtime_ns));
    case 'z': return s(stamp(st.st_ctime_ns));
    case 'X': return secs(st.st_atime_ns);
    case 'Y': return secs(st.st_mtime_ns);
    case 'Z': return secs(st.st_ctime_ns);
    case 'w': return s('-');
    case 'W': return n(0);
    case '%': return '%';
    default: return '?';
  }
}

/** The output of a format; a `%%` with flags or a width is fatal, as in coreutils, after what came before. */
function render(fmt: string, f: Target, out: OutStream): string {
  let o = '';
  for (const p of directives(fmt)) {
    if ('text' in p) {
      o += p.text;
    } else if (p.conv === '%' && p.raw !== '%%') {
      out.write(o);
      throw new Fatal(`${quote(p.raw)}: invalid directive`);
    } else {
      o += expand(p.conv, p.d, f);
    }
  }
  return o;
}

function defaultFormat(st: Stat): string {
  const special = stat.S_ISCHR(st.st_mode) || stat.S_ISBLK(st.st_mode);
  return DEFAULT_HEAD + (special ? DEFAULT_SPECIAL : DEFAULT_DEV) + DEFAULT_TAIL;
}

function statOne(t: Tool, name: string, follow: boolean): Stat | undefined {
  try {
    if (name === '-') return os.fstat(0);
    return follow ? os.stat(name) : os.lstat(name);
  } catch (e) {
    t.warn(`cannot ${name === '-' ? 'stat' : 'statx'} ${quoteaf(name)}: ${reason(e)}`);
    return undefined;
  }
}

export const main = program('stat', {
  usage: '[OPTION]... FILE...',
  about: 'Display file or file system status.',
  short: 'c:fLt',
  long: { dereference: 'L', 'file-system': 'f', 'format=': 'c', 'printf=': 'printf', terse: 't' },
}, (t, a) => {
  if (a.operands.length === 0) throw new UsageError('missing operand');
  if (a.has('f')) {
    t.warn('--file-system is not supported');
    return 1;
  }
  const follow = a.has('L');
  let fmt: ((st: Stat) => string) | undefined;
  let plainNames = false;
  for (const [k, v] of a.opts) {
    if (k === 'c') fmt = () => `${v}\n`;
    else if (k === 'printf') fmt = () => unescape(v, (m) => t.warn(m));
  }
  if (fmt === undefined && a.has('t')) fmt = () => TERSE;
  if (fmt === undefined) {
    fmt = defaultFormat;
    plainNames = true;
  }
  let ok = true;
  for (const name of a.operands) {
    const st = statOne(t, name, follow);
    if (!st) {
      ok = false;
      continue;
    }
    t.stdout.write(render(fmt(st), { name, st, follow, plainNames }, t.stdout));
  }
  return ok ? 0 : 1;
});
