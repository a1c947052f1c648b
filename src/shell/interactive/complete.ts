/**
 * Tab completion for the line editor, as a shell's readline does the basics of it: the word
 * before the cursor completes to a command name (the first word of a command: from the PATH
 * directories) or to a file name (any other word, or a word with a `/`), `~/` standing for $HOME.
 * One match is inserted whole, with a `/` after a directory or a space after anything else;
 * several insert their longest common prefix, and the editor lists them on a second Tab.
 * Characters special to the shell are inserted with a backslash before them.
 *
 * Pure: the filesystem comes in as a small interface (the editor gives it os.listdir/os.stat),
 * so completion can be tested without processes.
 */

export interface CompletionFs {
  /** Names in a directory (without . and ..); [] when it cannot be read. */
  list(dir: string): readonly string[];
  /** Whether a path is a directory (following symlinks). */
  isDir(path: string): boolean;
  /** Whether a path is an executable regular file. */
  isExecutable(path: string): boolean;
  readonly path: string;
  readonly home: string | undefined;
}

export interface Completion {
  /** Text to insert at the cursor ('' when there is nothing sure to add). */
  readonly insert: string;
  /** Every match (display names), sorted. */
  readonly candidates: readonly string[];
}

/** The most matches gathered (a directory of 100 000 files must not stall a Tab). */
const MAX_MATCHES = 2000;
const SPECIAL = /[\s\\'"`$&|;<>()*?[\]#~{}!=]/;

/** Backslash-quote what the shell would otherwise take as syntax (~ only at the start). */
export function quoteWord(text: string, atStart: boolean): string {
  let out = '';
  for (const [i, c] of [...text].entries()) out += SPECIAL.test(c) && (c !== '~' || (atStart && i === 0)) ? `\\${c}` : c;
  return out;
}

/** The word before the cursor (unquoted), where it starts, and whether it is a command name. */
export function wordAt(chars: readonly string[], cursor: number): { word: string; start: number; command: boolean } {
  let start = 0;
  let word = '';
  let quote: string | undefined;
  let commandPos = true; // the next word starts a command
  for (let i = 0; i < cursor; i++) {
    const c = chars[i]!;
    if (quote) {
      if (c === quote) quote = undefined;
      else word += c;
      continue;
    }
    if (c === '\\' && i + 1 < cursor) {
      word += chars[++i]!;
      continue;
    }
    if (c === "'" || c === '"') {
      quote = c;
      continue;
    }
    if (/\s/.test(c) || /[;&|()<>]/.test(c)) {
      if (/[;&|(]/.test(c)) commandPos = true; // a new command follows
      else if (word !== '' || c === '<' || c === '>') commandPos = false; // an argument or a file name follows
      start = i + 1;
      word = '';
      continue;
    }
    word += c;
  }
  return { word, start, command: commandPos };
}

const commonPrefix = (xs: readonly string[]): string => {
  if (xs.length === 0) return '';
  let p = xs[0]!;
  for (const x of xs) while (!x.startsWith(p)) p = p.slice(0, -1);
  return p;
};

/** Complete the word before the cursor. */
export function complete(chars: readonly string[], cursor: number, fs: CompletionFs): Completion {
  const { word, command } = wordAt(chars, cursor);
  const slash = word.lastIndexOf('/');
  let matches: Array<{ name: string; dir: boolean }>;
  let typedPrefix: string; // the part of the word a match replaces (after the last /)
  if (command && slash < 0) {
    typedPrefix = word;
    const seen = new Set<string>();
    matches = [];
    for (const dir of fs.path.split(':')) {
      for (const name of fs.list(dir || '.')) {
        if (matches.length >= MAX_MATCHES) break;
        if (name.startsWith(word) && !seen.has(name) && fs.isExecutable(`${dir || '.'}/${name}`)) {
          seen.add(name);
          matches.push({ name, dir: false });
        }
      }
    }
  } else {
    const dirPart = slash >= 0 ? word.slice(0, slash + 1) : '';
    typedPrefix = word.slice(slash + 1);
    const real = dirPart.startsWith('~/') && fs.home !== undefined ? `${fs.home}/${dirPart.slice(2)}` : dirPart;
    const dir = real === '' ? '.' : real;
    matches = fs.list(dir).filter((n) => n.startsWith(typedPrefix) && (typedPrefix.startsWith('.') || !n.startsWith('.')))
      .slice(0, MAX_MATCHES)
      .map((name) => ({ name, dir: fs.isDir(`${real || './'}${name}`) }));
  }
  matches.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const candidates = matches.map((m) => (m.dir ? `${m.name}/` : m.name));
  if (matches.length === 0) return { insert: '', candidates };
  const atStart = word.length === typedPrefix.length;
  if (matches.length === 1) {
    const m = matches[0]!;
    const rest = quoteWord(m.name, atStart && typedPrefix === '').slice(quoteWord(typedPrefix, atStart).length);
    return { insert: rest + (m.dir ? '/' : ' '), candidates };
  }
  const prefix = commonPrefix(matches.map((m) => m.name));
  return { insert: quoteWord(prefix, atStart).slice(quoteWord(typedPrefix, atStart).length), candidates };
}

/** Candidates in columns across `cols`, at most `max` of them (then a count of the rest). */
export function columns(names: readonly string[], cols: number, max = 200): string {
  const shown = names.slice(0, max);
  const width = Math.max(...shown.map((n) => [...n].length)) + 2;
  const per = Math.max(1, Math.floor(cols / width));
  const rows = Math.ceil(shown.length / per);
  const lines: string[] = [];
  for (let r = 0; r < rows; r++) {
    let line = '';
    for (let c = 0; c < per; c++) {
      const n = shown[c * rows + r];
      if (n !== undefined) line += n.padEnd(width);
    }
    lines.push(line.trimEnd());
  }
  if (names.length > max) lines.push(`(${names.length - max} more)`);
  return lines.join('\n');
}
