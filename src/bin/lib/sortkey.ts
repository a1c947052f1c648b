/**
 * sort's keys and comparison, as GNU coreutils 9.1 sort in the C locale. A key is
 * `-k F[.C][OPTS][,F[.C][OPTS]]` (OPTS from `bdfghiMnRrV`); without -t a field is a run of
 * blanks then non-blanks (the blanks belong to it), with -t SEP the text between separators.
 * Orderings: bytes (strcmp), -n numbers (blanks, sign, digits, one point), -g floats (non-numbers
 * first), -h numbers with SI suffixes, -M month names, -V versions; -f folds to upper case, -d
 * keeps blanks and alphanumerics, -i printable bytes, -b skips leading blanks, -r reverses.
 * Lines equal on every key are compared whole (the last resort), unless -s or -u.
 */

export class KeyError extends Error {}

export interface Ordering {
  blanksStart: boolean;
  blanksEnd: boolean;
  dictionary: boolean;
  fold: boolean;
  general: boolean;
  human: boolean;
  ignoreNonprinting: boolean;
  month: boolean;
  numeric: boolean;
  random: boolean;
  reverse: boolean;
  version: boolean;
}

export interface Key extends Ordering {
  readonly sField: number; // 0-based
  readonly sChar: number; // 0-based offset within the field
  readonly eField: number | undefined; // 0-based; undefined: to the end of the line
  readonly eChar: number; // 0: to the end of the field; else 1-based last char
  /** The key has no ordering letters of its own and takes the global ones. */
  readonly inherited: boolean;
}

export const noOrdering = (): Ordering => ({
  blanksStart: false, blanksEnd: false, dictionary: false, fold: false, general: false, human: false,
  ignoreNonprinting: false, month: false, numeric: false, random: false, reverse: false, version: false,
});

/** Apply ordering letters; returns the rest of the text (where they stop). */
function applyLetters(o: Ordering, s: string, end: boolean): string {
  let i = 0;
  for (; i < s.length; i++) {
    switch (s[i]) {
      case 'b': if (end) o.blanksEnd = true; else o.blanksStart = true; break;
      case 'd': o.dictionary = true; break;
      case 'f': o.fold = true; break;
      case 'g': o.general = true; break;
      case 'h': o.human = true; break;
      case 'i': o.ignoreNonprinting = true; break;
      case 'M': o.month = true; break;
      case 'n': o.numeric = true; break;
      case 'R': o.random = true; break;
      case 'r': o.reverse = true; break;
      case 'V': o.version = true; break;
      default: return s.slice(i);
    }
  }
  return '';
}

/** Whether a key (or the global options) sets any ordering of its own. */
export function hasOrdering(o: Ordering): boolean {
  return Object.values(o).some(Boolean);
}

/** The incompatible pair of orderings in o, as coreutils names it (`-gn`), if any. */
export function incompatible(o: Ordering): string | undefined {
  const kinds = [o.general && 'g', o.human && 'h', o.month && 'M', o.numeric && 'n', o.random && 'R', o.version && 'V'].filter(Boolean) as string[];
  if (kinds.length > 1) return kinds.join('');
  if ((o.dictionary || o.ignoreNonprinting) && kinds.some((k) => k !== 'R')) return `${o.dictionary ? 'd' : 'i'}${kinds.find((k) => k !== 'R')}`;
  return undefined;
}

/** Parse a -k KEYDEF; a key with no letters inherits the global ordering. */
export function parseKey(spec: string, global: Ordering): Key {
  const bad = (what: string): never => { throw new KeyError(`${what}: invalid field specification '${spec}'`); };
  const m = /^(\d*)(?:\.(\d*))?(.*)$/.exec(spec)!;
  if (m[1] === '') throw new KeyError(`invalid number at field start: invalid count at start of '${spec}'`);
  const sField = Number(m[1]);
  if (sField === 0) bad('field number is zero');
  if (m[2] !== undefined && m[2] === '') throw new KeyError(`invalid number after '.': invalid count at start of '${m[3]}'`);
  const sChar = m[2] === undefined ? 1 : Number(m[2]);
  if (sChar === 0) bad('character offset is zero');
  const o = noOrdering();
  let rest = applyLetters(o, m[3]!, false);
  let eField: number | undefined;
  let eChar = 0;
  if (rest.startsWith(',')) {
    const e = /^(\d*)(?:\.(\d*))?(.*)$/.exec(rest.slice(1))!;
    if (e[1] === '') throw new KeyError(`invalid number after ',': invalid count at start of '${rest.slice(1)}'`);
    eField = Number(e[1]);
    if (eField === 0) bad('field number is zero');
    eChar = e[2] === undefined || e[2] === '' ? 0 : Number(e[2]);
    rest = applyLetters(o, e[3]!, true);
  }
  if (rest !== '') bad('stray character in field spec');
  const inherited = !hasOrdering(o);
  const ordering = inherited ? { ...global } : o;
  return { ...ordering, inherited, sField: sField - 1, sChar: sChar - 1, eField: eField === undefined ? undefined : eField - 1, eChar };
}

const isBlank = (c: string): boolean => c === ' ' || c === '\t';

/** Where each field begins and ends in line. */
function fields(line: string, tab: string | undefined): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  if (tab !== undefined) {
    let start = 0;
    for (let i = line.indexOf(tab); i >= 0; i = line.indexOf(tab, start)) {
      out.push([start, i]);
      start = i + 1;
    }
    out.push([start, line.length]);
    return out;
  }
  let i = 0;
  while (i < line.length) {
    const start = i;
    while (i < line.length && isBlank(line[i]!)) i++;
    while (i < line.length && !isBlank(line[i]!)) i++;
    out.push([start, i]);
  }
  return out;
}

/** The text of key k in line. */
export function keyText(line: string, k: Key, tab: string | undefined): string {
  const fs = fields(line, tab);
  let start: number;
  if (k.sField >= fs.length) start = line.length;
  else {
    start = fs[k.sField]![0];
    if (k.blanksStart) while (start < line.length && isBlank(line[start]!)) start++;
    start = Math.min(start + k.sChar, line.length);
  }
  let end: number;
  if (k.eField === undefined) end = line.length;
  else if (k.eField >= fs.length) end = line.length;
  else if (k.eChar === 0) end = fs[k.eField]![1];
  else {
    let s = fs[k.eField]![0];
    if (k.blanksEnd) while (s < line.length && isBlank(line[s]!)) s++;
    end = Math.min(s + k.eChar, line.length);
  }
  return end > start ? line.slice(start, end) : '';
}

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];

/** -n: compare the leading numbers as decimal strings (any length). */
function numCompare(a: string, b: string): number {
  const parse = (s: string): [number, string, string] => {
    const m = /^[ \t]*(-?)(\d*)(?:\.(\d*))?/.exec(s)!;
    const int = m[2]!.replace(/^0+/, '');
    const frac = (m[3] ?? '').replace(/0+$/, '');
    const zero = int === '' && frac === '';
    return [zero ? 0 : m[1] === '-' ? -1 : 1, int, frac];
  };
  const [sa, ia, fa] = parse(a);
  const [sb, ib, fb] = parse(b);
  if (sa !== sb) return sa - sb;
  if (sa === 0) return 0;
  let c = ia.length - ib.length || (ia < ib ? -1 : ia > ib ? 1 : 0);
  if (c === 0) c = fa < fb ? -1 : fa > fb ? 1 : 0;
  return sa * c;
}

function generalValue(s: string): number {
  const m = /^[ \t]*([-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?|[-+]?inf(?:inity)?|nan)/i.exec(s);
  return m ? Number(m[1]!.replace(/^([-+]?)inf(inity)?$/i, '$1Infinity')) : Number.NEGATIVE_INFINITY - 1;
}

function humanValue(s: string): [number, number] {
  const m = /^[ \t]*(-?)(\d*\.?\d*)([KMGTPEZYRQk]?)/.exec(s)!;
  const power = m[3] ? ' KMGTPEZYRQ'.indexOf(m[3].toUpperCase()) : 0;
  const v = Number(m[2] || 0);
  const sign = m[1] === '-' ? -1 : 1;
  return v === 0 ? [0, 0] : [sign * (power + 1), sign * v];
}

/** GNU's version order (filevercmp's core): digit runs numerically, the rest by bytes, `~` first. */
function versionCompare(a: string, b: string): number {
  const order = (c: string | undefined): number => (c === undefined ? 0 : /\d/.test(c) ? 0 : /[A-Za-z]/.test(c) ? c.charCodeAt(0) : c === '~' ? -1 : c.charCodeAt(0) + 256);
  let i = 0, j = 0;
  for (let guard = 0; (i < a.length || j < b.length) && guard < a.length + b.length + 2; guard++) {
    while ((i < a.length && !/\d/.test(a[i]!)) || (j < b.length && !/\d/.test(b[j]!))) {
      const ca = i < a.length && !/\d/.test(a[i]!) ? a[i] : undefined;
      const cb = j < b.length && !/\d/.test(b[j]!) ? b[j] : undefined;
      const d = order(ca) - order(cb);
      if (d) return d;
      i++; j++;
    }
    while (a[i] === '0') i++;
    while (b[j] === '0') j++;
    let first = 0;
    while (i < a.length && /\d/.test(a[i]!) && j < b.length && /\d/.test(b[j]!)) {
      if (!first) first = a.charCodeAt(i) - b.charCodeAt(j);
      i++; j++;
    }
    if (i < a.length && /\d/.test(a[i]!)) return 1;
    if (j < b.length && /\d/.test(b[j]!)) return -1;
    if (first) return first;
  }
  return 0;
}

/** Compare two key texts by an ordering (reverse not applied). */
export function compareBy(o: Ordering, a: string, b: string, seed: number): number {
  if (o.numeric) return numCompare(a, b);
  if (o.general) { const x = generalValue(a), y = generalValue(b); return x < y ? -1 : x > y ? 1 : 0; }
  if (o.human) {
    const [pa, va] = humanValue(a), [pb, vb] = humanValue(b);
    return pa - pb || (va < vb ? -1 : va > vb ? 1 : 0);
  }
  if (o.month) {
    const m = (s: string): number => MONTHS.indexOf(s.trimStart().slice(0, 3).toUpperCase()) + 1;
    return m(a) - m(b);
  }
  if (o.random) { const h = (s: string): number => hash(s, seed); return h(a) - h(b) || (a < b ? -1 : a > b ? 1 : 0); }
  if (o.dictionary) { a = a.replace(/[^ \tA-Za-z0-9]/g, ''); b = b.replace(/[^ \tA-Za-z0-9]/g, ''); }
  if (o.ignoreNonprinting) { a = a.replace(/[^\x20-\x7e]/g, ''); b = b.replace(/[^\x20-\x7e]/g, ''); }
  if (o.fold) { a = a.toUpperCase(); b = b.toUpperCase(); }
  if (o.version) return versionCompare(a, b);
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A small string hash for -R (FNV-1a with a seed). */
function hash(s: string, seed: number): number {
  let h = 2166136261 ^ seed;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}
