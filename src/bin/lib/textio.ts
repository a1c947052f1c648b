/**
 * Byte-exact text I/O for the text utilities (head, tail, wc, sort, uniq, cut, tr, tee, grep, sed,
 * xargs). They work as GNU's do in the C locale: on bytes. A file's bytes become a "binary string"
 * (one char per byte, U+0000–U+00FF, as Latin-1) so string methods and RegExps see bytes, and go
 * back to bytes unchanged on output (OutStream.writeBin, lib/stdio.ts).
 */
import os, { OSError } from 'posixbox/os';
import { concatBytes, quoteaf, reason, type Args, type Tool } from '../lib.js';

const CHUNK = 65536;
/** The most a utility reads from one input (a bound on every read loop): 1 GiB. */
const MAX_INPUT = 1 << 30;
const PIECE = 8192;

/** Bytes → binary string (one char per byte). */
export function toBin(b: Uint8Array): string {
  let s = '';
  for (let i = 0; i < b.length; i += PIECE) s += String.fromCharCode(...b.subarray(i, i + PIECE));
  return s;
}

/** Binary string → bytes (chars above 0xff, which binary strings never hold, are cut to 8 bits). */
export function fromBin(s: string): Uint8Array {
  const b = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) b[i] = s.charCodeAt(i);
  return b;
}

/** A text argument (a command line's UTF-8 string) as a binary string of its bytes. */
export function argBin(s: string): string {
  return /^[\x00-\x7f]*$/.test(s) ? s : toBin(new TextEncoder().encode(s));
}

/** A binary string shown as text again (its bytes decoded as UTF-8), for messages and argv. */
export function binText(s: string): string {
  return /^[\x00-\x7f]*$/.test(s) ? s : new TextDecoder().decode(fromBin(s));
}

/** Every byte up to end of file (bounded by MAX_INPUT); throws OSError. */
export function readAll(fd: number): Uint8Array {
  const parts: Uint8Array[] = [];
  let total = 0;
  while (total < MAX_INPUT) {
    const b = os.read(fd, CHUNK);
    if (b.length === 0) break;
    parts.push(b.slice());
    total += b.length;
  }
  return concatBytes(parts);
}

/** open(2) for reading, `-` being standard input (0); throws OSError. */
export function openIn(name: string): number {
  return name === '-' ? 0 : os.open(name, os.O_RDONLY);
}

/** Close what openIn opened (never standard input). */
export function closeIn(fd: number): void {
  if (fd !== 0) os.close(fd);
}

/**
 * Lines of a binary string split on `sep`, each without its separator; `terminated` says whether
 * the final line had one (a file not ending in newline has a final line without).
 */
export function splitLines(s: string, sep = '\n'): { lines: string[]; terminated: boolean } {
  if (s === '') return { lines: [], terminated: true };
  const terminated = s.endsWith(sep);
  const lines = (terminated ? s.slice(0, -1) : s).split(sep);
  return { lines, terminated };
}

/** The value of a numeric option, as coreutils' xstrtoumax with suffixes (b k K m M g G, KB KiB…). */
export function parseSize(text: string): bigint | undefined {
  const m = /^\s*\+?(\d+)([a-zA-Z]*)$/.exec(text);
  if (!m) return undefined;
  const n = BigInt(m[1]!);
  const suffix = m[2]!;
  if (suffix === '') return n;
  if (suffix === 'b') return n * 512n;
  const unit = suffix[0] === 'k' || suffix[0] === 'm' ? suffix[0].toUpperCase() : suffix[0]!;
  const power = 'KMGTPEZY'.indexOf(unit) + 1;
  if (power === 0) return undefined;
  const rest = suffix.slice(1);
  const base = rest === '' || rest === 'iB' ? 1024n : rest === 'B' ? 1000n : undefined;
  if (base === undefined) return undefined;
  return n * base ** BigInt(power);
}

/** One line read by readLines: its text without the separator, and whether it had one. */
export interface Line {
  readonly text: string;
  readonly terminated: boolean;
}

/**
 * The lines of fd as binary strings, read a chunk at a time (so that `yes | grep -q y` ends),
 * at most MAX_INPUT bytes. `onChunk` sees each chunk as read (grep's binary-file check).
 */
export function* readLines(fd: number, sep = '\n', onChunk?: (chunk: string) => void): Generator<Line, void, undefined> {
  let pending = '';
  let total = 0;
  while (total < MAX_INPUT) {
    const b = os.read(fd, CHUNK);
    if (b.length === 0) break;
    total += b.length;
    const chunk = toBin(b);
    onChunk?.(chunk);
    pending += chunk;
    let start = 0;
    for (let at = pending.indexOf(sep); at >= 0; at = pending.indexOf(sep, start)) {
      yield { text: pending.slice(start, at), terminated: true };
      start = at + 1;
    }
    pending = pending.slice(start);
  }
  if (pending !== '') yield { text: pending, terminated: false };
}

/**
 * head's and tail's loop over FILE operands (`-` or none: standard input): `==> name <==`
 * headers when there are several (or -v; -q turns them off), `cannot open` and `error reading`
 * reported and counted, each file closed. Returns the exit status.
 */
export function eachFile(t: Tool, a: Args, each: (fd: number) => void): number {
  const files = a.operands.length > 0 ? a.operands : ['-'];
  const verbose = a.opts.reduce((v, [k]) => (k === 'v' ? true : k === 'q' ? false : v), files.length > 1);
  let status = 0;
  let first = true;
  for (const name of files) {
    let fd: number;
    try {
      fd = openIn(name);
    } catch (e) {
      t.warn(`cannot open ${quoteaf(name)} for reading: ${reason(e)}`);
      status = 1;
      continue;
    }
    try {
      if (verbose) t.stdout.write(`${first ? '' : '\n'}==> ${name === '-' ? 'standard input' : name} <==\n`);
      first = false;
      each(fd);
    } catch (e) {
      if (!(e instanceof OSError)) throw e;
      t.warn(`error reading ${quoteaf(name)}: ${reason(e)}`);
      status = 1;
    } finally {
      closeIn(fd);
    }
  }
  return status;
}
