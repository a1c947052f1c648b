/**
 * head — the first part of files, as GNU coreutils 9.1 head: -n N lines (default 10), -c N bytes,
 * a leading `-` on the count for all but the last N, suffixes (1k, 2M, 512b), the obsolete `-5`
 * form as the first argument, -q/-v headers (`==> name <==`, shown when there are several files,
 * a blank line between), -z lines ending in NUL. `-` is standard input (`standard input` in the
 * header). Status 1 if any file could not be read.
 */
import { Fatal, program, quoteaf, type OutStream } from './lib.js';
import { eachFile, parseSize, readAll } from './lib/textio.js';
import os from 'posixbox/os';

/** Where the first `n` (or all but the last `n`) units end, in b; a unit ends at byte `eol`. */
function cut(b: Uint8Array, n: bigint, allBut: boolean, lines: boolean, eol: number): Uint8Array {
  if (!lines) {
    const k = allBut ? BigInt(b.length) - n : n;
    return b.subarray(0, k <= 0n ? 0 : k >= BigInt(b.length) ? b.length : Number(k));
  }
  const ends: number[] = [];
  for (let i = 0; i < b.length; i++) if (b[i] === eol) ends.push(i + 1);
  if (!allBut) {
    if (n >= BigInt(ends.length)) return b;
    return n === 0n ? b.subarray(0, 0) : b.subarray(0, ends[Number(n) - 1]);
  }
  // All but the last n lines; a final line without its end counts as a line.
  const total = ends.length + (ends.at(-1) === b.length || b.length === 0 ? 0 : 1);
  const keep = BigInt(total) - n;
  if (keep <= 0n) return b.subarray(0, 0);
  return b.subarray(0, ends[Number(keep) - 1] ?? b.length);
}

/** The obsolete `-NUM[bkmcl…]` first argument as today's options. */
function modernize(argv: string[]): string[] {
  const m = argv.length > 1 ? /^-(\d+)([cbkmlqvz]*)$/.exec(argv[1]!) : null;
  if (!m) return argv;
  const flags = m[2]!;
  const unit = /[cbkm]/.exec(flags)?.[0];
  const count = unit === undefined ? m[1]! : unit === 'c' ? m[1]! : `${m[1]}${unit}`;
  const rest = flags.replace(/[cbkml]/g, '');
  return [argv[0]!, unit === undefined ? '-n' : '-c', count, ...(rest ? [`-${rest}`] : []), ...argv.slice(2)];
}

const run = program('head', {
  usage: '[OPTION]... [FILE]...',
  about: 'Print the first 10 lines of each FILE to standard output.',
  short: 'c:n:qvz',
  long: { 'bytes=': 'c', 'lines=': 'n', quiet: 'q', silent: 'q', verbose: 'v', 'zero-terminated': 'z' },
}, (t, a) => {
  let lines = true;
  let count = 10n;
  let allBut = false;
  for (const [k, v] of a.opts) {
    if (k !== 'n' && k !== 'c') continue;
    lines = k === 'n';
    allBut = v.startsWith('-');
    const n = parseSize(allBut ? v.slice(1) : v);
    if (n === undefined) throw new Fatal(`invalid number of ${lines ? 'lines' : 'bytes'}: ${quoteaf(allBut ? v.slice(1) : v)}`);
    count = n;
  }
  const eol = a.has('z') ? 0 : 10;
  return eachFile(t, a, (fd) => {
    if (allBut) t.stdout.write(cut(readAll(fd), count, allBut, lines, eol));
    else copyFirst(t.stdout, fd, count, lines, eol);
  });
});

/**
 * Copy the first n bytes or lines of fd to stdout, reading no further than needed (so that
 * `yes | head -n 2` ends).
 */
function copyFirst(out: OutStream, fd: number, n: bigint, lines: boolean, eol: number): void {
  let left = n;
  while (left > 0n) {
    const b = os.read(fd, !lines && left < 65536n ? Number(left) : 65536);
    if (b.length === 0) break;
    if (!lines) {
      out.write(b);
      left -= BigInt(b.length);
      continue;
    }
    let end = b.length;
    for (let i = 0; i < b.length; i++) {
      if (b[i] === eol && --left === 0n) { end = i + 1; break; }
    }
    out.write(b.subarray(0, end));
    if (end < b.length) unread(fd, b.length - end);
  }
}

/**
 * Give back bytes read past the last line printed, as GNU head does on a seekable input, so that
 * the next reader of the same open file (`{ head -n 1; cat; } < file`) starts right after it.
 * On a pipe or terminal there is nothing to do (ESPIPE).
 */
function unread(fd: number, n: number): void {
  try {
    os.lseek(fd, -n, os.SEEK_CUR);
  } catch {
    // not seekable
  }
}

export const main = (argv: string[]): number => run(modernize(argv));
