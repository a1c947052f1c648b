/**
 * cat — concatenate files to standard output, as coreutils cat. `-` (or no operand) is standard
 * input. Options: -n number all lines, -b number nonempty lines (overrides -n), -s squeeze runs of
 * empty lines, -E `$` at line ends, -T tabs as ^I, -v ^X and M- notation for other nonprinting
 * bytes, -A (-vET), -e (-vE), -t (-vT), -u (ignored). Line numbering runs on across files, as
 * there. An unreadable file is reported and skipped (status 1). Not done: coreutils' "input file
 * is output file" check.
 */
import os from 'posixbox/os';
import { concatBytes, program, quotef, reason } from './lib.js';

const CHUNK = 65536;
const encoder = new TextEncoder();

interface Flags { number: boolean; nonblank: boolean; squeeze: boolean; ends: boolean; tabs: boolean; visible: boolean }

/** The byte filter for the formatting options; its state (line number, blank run) spans files. */
function formatter(f: Flags): (b: Uint8Array) => Uint8Array {
  let line = 0;
  let atStart = true;
  let blanks = 0; // newlines seen in a row at the start of a line
  const caret = (c: number): number[] => [94, c ^ 0x40];
  return (b) => {
    const o: number[] = [];
    const parts: Uint8Array[] = [];
    for (const c of b) {
      if (atStart) {
        if (c === 10) {
          if (++blanks > 1 && f.squeeze) continue;
        } else {
          blanks = 0;
        }
        if ((f.number && !f.nonblank) || (f.nonblank && c !== 10)) o.push(...encoder.encode(`${String(++line).padStart(6)}\t`));
      }
      atStart = c === 10;
      if (c === 10) {
        if (f.ends) o.push(36);
        o.push(10);
      } else if (c === 9) {
        o.push(...(f.tabs ? caret(9) : [9]));
      } else if (!f.visible || (c >= 32 && c < 127)) {
        o.push(c);
      } else {
        const low = c & 0x7f;
        if (c >= 128) o.push(77, 45);
        o.push(...(low < 32 || low === 127 ? caret(low) : [low]));
      }
      if (o.length >= CHUNK) parts.push(Uint8Array.from(o.splice(0)));
    }
    parts.push(Uint8Array.from(o));
    return concatBytes(parts);
  };
}

export const main = program('cat', {
  usage: '[OPTION]... [FILE]...',
  about: 'Concatenate FILE(s) to standard output.',
  short: 'AbeEnstTuv',
  long: { // in coreutils' order, which its ambiguity messages list
    'number-nonblank': 'b', number: 'n', 'squeeze-blank': 's', 'show-nonprinting': 'v', 'show-ends': 'E',
    'show-tabs': 'T', 'show-all': 'A',
  },
}, (t, a) => {
  const on = (...keys: string[]): boolean => keys.some((k) => a.has(k));
  const flags: Flags = {
    number: on('n', 'b'), nonblank: on('b'), squeeze: on('s'), ends: on('E', 'A', 'e'),
    tabs: on('T', 'A', 't'), visible: on('v', 'A', 'e', 't'),
  };
  const filter = Object.values(flags).some(Boolean) ? formatter(flags) : undefined;
  let status = 0;
  for (const name of a.operands.length > 0 ? a.operands : ['-']) {
    let fd = 0;
    try {
      if (name !== '-') fd = os.open(name, os.O_RDONLY);
      try {
        // What was read is written before the next read, as GNU cat never holds output while
        // it waits for input (`tail -f log | cat`, a terminal).
        for (let b = os.read(fd, CHUNK); b.length > 0; b = os.read(fd, CHUNK)) {
          t.stdout.write(filter ? filter(b) : b);
          t.stdout.flush();
        }
      } finally {
        if (fd !== 0) os.close(fd);
      }
    } catch (e) {
      t.warn(`${quotef(name)}: ${reason(e)}`);
      status = 1;
    }
  }
  return status;
});
