/**
 * tr — translate, squeeze or delete bytes of standard input, as GNU coreutils 9.1 tr in the C
 * locale: `tr SET1 SET2` maps SET1's bytes to SET2's (SET2 extended with its last byte; -t cuts
 * SET1 to SET2's length instead), -d deletes SET1, -s squeezes runs of one byte from the last
 * set given, -c/-C uses SET1's complement (in byte order). Sets: see lib/trset.ts. Messages as
 * coreutils words them (`missing operand after 'x'` and the line saying why, reverse ranges,
 * classes in SET2).
 */
import os, { OSError } from 'posixbox/os';
import { Fatal, program, quote, UsageError } from './lib.js';
import { argBin } from './lib/textio.js';
import { expand, parseSet, TrError, type Elem } from './lib/trset.js';

export const main = program('tr', {
  usage: '[OPTION]... STRING1 [STRING2]',
  about: 'Translate, squeeze, and/or delete characters from standard input, writing to standard output.',
  short: 'cCdst',
  long: { complement: 'c', delete: 'd', 'squeeze-repeats': 's', 'truncate-set1': 't' },
}, (t, a) => {
  const complement = a.has('c') || a.has('C');
  const del = a.has('d');
  const squeeze = a.has('s');
  const ops = a.operands;
  const translating = !del && ops.length >= 2;
  if (ops.length === 0) throw new UsageError('missing operand');
  const max = del && !squeeze ? 1 : 2;
  if (ops.length > max) {
    const why = del && !squeeze ? '\nOnly one string may be given when deleting without squeezing repeats.' : '';
    throw new UsageError(`extra operand ${quote(ops[max]!)}${why}`);
  }
  if (ops.length === 1 && (!del && !squeeze || del && squeeze)) {
    const why = del ? 'Two strings must be given when both deleting and squeezing repeats.' : 'Two strings must be given when translating.';
    throw new UsageError(`missing operand after ${quote(ops[0]!)}\n${why}`);
  }
  let s1: Elem[];
  let s2: Elem[] | undefined;
  try {
    s1 = parseSet(argBin(ops[0]!), (m) => t.warn(m));
    s2 = ops[1] === undefined ? undefined : parseSet(argBin(ops[1]), (m) => t.warn(m));
  } catch (e) {
    if (e instanceof TrError) throw new Fatal(e.message);
    throw e;
  }
  if (s1.some((e) => e.kind === 'repeat')) throw new Fatal('the [c*] repeat construct may not appear in string1');
  if (translating && s2!.some((e) => e.kind === 'class' && e.name !== 'upper' && e.name !== 'lower')) {
    throw new Fatal("when translating, the only character classes that may appear in\nstring2 are 'upper' and 'lower'");
  }
  if (!translating && s2?.some((e) => e.kind === 'repeat' && e.count === undefined)) throw new Fatal('the [c*] construct may appear in string2 only when translating');
  if (translating) checkClasses(s1, s2!, complement, a.has('t'));
  let set1 = expand(s1);
  if (complement) {
    const inSet = new Set(set1);
    set1 = Array.from({ length: 256 }, (_, i) => i).filter((i) => !inSet.has(i));
  }
  const map = new Int16Array(256).map((_, i) => i);
  const deleted = new Uint8Array(256);
  const squeezed = new Uint8Array(256);
  if (translating) {
    let set2 = expand(s2!, set1.length);
    if (set2.length === 0) throw new Fatal('when not truncating set1, string2 must be non-empty');
    if (a.has('t')) set1 = set1.slice(0, set2.length);
    while (set2.length < set1.length) set2 = [...set2, ...new Array<number>(set1.length - set2.length).fill(set2.at(-1)!)];
    set1.forEach((c, i) => { map[c] = set2[i]!; });
    if (squeeze) for (const c of set2) squeezed[c] = 1;
  } else {
    if (del) for (const c of set1) deleted[c] = 1;
    const sq = del ? (s2 ? expand(s2) : []) : set1;
    if (squeeze) for (const c of sq) squeezed[c] = 1;
  }
  let last = -1;
  try {
    for (let n = 0; n < 1 << 16; n++) {
      const b = os.read(0, 65536);
      if (b.length === 0) break;
      const o = new Uint8Array(b.length);
      let k = 0;
      for (const c of b) {
        if (deleted[c]) continue;
        const m = map[c]!;
        if (squeezed[m] && m === last) continue;
        o[k++] = m;
        last = m;
      }
      t.stdout.write(o.subarray(0, k));
    }
  } catch (e) {
    if (!(e instanceof OSError)) throw e;
    throw new Fatal(`read error: ${e.strerror}`);
  }
  return 0;
});

/** Where each element of a set starts in its expansion. */
function offsets(elems: readonly Elem[]): number[] {
  let at = 0;
  return elems.map((e) => { const here = at; at += e.kind === 'repeat' ? e.count ?? 0 : e.bytes.length; return here; });
}

/** coreutils' checks on classes when translating. */
function checkClasses(s1: readonly Elem[], s2: readonly Elem[], complement: boolean, truncate: boolean): void {
  const o1 = offsets(s1);
  const o2 = offsets(s2);
  s2.forEach((e, i) => {
    if (e.kind !== 'class') return;
    const k = o1.indexOf(o2[i]!);
    const partner = k < 0 ? undefined : s1[k]!;
    if (complement || !partner || partner.kind !== 'class' || (partner.name !== 'upper' && partner.name !== 'lower')) {
      throw new Fatal('misaligned [:upper:] and/or [:lower:] construct');
    }
  });
  const len1 = complement ? 256 : expand(s1).length;
  const set2 = expand(s2, len1);
  if (complement && s1.some((e) => e.kind === 'class') && new Set(set2).size > 1) {
    throw new Fatal('when translating with complemented character classes,\nstring2 must map all characters in the domain to one');
  }
  if (!truncate && set2.length < len1 && s2.at(-1)?.kind === 'class') {
    throw new Fatal('when translating with string1 longer than string2,\nthe latter string must not end with a character class');
  }
}
