/**
 * echo — write the arguments, separated by spaces, and a newline, as coreutils echo does:
 * leading arguments are options only if made of n, e, E alone (`-neE`; `-x`, `-`, `--` are text);
 * -n: no newline; -e: interpret \\ \a \b \c \e \f \n \r \t \v \0NNN \NNN \xHH (\c: stop all
 * output here); -E: do not (the default). An unknown escape is printed as it stands.
 */
import { concatBytes, entry, soleHelpOrVersion } from './lib.js';

const encoder = new TextEncoder();
const SIMPLE: Record<string, number> = { '\\': 92, a: 7, b: 8, e: 27, f: 12, n: 10, r: 13, t: 9, v: 11 };
const SPEC = { usage: '[SHORT-OPTION]... [STRING]...', about: 'Echo the STRING(s) to standard output.' };

/** Append the bytes of `s` with -e escapes applied; returns false at \c (stop all output). */
function unescape(s: string, parts: Uint8Array[]): boolean {
  let run = 0;
  const flush = (end: number): void => { parts.push(encoder.encode(s.slice(run, end))); };
  for (let i = 0; i < s.length; i++) {
    if (s[i] !== '\\' || i + 1 >= s.length) continue;
    flush(i);
    const c = s[++i]!;
    let digits = '';
    if (c === 'c') return false;
    if (c in SIMPLE) {
      parts.push(Uint8Array.of(SIMPLE[c]!));
    } else if (c === 'x' && /[0-9a-fA-F]/.test(s[i + 1] ?? '')) {
      digits = /^[0-9a-fA-F]{1,2}/.exec(s.slice(i + 1))![0];
      parts.push(Uint8Array.of(parseInt(digits, 16)));
    } else if (c >= '0' && c <= '7') {
      // \0 takes up to three more octal digits; \1 to \7 up to two more.
      digits = /^[0-7]*/.exec(s.slice(i + 1))![0].slice(0, c === '0' ? 3 : 2);
      parts.push(Uint8Array.of(parseInt(c + digits, 8) & 0xff));
    } else {
      parts.push(encoder.encode(`\\${c}`));
    }
    i += digits.length;
    run = i + 1;
  }
  flush(s.length);
  return true;
}

export function main(argv: string[]): number {
  if (soleHelpOrVersion('echo', SPEC, argv)) return 0;
  let newline = true;
  let escapes = false;
  let i = 1;
  for (; i < argv.length && /^-[neE]+$/.test(argv[i]!); i++) {
    for (const c of argv[i]!.slice(1)) {
      if (c === 'n') newline = false;
      else escapes = c === 'e';
    }
  }
  const parts: Uint8Array[] = [];
  let more = true;
  argv.slice(i).forEach((word, w) => {
    if (!more) return;
    if (w > 0) parts.push(Uint8Array.of(32));
    if (escapes) more = unescape(word, parts);
    else parts.push(encoder.encode(word));
  });
  if (newline && more) parts.push(Uint8Array.of(10));
  return entry(argv[0] || 'echo', (t) => (t.stdout.write(concatBytes(parts)), 0));
}
