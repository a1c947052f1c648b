/**
 * The terminal settings stty knows (Linux's termios bits, in the order `stty -a` lists them), what
 * `stty sane` makes of each, and the control characters with their sane values. Printing them
 * follows coreutils' wrapping: items separated by spaces, a new line before an item that would
 * pass the terminal's width.
 */

export type Kind = 'control' | 'input' | 'output' | 'local';

export interface Mode {
  readonly name: string;
  readonly kind: Kind;
  readonly bits: number;
  /** The field's mask for multi-bit values (cs8, tab0); the bits themselves otherwise. */
  readonly mask: number;
  /** Takes a leading `-` (a plain on/off flag). */
  readonly rev: boolean;
  /** What `sane` does with it: set, clear, or leave alone. */
  readonly sane: 'set' | 'unset' | 'keep';
}

const m = (name: string, kind: Kind, bits: number, sane: Mode['sane'], mask = 0): Mode =>
  ({ name, kind, bits, mask: mask || bits, rev: mask === 0, sane });

// Linux (asm-generic/termbits.h) values, octal.
const CSIZE = 0o60, NLDLY = 0o400, CRDLY = 0o3000, TABDLY = 0o14000, BSDLY = 0o20000, VTDLY = 0o40000, FFDLY = 0o100000;

export const MODES: readonly Mode[] = [
  m('parenb', 'control', 0o400, 'keep'), m('parodd', 'control', 0o1000, 'keep'), m('cmspar', 'control', 0o10000000000, 'keep'),
  m('cs5', 'control', 0, 'keep', CSIZE), m('cs6', 'control', 0o20, 'keep', CSIZE), m('cs7', 'control', 0o40, 'keep', CSIZE),
  m('cs8', 'control', 0o60, 'keep', CSIZE), m('hupcl', 'control', 0o2000, 'keep'), m('cstopb', 'control', 0o100, 'keep'),
  m('cread', 'control', 0o200, 'set'), m('clocal', 'control', 0o4000, 'keep'), m('crtscts', 'control', 0o20000000000, 'keep'),
  m('ignbrk', 'input', 0o1, 'unset'), m('brkint', 'input', 0o2, 'set'), m('ignpar', 'input', 0o4, 'keep'),
  m('parmrk', 'input', 0o10, 'keep'), m('inpck', 'input', 0o20, 'keep'), m('istrip', 'input', 0o40, 'keep'),
  m('inlcr', 'input', 0o100, 'unset'), m('igncr', 'input', 0o200, 'unset'), m('icrnl', 'input', 0o400, 'set'),
  m('ixon', 'input', 0o2000, 'keep'), m('ixoff', 'input', 0o10000, 'unset'), m('iuclc', 'input', 0o1000, 'unset'),
  m('ixany', 'input', 0o4000, 'unset'), m('imaxbel', 'input', 0o20000, 'set'), m('iutf8', 'input', 0o40000, 'unset'),
  m('opost', 'output', 0o1, 'set'), m('olcuc', 'output', 0o2, 'unset'), m('ocrnl', 'output', 0o10, 'unset'),
  m('onlcr', 'output', 0o4, 'set'), m('onocr', 'output', 0o20, 'unset'), m('onlret', 'output', 0o40, 'unset'),
  m('ofill', 'output', 0o100, 'unset'), m('ofdel', 'output', 0o200, 'unset'),
  m('nl0', 'output', 0, 'set', NLDLY), m('nl1', 'output', 0o400, 'unset', NLDLY),
  m('cr0', 'output', 0, 'set', CRDLY), m('cr1', 'output', 0o1000, 'unset', CRDLY), m('cr2', 'output', 0o2000, 'unset', CRDLY),
  m('cr3', 'output', 0o3000, 'unset', CRDLY),
  m('tab0', 'output', 0, 'set', TABDLY), m('tab1', 'output', 0o4000, 'unset', TABDLY), m('tab2', 'output', 0o10000, 'unset', TABDLY),
  m('tab3', 'output', 0o14000, 'unset', TABDLY),
  m('bs0', 'output', 0, 'set', BSDLY), m('bs1', 'output', 0o20000, 'unset', BSDLY),
  m('vt0', 'output', 0, 'set', VTDLY), m('vt1', 'output', 0o40000, 'unset', VTDLY),
  m('ff0', 'output', 0, 'set', FFDLY), m('ff1', 'output', 0o100000, 'unset', FFDLY),
  m('isig', 'local', 0o1, 'set'), m('icanon', 'local', 0o2, 'set'), m('iexten', 'local', 0o100000, 'set'),
  m('echo', 'local', 0o10, 'set'), m('echoe', 'local', 0o20, 'set'), m('echok', 'local', 0o40, 'set'),
  m('echonl', 'local', 0o100, 'unset'), m('noflsh', 'local', 0o200, 'unset'), m('xcase', 'local', 0o4, 'unset'),
  m('tostop', 'local', 0o400, 'unset'), m('echoprt', 'local', 0o2000, 'unset'), m('echoctl', 'local', 0o1000, 'set'),
  m('echoke', 'local', 0o4000, 'set'), m('flusho', 'local', 0o10000, 'unset'), m('extproc', 'local', 0o200000, 'unset'),
];

/** Other names for modes (accepted, never printed). */
export const ALIASES: ReadonlyMap<string, string> = new Map([
  ['hup', 'hupcl'], ['tandem', 'ixoff'], ['crterase', 'echoe'], ['prterase', 'echoprt'], ['ctlecho', 'echoctl'], ['crtkill', 'echoke'],
]);

export interface Control {
  readonly name: string;
  /** Index in c_cc (Linux). */
  readonly index: number;
  readonly sane: number;
}

export const CONTROLS: readonly Control[] = [
  { name: 'intr', index: 0, sane: 0x03 }, { name: 'quit', index: 1, sane: 0x1c }, { name: 'erase', index: 2, sane: 0x7f },
  { name: 'kill', index: 3, sane: 0x15 }, { name: 'eof', index: 4, sane: 0x04 }, { name: 'eol', index: 11, sane: 0 },
  { name: 'eol2', index: 16, sane: 0 }, { name: 'swtch', index: 7, sane: 0 }, { name: 'start', index: 8, sane: 0x11 },
  { name: 'stop', index: 9, sane: 0x13 }, { name: 'susp', index: 10, sane: 0x1a }, { name: 'rprnt', index: 12, sane: 0x12 },
  { name: 'werase', index: 14, sane: 0x17 }, { name: 'lnext', index: 15, sane: 0x16 }, { name: 'discard', index: 13, sane: 0x0f },
];
export const VMIN = 6, VTIME = 5;

/** A control character as stty shows it: ^C, ^?, M-x, <undef>. */
export function visible(c: number): string {
  if (c === 0) return '<undef>';
  let prefix = '';
  let v = c;
  if (v >= 128) {
    prefix = 'M-';
    v -= 128;
  }
  if (v < 32) return `${prefix}^${String.fromCharCode(v + 64)}`;
  if (v === 127) return `${prefix}^?`;
  return prefix + String.fromCharCode(v);
}

/** A control character's value from `^C`, `^?`, `^-`/`undef`, a number, or a single character. */
export function parseControl(s: string): number | undefined {
  if (s === '^-' || s === 'undef') return 0;
  if (s.length >= 2 && s[0] === '^') return s[1] === '?' ? 127 : s.charCodeAt(1) & 0x1f;
  if (/^(0x[0-9a-fA-F]+|0[0-7]*|[1-9]\d*)$/.test(s)) {
    const n = Number(s.startsWith('0x') ? s : s.length > 1 && s.startsWith('0') ? parseInt(s, 8) : s);
    return n <= 255 ? n : undefined;
  }
  return s.length === 1 ? s.charCodeAt(0) : undefined;
}

/** coreutils' wrapf: items on lines no wider than `width`, a space between items. */
export class Wrapper {
  private col = 0;
  text = '';
  constructor(private readonly width: number) {}
  item(s: string): void {
    if (this.col > 0) {
      if (this.width - this.col < s.length) {
        this.text += '\n';
        this.col = 0;
      } else {
        this.text += ' ';
        this.col++;
      }
    }
    this.text += s;
    this.col += s.length;
  }
  newline(): void {
    this.text += '\n';
    this.col = 0;
  }
  get empty(): boolean {
    return this.col === 0;
  }
}
