/** Tab completion as a pure function over a small in-memory tree. */
import { describe, expect, it } from 'vitest';
import { columns, complete, quoteWord, wordAt, type CompletionFs } from '../../src/shell/interactive/complete.js';

const TREE: Readonly<Record<string, readonly string[]>> = {
  '/bin': ['cat', 'chmod', 'echo', 'ls', 'notexec'],
  '/usr/bin': ['cat', 'clear'],
  '.': ['notes.txt', 'notebook', 'my file', '.hidden', 'a$b'],
  'notebook': ['p1', 'p2'],
  '/home/alice': ['docs'],
};
const DIRS = new Set(['notebook', '/home/alice/docs']);

const fs: CompletionFs = {
  list: (d) => TREE[d === '.' ? d : d.replace(/^\.\//, '').replace(/\/$/, '')] ?? [],
  isDir: (p) => DIRS.has(p.replace(/^\.\//, '')) || DIRS.has(p),
  isExecutable: (p) => !p.endsWith('notexec'),
  path: '/bin:/usr/bin',
  home: '/home/alice',
};

const at = (line: string): ReturnType<typeof complete> => complete([...line], [...line].length, fs);

describe('completion', () => {
  it.each<[string, string, string, string[]]>([
    ['a command: one match', 'ec', 'ho ', ['echo']],
    ['a command: several, the common prefix', 'c', '', ['cat', 'chmod', 'clear']],
    ['a command: no duplicates across PATH, not the non-executable', 'cl', 'ear ', ['clear']],
    ['after ; a command again', 'ls; ec', 'ho ', ['echo']],
    ['a file: the argument', 'cat not', 'e', ['notebook/', 'notes.txt']],
    ['a directory gets a slash', 'ls noteb', 'ook/', ['notebook/']],
    ['inside a directory', 'ls notebook/p', '', ['p1', 'p2']],
    ['a name with a space is quoted', 'cat my', '\\ file ', ['my file']],
    ['a $ is quoted', 'cat a', '\\$b ', ['a$b']],
    ['dot files only when asked', 'cat .h', 'idden ', ['.hidden']],
    ['~/ is $HOME', 'ls ~/d', 'ocs/', ['docs/']],
    ['after a redirection: a file', 'echo x > note', '', ['notebook/', 'notes.txt']],
    ['nothing matches', 'cat zz', '', []],
  ])('%s', (_name, line, insert, candidates) => {
    expect(at(line)).toEqual({ insert, candidates });
  });

  it('wordAt: quotes and escapes are taken off; command position', () => {
    expect(wordAt([...'echo "a b'], 9)).toEqual({ word: 'a b', start: 5, command: false });
    expect(wordAt([...'x=1 | gr'], 8)).toEqual({ word: 'gr', start: 6, command: true });
    expect(wordAt([...'cat my\\ f'], 9)).toEqual({ word: 'my f', start: 4, command: false });
  });

  it('quoteWord', () => {
    expect(quoteWord('~x y~', true)).toBe('\\~x\\ y~');
    expect(quoteWord('plain.txt', false)).toBe('plain.txt');
  });

  it('columns fill down, then across', () => {
    expect(columns(['a', 'bb', 'c', 'd', 'e'], 10)).toBe('a   d\nbb  e\nc');
    expect(columns(['x', 'y', 'z'], 80, 2)).toBe('x  y\n(1 more)');
  });
});
