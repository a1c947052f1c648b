/**
 * grep's matcher: a list of patterns (basic, extended, fixed, or -P JavaScript's own), with -i, -w and -x, compiled to
 * JavaScript RegExps over binary strings. A line matches if any pattern does; -o's matches are
 * found left to right, at each place the longest of the patterns' matches (POSIX's rule, see
 * longestMatch), empty ones skipped.
 */
import { escapeLiteral, longestMatch, RegexError, translate } from './regex.js';

export { RegexError };

export interface Matcher {
  test(line: string): boolean;
  /** [start, end) of each non-empty match, left to right, not overlapping. */
  matches(line: string): Array<[number, number]>;
}

export interface MatchOptions {
  readonly syntax: 'G' | 'E' | 'F' | 'P';
  readonly ignoreCase: boolean;
  readonly word: boolean;
  readonly line: boolean;
}

/** Compile the patterns; throws RegexError with grep's message. `warn` gets each warning once. */
export function grepMatcher(patterns: readonly string[], o: MatchOptions, warn: (m: string) => void): Matcher {
  const res = patterns.map((p) => {
    let source: string;
    if (o.syntax === 'F') {
      source = escapeLiteral(p);
    } else if (o.syntax === 'P') {
      // -P: Perl-style patterns are JavaScript's own (nearly: no possessive quantifiers, \K).
      source = p;
      try { new RegExp(source); } catch (e) { throw new RegexError(e instanceof Error ? e.message.split(': ').pop()! : String(e)); }
    } else {
      const tr = translate(p, { extended: o.syntax === 'E' });
      tr.warnings.forEach(warn);
      source = tr.source;
    }
    if (o.line) source = `^(?:${source})$`;
    else if (o.word) source = `(?<![A-Za-z0-9_])(?:${source})(?![A-Za-z0-9_])`;
    return new RegExp(source, o.ignoreCase ? 'gi' : 'g');
  });
  return {
    test(line) {
      return res.some((r) => { r.lastIndex = 0; return r.test(line); });
    },
    matches(line) {
      const found: Array<[number, number]> = [];
      let pos = 0;
      while (pos <= line.length) {
        let best: [number, number] | undefined;
        for (const r of res) {
          r.lastIndex = pos;
          // Skip empty matches: look for the first non-empty one from pos.
          for (let from = pos; from <= line.length;) {
            r.lastIndex = from;
            const found = r.exec(line);
            if (!found) break;
            const m = longestMatch(r, line, found);
            if (m[0].length > 0) {
              if (!best || m.index < best[0] || (m.index === best[0] && m.index + m[0].length > best[1])) best = [m.index, m.index + m[0].length];
              break;
            }
            from = m.index + 1;
          }
        }
        if (!best) break;
        found.push(best);
        pos = best[1];
      }
      return found;
    },
  };
}
