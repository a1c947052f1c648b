/**
 * tr's SET arguments, as GNU coreutils 9.1 reads them in the C locale: characters, escapes
 * (`\\ \a \b \f \n \r \t \v`, `\NNN` octal), ranges `a-z`, classes `[:alpha:]` (an unknown
 * name is just characters), `[=c=]`, and in SET2 the repeats `[c*N]` (N octal with a leading 0)
 * and `[c*]` (fill to SET1's length). A set expands to byte values.
 */

export class TrError extends Error {}

export type Elem =
  | { readonly kind: 'chars'; readonly bytes: readonly number[] }
  | { readonly kind: 'class'; readonly name: string; readonly bytes: readonly number[] }
  | { readonly kind: 'repeat'; readonly byte: number; readonly count: number | undefined };

const range = (lo: number, hi: number): number[] => Array.from({ length: hi - lo + 1 }, (_, i) => lo + i);
const CLASSES: ReadonlyMap<string, readonly number[]> = new Map([
  ['alnum', [...range(48, 57), ...range(65, 90), ...range(97, 122)]], ['alpha', [...range(65, 90), ...range(97, 122)]],
  ['blank', [9, 32]], ['cntrl', [...range(0, 31), 127]], ['digit', range(48, 57)], ['graph', range(33, 126)],
  ['lower', range(97, 122)], ['print', range(32, 126)],
  ['punct', range(33, 126).filter((c) => !/[A-Za-z0-9]/.test(String.fromCharCode(c)))],
  ['space', [9, 10, 11, 12, 13, 32]], ['upper', range(65, 90)], ['xdigit', [...range(48, 57), ...range(65, 70), ...range(97, 102)]],
]);
const ESCAPES: Readonly<Record<string, number>> = { a: 7, b: 8, f: 12, n: 10, r: 13, t: 9, v: 11 };

/** Parse one SET (a binary string); `warn` gets the trailing-backslash warning. */
export function parseSet(s: string, warn: (m: string) => void): Elem[] {
  const elems: Elem[] = [];
  // First the characters with their escapes resolved, remembering which were escaped.
  const chars: Array<{ c: number; escaped: boolean }> = [];
  for (let i = 0; i < s.length; i++) {
    if (s[i] !== '\\') { chars.push({ c: s.charCodeAt(i), escaped: false }); continue; }
    if (i + 1 >= s.length) {
      warn('warning: an unescaped backslash at end of string is not portable');
      chars.push({ c: 92, escaped: true });
      continue;
    }
    const e = s[++i]!;
    const oct = /^[0-7]{1,3}/.exec(s.slice(i))?.[0];
    if (oct) {
      let digits = oct;
      if (parseInt(digits, 8) > 255) digits = digits.slice(0, 2);
      chars.push({ c: parseInt(digits, 8), escaped: true });
      i += digits.length - 1;
    } else {
      chars.push({ c: ESCAPES[e] ?? e.charCodeAt(0), escaped: true });
    }
  }
  const text = (from: number, to: number): string => String.fromCharCode(...chars.slice(from, to).map((x) => x.c));
  const at = (i: number, ch: string): boolean => chars[i] !== undefined && !chars[i]!.escaped && chars[i]!.c === ch.charCodeAt(0);
  for (let i = 0; i < chars.length;) {
    if (at(i, '[')) {
      // [:class:]
      if (at(i + 1, ':')) {
        let j = i + 2;
        while (j < chars.length && !(at(j, ':') && at(j + 1, ']'))) j++;
        const cls = j < chars.length ? CLASSES.get(text(i + 2, j)) : undefined;
        if (cls) { elems.push({ kind: 'class', name: text(i + 2, j), bytes: cls }); i = j + 2; continue; }
      }
      // [=c=]
      if (at(i + 1, '=') && chars[i + 2] && at(i + 3, '=') && at(i + 4, ']')) {
        elems.push({ kind: 'chars', bytes: [chars[i + 2]!.c] });
        i += 5;
        continue;
      }
      // [c*N] or [c*]
      if (chars[i + 1] && at(i + 2, '*')) {
        let j = i + 3;
        while (j < chars.length && /[0-9]/.test(String.fromCharCode(chars[j]!.c)) && !chars[j]!.escaped) j++;
        if (at(j, ']')) {
          const digits = text(i + 3, j);
          const count = digits === '' ? undefined : parseInt(digits, digits.startsWith('0') ? 8 : 10);
          if (digits !== '' && Number.isNaN(count)) throw new TrError(`invalid repeat count ${digits}`);
          elems.push({ kind: 'repeat', byte: chars[i + 1]!.c, count: count === 0 ? undefined : count });
          i = j + 1;
          continue;
        }
      }
    }
    // a-z
    if (chars[i + 1] && at(i + 1, '-') && chars[i + 2]) {
      const lo = chars[i]!.c;
      const hi = chars[i + 2]!.c;
      if (hi < lo) throw new TrError(`range-endpoints of '${text(i, i + 3)}' are in reverse collating sequence order`);
      elems.push({ kind: 'chars', bytes: range(lo, hi) });
      i += 3;
      continue;
    }
    elems.push({ kind: 'chars', bytes: [chars[i]!.c] });
    i++;
  }
  return elems;
}

/** The bytes of a set; `fill` is how long a `[c*]` must make the whole (SET1's length). */
export function expand(elems: readonly Elem[], fill = 0): number[] {
  const fixed = elems.reduce((n, e) => n + (e.kind === 'repeat' ? e.count ?? 0 : e.bytes.length), 0);
  const out: number[] = [];
  let filled = false;
  for (const e of elems) {
    if (e.kind !== 'repeat') { out.push(...e.bytes); continue; }
    let n = e.count ?? 0;
    if (e.count === undefined && !filled) { n = Math.max(0, fill - fixed); filled = true; }
    for (let k = 0; k < n && k < 1 << 20; k++) out.push(e.byte);
  }
  return out;
}
