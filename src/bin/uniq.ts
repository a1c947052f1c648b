/**
 * uniq — report or omit repeated lines, as GNU coreutils 9.1 uniq: adjacent equal lines are
 * one group; -c counts (`%7d `), -d one line of each repeated group, -D every line of them,
 * -u only lines that are not repeated, -i case-insensitive (ASCII), -f N skip N fields (blanks
 * then non-blanks), -s N skip N bytes, -w N compare at most N bytes, -z NUL-ended lines.
 * Operands: [INPUT [OUTPUT]]. Every line printed ends with the separator. Not done:
 * --all-repeated=METHOD and --group.
 */
import os, { OSError } from 'posixbox/os';
import { Fatal, program, quoteaf, reason, UsageError, writeAll } from './lib.js';
import { closeIn, fromBin, openIn, readLines, type Line } from './lib/textio.js';

const BLANK = /[ \t]/;

function parseCount(v: string, what: string): number {
  if (!/^\d+$/.test(v)) throw new Fatal(`${v}: invalid number of ${what}`);
  return Number(v);
}

export const main = program('uniq', {
  usage: '[OPTION]... [INPUT [OUTPUT]]',
  about: 'Filter adjacent matching lines from INPUT (or standard input), writing to OUTPUT (or standard output).',
  short: 'cdDf:is:uw:z',
  long: {
    count: 'c', repeated: 'd', 'all-repeated': 'D', 'skip-fields=': 'f', 'ignore-case': 'i', 'skip-chars=': 's',
    unique: 'u', 'check-chars=': 'w', 'zero-terminated': 'z',
  },
}, (t, a) => {
  if (a.operands.length > 2) throw new UsageError(`extra operand ${quoteaf(a.operands[2]!)}`);
  const fields = a.has('f') ? parseCount(a.last('f')!, 'fields to skip') : 0;
  const chars = a.has('s') ? parseCount(a.last('s')!, 'bytes to skip') : 0;
  const width = a.has('w') ? parseCount(a.last('w')!, 'bytes to compare') : Infinity;
  const count = a.has('c');
  const allRepeated = a.has('D');
  const repeated = a.has('d') || a.has('D');
  const unique = a.has('u');
  const fold = a.has('i');
  const sep = a.has('z') ? '\0' : '\n';
  if (count && a.has('D')) throw new UsageError('printing all duplicated lines and repeat counts is meaningless');
  const key = (line: string): string => {
    let i = 0;
    for (let f = 0; f < fields; f++) {
      while (i < line.length && BLANK.test(line[i]!)) i++;
      while (i < line.length && !BLANK.test(line[i]!)) i++;
    }
    const k = line.slice(Math.min(i + chars, line.length)).slice(0, width);
    return fold ? k.toLowerCase() : k;
  };
  const name = a.operands[0] ?? '-';
  let infd: number;
  try {
    infd = openIn(name);
  } catch (e) {
    throw new Fatal(`${name}: ${reason(e)}`);
  }
  let outfd = 1;
  if (a.operands[1] !== undefined && a.operands[1] !== '-') {
    try {
      outfd = os.open(a.operands[1], os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o666);
    } catch (e) {
      closeIn(infd);
      throw new Fatal(`${a.operands[1]}: ${reason(e)}`);
    }
  }
  const write = (b: Uint8Array): void => {
    if (outfd === 1) return t.stdout.write(b);
    try { writeAll(outfd, b); } catch (e) { throw new Fatal(`${a.operands[1]}: ${reason(e)}`); }
  };
  const parts: string[] = [];
  const emit = (s: string): void => {
    parts.push(s);
    if (parts.length >= 1024) write(fromBin(parts.splice(0).join('')));
  };
  let group: string[] = [];
  const flush = (): void => {
    if (group.length === 0) return;
    const dup = group.length > 1;
    if (allRepeated) {
      // -D -u: every line of a repeated group but its last, as coreutils does.
      if (dup) for (const l of unique ? group.slice(0, -1) : group) emit(`${l}${sep}`);
    } else if ((dup && (repeated || !unique)) || (!dup && (unique || !repeated))) {
      if (!(repeated && unique)) emit(`${count ? `${String(group.length).padStart(7)} ` : ''}${group[0]}${sep}`);
    }
    group = [];
  };
  try {
    let lines: Generator<Line, void, undefined>;
    try {
      lines = readLines(infd, sep);
      for (const { text } of lines) {
        if (group.length > 0 && key(group[0]!) !== key(text)) flush();
        group.push(text);
      }
    } catch (e) {
      if (!(e instanceof OSError)) throw e;
      throw new Fatal(`error reading ${quoteaf(name)}`);
    }
    flush();
    if (parts.length > 0) write(fromBin(parts.join('')));
  } finally {
    closeIn(infd);
    if (outfd !== 1) os.close(outfd);
  }
  return 0;
});
