/**
 * sort — sort lines of text files, as GNU coreutils 9.1 sort in the C locale: all inputs read,
 * sorted (stably, by keys then the whole line), and written to standard output or -o FILE
 * (opened after the input is read, so it may be an input). Options: -b -d -f -g -h -i -M -n -R
 * -r -V (orderings, see lib/sortkey.ts), -k KEYDEF (repeatable), -t SEP, -s stable (no last-resort
 * comparison), -u first of each run of equal lines, -c/-C check order (`sort: F:N: disorder: L`,
 * status 1), -m (inputs are sorted anyway), -z NUL-ended lines, -S -T --parallel (accepted).
 * Errors: status 2 (`cannot read: F: …`, `open failed: F: …`, bad keys).
 */
import os, { OSError } from 'posixbox/os';
import { Fatal, program, quote, quotef, reason, writeAll } from './lib.js';
import { argBin, closeIn, fromBin, openIn, readAll, toBin } from './lib/textio.js';
import { compareBy, incompatible, KeyError, keyText, noOrdering, parseKey, type Key, type Ordering } from './lib/sortkey.js';

const SIZE = /^\d+[%bKMGTPEZYkmgtpezy]?$/;

export const main = program('sort', {
  usage: '[OPTION]... [FILE]...',
  about: 'Write sorted concatenation of all FILE(s) to standard output.',
  short: 'bcCdfghik:mMno:rRsS:t:T:uVz',
  long: {
    'ignore-leading-blanks': 'b', check: 'c', 'dictionary-order': 'd', 'ignore-case': 'f', 'general-numeric-sort': 'g',
    'human-numeric-sort': 'h', 'ignore-nonprinting': 'i', 'key=': 'k', merge: 'm', 'month-sort': 'M', 'numeric-sort': 'n',
    'output=': 'o', reverse: 'r', 'random-sort': 'R', stable: 's', 'buffer-size=': 'S', 'field-separator=': 't',
    'temporary-directory=': 'T', unique: 'u', 'version-sort': 'V', 'zero-terminated': 'z', 'parallel=': 'parallel',
  },
  failure: 2,
}, (t, a) => {
  const g: Ordering = noOrdering();
  for (const [k] of a.opts) {
    const letter: Record<string, keyof Ordering> = {
      b: 'blanksStart', d: 'dictionary', f: 'fold', g: 'general', h: 'human', i: 'ignoreNonprinting', M: 'month', n: 'numeric',
      R: 'random', r: 'reverse', V: 'version',
    };
    if (letter[k]) g[letter[k]] = true;
  }
  if (g.blanksStart) g.blanksEnd = true;

  const size = a.last('S');
  if (size !== undefined && !SIZE.test(size)) throw new Fatal(`invalid suffix in -S argument ${quote(size)}`, 2);
  let tab: string | undefined;
  const tabText = a.last('t');
  if (tabText !== undefined) {
    const tb = argBin(tabText);
    if (tb === '') throw new Fatal('empty tab', 2);
    if (tb.length > 1 && tb !== '\\0') throw new Fatal(`multi-character tab ${quote(tabText)}`, 2);
    tab = tb === '\\0' ? '\0' : tb;
  }
  const keys: Key[] = [];
  for (const [k, v] of a.opts) {
    if (k !== 'k') continue;
    try {
      const key = parseKey(v, g);
      const kb = incompatible(key);
      if (kb) throw new Fatal(`options '-${kb}' are incompatible`, 2);
      keys.push(key);
    } catch (e) {
      if (e instanceof KeyError) throw new Fatal(e.message, 2);
      throw e;
    }
  }
  // The global orderings matter only where a key inherits them (or there is no key).
  const bad = keys.length === 0 || keys.some((k) => k.inherited) ? incompatible(g) : undefined;
  if (bad) throw new Fatal(`options '-${bad}' are incompatible`, 2);
  const checkMode = a.has('c') ? 'c' : a.has('C') ? 'C' : undefined;
  const files = a.operands.length > 0 ? a.operands : ['-'];
  if (checkMode && files.length > 1) throw new Fatal(`extra operand ${quote(files[1]!)} not allowed with -${checkMode}`, 2);
  const sep = a.has('z') ? '\0' : '\n';
  const unique = a.has('u');
  const stable = a.has('s') || unique;
  const seed = a.has('R') || keys.some((k) => k.random) ? (os.getpid() * 2654435761) >>> 0 : 0;
  const whole: Key = { ...g, inherited: true, sField: 0, sChar: 0, eField: undefined, eChar: 0 };
  const useKeys = keys.length > 0 ? keys : [whole];
  const compareKeys = (x: string, y: string): number => {
    for (const k of useKeys) {
      const c = compareBy(k, keyText(x, k, tab), keyText(y, k, tab), seed);
      if (c !== 0) return k.reverse ? -c : c;
    }
    return 0;
  };
  const compare = (x: string, y: string): number => {
    const c = compareKeys(x, y);
    if (c !== 0 || stable) return c;
    const last = x < y ? -1 : x > y ? 1 : 0;
    return g.reverse ? -last : last;
  };

  const inputs: string[][] = [];
  for (const name of files) {
    let fd: number;
    try {
      fd = openIn(name);
    } catch (e) {
      throw new Fatal(`cannot read: ${quotef(name)}: ${reason(e)}`, 2);
    }
    let text: string;
    try {
      text = toBin(readAll(fd));
    } catch (e) {
      if (!(e instanceof OSError)) throw e;
      throw new Fatal(`read failed: ${quotef(name)}: ${e.strerror}`, 2);
    } finally {
      closeIn(fd);
    }
    if (text === '') continue;
    const ls = (text.endsWith(sep) ? text.slice(0, -1) : text).split(sep);
    if (checkMode) {
      for (let i = 1; i < ls.length; i++) {
        const c = unique ? compareKeys(ls[i - 1]!, ls[i]!) : compare(ls[i - 1]!, ls[i]!);
        if (c > 0 || (unique && c === 0)) {
          if (checkMode === 'c') t.warn(`${name === '-' ? '-' : name}:${i + 1}: disorder: ${ls[i]}`);
          return 1;
        }
      }
      return 0;
    }
    inputs.push(ls);
  }
  if (checkMode) return 0;
  const lines = a.has('m') ? merge(inputs, compare) : inputs.flat().sort(compare);
  const result = unique ? lines.filter((l, i) => i === 0 || compareKeys(lines[i - 1]!, l) !== 0) : lines;
  const text = result.length > 0 ? result.join(sep) + sep : '';
  const outName = a.last('o');
  if (outName === undefined) {
    for (let i = 0; i < text.length; i += 1 << 20) t.stdout.writeBin(text.slice(i, i + (1 << 20)));
    return 0;
  }
  let fd: number;
  try {
    fd = os.open(outName, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o666);
  } catch (e) {
    throw new Fatal(`open failed: ${quotef(outName)}: ${reason(e)}`, 2);
  }
  try {
    writeAll(fd, fromBin(text));
  } catch (e) {
    throw new Fatal(`write failed: ${quotef(outName)}: ${reason(e)}`, 2);
  } finally {
    os.close(fd);
  }
  return 0;
});

/** -m: merge inputs taken as sorted, taking the smallest head each time (ties: the earlier input). */
function merge(inputs: readonly string[][], compare: (x: string, y: string) => number): string[] {
  const at = inputs.map(() => 0);
  const total = inputs.reduce((n, l) => n + l.length, 0);
  const out: string[] = [];
  for (let n = 0; n < total; n++) {
    let best = -1;
    inputs.forEach((l, i) => {
      if (at[i]! < l.length && (best < 0 || compare(l[at[i]!]!, inputs[best]![at[best]!]!) < 0)) best = i;
    });
    out.push(inputs[best]![at[best]!++]!);
  }
  return out;
}
