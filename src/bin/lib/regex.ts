/**
 * POSIX regular expressions (basic and extended, with GNU's extensions) translated to JavaScript
 * RegExp source, for grep and sed. The text matched is a binary string (one char per byte), so
 * the C locale's byte semantics hold: ranges and classes by byte value.
 *
 * BRE: `\( \)` groups, `\{m,n\}` intervals, `\|` alternation, `\+ \?` (GNU); `* + ? { } | ( )`
 * otherwise literal; `*` literal at the start of an expression (after `\(`, `\|` or `^`); `^` an
 * anchor only at the start of an expression and `$` only at its end (before `\)` or `\|`).
 * ERE: `( ) | + ? { }` special, `{` literal where no interval can start, `*` literal (with
 * grep's warning) at the start. Both: bracket expressions with `[:class:]`, `[=c=]`, `[.c.]`,
 * back-references `\1`–`\9`, `\w \W \s \S \b \B \< \> \` \'`. Quantifiers may follow
 * quantifiers (`a**`, `a{1,2}{3}`), which JS refuses, so the quantified atom is wrapped in (?:).
 * Errors carry glibc's texts (`Unmatched ( or \(`, `Invalid back reference`, …).
 *
 * JavaScript picks the first alternative that matches, not the longest; longestMatch applies
 * POSIX's leftmost-longest rule where it matters (grep -o, sed s). Not POSIX still: which
 * subexpression gets which part of a longest match, and `i` folding Latin-1 letters too.
 */

/** A syntax error, with GNU's message. */
export class RegexError extends Error {}

export interface Dialect {
  readonly extended: boolean;
  /** sed's escapes: `\n`, `\t`, `\r`, `\f`, `\v`, `\a`, `\dNNN`, `\oNNN`, `\xHH`, `\cX`. */
  readonly sed?: boolean;
}

export interface Translation {
  readonly source: string;
  /** Number of capturing groups. */
  readonly groups: number;
  /** grep's warnings (`* at start of expression`). */
  readonly warnings: readonly string[];
}

const CLASSES: ReadonlyMap<string, string> = new Map([
  ['alpha', 'A-Za-z'], ['digit', '0-9'], ['alnum', '0-9A-Za-z'], ['upper', 'A-Z'], ['lower', 'a-z'],
  ['space', ' \\t\\n\\v\\f\\r'], ['blank', ' \\t'], ['punct', '!-\\/:-@\\[-`{-~'], ['print', ' -~'],
  ['graph', '!-~'], ['cntrl', '\\x00-\\x1f\\x7f'], ['xdigit', '0-9A-Fa-f'],
]);

const SED_ESCAPES: Readonly<Record<string, string>> = { n: '\n', t: '\t', r: '\r', f: '\f', v: '\v', a: '\x07' };

/** A char as a JS class member or literal, escaped as \xHH when it could mean something. */
function hex(c: string): string {
  return `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`;
}

function literal(c: string): string {
  return /[\\^$.|?*+()[\]{}/-]/.test(c) ? `\\${c}` : c === '\n' ? '\\n' : c;
}

/**
 * A sed numeric or control escape at p[i] (the char after the backslash): the char it stands for
 * and the index after it, or undefined if it is not one.
 */
export function sedEscape(p: string, i: number): [string, number] | undefined {
  const c = p[i]!;
  if (c in SED_ESCAPES) return [SED_ESCAPES[c]!, i + 1];
  const radix = c === 'd' ? 10 : c === 'o' ? 8 : c === 'x' ? 16 : 0;
  if (radix) {
    const digits = radix === 16 ? /^[0-9a-fA-F]{1,2}/ : radix === 8 ? /^[0-7]{1,3}/ : /^[0-9]{1,3}/;
    const m = digits.exec(p.slice(i + 1));
    if (!m) return undefined;
    return [String.fromCharCode(parseInt(m[0], radix) & 0xff), i + 1 + m[0].length];
  }
  if (c === 'c' && i + 1 < p.length) return [String.fromCharCode(p[i + 1]!.toUpperCase().charCodeAt(0) ^ 0x40), i + 2];
  return undefined;
}

/** A bracket expression starting at p[i] === '['; returns the JS class and the index after `]`. */
function bracket(p: string, i: number, grep: boolean): [string, number] {
  const start = i;
  i++;
  let negate = false;
  if (p[i] === '^') { negate = true; i++; }
  const items: string[] = [];
  let first = true;
  let prev: string | undefined; // the last single char, which may start a range
  for (; ; first = false) {
    if (i >= p.length) throw new RegexError(start === p.length - 1 ? 'Invalid regular expression' : 'Unmatched [, [^, [:, [., or [=');
    const c = p[i]!;
    if (c === ']' && !first) { i++; break; }
    let single: string | undefined;
    if (c === '[' && (p[i + 1] === ':' || p[i + 1] === '=' || p[i + 1] === '.')) {
      const kind = p[i + 1]!;
      const end = p.indexOf(`${kind}]`, i + 2);
      if (end < 0) throw new RegexError('Unmatched [, [^, [:, [., or [=');
      const name = p.slice(i + 2, end);
      i = end + 2;
      if (kind === ':') {
        const cls = CLASSES.get(name);
        if (cls === undefined) throw new RegexError('Invalid character class name');
        items.push(cls);
        prev = undefined;
        continue;
      }
      if (name.length !== 1) throw new RegexError('Invalid collation character');
      single = name;
    } else if (c === '-' && prev !== undefined && p[i + 1] !== ']' && i + 1 < p.length) {
      // A range prev-end.
      let end = p[i + 1]!;
      let next = i + 2;
      if (end === '[' && (p[i + 2] === '.' || p[i + 2] === '=')) {
        const close = p.indexOf(`${p[i + 2]}]`, i + 3);
        if (close < 0) throw new RegexError('Unmatched [, [^, [:, [., or [=');
        end = p.slice(i + 3, close);
        next = close + 2;
      }
      if (end.length !== 1 || end.charCodeAt(0) < prev.charCodeAt(0)) throw new RegexError('Invalid range end');
      items.pop();
      items.push(`${hex(prev)}-${hex(end)}`);
      prev = undefined;
      i = next;
      continue;
    } else {
      single = c;
      i++;
    }
    items.push(hex(single));
    prev = single;
  }
  const body = p.slice(start + 1 + (negate ? 1 : 0), i - 1);
  if (grep && /^:.*:$/.test(body) && !negate) {
    throw new RegexError(`character class syntax is [[:space:]], not [:space:]`);
  }
  return [`[${negate ? '^' : ''}${items.join('')}]`, i];
}

/** Translate a POSIX regular expression to JavaScript RegExp source. */
export function translate(p: string, d: Dialect): Translation {
  const ere = d.extended;
  const warnings: string[] = [];
  let out = '';
  let groups = 0;
  const open: number[] = []; // group numbers not yet closed
  const closed = new Set<number>();
  let atomStart = -1; // where the last quantifiable atom begins in `out` (-1: none)
  let quantified = false; // the last atom already carries a quantifier
  let exprStart = true; // at the start of an expression: after start, (, |
  const atom = (s: string): void => {
    atomStart = out.length;
    out += s;
    quantified = false;
    exprStart = false;
  };
  const quantify = (q: string): void => {
    if (quantified) out = `${out.slice(0, atomStart)}(?:${out.slice(atomStart)})`;
    out += q;
    quantified = true;
  };
  const noAtom = (): void => {
    atomStart = -1;
    quantified = false;
  };
  /** An interval's body at p[i] (after `{` or `\{`); the quantifier and the index after its close, or undefined. */
  const interval = (i: number): [string, number] | undefined => {
    const close = ere ? '}' : '\\}';
    const m = /^(\d*)(,(\d*))?/.exec(p.slice(i))!;
    const after = i + m[0].length;
    if (!p.startsWith(close, after) || (m[1] === '' && m[2] === undefined)) {
      if (ere) return undefined;
      if (p.indexOf('\\}', i) < 0) throw new RegexError('Unmatched \\{');
      throw new RegexError('Invalid content of \\{\\}');
    }
    const lo = m[1] === '' ? 0 : Number(m[1]);
    const hi = m[2] === undefined ? lo : m[3] === '' ? Infinity : Number(m[3]);
    if (hi < lo) throw new RegexError('Invalid content of \\{\\}');
    if (lo > 32767 || (hi !== Infinity && hi > 32767)) throw new RegexError('Regular expression too big');
    return [`{${lo}${m[2] === undefined ? '' : `,${hi === Infinity ? '' : hi}`}}`, after + close.length];
  };
  let i = 0;
  while (i < p.length) {
    const c = p[i]!;
    if (c === '\\') {
      if (i + 1 >= p.length) throw new RegexError('Trailing backslash');
      const e = p[i + 1]!;
      i += 2;
      if (!ere && e === '(') { open.push(++groups); out += '('; noAtom(); exprStart = true; continue; }
      if (!ere && e === ')') {
        const g = open.pop();
        if (g === undefined) throw new RegexError('Unmatched ) or \\)');
        closed.add(g);
        const at = groupStart(out, g);
        out += ')';
        atomStart = at; quantified = false; exprStart = false;
        continue;
      }
      if (!ere && e === '|') { out += '|'; noAtom(); exprStart = true; continue; }
      if (!ere && e === '{') {
        if (exprStart) { atom('\\{'); continue; }
        const [q, next] = interval(i)!;
        i = next;
        if (atomStart < 0 || (d.sed && quantified)) throw new RegexError('Invalid preceding regular expression');
        quantify(q);
        continue;
      }
      if (!ere && (e === '+' || e === '?')) {
        if (exprStart || atomStart < 0) { atom(`\\${e}`); continue; }
        quantify(e);
        continue;
      }
      if (e >= '1' && e <= '9') {
        if (!closed.has(Number(e))) throw new RegexError('Invalid back reference');
        atom(`(?:\\${e})`);
        continue;
      }
      // GNU's zero-width operators; a `*` after one repeats it (so it becomes optional), which
      // JS allows only on a group.
      if (e === '<') { atom('(?:\\b(?=\\w))'); continue; }
      if (e === '>') { atom('(?:\\b(?<=\\w))'); continue; }
      if (e === 'b' || e === 'B') { atom(`(?:\\${e})`); continue; }
      if (e === '`') { atom('(?:(?<![\\s\\S]))'); continue; }
      if (e === "'") { atom('(?:(?![\\s\\S]))'); continue; }
      if (e === 'w' || e === 'W') { atom(`\\${e}`); continue; }
      if (e === 's' || e === 'S') { atom(`[${e === 'S' ? '^' : ''} \\t\\n\\v\\f\\r]`); continue; }
      if (d.sed) {
        const esc = sedEscape(p, i - 1);
        if (esc) { atom(literal(esc[0])); i = esc[1]; continue; }
      }
      atom(literal(e));
      continue;
    }
    if (c === '[') {
      const [cls, next] = bracket(p, i, !d.sed);
      atom(cls);
      i = next;
      continue;
    }
    if (c === '.') { atom('[\\s\\S]'); i++; continue; }
    if (c === '*') {
      i++;
      if (exprStart || atomStart < 0) {
        // BRE: a literal `*`; ERE: grep warns and the `*` repeats nothing, sed refuses it.
        if (ere && d.sed) throw new RegexError('Invalid preceding regular expression');
        if (ere && exprStart) warnings.push('* at start of expression');
        else atom('\\*');
        continue;
      }
      // sed's BRE refuses `*` on a quantified atom (`a**`, `a\{2\}*`); grep and EREs take it.
      if (!ere && d.sed && quantified) throw new RegexError('Invalid preceding regular expression');
      quantify('*');
      continue;
    }
    if (c === '^') {
      i++;
      // BRE: an anchor at the start of an expression, once (`^^a` is the anchor and a literal ^).
      if (ere || (exprStart && !out.endsWith('^'))) { out += '^'; noAtom(); exprStart = !ere || exprStart; continue; }
      atom('\\^');
      continue;
    }
    if (c === '$') {
      i++;
      const atEnd = i === p.length || (!ere && (p.startsWith('\\)', i) || p.startsWith('\\|', i)));
      if (ere || atEnd) { out += '$'; noAtom(); continue; }
      atom('\\$');
      continue;
    }
    if (ere) {
      if (c === '(') { open.push(++groups); out += '('; noAtom(); exprStart = true; i++; continue; }
      if (c === ')' && open.length > 0) {
        const g = open.pop()!;
        closed.add(g);
        const at = groupStart(out, g);
        out += ')';
        atomStart = at; quantified = false; exprStart = false;
        i++;
        continue;
      }
      if (c === '|') { out += '|'; noAtom(); exprStart = true; i++; continue; }
      if (c === '+' || c === '?') {
        i++;
        if (exprStart || atomStart < 0) {
          if (d.sed) throw new RegexError('Invalid preceding regular expression');
          warnings.push(`${c} at start of expression`);
          atom(`\\${c}`);
          continue;
        }
        quantify(c);
        continue;
      }
      if (c === '{') {
        const iv = interval(i + 1);
        if (iv === undefined) { atom('\\{'); i++; continue; }
        if (exprStart || atomStart < 0) {
          if (d.sed) throw new RegexError('Invalid preceding regular expression');
          warnings.push('{...} at start of expression');
          atom('\\{');
          i++;
          continue;
        }
        quantify(iv[0]);
        i = iv[1];
        continue;
      }
    }
    atom(literal(c));
    i++;
  }
  if (open.length > 0) throw new RegexError('Unmatched ( or \\(');
  return { source: out, groups, warnings };
}

/** Where capturing group g's `(` is in JS source `s` (counting unescaped `(` not followed by `?`). */
function groupStart(s: string, g: number): number {
  let n = 0;
  let inClass = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c === '\\') { i++; continue; }
    if (inClass) { if (c === ']') inClass = false; continue; }
    if (c === '[') { inClass = true; continue; }
    if (c === '(' && s[i + 1] !== '?' && ++n === g) return i;
  }
  return s.length;
}

/** A fixed string as RegExp source. */
export function escapeLiteral(s: string): string {
  return [...s].map(literal).join('');
}

/** Whether JS source `src` has an alternation `|` (outside classes and escapes). */
export function hasAlternation(src: string): boolean {
  let inClass = false;
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!;
    if (c === '\\') { i++; continue; }
    if (inClass) { if (c === ']') inClass = false; continue; }
    if (c === '[') inClass = true;
    else if (c === '|') return true;
  }
  return false;
}

/**
 * POSIX's leftmost-longest rule for a match JS found (JS takes the first alternative that
 * matches: `a|ab` on `abc` gives `a`, POSIX `ab`). Only alternations can make the two differ
 * in practice, so other patterns return `m` as it is. The longest end is found by binary
 * search over "a match from m.index ending at or after K" (a lookbehind on the position), and
 * that match (with its groups) is returned.
 */
export function longestMatch(re: RegExp, s: string, m: RegExpExecArray): RegExpExecArray {
  if (!hasAlternation(re.source)) return m;
  const start = m.index;
  const flags = `${re.flags.replace(/[gy]/g, '')}y`;
  const atLeast = (k: number): RegExpExecArray | null => {
    const r = new RegExp(`(?:${re.source})(?<=(?<![\\s\\S])[\\s\\S]{${k},})`, flags);
    r.lastIndex = start;
    return r.exec(s);
  };
  let best = m;
  let lo = start + m[0].length + 1; // the shortest end still to try
  let hi = s.length;
  for (let guard = 0; lo <= hi && guard < 64; guard++) {
    const mid = Math.floor((lo + hi) / 2);
    const x = atLeast(mid);
    if (x) { best = x; lo = x.index + x[0].length + 1; } else hi = mid - 1;
  }
  return best;
}
