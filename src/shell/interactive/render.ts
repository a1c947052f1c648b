/**
 * Drawing the line being edited on a VT100 / xterm: display widths (a small wcwidth) and the
 * bytes that redraw the prompt's last line and the text, wrapping over as many rows as the
 * terminal width needs, and put the cursor back where it belongs. Pure: it returns text to write
 * and the new screen geometry; the editor writes it.
 *
 * Sequences used (all VT100): CR, LF, `ESC [ n A` (up), `ESC [ n C` (right), `ESC [ J` (erase to
 * the end of the screen), `ESC [ H ESC [ 2 J` (clear screen, ^L).
 *
 * Geometry: the prompt's last line starts at column 0 of some row; `row` is the row of the cursor
 * counted from there, `rows` the last row the drawing occupies. When the text ends exactly at the
 * right margin the terminal holds its cursor in the "pending wrap" state, which relative motion
 * handles badly; the drawing then emits a newline so the cursor is at column 0 of the next row.
 */

/** Zero-width: combining marks and the zero-width joiners. */
const ZERO_WIDTH: ReadonlyArray<readonly [number, number]> = [
  [0x0300, 0x036f], [0x0483, 0x0489], [0x0591, 0x05bd], [0x0610, 0x061a], [0x064b, 0x065f],
  [0x0e31, 0x0e31], [0x0e34, 0x0e3a], [0x1ab0, 0x1aff], [0x1dc0, 0x1dff], [0x200b, 0x200f],
  [0x20d0, 0x20ff], [0xfe00, 0xfe0f], [0xfe20, 0xfe2f],
];

/** Two columns: East Asian wide and fullwidth characters, and emoji. */
const WIDE: ReadonlyArray<readonly [number, number]> = [
  [0x1100, 0x115f], [0x2e80, 0x303e], [0x3041, 0x33ff], [0x3400, 0x4dbf], [0x4e00, 0x9fff],
  [0xa000, 0xa4cf], [0xac00, 0xd7a3], [0xf900, 0xfaff], [0xfe30, 0xfe4f], [0xff00, 0xff60],
  [0xffe0, 0xffe6], [0x1f300, 0x1f64f], [0x1f900, 0x1f9ff], [0x20000, 0x3fffd],
];

const inRanges = (cp: number, ranges: ReadonlyArray<readonly [number, number]>): boolean =>
  ranges.some(([lo, hi]) => cp >= lo && cp <= hi);

/** Columns one character takes. */
export function charWidth(ch: string): number {
  const cp = ch.codePointAt(0) ?? 0;
  if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) return 0;
  if (inRanges(cp, ZERO_WIDTH)) return 0;
  return inRanges(cp, WIDE) ? 2 : 1;
}

/** Columns a run of characters takes. */
export function textWidth(chars: readonly string[]): number {
  let w = 0;
  for (const c of chars) w += charWidth(c);
  return w;
}

/** Columns the last line of a prompt takes: escape sequences (colours, titles) take none. */
export function promptWidth(promptLastLine: string): number {
  const plain = promptLastLine
    .replace(/\x1b\[[0-?]*[ -/]*[@-~]/g, '') // CSI
    .replace(/\x1b\][^\x07\x1b]*(\x07|\x1b\\)/g, '') // OSC (window title)
    .replace(/\x1b[@-Z\\-_]/g, '')
    .replace(/\r/g, '');
  return textWidth([...plain]);
}

/** Where the cursor is, as rows down from the start of the prompt's last line. */
export interface Geometry {
  readonly row: number;
  readonly rows: number;
}

export const NO_GEOMETRY: Geometry = { row: 0, rows: 0 };

export interface Drawing {
  readonly text: string;
  readonly geometry: Geometry;
}

const up = (n: number): string => (n > 0 ? `\x1b[${n}A` : '');
const right = (n: number): string => (n > 0 ? `\x1b[${n}C` : '');

/**
 * Redraw: from the cursor's current row, go up to the prompt's row, erase to the end of the
 * screen, write the prompt's last line and the text, and move the cursor to `cursor` (an index
 * into `chars`). `nl` is how a newline is written (LF when the terminal's ONLCR adds the CR).
 */
export function redraw(o: {
  readonly prompt: string;
  readonly chars: readonly string[];
  readonly cursor: number;
  readonly cols: number;
  readonly from: Geometry;
  readonly nl: string;
}): Drawing {
  const cols = Math.max(1, o.cols);
  const plen = promptWidth(o.prompt);
  const total = plen + textWidth(o.chars);
  const at = plen + textWidth(o.chars.slice(0, o.cursor));
  let text = `${up(o.from.row)}\r\x1b[J${o.prompt}${o.chars.join('')}`;
  // the cursor after writing: at `total`, moved to the next row's start if at the margin
  if (total > 0 && total % cols === 0) text += o.nl;
  const endRow = Math.floor(total / cols);
  const row = Math.floor(at / cols);
  text += up(endRow - row);
  if (endRow !== row || at % cols !== total % cols) text += `\r${right(at % cols)}`;
  return { text, geometry: { row, rows: endRow } };
}

/**
 * After appending at the end of the line, when the cursor was at the end: whether echoing the
 * new characters alone is the whole redraw (they fit on the cursor's row, not up to the margin).
 */
export function appendFits(o: { readonly prompt: string; readonly before: readonly string[]; readonly added: readonly string[]; readonly cols: number }): boolean {
  const cols = Math.max(1, o.cols);
  const start = promptWidth(o.prompt) + textWidth(o.before);
  const end = start + textWidth(o.added);
  return Math.floor(start / cols) === Math.floor(end / cols) && end % cols !== 0;
}

/** Move the cursor below the drawing (before printing the newline that ends a line). */
export function toEnd(g: Geometry): string {
  return g.rows > g.row ? `\x1b[${g.rows - g.row}B` : '';
}
