/**
 * find — search for files in a directory hierarchy, as GNU findutils' find:
 *   find [-H] [-L] [-P] [path...] [expression]
 * The paths are the arguments before the first that starts with `-`, `(` or `!` (`.` if none);
 * the expression (lib/findexpr.ts) is evaluated on each file, top-down (or bottom-up with -depth
 * or -delete); without an action it is `( expr ) -print`. An unreadable directory or a missing
 * path is reported (`find: 'x': Permission denied`) and the walk goes on; the status is then 1.
 * `-exec cmd {} ;` runs cmd per file, `-exec cmd {} +` in batches at the end. -L follows links
 * (with findutils' loop message), -H only on the command line.
 * -printf is lib/findprintf.ts. Not done: -fprint, -ls, -ok, -execdir, -regex, -newerXY, -samefile, -xtype.
 */
import os, { OSError, stat } from 'posixbox/os';
import { entry, Fatal, reason, WriteError, type OutStream, type Tool } from './lib.js';
import { spawnp } from './lib/children.js';
import { parseExpression, type Entry, type Walk } from './lib/findexpr.js';

type Stat = ReturnType<typeof os.stat>;

const ENOENT = 2, ENOTDIR = 20;
/** Arguments per `{} +` command (well under ARG_MAX, as findutils sizes its batches). */
const BATCH = 4096;

const quoted = (p: string): string => `'${p}'`;

class Finder implements Walk {
  status = 0;
  private pruned = false;
  quitting = false;
  private readonly queued: string[][];

  constructor(private readonly out: OutStream, private readonly warn: (m: string) => void, private readonly cmds: readonly string[][]) {
    this.queued = cmds.map(() => []);
  }

  print(text: string): void {
    if (this.quitting) return;
    try {
      this.out.write(text);
    } catch (e) {
      if (!(e instanceof WriteError)) throw e;
      this.fail(`write error: ${e.message}`);
      this.quitting = true;
    }
  }
  prune(): void {
    this.pruned = true;
  }
  quit(): void {
    this.quitting = true;
  }
  fail(message: string): void {
    this.warn(message);
    this.status = 1;
  }
  run(argv: readonly string[]): boolean {
    let pid: number;
    try {
      pid = spawnp(this.out, argv);
    } catch (e) {
      this.fail(`${quoted(argv[0]!)}: ${reason(e)}`);
      return false;
    }
    for (let guard = 0; guard < 1_000_000; guard++) {
      const [, sts] = os.waitpid(pid, 0);
      if (os.WIFEXITED(sts)) return os.WEXITSTATUS(sts) === 0;
      if (os.WIFSIGNALED(sts)) return false;
    }
    return false;
  }
  batch(id: number, path: string): void {
    const q = this.queued[id]!;
    q.push(path);
    if (q.length >= BATCH) this.flush(id);
  }
  flush(id: number): void {
    const q = this.queued[id]!;
    if (q.length === 0) return;
    const argv = [...this.cmds[id]!, ...q.splice(0)];
    if (!this.run(argv)) this.status = 1;
  }
  flushAll(): void {
    for (let id = 0; id < this.cmds.length; id++) this.flush(id);
  }
  remove(e: Entry): boolean {
    if (e.path === '.' && e.depth === 0) return true;
    try {
      if (stat.S_ISDIR(e.st.st_mode)) os.rmdir(e.path);
      else os.unlink(e.path);
      return true;
    } catch (err) {
      this.fail(`cannot delete ${quoted(e.path)}: ${reason(err)}`);
      return false;
    }
  }
  /** Evaluate on one entry; whether to descend (not pruned). */
  visit(pred: (e: Entry, w: Walk) => boolean, e: Entry): boolean {
    this.pruned = false;
    pred(e, this);
    return !this.pruned;
  }
}

interface Options {
  readonly follow: 'P' | 'L' | 'H';
  readonly maxdepth: number;
  readonly mindepth: number;
  readonly depthFirst: boolean;
  readonly pred: (e: Entry, w: Walk) => boolean;
}

function statFor(path: string, follow: boolean): Stat {
  if (!follow) return os.lstat(path);
  try {
    return os.stat(path);
  } catch (e) {
    if (e instanceof OSError && (e.errno === ENOENT || e.errno === ENOTDIR)) return os.lstat(path);
    throw e;
  }
}

function walk(f: Finder, o: Options, start: string, path: string, name: string, depth: number, ancestors: Array<{ dev: number; ino: number; path: string }>): void {
  if (f.quitting) return;
  let st: Stat;
  try {
    st = statFor(path, o.follow === 'L' || (o.follow === 'H' && depth === 0));
  } catch (e) {
    f.fail(`${quoted(path)}: ${reason(e)}`);
    return;
  }
  const e: Entry = { path, name, depth, start, st };
  const isDir = stat.S_ISDIR(st.st_mode);
  if (isDir && o.follow !== 'P') {
    const loop = ancestors.find((a) => a.dev === st.st_dev && a.ino === st.st_ino);
    if (loop) {
      f.fail(`File system loop detected; ${quoted(path)} is part of the same file system loop as ${quoted(loop.path)}.`);
      return;
    }
  }
  let descend = true;
  if (!o.depthFirst && depth >= o.mindepth) descend = f.visit(o.pred, e);
  if (isDir && descend && depth < o.maxdepth && !f.quitting) {
    let names: string[] | undefined;
    try {
      names = os.listdir(path);
    } catch (err) {
      f.fail(`${quoted(path)}: ${reason(err)}`);
    }
    const inner = [...ancestors, { dev: st.st_dev, ino: st.st_ino, path }];
    for (const n of names ?? []) {
      if (f.quitting) break;
      walk(f, o, start, path.endsWith('/') ? path + n : `${path}/${n}`, n, depth + 1, inner);
    }
  }
  if (o.depthFirst && depth >= o.mindepth && !f.quitting) f.visit(o.pred, e);
}

/** The name -name sees for a starting point: its last component, trailing slashes aside. */
const startName = (p: string): string => (/^\/+$/.test(p) ? '/' : p.replace(/\/+$/, '').split('/').pop()!);

export function main(argv: string[]): number {
  return entry(argv[0] || 'find', (t) => find(t, argv.slice(1)));
}

function find(t: Tool, args: readonly string[]): number {
  let follow: Options['follow'] = 'P';
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i]!;
    if (a === '-H' || a === '-L' || a === '-P') follow = a[1] as Options['follow'];
    else if (a === '--') { i++; break; } else break;
  }
  if (args[i] === '--help') {
    t.stdout.write('Usage: find [-H] [-L] [-P] [path...] [expression]\n');
    return 0;
  }
  const paths: string[] = [];
  for (; i < args.length; i++) {
    const a = args[i]!;
    if ((a.startsWith('-') && a !== '-') || a === '(' || a === '!' || a === ')' || a === ',') break;
    paths.push(a);
  }
  try {
    const { pred, globals } = parseExpression(args.slice(i), (m) => t.warn(m));
    const f = new Finder(t.stdout, (m) => t.warn(m), globals.batches);
    const o: Options = { follow, maxdepth: globals.maxdepth, mindepth: globals.mindepth, depthFirst: globals.depthFirst, pred };
    for (const p of paths.length ? paths : ['.']) {
      if (f.quitting) break;
      if (p === '') {
        f.fail("'': No such file or directory");
        continue;
      }
      walk(f, o, p, p, startName(p), 0, []);
    }
    f.flushAll();
    return f.status;
  } catch (e) {
    if (e instanceof Fatal) return t.warn(e.message), 1;
    throw e;
  }
}
