/**
 * fnmatch(3) without flags, as find's -name and -path use it: `*` and `?` match any characters
 * (`/` and a leading `.` included), `[...]` a set with ranges, `!` or `^` negation and the POSIX
 * classes ([:alpha:] …), and a backslash quotes the next character. An unclosed `[` is literal.
 */

const CLASSES: ReadonlyMap<string, string> = new Map(Object.entries({
  alpha: 'A-Za-z', digit: '0-9', alnum: 'A-Za-z0-9', upper: 'A-Z', lower: 'a-z', space: ' \\t\\n\\r\\f\\v',
  blank: ' \\t', punct: '!-\\/:-@\\[-`{-~', print: ' -~', graph: '!-~', cntrl: '\\x00-\\x1f\\x7f', xdigit: '0-9A-Fa-f',
}));

const escapeRe = (c: string): string => c.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');

/** The bracket expression starting at `pattern[i]` (a `[`) as a regex class, and where it ends. */
function bracket(pattern: string, i: number, fold: boolean): { re: string; end: number } | undefined {
  let j = i + 1;
  let negate = false;
  if (pattern[j] === '!' || pattern[j] === '^') {
    negate = true;
    j++;
  }
  let body = '';
  let first = true;
  for (; j < pattern.length; j++) {
    const c = pattern[j]!;
    if (c === ']' && !first) {
      if (fold) body = body + body.toUpperCase() + body.toLowerCase();
      return { re: `[${negate ? '^' : ''}${body}]`, end: j };
    }
    first = false;
    if (c === '[' && pattern[j + 1] === ':') {
      const close = pattern.indexOf(':]', j + 2);
      const cls = close > 0 ? CLASSES.get(pattern.slice(j + 2, close)) : undefined;
      if (cls !== undefined) {
        body += cls;
        j = close + 1;
        continue;
      }
    }
    let ch = c;
    if (c === '\\' && j + 1 < pattern.length) ch = pattern[++j]!;
    if (pattern[j + 1] === '-' && pattern[j + 2] !== undefined && pattern[j + 2] !== ']') {
      let hi = pattern[j + 2]!;
      j += 2;
      if (hi === '\\' && j + 1 < pattern.length) hi = pattern[++j]!;
      if (hi < ch) return { re: '(?!)', end: pattern.indexOf(']', j) < 0 ? pattern.length - 1 : pattern.indexOf(']', j) };
      body += `${escapeRe(ch)}-${escapeRe(hi)}`;
    } else {
      body += escapeRe(ch);
    }
  }
  return undefined;
}

/** A RegExp matching exactly what the pattern matches (`fold`: ignoring case, as -iname). */
export function fnmatchRegExp(pattern: string, fold = false): RegExp {
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '*') re += '[^]*';
    else if (c === '?') re += '[^]';
    else if (c === '[') {
      const b = bracket(pattern, i, fold);
      if (b) {
        re += b.re;
        i = b.end;
      } else {
        re += '\\[';
      }
    } else if (c === '\\' && i + 1 < pattern.length) re += escapeRe(pattern[++i]!);
    else re += escapeRe(c);
  }
  return new RegExp(`^${re}$`, fold ? 'i' : '');
}
