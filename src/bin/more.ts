/**
 * more — a simple pager, as util-linux more. When standard output is not a terminal it copies
 * the files (or standard input) like cat, with a `::::::::::::::` header before each when there
 * are several. On a terminal it shows a screenful (rows − 1 lines), then `--More--(NN%)` in
 * reverse video and reads a key from /dev/tty in cbreak mode: space shows the next screenful,
 * enter one more line, d half a screen, q quits. A file that cannot be opened is reported and
 * skipped; a directory shows `*** name: directory ***`.
 */
import os, { OSError, stat, termios, tty } from 'posixbox/os';
import { concatBytes, program, reason, type OutStream } from './lib.js';

const encoder = new TextEncoder();
const decoder = new TextDecoder();
const MAX_BYTES = 64 * 1024 * 1024;
const TCSADRAIN = 1;

function readAll(fd: number): Uint8Array {
  const parts: Uint8Array[] = [];
  let total = 0;
  for (let b = os.read(fd, 65536); b.length > 0 && total < MAX_BYTES; b = os.read(fd, 65536)) {
    parts.push(b.slice());
    total += b.length;
  }
  return concatBytes(parts);
}

/** The lines of `data`, each with its newline, and the byte offset after each. */
function lines(data: Uint8Array): Array<{ text: string; end: number }> {
  const outLines: Array<{ text: string; end: number }> = [];
  let start = 0;
  for (let i = 0; i < data.length; i++) {
    if (data[i] === 10) {
      outLines.push({ text: decoder.decode(data.subarray(start, i + 1)), end: i + 1 });
      start = i + 1;
    }
  }
  if (start < data.length) outLines.push({ text: `${decoder.decode(data.subarray(start))}\n`, end: data.length });
  return outLines;
}

/** Page through one file's content; false when the user quit. */
function page(out: OutStream, data: Uint8Array, rows: number, cols: number, keys: number): boolean {
  const ls = lines(data);
  const screen = Math.max(1, rows - 1);
  const height = (s: string): number => Math.max(1, Math.ceil((s.length - 1) / cols));
  let at = 0;
  let budget = screen;
  let erase = false;
  for (let guard = 0; at < ls.length && guard < 10_000_000; guard++) {
    let chunk = '';
    while (at < ls.length && budget > 0) {
      const l = ls[at]!.text;
      chunk += erase ? `\r${l.slice(0, -1)}\x1b[K\n` : l;
      erase = false;
      budget -= height(l);
      at++;
    }
    out.write(chunk);
    if (at >= ls.length) return true;
    const pct = Math.floor((ls[at - 1]!.end * 100) / data.length);
    out.write(`\x1b[7m--More--(${pct}%)\x1b[27m`);
    out.flush(); // the prompt shows before the key is read
    let key = '';
    for (let tries = 0; tries < 1_000_000; tries++) {
      const b = os.read(keys, 1);
      if (b.length === 0) { key = 'q'; break; }
      key = String.fromCharCode(b[0]!);
      if (' \r\nqQdD\x04'.includes(key)) break;
    }
    if (key === 'q' || key === 'Q') {
      out.write('\r\x1b[K');
      return false;
    }
    erase = true;
    budget = key === ' ' ? screen : key === 'd' || key === 'D' || key === '\x04' ? Math.max(1, Math.floor(screen / 2)) : 1;
  }
  return true;
}

export const main = program('more', {
  usage: '[options] <file>...',
  about: 'A file perusal filter for CRT viewing.',
  short: 'dflcps',
}, (t, a) => {
  const names = a.operands.length ? a.operands : ['-'];
  const pager = os.isatty(1);
  let keys = -1;
  let saved: ReturnType<typeof tty.setcbreak> | undefined;
  let rows = 24;
  let cols = 80;
  if (pager) {
    try {
      const size = os.get_terminal_size(1);
      cols = size.columns || 80;
      rows = size.lines || 24;
    } catch { /* the defaults */ }
    try {
      keys = os.open('/dev/tty', os.O_RDONLY);
      saved = tty.setcbreak(keys);
    } catch {
      keys = -1;
    }
  }
  try {
    for (const name of names) {
      let data: Uint8Array;
      try {
        if (name !== '-' && stat.S_ISDIR(os.stat(name).st_mode)) {
          t.stdout.write(`\n*** ${name}: directory ***\n\n`);
          continue;
        }
        const fd = name === '-' ? 0 : os.open(name, os.O_RDONLY);
        try { data = readAll(fd); } finally { if (fd !== 0) os.close(fd); }
      } catch (e) {
        if (!(e instanceof OSError)) throw e;
        t.warn(`cannot open ${name}: ${reason(e)}`);
        continue;
      }
      const header = names.length > 1 ? encoder.encode(`::::::::::::::\n${name}\n::::::::::::::\n`) : new Uint8Array(0);
      if (keys < 0) {
        t.stdout.write(header);
        t.stdout.write(data);
      } else if (!page(t.stdout, concatBytes([header, data]), rows, cols, keys)) {
        break;
      }
    }
  } finally {
    if (keys >= 0) {
      if (saved) termios.tcsetattr(keys, TCSADRAIN, saved);
      os.close(keys);
    }
  }
  return 0;
});
