/**
 * tail — the last part of files, as GNU coreutils 9.1 tail: -n N lines (default 10), -c N bytes,
 * `+N` to start at line/byte N, suffixes (1k, 2M, 512b), the obsolete `-5`/`+5` forms as the
 * first argument, -q/-v headers as head, -z lines ending in NUL. Not done: -f/-F (following a
 * growing file), --pid, -s.
 */
import { Fatal, program, quoteaf } from './lib.js';
import { eachFile, parseSize, readAll } from './lib/textio.js';

/** The part of b that tail prints: from unit `n` (fromStart) or the last `n` units. */
function pick(b: Uint8Array, n: bigint, fromStart: boolean, lines: boolean, eol: number): Uint8Array {
  const len = BigInt(b.length);
  if (!lines) {
    const start = fromStart ? (n === 0n ? 0n : n - 1n) : len - n;
    return b.subarray(start <= 0n ? 0 : start >= len ? b.length : Number(start));
  }
  if (fromStart) {
    let left = n <= 1n ? 0n : n - 1n;
    let i = 0;
    while (left > 0n && i < b.length) {
      if (b[i] === eol) left--;
      i++;
    }
    return b.subarray(i);
  }
  if (n === 0n) return b.subarray(b.length);
  // Walk back over n line ends; a final line without its end counts as one.
  let left = n;
  let i = b.length - 1;
  if (i >= 0 && b[i] === eol) i--;
  for (; i >= 0; i--) {
    if (b[i] === eol && --left === 0n) break;
  }
  return b.subarray(i + 1);
}

/** The obsolete `-NUM[bcl][fq]` / `+NUM…` first argument as today's options. */
function modernize(argv: string[]): string[] {
  const m = argv.length > 1 ? /^([-+])(\d*)([bcl]?)$/.exec(argv[1]!) : null;
  if (!m || (m[1] === '-' && m[2] === '') || (m[1] === '+' && argv.length > 3)) return argv;
  const digits = m[2] || '10';
  const count = `${m[1] === '+' ? '+' : ''}${digits}${m[3] === 'b' ? 'b' : ''}`;
  return [argv[0]!, m[3] === 'c' || m[3] === 'b' ? '-c' : '-n', count, ...argv.slice(2)];
}

const run = program('tail', {
  usage: '[OPTION]... [FILE]...',
  about: 'Print the last 10 lines of each FILE to standard output.',
  short: 'c:n:qvz',
  long: { 'bytes=': 'c', 'lines=': 'n', quiet: 'q', silent: 'q', verbose: 'v', 'zero-terminated': 'z' },
}, (t, a) => {
  let lines = true;
  let count = 10n;
  let fromStart = false;
  for (const [k, v] of a.opts) {
    if (k !== 'n' && k !== 'c') continue;
    lines = k === 'n';
    fromStart = v.startsWith('+');
    const n = parseSize(v.replace(/^[-+]/, ''));
    if (n === undefined || /^[-+][-+]/.test(v)) throw new Fatal(`invalid number of ${lines ? 'lines' : 'bytes'}: ${quoteaf(v)}`);
    count = n;
  }
  const eol = a.has('z') ? 0 : 10;
  return eachFile(t, a, (fd) => {
    t.stdout.write(pick(readAll(fd), count, fromStart, lines, eol));
  });
});

export const main = (argv: string[]): number => run(modernize(argv));
