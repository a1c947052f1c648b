import { describe, expect, it, vi } from 'vitest';

// posixbox/lesson reaches the kernel only through posixbox/os: os.write(1, bytes) and
// atexit.register. A fake of those two stands in for the kernel here.
const fake = vi.hoisted(() => ({ exitFns: [] as Array<() => void>, writes: [] as Array<[number, string]> }));
vi.mock('posixbox/os', () => ({
  default: {
    write: (fd: number, data: Uint8Array) => {
      fake.writes.push([fd, new TextDecoder().decode(data)]);
      return data.length;
    },
  },
  atexit: { register: (fn: () => void) => fake.exitFns.push(fn) },
}));

import * as lesson from '../../src/os/lesson.js';
import { PyStdout, STDOUT_BUFSIZ, type StdoutMode } from '../../src/os/lesson.js';

/** A PyStdout over a fake write(2) that records each call. */
function harness(mode: StdoutMode, maxPerWrite = Infinity) {
  const writes: string[] = [];
  const out = new PyStdout((bytes) => {
    const n = Math.min(bytes.length, maxPerWrite);
    writes.push(new TextDecoder().decode(bytes.subarray(0, n)));
    return n;
  }, mode);
  return { out, writes };
}

describe('print formats like the Python 2 print statement', () => {
  it.each<[unknown[], string]>([
    [[], '\n'],
    [['Size:', 1516], 'Size: 1516\n'],
    [['User (actual/effective)  :', 527, '/', 527], 'User (actual/effective)  : 527 / 527\n'],
    [['Actual Groups   :', [501, 102, 204]], 'Actual Groups   : [501, 102, 204]\n'],
    [[['example.txt']], "['example.txt']\n"],
    [['Initial value:', null], 'Initial value: None\n'],
    [[false], 'False\n'],
    [['\tstdout:', "'to stdout\\n'"], "\tstdout: 'to stdout\\n'\n"],
    // softspace: no separator after a string item ending in whitespace other than ' '
    [['\n', '../zipimport'], '\n../zipimport\n'],
    [['a\t', 'b', 'c '], 'a\tb c \n'],
    [['c ', 'd'], 'c  d\n'],
    [['', 'x'], ' x\n'],
    [['\npopen, write:'], '\npopen, write:\n'],
    [['é'], 'é\n'],
    [[new Uint8Array([0x68, 0x69, 0x09]), 'x'], 'hi\tx\n'],
  ])('print(%j)', (items, expected) => {
    const { out, writes } = harness('unbuffered');
    out.print(...items);
    expect(writes).toEqual([expected]);
  });
});

describe('stdout modes (LESSONS.md §1.2)', () => {
  it('unbuffered: one write(2) per print, of the whole line', () => {
    const { out, writes } = harness('unbuffered');
    out.print('a', 1);
    out.print();
    out.print('b');
    expect(writes).toEqual(['a 1\n', '\n', 'b\n']);
  });

  it('full: nothing until flush, then one write of everything', () => {
    const { out, writes } = harness('full');
    out.print('Forking...');
    out.print('PARENT:', 14136);
    expect(writes).toEqual([]);
    expect(new TextDecoder().decode(out.pending())).toBe('Forking...\nPARENT: 14136\n');
    out.flush();
    out.flush();
    expect(writes).toEqual(['Forking...\nPARENT: 14136\n']);
  });

  it('full: written in BUFSIZ (4096) pieces when the buffer fills', () => {
    const { out, writes } = harness('full');
    const line = 'x'.repeat(99); // 100 bytes with the newline
    for (let i = 0; i < 100; i++) out.print(line);
    expect(writes.map((w) => w.length)).toEqual([STDOUT_BUFSIZ, STDOUT_BUFSIZ]);
    out.flush();
    expect(writes.map((w) => w.length)).toEqual([4096, 4096, 10000 - 8192]);
    expect(writes.join('')).toBe(`${line}\n`.repeat(100));
  });

  it('line: written at each newline; a partial line waits', () => {
    const { out, writes } = harness('line');
    out.write('abc');
    expect(writes).toEqual([]);
    out.write('d\ne');
    expect(writes).toEqual(['abcd\n']);
    out.print('f', 'g');
    expect(writes).toEqual(['abcd\n', 'ef g\n']);
  });

  it('writes a Uint8Array item as raw bytes (a Python 2 str)', () => {
    const raw: number[][] = [];
    const out = new PyStdout((b) => { raw.push([...b]); return b.length; }, 'unbuffered');
    out.print(new Uint8Array([0xff, 0x41]), 1);
    expect(raw).toEqual([[0xff, 0x41, 0x20, 0x31, 0x0a]]);
  });

  it('keeps writing after a short write, as stdio does on a pipe', () => {
    const { out, writes } = harness('unbuffered', 3);
    out.print('hello');
    expect(writes).toEqual(['hel', 'lo\n']);
  });

  it('changing the mode writes what is buffered first', () => {
    const { out, writes } = harness('full');
    out.print('one');
    out.setMode('unbuffered');
    expect(writes).toEqual(['one\n']);
    out.print('two');
    expect(writes).toEqual(['one\n', 'two\n']);
    expect(() => out.setMode('bogus' as StdoutMode)).toThrow(TypeError);
  });

  it('discard drops the buffer (exec, _exit)', () => {
    const { out, writes } = harness('full');
    out.print('lost');
    out.discard();
    out.flush();
    expect(writes).toEqual([]);
  });
});

describe('the process stdout', () => {
  it('is fully buffered by default, writes to fd 1, and flushes at exit via atexit', () => {
    expect(fake.exitFns).toHaveLength(1);
    lesson.print('Adding execute permission');
    expect(fake.writes).toEqual([]);
    for (const fn of fake.exitFns) fn();
    expect(fake.writes).toEqual([[1, 'Adding execute permission\n']]);
  });

  it('follows setStdoutMode and flush', () => {
    fake.writes.length = 0;
    lesson.setStdoutMode('unbuffered');
    lesson.print('Calling...');
    expect(fake.writes).toEqual([[1, 'Calling...\n']]);
    lesson.setStdoutMode('full');
    lesson.print('x');
    lesson.flush();
    expect(fake.writes).toEqual([[1, 'Calling...\n'], [1, 'x\n']]);
  });

  it('re-exports the formatting helpers', () => {
    expect(lesson.oct(0o100644)).toBe('0100644');
    expect(lesson.pyRepr(lesson.tuple(14155, 0))).toBe('(14155, 0)');
    expect(lesson.pyStr(null)).toBe('None');
  });
});
