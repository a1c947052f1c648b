/** The line editor's key decoder and drawing, as pure functions: bytes → keys; line → bytes. */
import { describe, expect, it } from 'vitest';
import { KeyDecoder, type Key } from '../../src/shell/interactive/keys.js';
import { charWidth, promptWidth, redraw } from '../../src/shell/interactive/render.js';

const keysOf = (chunks: ReadonlyArray<string | number[]>): Key[] => {
  const d = new KeyDecoder();
  const out: Key[] = [];
  for (const c of chunks) {
    const bytes = typeof c === 'string' ? new TextEncoder().encode(c) : c;
    for (const b of bytes) out.push(...d.feed(b));
  }
  return out;
};

describe('KeyDecoder', () => {
  it.each<[string, ReadonlyArray<string | number[]>, Key[]]>([
    ['text and controls', ['a\x01\r\x7f'], [{ kind: 'char', text: 'a' }, { kind: 'ctrl', code: 1 }, { kind: 'ctrl', code: 13 }, { kind: 'ctrl', code: 127 }]],
    ['a UTF-8 character split across reads', [[0xf0, 0x9f], [0x98], [0x80]], [{ kind: 'char', text: '😀' }]],
    ['a CSI sequence split across reads', ['\x1b', '[', '1;5', 'C'], [{ kind: 'wordright' }]],
    ['arrows, SS3 and vt220 keys', ['\x1b[A\x1b[B\x1bOC\x1bOD\x1b[1~\x1b[4~\x1b[3~\x1bOH\x1b[F'],
      [{ kind: 'up' }, { kind: 'down' }, { kind: 'right' }, { kind: 'left' }, { kind: 'home' }, { kind: 'end' }, { kind: 'delete' }, { kind: 'home' }, { kind: 'end' }]],
    ['Meta keys', ['\x1bb\x1bf\x1bd\x1b\x7f'], [{ kind: 'wordleft' }, { kind: 'wordright' }, { kind: 'meta', text: 'd' }, { kind: 'meta', text: '\x7f' }]],
    ['unknown sequences', ['\x1b[5~\x1b[200~\x1bOx'], [{ kind: 'unknown', seq: '\x1b[5~' }, { kind: 'unknown', seq: '\x1b[200~' }, { kind: 'unknown', seq: '\x1bOx' }]],
    ['a control byte inside a CSI ends it and counts', ['\x1b[1\r'], [{ kind: 'unknown', seq: '\x1b[1' }, { kind: 'ctrl', code: 13 }]],
    ['an over-long CSI is given up', [`\x1b[${'1'.repeat(40)}A`], [{ kind: 'unknown', seq: `\x1b[${'1'.repeat(32)}` }, ...Array(8).fill({ kind: 'char', text: '1' }), { kind: 'char', text: 'A' }]],
    ['invalid UTF-8 is dropped', [[0x80, 0xff, 0xc3, 0x41, 0xe0, 0x80, 0x80, 0x62]], [{ kind: 'char', text: 'A' }, { kind: 'char', text: 'b' }]],
  ])('%s', (_name, chunks, keys) => {
    expect(keysOf(chunks)).toEqual(keys);
  });

  it('says when a key is partly read', () => {
    const d = new KeyDecoder();
    d.feed(0x1b);
    expect(d.pending).toBe(true);
    d.feed(0x5b);
    d.feed(0x41);
    expect(d.pending).toBe(false);
  });
});

describe('drawing', () => {
  it('widths: wide, combining, and prompts with colours', () => {
    expect(['a', 'é', '漢', '😀', '\u0301'].map(charWidth)).toEqual([1, 1, 2, 2, 0]);
    expect(promptWidth('\x1b[1;32malice\x1b[0m:~$ ')).toBe(9);
    expect(promptWidth('\x1b]0;title\x07$ ')).toBe(2);
  });

  it.each([
    ['end of a short line', { cursor: 3, cols: 80, from: { row: 0, rows: 0 } }, '\r\x1b[J$ abc', { row: 0, rows: 0 }],
    ['middle of a short line', { cursor: 1, cols: 80, from: { row: 0, rows: 0 } }, '\r\x1b[J$ abc\r\x1b[3C', { row: 0, rows: 0 }],
    ['text up to the margin, cursor at the end', { cursor: 3, cols: 5, from: { row: 0, rows: 0 } }, '\r\x1b[J$ abc\n', { row: 1, rows: 1 }],
    ['from the second row, cursor to the first', { cursor: 0, cols: 4, from: { row: 1, rows: 1 } }, '\x1b[1A\r\x1b[J$ abc\x1b[1A\r\x1b[2C', { row: 0, rows: 1 }],
  ])('redraw: %s', (_name, o, text, geometry) => {
    expect(redraw({ prompt: '$ ', chars: ['a', 'b', 'c'], nl: '\n', ...o })).toEqual({ text, geometry });
  });
});
