/**
 * grep — print lines that match patterns, as GNU grep 3.8 in the C locale. Patterns: basic (-G,
 * the default), extended (-E) or fixed strings (-F), from the first operand, -e (repeatable) or
 * -f FILE, each line of which is a pattern. Matching: -i/-y, -v, -w, -x. Output: -c counts, -l/-L
 * file names, -o only the matched parts, -q nothing (status 0 at the first match), -n line and
 * -b byte numbers, -H/-h file names (shown by default for several files or -r), --label, -Z NUL
 * after names, -z NUL-ended lines, -m NUM, -s no messages about files, -a binary as text, -r/-R
 * into directories (names in byte order; no operand means `.`, shown without `./`).
 * A file holding a NUL byte in its first block is binary: its first match is reported as
 * `grep: NAME: binary file matches` and nothing more is read. Status 0 if a line was selected,
 * 1 if none, 2 on an error (0 with -q and a match). Context: -A/-B/-C NUM (and -NUM), lines
 * marked with `-`, `--` between groups (none with -o). --color is accepted and ignored (output
 * is never a terminal here). --include/--exclude GLOB pick files by the last part of their name
 * (command-line files too), --exclude-dir GLOB skips directories met in recursion. -P takes
 * JavaScript's own regular expressions (close to Perl's).
 */
import os, { OSError } from 'posixbox/os';
import { entry, getopt, reason, UsageError, type Args, type Tool } from './lib.js';
import { argBin, closeIn, openIn, readAll, toBin } from './lib/textio.js';
import { grepMatcher, RegexError, type Matcher } from './lib/grepmatch.js';
import { Quit, searchPath, type Options } from './lib/grepsearch.js';

const USAGE = 'Usage: grep [OPTION]... PATTERNS [FILE]...\n';
const TRY = "Try 'grep --help' for more information.\n";
const SPEC = {
  usage: '[OPTION]... PATTERNS [FILE]...',
  about: 'Search for PATTERNS in each FILE.',
  short: 'EFGPe:f:iyvwxclLm:oqsbHhnZzrRaUA:B:C:',
  long: {
    'extended-regexp': 'E', 'fixed-strings': 'F', 'basic-regexp': 'G', 'regexp=': 'e', 'file=': 'f',
    'ignore-case': 'i', 'no-ignore-case': 'no-ignore-case', 'word-regexp': 'w', 'line-regexp': 'x',
    'invert-match': 'v', count: 'c', 'files-with-matches': 'l', 'files-without-match': 'L', 'max-count=': 'm',
    'only-matching': 'o', quiet: 'q', silent: 'q', 'no-messages': 's', 'byte-offset': 'b', 'with-filename': 'H',
    'no-filename': 'h', 'label=': 'label', 'line-number': 'n', null: 'Z', 'null-data': 'z', recursive: 'r',
    'dereference-recursive': 'R', text: 'a', binary: 'U', 'after-context=': 'A', 'before-context=': 'B', 'context=': 'C',
    'color=': 'color', 'colour=': 'color', 'perl-regexp': 'P', 'include=': 'include', 'exclude=': 'exclude',
    'exclude-dir=': 'exclude-dir',
  },
} as const;

/** A shell glob (`*`, `?`, `[...]`) as a RegExp over a whole name. */
function glob(g: string): RegExp {
  let re = '';
  for (let i = 0; i < g.length; i++) {
    const c = g[i]!;
    if (c === '*') re += '[\\s\\S]*';
    else if (c === '?') re += '[\\s\\S]';
    else if (c === '[' && g.indexOf(']', i + 2) > 0) {
      const end = g.indexOf(']', i + 2);
      re += `[${g.slice(i + 1, end).replace(/^!/, '^').replace(/\\/g, '\\\\')}]`;
      i = end;
    } else if (c === '\\' && i + 1 < g.length) re += `\\${g[++i]}`;
    else re += /[.+^${}()|\]\\/]/.test(c) ? `\\${c}` : c;
  }
  return new RegExp(`^${re}$`);
}

function globs(a: Args, key: string): RegExp[] {
  return a.opts.filter(([k]) => k === key).map(([, v]) => glob(v));
}

/** -A/-B NUM, or -C NUM (-NUM) for both; the last given wins. */
function contextArg(a: Args, which: 'A' | 'B'): number {
  const v = a.opts.findLast(([k]) => k === which || k === 'C')?.[1];
  return v === undefined ? 0 : Number(v);
}

/** `-5` is -C 5; `--color`/`--colour` without a value is `=auto` (getopt has no optional values). */
function modernize(args: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const x = args[i]!;
    if (x === '--') { out.push(...args.slice(i)); break; }
    const m = /^-(\d+)$/.exec(x);
    if (m) out.push('-C', m[1]!);
    else if (x === '--color' || x === '--colour') out.push('--color=auto');
    else out.push(x);
  }
  return out;
}

function run(t: Tool, argv: string[]): number {
  let a;
  try {
    a = getopt(modernize(argv.slice(1)), SPEC);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    t.warn(e.message);
    os.writeAll(2, USAGE + TRY);
    return 2;
  }
  const w = t.stdout;
  if (a.has('help')) return w.write(`Usage: ${t.name} ${SPEC.usage}\n${SPEC.about}\n`), 0;
  if (a.has('version')) return w.write('grep (posixbox) 0.1.0\n'), 0;
  const patterns: string[] = [];
  let fromOptions = false;
  for (const [k, v] of a.opts) {
    if (k === 'e') { patterns.push(...argBin(v).split('\n')); fromOptions = true; }
    if (k === 'f') {
      fromOptions = true;
      try {
        const fd = openIn(v);
        try {
          const text = toBin(readAll(fd));
          if (text !== '') patterns.push(...(text.endsWith('\n') ? text.slice(0, -1) : text).split('\n'));
        } finally {
          closeIn(fd);
        }
      } catch (e) {
        t.warn(`${v}: ${reason(e)}`);
        return 2;
      }
    }
  }
  const operands = [...a.operands];
  if (!fromOptions) {
    if (operands.length === 0) return os.writeAll(2, USAGE + TRY), 2;
    patterns.push(...argBin(operands.shift()!).split('\n'));
  }
  if (new Set(a.opts.filter(([k]) => 'EFGP'.includes(k) && k.length === 1).map(([k]) => k)).size > 1) {
    t.warn('conflicting matchers specified');
    return 2;
  }
  const syntax = a.opts.reduce<'E' | 'F' | 'G' | 'P'>((s, [k]) => (k === 'E' || k === 'F' || k === 'G' || k === 'P' ? k : s), 'G');
  const ignoreCase = a.opts.reduce((s, [k]) => (k === 'i' || k === 'y' ? true : k === 'no-ignore-case' ? false : s), false);
  let m: Matcher;
  try {
    m = grepMatcher(patterns, { syntax, ignoreCase, word: a.has('w'), line: a.has('x') }, (msg) => t.warn(`warning: ${msg}`));
  } catch (e) {
    if (!(e instanceof RegexError)) throw e;
    t.warn(e.message);
    return 2;
  }
  const recurse = a.opts.reduce<'no' | 'r' | 'R'>((s, [k]) => (k === 'r' || k === 'R' ? k : s), 'no');
  const files = operands.length > 0 ? operands : [recurse !== 'no' ? '.' : '-'];
  const names = a.opts.reduce((s, [k]) => (k === 'H' ? true : k === 'h' ? false : s), files.length > 1 || recurse !== 'no');
  const maxText = a.last('m');
  const max = maxText === undefined ? Infinity : Number(maxText);
  if (maxText !== undefined && !/^\s*-?\d+$/.test(maxText)) {
    t.warn('invalid max count');
    return 2;
  }
  for (const [k, v] of a.opts) {
    if ((k === 'A' || k === 'B' || k === 'C') && !/^\d+$/.test(v)) {
      t.warn(`${v}: invalid context length argument`);
      return 2;
    }
  }
  const list = a.opts.reduce<Options['list']>((s, [k]) => (k === 'l' ? 'matches' : k === 'L' ? 'nonmatches' : s), 'none');
  const o: Options = {
    m, invert: a.has('v'), count: a.has('c') && list === 'none', list, only: a.has('o'), quiet: a.has('q'), silent: a.has('s'), names,
    lineNumbers: a.has('n'), byteOffsets: a.has('b'), nul: a.has('Z'), eol: a.has('z') ? '\0' : '\n', max: max < 0 ? Infinity : max,
    text: a.has('a'), recurse, label: a.last('label') ?? '(standard input)',
    before: contextArg(a, 'B'), after: contextArg(a, 'A'), context: { printed: false, lastFile: '', lastLine: 0 },
    include: globs(a, 'include'), exclude: globs(a, 'exclude'), excludeDir: globs(a, 'exclude-dir'),
  };
  let selected = false;
  let error = false;
  try {
    for (const f of files) {
      const implicit = operands.length === 0 && recurse !== 'no';
      const r = searchPath(t, o, w, f, implicit ? '' : f, true, 0);
      selected ||= r.selected;
      error ||= r.error;
    }
  } catch (e) {
    if (e instanceof Quit) return 0;
    throw e;
  }
  return error ? 2 : selected ? 0 : 1;
}

const writeError = (t: Tool, message: string): number => (t.warn(`write error: ${message}`), 2);

export function main(argv: string[]): number {
  return entry(argv[0] || 'grep', (t) => {
    try {
      return run(t, argv);
    } catch (e) {
      if (e instanceof OSError) return writeError(t, e.strerror);
      throw e;
    }
  }, { writeError: (t, e) => writeError(t, e.message) });
}
