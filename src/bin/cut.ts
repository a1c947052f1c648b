/**
 * cut — print selected parts of lines, as GNU coreutils 9.1 cut in the C locale: -b LIST bytes,
 * -c LIST characters (bytes here, as in the C locale), -f LIST fields split at -d DELIM (one
 * byte; tab by default), -s only lines holding the delimiter, --complement, --output-delimiter,
 * -z NUL-ended lines, -n (ignored). LIST: N, N-M, N-, -M, separated by commas or blanks;
 * overlapping ranges merge, as there, and --output-delimiter goes between the rest. Lines with
 * no delimiter are printed whole with -f unless -s. Errors as coreutils words them.
 */
import { OSError } from 'posixbox/os';
import { program, quoteaf, quotef, reason, UsageError } from './lib.js';
import { argBin, closeIn, openIn, readLines } from './lib/textio.js';

interface Range { lo: number; hi: number }

/** coreutils' set_fields: the sorted, merged ranges of LIST (1-based, hi Infinity for `N-`). */
function parseList(list: string, fields: boolean): Range[] {
  const what = fields ? 'field' : 'byte/character position';
  const numbered = fields ? 'fields are numbered from 1' : 'byte/character positions are numbered from 1';
  const ranges: Range[] = [];
  let i = 0;
  for (let guard = 0; guard <= list.length; guard++) {
    const end = list.slice(i).search(/[,\t ]/);
    const token = end < 0 ? list.slice(i) : list.slice(i, i + end);
    const dash = token.indexOf('-');
    const bad = (s: string): never => { throw new UsageError(`invalid ${fields ? 'field value' : what} ${quoteaf(s)}`); };
    if (dash >= 0 && token.indexOf('-', dash + 1) >= 0) {
      if (!/^[\d-]*$/.test(token)) bad(token.slice(token.search(/[^\d-]/)).split('-')[0] || token);
      throw new UsageError(fields ? 'invalid field range' : 'invalid byte or character range');
    }
    if (dash < 0) {
      if (token !== '' && !/^\d+$/.test(token)) bad(token);
      const n = token === '' ? 0 : Number(token);
      if (n === 0) throw new UsageError(numbered);
      ranges.push({ lo: n, hi: n });
    } else {
      const left = token.slice(0, dash);
      const right = token.slice(dash + 1);
      if (left !== '' && !/^\d+$/.test(left)) bad(token);
      if (right !== '' && !/^\d+$/.test(right)) bad(right);
      if (left === '' && right === '') throw new UsageError('invalid range with no endpoint: -');
      const lo = left === '' ? 1 : Number(left);
      const hi = right === '' ? Infinity : Number(right);
      if (lo === 0 || hi === 0) throw new UsageError(numbered);
      if (hi < lo) throw new UsageError('invalid decreasing range');
      ranges.push({ lo, hi });
    }
    if (end < 0) break;
    i += end + 1;
  }
  ranges.sort((x, y) => x.lo - y.lo);
  const merged: Range[] = [];
  for (const r of ranges) {
    const last = merged.at(-1);
    if (last && last.hi >= r.lo) last.hi = Math.max(last.hi, r.hi);
    else merged.push({ ...r });
  }
  return merged;
}

/** The complement of sorted ranges within 1..Infinity. */
function complement(rs: readonly Range[]): Range[] {
  const out: Range[] = [];
  let next = 1;
  for (const r of rs) {
    if (r.lo > next) out.push({ lo: next, hi: r.lo - 1 });
    next = r.hi + 1;
  }
  if (next !== Infinity) out.push({ lo: next, hi: Infinity });
  return out;
}

/** The parts of `items` (1-based) the ranges select, one string per range. */
function pick<T>(items: readonly T[], rs: readonly Range[]): T[][] {
  return rs.map((r) => items.slice(r.lo - 1, r.hi === Infinity ? undefined : r.hi)).filter((p) => p.length > 0);
}

export const main = program('cut', {
  usage: 'OPTION... [FILE]...',
  about: 'Print selected parts of lines from each FILE to standard output.',
  short: 'b:c:d:f:nsz',
  long: {
    'bytes=': 'b', 'characters=': 'c', 'delimiter=': 'd', 'fields=': 'f', 'only-delimited': 's', complement: 'complement',
    'output-delimiter=': 'output-delimiter', 'zero-terminated': 'z',
  },
}, (t, a) => {
  const kinds = a.opts.filter(([k]) => k === 'b' || k === 'c' || k === 'f');
  if (new Set(kinds.map(([k]) => k)).size > 1 || kinds.length > 1 && new Set(kinds.map(([, v]) => v)).size > 1) {
    throw new UsageError('only one list may be specified');
  }
  if (kinds.length === 0) throw new UsageError('you must specify a list of bytes, characters, or fields');
  const [kind, list] = kinds[0]!;
  const fields = kind === 'f';
  const delimText = a.last('d');
  if (!fields && delimText !== undefined) throw new UsageError('an input delimiter may be specified only when operating on fields');
  if (!fields && a.has('s')) throw new UsageError('suppressing non-delimited lines makes sense\n\tonly when operating on fields');
  const delim = delimText === undefined ? '\t' : argBin(delimText);
  if (delim.length > 1) throw new UsageError('the delimiter must be a single character');
  let ranges = parseList(list, fields);
  if (a.has('complement')) ranges = complement(ranges);
  const outText = a.last('output-delimiter');
  const outDelim = outText === undefined ? (fields ? delim || '\t' : '') : argBin(outText);
  const sep = a.has('z') ? '\0' : '\n';
  const w = t.stdout;
  const cutLine = (line: string): string | undefined => {
    if (!fields) return pick([...line], ranges).map((p) => p.join('')).join(outDelim);
    const d = delim === '' ? '\0' : delim;
    if (!line.includes(d)) return a.has('s') ? undefined : line;
    return pick(line.split(d), ranges).map((p) => p.join(outDelim)).join(outDelim);
  };
  let status = 0;
  for (const name of a.operands.length > 0 ? a.operands : ['-']) {
    let fd: number;
    try {
      fd = openIn(name);
    } catch (e) {
      t.warn(`${quotef(name)}: ${reason(e)}`);
      status = 1;
      continue;
    }
    try {
      for (const { text } of readLines(fd, sep)) {
        const r = cutLine(text);
        if (r !== undefined) w.writeBin(`${r}${sep}`);
      }
    } catch (e) {
      if (!(e instanceof OSError)) throw e;
      t.warn(`${quotef(name)}: ${e.strerror}`);
      status = 1;
    } finally {
      closeIn(fd);
    }
  }
  return status;
});
