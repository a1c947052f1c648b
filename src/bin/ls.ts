/**
 * ls — list directory contents, as GNU coreutils 9.1 ls does with output that is not a terminal,
 * in the C locale: one name per line, no colours, names as they are (literal quoting).
 *   -l long format (-n with numeric ids), -1 one per line (no effect with -l, as there)
 *   -a all, -A almost all (not . and ..), -d directories themselves, -R recursive
 *   -i inode numbers, -F indicators (`/ * @ | =`), -h sizes as 1.5K
 *   sorting: by name in byte order (strcmp); -t mtime, -S size (newest/largest first, ties by
 *   name), -U directory order; -r reverses (not -U)
 * Long format: `total N` (1K blocks, directories only), mode, right-aligned link count, owner and
 * group (left-aligned names, right-aligned numbers), size or `major, minor`, mtime (`%b %e %H:%M`
 * for the six months before now, else `%b %e  %Y`, in TZ), name, ` -> target`. An entry that
 * cannot be stat'ed shows as `-????????? ? ? ? ?            ? name`.
 * Status: 2 for an operand that cannot be accessed or opened, 1 for a problem below one.
 * Several operands: files first, then each directory under a `dir:` header, blank lines between.
 * Not done: -C/-x/-m columns, --color, --quoting-style, -s, -L/-H, --time-style, -f, -c/-u, -v.
 */
import os, { OSError, stat, time } from 'posixbox/os';
import { program, quoteaf, reason, type Tool } from './lib.js';
import { humanCeiling } from './lib/human.js';
import { groupName, userName } from './lib/ids.js';

type StatResult = ReturnType<typeof os.stat>;
type FileType = 'unknown' | 'fifo' | 'chardev' | 'directory' | 'blockdev' | 'normal' | 'symlink' | 'sock' | 'arg_directory';

/** coreutils' filetype_letter, for entries whose stat failed. */
const TYPE_LETTER: Record<FileType, string> = {
  unknown: '?', fifo: 'p', chardev: 'c', directory: 'd', blockdev: 'b', normal: '-', symlink: 'l', sock: 's', arg_directory: 'd',
};
const ENOENT = 2;
const SIX_MONTHS = 31556952n / 2n * 1_000_000_000n; // half a Gregorian year, in ns

interface Entry {
  /** The name as shown: the operand, or the directory entry's name. */
  readonly name: string;
  st?: StatResult;
  type: FileType;
  linkname?: string;
  linkmode?: number;
}

interface Options {
  all: boolean;
  almostAll: boolean;
  immediateDirs: boolean;
  recursive: boolean;
  inode: boolean;
  numeric: boolean;
  long: boolean;
  classify: boolean;
  human: boolean;
  reverse: boolean;
  sort: 'name' | 'time' | 'size' | 'none';
}

const encoder = new TextEncoder();

/** strcmp over the names' UTF-8 bytes (the C locale's collation). */
function byteCompare(a: string, b: string): number {
  if (/^[\x00-\x7f]*$/.test(a + b)) return a < b ? -1 : a > b ? 1 : 0;
  const x = encoder.encode(a);
  const y = encoder.encode(b);
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
  return x.length - y.length;
}

function typeOf(mode: number): FileType {
  if (stat.S_ISDIR(mode)) return 'directory';
  if (stat.S_ISLNK(mode)) return 'symlink';
  if (stat.S_ISREG(mode)) return 'normal';
  if (stat.S_ISFIFO(mode)) return 'fifo';
  if (stat.S_ISCHR(mode)) return 'chardev';
  if (stat.S_ISBLK(mode)) return 'blockdev';
  if (stat.S_ISSOCK(mode)) return 'sock';
  return 'unknown';
}

/** glibc's gnu_dev_major / gnu_dev_minor. */
const major = (dev: number): number => ((dev / 256) & 0xfff) | (Math.floor(dev / 2 ** 32) & ~0xfff);
const minor = (dev: number): number => (dev & 0xff) | ((Math.floor(dev / 4096)) & ~0xff);

/** gnulib file_name_concat: `dir/name` with the directory's trailing slashes folded into one. */
function concat(dir: string, name: string): string {
  const trimmed = dir.replace(/\/+$/, '');
  if (trimmed === '') return dir.startsWith('/') ? `/${name}` : name;
  return `${trimmed}/${name}`;
}

export const main = program('ls', {
  usage: '[OPTION]... [FILE]...',
  about: 'List information about the FILEs (the current directory by default).\nSort entries alphabetically if none of -tSU is specified.',
  short: '1adhilnrtAFRSU',
  long: {
    all: 'a', 'almost-all': 'A', classify: 'F', directory: 'd', 'human-readable': 'h', inode: 'i',
    'numeric-uid-gid': 'n', recursive: 'R', reverse: 'r',
  },
  failure: 2,
}, (t, a) => {
  const o: Options = {
    all: false, almostAll: false, immediateDirs: false, recursive: false, inode: false, numeric: false,
    long: false, classify: false, human: false, reverse: false, sort: 'name',
  };
  for (const [k] of a.opts) {
    switch (k) {
      case 'a': o.all = true; o.almostAll = false; break;
      case 'A': o.almostAll = true; o.all = false; break;
      case 'd': o.immediateDirs = true; break;
      case 'R': o.recursive = true; break;
      case 'i': o.inode = true; break;
      case 'l': o.long = true; break;
      case 'n': o.numeric = true; o.long = true; break;
      case '1': break; // -1 has no effect after -l, and one per line is the default
      case 'F': o.classify = true; break;
      case 'h': o.human = true; break;
      case 'r': o.reverse = true; break;
      case 't': o.sort = 'time'; break;
      case 'S': o.sort = 'size'; break;
      case 'U': o.sort = 'none'; break;
    }
  }
  return new Lister(t, o).run(a.operands);
});

class Lister {
  private status = 0;
  private files: Entry[] = [];
  private pending: Array<{ name: string; commandLine: boolean }> = [];
  private first = true;
  private printDirName = true;
  private now = -(2n ** 63n);
  private widths = { ino: 0, nlink: 0, owner: 0, group: 0, size: 0, major: 0, minor: 0 };
  private readonly users = new Map<number, string | undefined>();
  private readonly groups = new Map<number, string | undefined>();
  /** coreutils' dereference default: command-line symlinks to directories, unless -l, -d or -F. */
  private readonly derefArgs: boolean;
  private readonly needsStat: boolean;
  private readonly needsType: boolean;

  constructor(private readonly t: Tool, private readonly o: Options) {
    this.derefArgs = !(o.immediateDirs || o.classify || o.long);
    this.needsStat = o.sort === 'time' || o.sort === 'size' || o.long;
    this.needsType = !this.needsStat && (o.recursive || o.classify);
  }

  run(operands: readonly string[]): number {
    if (operands.length === 0) {
      if (this.o.immediateDirs) this.gobble('.', 'directory', true, '');
      else this.pending.push({ name: '.', commandLine: true });
    } else {
      for (const name of operands) this.gobble(name, 'unknown', true, '');
    }
    if (this.files.length > 0) {
      this.sortFiles();
      if (!this.o.immediateDirs) this.extractDirs(undefined);
    }
    if (this.files.length > 0) {
      this.printFiles();
      if (this.pending.length > 0) this.emit('\n');
    } else if (operands.length <= 1 && this.pending.length === 1) {
      this.printDirName = false;
    }
    while (this.pending.length > 0) {
      const d = this.pending.pop()!;
      this.printDir(d.name, d.commandLine);
      this.printDirName = true;
    }
    return this.status;
  }

  private fail(serious: boolean, message: string, e: unknown): void {
    this.t.warn(`${message}: ${reason(e)}`);
    if (serious) this.status = 2;
    else if (this.status === 0) this.status = 1;
  }

  private emit(s: string): void {
    this.t.stdout.write(s);
  }

  private clearFiles(): void {
    this.files = [];
    this.widths = { ino: 0, nlink: 0, owner: 0, group: 0, size: 0, major: 0, minor: 0 };
  }

  private userName(uid: number): string | undefined {
    if (this.o.numeric) return undefined;
    if (!this.users.has(uid)) this.users.set(uid, userName(uid));
    return this.users.get(uid);
  }

  private groupName(gid: number): string | undefined {
    if (this.o.numeric) return undefined;
    if (!this.groups.has(gid)) this.groups.set(gid, groupName(gid));
    return this.groups.get(gid);
  }

  /** coreutils' gobble_file: add one entry to the table; returns its 512-byte blocks. */
  private gobble(name: string, type: FileType, commandLine: boolean, dirname: string): number {
    const o = this.o;
    const f: Entry = { name, type };
    const full = dirname === '' || dirname === '.' ? name : `${dirname}${dirname.endsWith('/') ? '' : '/'}${name}`;
    // coreutils stats for -i too (a mount point's inode is not the one readdir gives)
    const need = commandLine || this.needsStat || o.inode
      || (this.needsType && (type === 'unknown' || (type === 'normal' && o.classify)));
    if (!need) {
      this.files.push(f);
      return 0;
    }
    let st: StatResult;
    try {
      st = this.statFor(full, commandLine);
    } catch (e) {
      this.fail(commandLine, `cannot access ${quoteaf(full)}`, e);
      if (!commandLine) this.files.push(f);
      return 0;
    }
    f.st = st;
    f.type = typeOf(st.st_mode);
    if (f.type === 'directory' && commandLine && !o.immediateDirs) f.type = 'arg_directory';
    if (f.type === 'symlink' && o.long) {
      try {
        f.linkname = os.readlink(full);
      } catch (e) {
        this.fail(commandLine, `cannot read symbolic link ${quoteaf(full)}`, e);
      }
      if (f.linkname !== undefined && o.classify) {
        const target = quiet(() => os.stat(full));
        if (target) f.linkmode = target.st_mode;
      }
    }
    if (o.inode) this.widths.ino = Math.max(this.widths.ino, String(st.st_ino).length);
    if (o.long) {
      const w = this.widths;
      w.nlink = Math.max(w.nlink, String(st.st_nlink).length);
      w.owner = Math.max(w.owner, (this.userName(st.st_uid) ?? String(st.st_uid)).length);
      w.group = Math.max(w.group, (this.groupName(st.st_gid) ?? String(st.st_gid)).length);
      if (stat.S_ISCHR(st.st_mode) || stat.S_ISBLK(st.st_mode)) {
        w.major = Math.max(w.major, String(major(st.st_rdev)).length);
        w.minor = Math.max(w.minor, String(minor(st.st_rdev)).length);
        w.size = Math.max(w.size, w.major + 2 + w.minor);
      } else {
        w.size = Math.max(w.size, this.sizeText(st.st_size).length);
      }
    }
    this.files.push(f);
    return st.st_blocks;
  }

  private statFor(full: string, commandLine: boolean): StatResult {
    if (!commandLine || !this.derefArgs) return os.lstat(full);
    try {
      const st = os.stat(full);
      if (stat.S_ISDIR(st.st_mode)) return st;
    } catch (e) {
      if (!(e instanceof OSError) || e.errno !== ENOENT) throw e;
    }
    return os.lstat(full);
  }

  private sizeText(size: number): string {
    return this.o.human ? humanCeiling(size) : String(size);
  }

  private sortFiles(): void {
    const o = this.o;
    if (o.sort === 'none') return;
    const key = (x: Entry, y: Entry): number => {
      if (o.sort === 'time') {
        const d = (y.st?.st_mtime_ns ?? 0n) - (x.st?.st_mtime_ns ?? 0n);
        if (d !== 0n) return d > 0n ? 1 : -1;
      } else if (o.sort === 'size') {
        const d = (y.st?.st_size ?? 0) - (x.st?.st_size ?? 0);
        if (d !== 0) return d > 0 ? 1 : -1;
      }
      return byteCompare(x.name, y.name);
    };
    this.files.sort(o.reverse ? (x, y) => key(y, x) : key);
  }

  private isDirectory(f: Entry): boolean {
    return f.type === 'directory' || f.type === 'arg_directory';
  }

  /** Queue the table's directories for listing (first one on top) and drop the operands among them. */
  private extractDirs(dirname: string | undefined): void {
    for (let i = this.files.length - 1; i >= 0; i--) {
      const f = this.files[i]!;
      if (!this.isDirectory(f)) continue;
      if (dirname !== undefined && (f.name === '.' || f.name === '..')) continue;
      this.pending.push({ name: dirname === undefined ? f.name : concat(dirname, f.name), commandLine: dirname === undefined });
    }
    this.files = this.files.filter((f) => f.type !== 'arg_directory');
  }

  private printDir(name: string, commandLine: boolean): void {
    let entries;
    try {
      entries = os.scandir(name);
    } catch (e) {
      this.fail(commandLine, `cannot open directory ${quoteaf(name)}`, e);
      return;
    }
    this.clearFiles();
    if (this.o.recursive || this.printDirName) {
      if (!this.first) this.emit('\n');
      this.first = false;
      this.emit(`${name}:\n`);
    }
    let total = 0;
    if (this.o.all) {
      for (const dot of ['.', '..']) {
        total += this.gobble(dot, 'directory', false, name);
      }
    }
    for (const e of entries) {
      if (!this.o.all && !this.o.almostAll && e.name.startsWith('.')) continue;
      const type: FileType = e.is_symlink() ? 'symlink' : e.is_dir({ follow_symlinks: false }) ? 'directory'
        : e.is_file({ follow_symlinks: false }) ? 'normal' : 'unknown';
      total += this.gobble(e.name, type, false, name);
    }
    this.sortFiles();
    if (this.o.recursive) this.extractDirs(name);
    if (this.o.long) this.emit(`total ${this.o.human ? humanCeiling(total * 512) : Math.ceil(total / 2)}\n`);
    if (this.files.length > 0) this.printFiles();
  }

  private printFiles(): void {
    for (const f of this.files) this.emit(`${this.o.long ? this.longLine(f) : this.shortLine(f)}\n`);
  }

  private inodeText(f: Entry): string {
    return f.st ? String(f.st.st_ino) : '?';
  }

  private indicator(mode: number | undefined, type: FileType): string {
    if (!this.o.classify) return '';
    const ok = mode !== undefined;
    const m = mode ?? 0;
    if (ok ? stat.S_ISREG(m) : type === 'normal') return ok && m & 0o111 ? '*' : '';
    if (ok ? stat.S_ISDIR(m) : type === 'directory' || type === 'arg_directory') return '/';
    if (ok ? stat.S_ISLNK(m) : type === 'symlink') return '@';
    if (ok ? stat.S_ISFIFO(m) : type === 'fifo') return '|';
    if (ok ? stat.S_ISSOCK(m) : type === 'sock') return '=';
    return '';
  }

  private shortLine(f: Entry): string {
    const ino = this.o.inode ? `${this.inodeText(f).padStart(this.widths.ino)} ` : '';
    return ino + f.name + this.indicator(f.st?.st_mode, f.type);
  }

  private longLine(f: Entry): string {
    const w = this.widths;
    const st = f.st;
    let p = this.o.inode ? `${this.inodeText(f).padStart(w.ino)} ` : '';
    p += st ? stat.filemode(st.st_mode) : TYPE_LETTER[f.type] + '?'.repeat(9);
    p += ` ${(st ? String(st.st_nlink) : '?').padStart(w.nlink)} `;
    const id = (name: string | undefined, n: number, width: number): string =>
      (name !== undefined ? name.padEnd(width) : String(n).padStart(width)) + ' ';
    p += st ? id(this.userName(st.st_uid), st.st_uid, w.owner) : id('?', 0, w.owner);
    p += st ? id(this.groupName(st.st_gid), st.st_gid, w.group) : id('?', 0, w.group);
    if (st && (stat.S_ISCHR(st.st_mode) || stat.S_ISBLK(st.st_mode))) {
      const blanks = w.size - (w.major + 2 + w.minor);
      p += `${String(major(st.st_rdev)).padStart(w.major + Math.max(0, blanks))}, ${String(minor(st.st_rdev)).padStart(w.minor)} `;
    } else {
      p += `${(st ? this.sizeText(st.st_size) : '?').padStart(w.size)} `;
    }
    if (st) {
      const when = st.st_mtime_ns;
      if (this.now < when) this.now = time.time_ns();
      const recent = this.now - SIX_MONTHS < when && when < this.now;
      const tm = time.localtime(Math.floor(st.st_mtime));
      p += `${time.strftime(recent ? '%b %e %H:%M' : '%b %e  %Y', tm)} `;
    } else {
      p += `${'?'.padStart(12)} `;
    }
    p += f.name;
    if (f.type === 'symlink') {
      if (f.linkname !== undefined) p += ` -> ${f.linkname}${this.o.classify ? this.indicator(f.linkmode ?? 0, 'unknown') : ''}`;
    } else {
      p += this.indicator(st?.st_mode, f.type);
    }
    return p;
  }
}

function quiet<T>(fn: () => T): T | undefined {
  try {
    return fn();
  } catch (e) {
    if (e instanceof OSError) return undefined;
    throw e;
  }
}
