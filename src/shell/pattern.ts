/**
 * Pattern matching notation (POSIX XCU 2.13): `*`, `?`, bracket expressions `[abc]`, `[a-z]`,
 * `[!x]` / `[^x]`, character classes `[[:alpha:]]`. A pattern here is the text that expansion
 * produced with every quoted character escaped by a backslash, so `\*` matches only a star.
 * Patterns compile to JavaScript regular expressions; compiled ones are cached per call site by
 * the caller if at all (compilation is cheap next to a system call).
 */

const CLASSES: Readonly<Record<string, string>> = {
  alpha: 'A-Za-z', digit: '0-9', alnum: '0-9A-Za-z', upper: 'A-Z', lower: 'a-z', space: ' \\t\\n\\r\\f\\v',
  blank: ' \\t', punct: '!-\\/:-@\\[-`{-~', print: ' -~', graph: '!-~', cntrl: '\\x00-\\x1f\\x7f', xdigit: '0-9A-Fa-f',
};

const reEscape = (c: string): string => c.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');

/** Whether the pattern has an unescaped `*`, `?` or `[` (so pathname expansion applies). */
export function hasGlob(p: string): boolean {
  for (let i = 0; i < p.length; i++) {
    const c = p[i];
    if (c === '\\') i++;
    else if (c === '*' || c === '?') return true;
    else if (c === '[' && bracketEnd(p, i) > 0) return true;
  }
  return false;
}

/** The index of the `]` closing the bracket expression at `i`, or -1 if it is not one. */
function bracketEnd(p: string, i: number): number {
  let j = i + 1;
  if (p[j] === '!' || p[j] === '^') j++;
  if (p[j] === ']') j++;
  for (; j < p.length; j++) {
    if (p[j] === '\\') { j++; continue; }
    if (p[j] === '[' && p[j + 1] === ':') {
      const close = p.indexOf(':]', j + 2);
      if (close > 0) { j = close + 1; continue; }
    }
    if (p[j] === ']') return j;
    if (p[j] === '/') return -1;
  }
  return -1;
}

/** The regular expression source for a pattern; `path` keeps `*`, `?`, `[…]` from matching `/`. */
export function patternSource(p: string, path = false): string {
  let out = '';
  const any = path ? '[^/]' : '[\\s\\S]';
  for (let i = 0; i < p.length; i++) {
    const c = p[i]!;
    if (c === '\\') {
      if (i + 1 < p.length) out += reEscape(p[++i]!);
      else out += '\\\\';
    } else if (c === '*') {
      out += `${any}*`;
    } else if (c === '?') {
      out += any;
    } else if (c === '[') {
      const end = bracketEnd(p, i);
      if (end < 0) { out += '\\['; continue; }
      out += bracket(p.slice(i + 1, end), path);
      i = end;
    } else {
      out += reEscape(c);
    }
  }
  return out;
}

function bracket(body: string, path: boolean): string {
  let neg = false;
  let i = 0;
  if (body[0] === '!' || body[0] === '^') { neg = true; i = 1; }
  let set = '';
  for (; i < body.length; i++) {
    const c = body[i]!;
    if (c === '[' && body[i + 1] === ':') {
      const close = body.indexOf(':]', i + 2);
      const cls = CLASSES[body.slice(i + 2, close)];
      if (close > 0 && cls !== undefined) { set += cls; i = close + 1; continue; }
    }
    let ch = c;
    if (c === '\\' && i + 1 < body.length) ch = body[++i]!;
    if (body[i + 1] === '-' && i + 2 < body.length) {
      let hi = body[i + 2]!;
      let skip = 2;
      if (hi === '\\' && i + 3 < body.length) { hi = body[i + 3]!; skip = 3; }
      if (hi >= ch) set += `${reEscape(ch)}-${reEscape(hi)}`;
      i += skip;
      continue;
    }
    set += reEscape(ch);
  }
  if (neg) return `[^${set}${path ? '\\/' : ''}]`;
  return set ? `[${set}]` : '(?!)';
}

/** Whether `s` matches the whole pattern. */
export function matchPattern(p: string, s: string): boolean {
  return new RegExp(`^(?:${patternSource(p)})$`).test(s);
}

/** The pattern with its escapes removed: the literal text it stands for. */
export function unescapePattern(p: string): string {
  return p.replace(/\\([\s\S])/g, '$1');
}

/** Remove the shortest (or longest) prefix or suffix of `s` matching the pattern (`${x#p}` etc.). */
export function trimPattern(s: string, p: string, suffix: boolean, longest: boolean): string {
  const re = new RegExp(`^(?:${patternSource(p)})$`);
  if (!suffix) {
    if (longest) { for (let i = s.length; i >= 0; i--) if (re.test(s.slice(0, i))) return s.slice(i); }
    else { for (let i = 0; i <= s.length; i++) if (re.test(s.slice(0, i))) return s.slice(i); }
  } else if (longest) {
    for (let i = 0; i <= s.length; i++) if (re.test(s.slice(i))) return s.slice(0, i);
  } else {
    for (let i = s.length; i >= 0; i--) if (re.test(s.slice(i))) return s.slice(0, i);
  }
  return s;
}
