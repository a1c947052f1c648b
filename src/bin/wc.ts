/**
 * wc — count lines, words and bytes, as GNU coreutils 9.1 wc in the C locale: -l lines, -w words
 * (runs of non-white-space bytes that start with a printable one), -c bytes, -m characters (bytes in the C locale, code points
 * in a UTF-8 one), -L the longest line's display width (tabs to 8 columns); by default -lwc,
 * printed in the order lines, words, chars, bytes, max-line-length. Column width as coreutils
 * computes it: the digits of the regular files' total size, at least 7 when an input is not a
 * regular file (standard input, a pipe, a directory), 1 for one count of one file. A `total`
 * line for several files. Not done: --files0-from, --total=WHEN.
 */
import os, { OSError } from 'posixbox/os';
import { program, quotef, reason } from './lib.js';
import { closeIn, openIn } from './lib/textio.js';

interface Counts { lines: number; words: number; chars: number; bytes: number; longest: number }

/** isspace in the C locale. */
const isSpace = (c: number): boolean => c === 32 || (c >= 9 && c <= 13);

/** A counter over chunks; state (in a word, the column) carries across chunks. */
function counter(utf8: boolean): { add(b: Uint8Array): void; counts: Counts } {
  const counts: Counts = { lines: 0, words: 0, chars: 0, bytes: 0, longest: 0 };
  let inWord = false;
  let col = 0;
  return {
    counts,
    add(b) {
      counts.bytes += b.length;
      for (const c of b) {
        if (!utf8 || (c & 0xc0) !== 0x80) counts.chars++;
        if (c === 10) counts.lines++;
        if (isSpace(c)) {
          inWord = false;
          if (c === 10 || c === 13 || c === 12) {
            counts.longest = Math.max(counts.longest, col);
            col = 0;
          } else if (c === 9) {
            col += 8 - (col % 8);
          } else if (c === 32) {
            col++;
          }
        } else if ((c >= 32 && c < 127) || (utf8 && c >= 0xc0)) {
          // Only printable bytes start words; others neither start nor end one.
          if (!inWord) counts.words++;
          inWord = true;
          col++;
        }
      }
      counts.longest = Math.max(counts.longest, col);
    },
  };
}

export const main = program('wc', {
  usage: '[OPTION]... [FILE]...',
  about: 'Print newline, word, and byte counts for each FILE, and a total line if more than one FILE is specified.',
  short: 'clLmw',
  long: { bytes: 'c', chars: 'm', lines: 'l', 'max-line-length': 'L', words: 'w' },
}, (t, a) => {
  const picked = ['l', 'w', 'm', 'c', 'L'].filter((k) => a.has(k));
  const show = picked.length > 0 ? picked : ['l', 'w', 'c'];
  const env = os.environ;
  const utf8 = /utf-?8/i.test(env.get('LC_ALL') || env.get('LC_CTYPE') || env.get('LANG') || '');
  const files = a.operands.length > 0 ? a.operands : ['-'];
  // Open and stat every input first: the column width depends on them all.
  const inputs = files.map((name) => {
    try {
      const fd = openIn(name);
      const st = os.fstat(fd);
      return { name, fd, regular: (st.st_mode & 0o170000) === 0o100000, size: st.st_size };
    } catch (e) {
      return { name, fd: -1, regular: false, size: 0, error: reason(e) };
    }
  });
  let width = 1;
  if (!(files.length === 1 && show.length === 1)) {
    const total = inputs.reduce((s, i) => s + (i.fd >= 0 && i.regular ? i.size : 0), 0);
    width = Math.max(String(total).length, inputs.some((i) => i.fd >= 0 && !i.regular) ? 7 : 1);
  }
  const line = (c: Counts, name: string | undefined): string => {
    const value: Record<string, number> = { l: c.lines, w: c.words, m: c.chars, c: c.bytes, L: c.longest };
    return `${show.map((k) => String(value[k]).padStart(width)).join(' ')}${name === undefined ? '' : ` ${name}`}\n`;
  };
  const total: Counts = { lines: 0, words: 0, chars: 0, bytes: 0, longest: 0 };
  let status = 0;
  for (const input of inputs) {
    if ('error' in input) {
      t.warn(`${quotef(input.name)}: ${input.error}`);
      status = 1;
      continue;
    }
    const k = counter(utf8);
    try {
      for (let b = os.read(input.fd, 65536), n = 0; b.length > 0 && n < 1 << 16; b = os.read(input.fd, 65536), n++) k.add(b);
    } catch (e) {
      if (!(e instanceof OSError)) throw e;
      t.warn(`${quotef(input.name)}: ${e.strerror}`);
      status = 1;
    } finally {
      closeIn(input.fd);
    }
    const c = k.counts;
    total.lines += c.lines; total.words += c.words; total.chars += c.chars; total.bytes += c.bytes;
    total.longest = Math.max(total.longest, c.longest);
    t.stdout.write(line(c, a.operands.length === 0 ? undefined : input.name));
  }
  if (files.length > 1) t.stdout.write(line(total, 'total'));
  return status;
});
