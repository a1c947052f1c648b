/**
 * The line editor on a pseudo-terminal: keys typed → the whole screen (prompt, echo and redraws,
 * after the terminal's output processing) and each line read() returned, with whether the
 * terminal's canonical mode, echo and signals were back on afterwards.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Kernel } from '../../src/kernel/kernel.js';
import type { FileSpec } from '../../src/kernel/setup.js';
import { editLines, editorProgram, type EditOptions, type Step } from './helpers.js';

interface Case {
  readonly name: string;
  readonly steps: readonly Step[];
  readonly screen: string;
  readonly lines: ReadonlyArray<string | null>;
  readonly o?: EditOptions;
  /** Files and their content afterwards. */
  readonly after?: Readonly<Record<string, string>>;
}

const NEXT = '\n$ ';
const CLR = '\r\x1b[J';

const CASES: readonly Case[] = [
  { name: 'text and Enter (CR); ^D on an empty line is end of input',
    steps: [['$ ', 'echo hi\r'], [NEXT, '\x04']],
    screen: '$ echo hi\r\n$ ', lines: ['echo hi', null] },
  { name: 'LF ends a line too',
    steps: [['$ ', 'ls\n'], [NEXT, '\x04']],
    screen: '$ ls\r\n$ ', lines: ['ls', null] },
  { name: 'Backspace (DEL and ^H) redraws the line; ← then a character inserts in the middle',
    steps: [['$ ', 'ab\x7fc\x08d\x1b[Dx\r'], [NEXT, '\x04']],
    screen: `$ ab${CLR}$ ac${CLR}$ ad${CLR}$ ad\r\x1b[3C${CLR}$ axd\r\x1b[4C\r\n$ `, lines: ['axd', null] },
  { name: '^A, typing at the start, ^E, typing at the end',
    steps: [['$ ', 'ls\x01x \x05 y\r'], [NEXT, '\x04']],
    screen: `$ ls${CLR}$ ls\r\x1b[2C${CLR}$ xls\r\x1b[3C${CLR}$ x ls\r\x1b[4C${CLR}$ x ls y\r\n$ `, lines: ['x ls y', null] },
  { name: '^U kills to the start, ^Y yanks it back at the end; ^K kills to the end',
    steps: [['$ ', 'abcdef\x1b[D\x1b[D\x15\x05\x19\x02\x02\x0b\r'], [NEXT, '\x04']],
    screen: `$ abcdef${CLR}$ abcdef\r\x1b[7C${CLR}$ abcdef\r\x1b[6C${CLR}$ ef\r\x1b[2C${CLR}$ efabcd`
      + `${CLR}$ efabcd\r\x1b[7C${CLR}$ efabcd\r\x1b[6C${CLR}$ efab\r\n$ `,
    lines: ['efab', null] },
  { name: '^W erases back over blanks, then to the previous blank',
    steps: [['$ ', 'ls -l /tmp  \x17\x17x\r'], [NEXT, '\x04']],
    screen: `$ ls -l /tmp  ${CLR}$ ls -l ${CLR}$ ls x\r\n$ `, lines: ['ls x', null] },
  { name: '^D under the cursor deletes; Delete (ESC [3~) too',
    steps: [['$ ', 'abc\x01\x04\x1b[3~\r'], [NEXT, '\x04']],
    screen: `$ abc${CLR}$ abc\r\x1b[2C${CLR}$ bc\r\x1b[2C${CLR}$ c\r\x1b[2C\r\n$ `, lines: ['c', null] },
  { name: 'Home and End as xterm and the vt220 keypad send them; ctrl-← and M-f move by words',
    steps: [['$ ', 'cp a b\x1b[H\x1bf\x1b[4~\x1b[1;5DX\x1bOH\r'], [NEXT, '\x04']],
    screen: `$ cp a b${CLR}$ cp a b\r\x1b[2C${CLR}$ cp a b\r\x1b[4C${CLR}$ cp a b${CLR}$ cp a b\r\x1b[7C`
      + `${CLR}$ cp a Xb\r\x1b[8C${CLR}$ cp a Xb\r\x1b[2C\r\n$ `,
    lines: ['cp a Xb', null] },
  { name: 'up and down walk the history; past either end rings the bell',
    steps: [['$ ', 'one\r'], [NEXT, 'two\r'], [NEXT, '\x1b[A\x1b[A\x1b[A\x1b[B\r'], [NEXT, '\x10\x0e\x0e\r'], [NEXT, '\x04']],
    screen: `$ one\r\n$ two\r\n$ ${CLR}$ two${CLR}$ one\x07${CLR}$ two\r\n$ ${CLR}$ two${CLR}$ \x07\r\n$ `,
    lines: ['one', 'two', 'two', '', null] },
  { name: 'editing a recalled line leaves the entry as it was',
    steps: [['$ ', 'abc\r'], [NEXT, '\x1b[A\x7f\r'], [NEXT, '\x1b[A\x1b[A\r'], [NEXT, '\x04']],
    screen: `$ abc\r\n$ ${CLR}$ abc${CLR}$ ab\r\n$ ${CLR}$ ab${CLR}$ abc\r\n$ `,
    lines: ['abc', 'ab', 'abc', null] },
  { name: '^C prints ^C and returns an empty line, kept out of the history',
    steps: [['$ ', 'sleep 9\x03'], [NEXT, '\x1b[A\r'], [NEXT, '\x04']],
    screen: '$ sleep 9^C\r\n$ \x07\r\n$ ', lines: ['', '', null] },
  { name: 'UTF-8: two-, three- and four-byte characters, and Backspace over one',
    steps: [['$ ', 'hé€😀\x7f\r'], [NEXT, '\x04']],
    screen: `$ hé€😀${CLR}$ hé€\r\n$ `, lines: ['hé€', null] },
  { name: 'other control keys ring the bell; unknown sequences are ignored',
    steps: [['$ ', 'a\x1d\x1a\x1b[5~\x1b[15;2Rb\r'], [NEXT, '\x04']],
    screen: '$ a\x07\x07b\r\n$ ', lines: ['ab', null] },
  { name: 'a line longer than the terminal wraps; the cursor moves over rows',
    o: { cols: 10 },
    steps: [['$ ', 'abcdefghij\x01\x05x\r'], [NEXT, '\x04']],
    screen: `$ abcdefg${CLR}$ abcdefgh\r\nij\x1b[1A${CLR}$ abcdefghij\x1b[1A\r\x1b[2C${CLR}$ abcdefghijx\r\n$ `,
    lines: ['abcdefghijx', null] },
  { name: 'Enter on the first row of a wrapped line leaves the cursor below its last row',
    o: { cols: 10 },
    steps: [['$ ', 'abcdefghi\x01\r'], [NEXT, '\x04']],
    screen: `$ abcdefg${CLR}$ abcdefgh\r\ni\x1b[1A${CLR}$ abcdefghi\x1b[1A\r\x1b[2C\x1b[1B\r\n$ `,
    lines: ['abcdefghi', null] },
  { name: 'Tab completes a file name\'s common part; a second Tab lists the choices; then one match',
    o: { files: [{ path: '/root/notes.txt', content: '' }, { path: '/root/notebook', type: 'dir' }] },
    steps: [['$ ', 'cat no\t\ts\t\r'], [NEXT, '\x04']],
    screen: `$ cat note\r\nnotebook/  notes.txt\r\n${CLR}$ cat notes.txt \r\n$ `, lines: ['cat notes.txt ', null] },
  { name: 'Tab completes a command from PATH; no match rings the bell',
    steps: [['$ ', 'ech\tzzz\t\r'], [NEXT, '\x04']],
    screen: '$ echo zzz\x07\r\n$ ', lines: ['echo zzz', null] },
  { name: 'the terminal narrows while a line is edited: the next redraw wraps at the new width',
    steps: [['$ ', 'abcdefghij'], ['j', (pty) => { pty.resize(24, 10); pty.write('\x01\r'); }], [NEXT, '\x04']],
    screen: `$ abcdefghij${CLR}$ abcdefghij\x1b[1A\r\x1b[2C\x1b[1B\r\n$ `, lines: ['abcdefghij', null] },
  { name: '^R searches the history back; ^R again goes further; Enter takes the match',
    steps: [['$ ', 'echo one\r'], [NEXT, 'ls -l\r'], [NEXT, 'echo two\r'], [NEXT, '\x12ec\x12\r'], [NEXT, '\x04']],
    screen: `$ echo one\r\n$ ls -l\r\n$ echo two\r\n$ ${CLR}(reverse-i-search)\`': ${CLR}(reverse-i-search)\`e': echo two\r\x1b[23C`
      + `${CLR}(reverse-i-search)\`ec': echo two\r\x1b[24C${CLR}(reverse-i-search)\`ec': echo one\r\x1b[24C${CLR}$ echo one\r\x1b[2C\r\n$ `,
    lines: ['echo one', 'ls -l', 'echo two', 'echo one', null] },
  { name: '^R with no match says failed; ^G gives the line back; another key ends the search and acts',
    steps: [['$ ', 'ls\r'], [NEXT, 'ab\x12z\x07c\x12l\x05x\r'], [NEXT, '\x04']],
    screen: `$ ls\r\n$ ab${CLR}(reverse-i-search)\`': ab${CLR}(failed reverse-i-search)\`z': ab${CLR}$ abc`
      + `${CLR}(reverse-i-search)\`': abc${CLR}(reverse-i-search)\`l': ls\r\x1b[23C${CLR}$ ls\r\x1b[2C${CLR}$ lsx\r\n$ `,
    lines: ['ls', 'lsx', null] },
  { name: '^L clears the screen and draws the whole prompt again',
    o: { prompt: '/tmp\n$ ' },
    steps: [['$ ', 'ab\x0c\r'], ['\n/tmp\r\n$ ', '\x04']],
    screen: `/tmp\r\n$ ab\x1b[H\x1b[2J/tmp\r\n${CLR}$ ab\r\n/tmp\r\n$ `, lines: ['ab', null] },
  { name: 'the history file is loaded, and saved after each new line',
    o: { historyFile: '/root/.sh_history', files: [{ path: '/root/.sh_history', content: 'old one\nold two\n' }] },
    steps: [['$ ', '\x1b[A\r'], [NEXT, 'new\r'], [NEXT, '\x04']],
    screen: `$ ${CLR}$ old two\r\n$ new\r\n$ `, lines: ['old two', 'new', null],
    after: { '/root/.sh_history': 'old one\nold two\nnew\n' } },
  { name: 'a new history file is made, mode 0600',
    o: { historyFile: '/root/.hist' },
    steps: [['$ ', 'ls\r'], [NEXT, '\x04']],
    screen: '$ ls\r\n$ ', lines: ['ls', null],
    after: { '/root/.hist': 'ls\n' } },
  { name: 'not a terminal: the prompt, then plain lines',
    o: { stdin: 'first\nsecond' },
    steps: [],
    screen: '$ $ $ ', lines: ['first', 'second', null] },
];

const kernels: Kernel[] = [];
afterEach(() => { for (const k of kernels.splice(0)) k.shutdown(); });

function fileText(k: Kernel, path: string): string {
  const f = k.vfs.open(k.rootContext(), path, 0, 0);
  const buf = new Uint8Array(65536);
  const n = k.vfs.read(f, buf);
  k.vfs.close(f);
  const mode = (k.vfs.stat(k.rootContext(), path, true).mode & 0o777).toString(8);
  return `${mode} ${new TextDecoder().decode(buf.subarray(0, n))}`;
}

describe('LineEditor on a terminal', () => {
  const program = { source: '' };
  beforeAll(async () => { program.source = await editorProgram(); });
  for (const c of CASES) {
    it(c.name, async () => {
      const r = await editLines(program.source, c.steps, c.o);
      kernels.push(r.kernel);
      const tty = c.o?.stdin === undefined;
      expect({ screen: r.screen, results: r.results, status: r.status }).toEqual({
        screen: c.screen, results: c.lines.map((l) => [l, tty ? true : null]), status: 0,
      });
      if (c.after) {
        const got = Object.fromEntries(Object.keys(c.after).map((p) => [p, fileText(r.kernel, p)]));
        expect(got).toEqual(Object.fromEntries(Object.entries(c.after).map(([p, t]) => [p, `${p === '/root/.hist' ? 600 : 644} ${t}`])));
      }
      expect(r.kernel.bugs).toEqual([]);
    });
  }
});
