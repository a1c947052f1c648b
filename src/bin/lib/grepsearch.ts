/**
 * grep's search of files: one descriptor line by line (selection, -c -l -L -q -o, context with
 * `--` between groups, the binary-file check on the first block, -m), and one operand (a file,
 * `-`, or with -r/-R a directory tree in byte order, with --include/--exclude/--exclude-dir).
 */
import os, { OSError } from 'posixbox/os';
import { reason, type Tool } from '../lib.js';
import type { Matcher } from './grepmatch.js';
import { closeIn, openIn, readLines } from './textio.js';
import type { OutStream } from './stdio.js';

export interface Options {
  readonly m: Matcher;
  readonly invert: boolean;
  readonly count: boolean;
  readonly list: 'none' | 'matches' | 'nonmatches';
  readonly only: boolean;
  readonly quiet: boolean;
  readonly silent: boolean;
  readonly names: boolean;
  readonly lineNumbers: boolean;
  readonly byteOffsets: boolean;
  readonly nul: boolean;
  readonly eol: string;
  readonly max: number;
  readonly text: boolean;
  readonly recurse: 'no' | 'r' | 'R';
  readonly label: string;
  readonly before: number;
  readonly after: number;
  readonly context: Context;
  /** --include, --exclude, --exclude-dir globs (on the last part of a name). */
  readonly include: readonly RegExp[];
  readonly exclude: readonly RegExp[];
  readonly excludeDir: readonly RegExp[];
}

/** What searching one file found. */
export interface Found { selected: boolean; error: boolean }

/** -q found a line: stop everything, status 0. */
export class Quit extends Error {}

/** Context state that spans files: the last line printed, for `--` between groups. */
export interface Context { printed: boolean; lastFile: string; lastLine: number }

function searchFd(t: Tool, o: Options, w: OutStream, fd: number, name: string): boolean {
  const sep = o.nul ? '\0' : ':';
  const prefix = (n: number, off: number, mark: string): string =>
    `${o.names ? name + (o.nul ? '\0' : mark) : ''}${o.lineNumbers ? `${n}${mark}` : ''}${o.byteOffsets ? `${off}${mark}` : ''}`;
  let binary = false;
  let firstChunk = true;
  const onChunk = (c: string): void => {
    if (firstChunk && !o.text && o.eol === '\n' && c.includes('\0')) binary = true;
    firstChunk = false;
  };
  const printing = !o.count && o.list === 'none' && !o.quiet;
  const context = printing && !o.only && (o.before > 0 || o.after > 0);
  const before: Array<{ n: number; off: number; text: string }> = [];
  let afterLeft = 0;
  const emit = (n: number, off: number, text: string, mark: string): void => {
    const cx = o.context;
    if (context && cx.printed && (cx.lastFile !== name || n > cx.lastLine + 1)) w.writeBin('--\n');
    cx.printed = true;
    cx.lastFile = name;
    cx.lastLine = n;
    w.writeBin(`${prefix(n, off, mark)}${text}${o.eol}`);
  };
  let count = 0;
  let n = 0;
  let offset = 0;
  if (o.max <= 0) return false;
  for (const line of readLines(fd, o.eol, onChunk)) {
    n++;
    const start = offset;
    offset += line.text.length + (line.terminated ? 1 : 0);
    const selected = count < o.max && o.m.test(line.text) !== o.invert;
    if (!selected) {
      if (count >= o.max && afterLeft === 0) break;
      if (afterLeft > 0) { emit(n, start, line.text, '-'); afterLeft--; continue; }
      if (context && o.before > 0) {
        before.push({ n, off: start, text: line.text });
        if (before.length > o.before) before.shift();
      }
      continue;
    }
    count++;
    if (o.quiet) throw new Quit();
    if (o.list !== 'none') break;
    if (!o.count) {
      if (binary) {
        t.warn(`${name}: binary file matches`);
        break;
      }
      if (o.only) {
        if (!o.invert) {
          for (const [s, e] of o.m.matches(line.text)) w.writeBin(`${prefix(n, start + s, sep)}${line.text.slice(s, e)}${o.eol}`);
        }
      } else {
        for (const b of before.splice(0)) emit(b.n, b.off, b.text, '-');
        emit(n, start, line.text, sep);
        afterLeft = context ? o.after : 0;
      }
    }
    if (count >= o.max && afterLeft === 0) break;
  }
  if (o.count && !o.quiet) w.writeBin(`${o.names ? name + sep : ''}${count}\n`);
  if (!o.quiet && ((o.list === 'matches' && count > 0) || (o.list === 'nonmatches' && count === 0))) w.writeBin(`${name}${o.nul ? '\0' : '\n'}`);
  return count > 0;
}

/** Search one operand (a file, `-`, or with -r a directory tree). */
export function searchPath(t: Tool, o: Options, w: OutStream, path: string, shown: string, top: boolean, depth: number): Found {
  const found: Found = { selected: false, error: false };
  const fail = (e: unknown): Found => {
    if (!o.silent) t.warn(`${shown}: ${reason(e)}`);
    found.error = true;
    return found;
  };
  const base = path.replace(/\/+$/, '').split('/').pop() ?? path;
  const skipFile = (): boolean => (o.include.length > 0 && !o.include.some((g) => g.test(base))) || o.exclude.some((g) => g.test(base));
  if (path === '-' && top) {
    found.selected = searchFd(t, o, w, 0, o.label);
    return found;
  }
  if (o.recurse !== 'no' && depth < 256) {
    let isDir = false;
    try {
      const st = top || o.recurse === 'R' ? os.stat(path) : os.lstat(path);
      isDir = (st.st_mode & 0o170000) === 0o040000;
      if (!top && !isDir && (st.st_mode & 0o170000) !== 0o100000) return found; // devices, links: skipped
    } catch (e) {
      return fail(e);
    }
    if (isDir) {
      if (!top && o.excludeDir.some((g) => g.test(base))) return found;
      let names: string[];
      try {
        names = os.listdir(path).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      } catch (e) {
        return fail(e);
      }
      for (const name of names) {
        const sub = path.endsWith('/') ? path + name : `${path}/${name}`;
        const r = searchPath(t, o, w, sub, shown === '' ? name : shown.endsWith('/') ? shown + name : `${shown}/${name}`, false, depth + 1);
        found.selected ||= r.selected;
        found.error ||= r.error;
      }
      return found;
    }
  }
  if (skipFile()) return found;
  let fd: number;
  try {
    fd = openIn(path);
  } catch (e) {
    return fail(e);
  }
  try {
    found.selected = searchFd(t, o, w, fd, shown);
  } catch (e) {
    if (!(e instanceof OSError)) throw e;
    return fail(e);
  } finally {
    closeIn(fd);
  }
  return found;
}
