/**
 * stty — show or change the terminal's settings, as coreutils stty on Linux, through the os
 * API's termios (tcgetattr/tcsetattr and the window size):
 *   stty            the settings that differ from `sane`      stty -a   all of them
 *   stty -g         the settings in a form stty can read back  -F DEVICE  another terminal
 *   settings: [-]flag (echo, icanon, isig, icrnl, opost, …, see lib/sttymodes.ts), raw, -raw,
 *   cooked, -cooked, sane, cbreak, -cbreak, nl, -nl, CHAR VALUE (intr ^C, erase ^?, eof undef),
 *   min N, time N, rows N, cols N, columns N, size, speed, and a -g string.
 * Not a terminal: `stty: 'standard input': Inappropriate ioctl for device` (status 1).
 */
import os, { OSError, termios } from 'posixbox/os';
import { Fatal, program, quote, quotef, UsageError } from './lib.js';
import { ALIASES, CONTROLS, MODES, parseControl, visible, VMIN, VTIME, Wrapper, type Kind, type Mode } from './lib/sttymodes.js';

type Attrs = ReturnType<typeof termios.tcgetattr>;

const FIELD: Readonly<Record<Kind, 0 | 1 | 2 | 3>> = { input: 0, output: 1, control: 2, local: 3 };
const SPEEDS = [0, 50, 75, 110, 134, 150, 200, 300, 600, 1200, 1800, 2400, 4800, 9600, 19200, 38400];
const CBAUD = 0o10017, ICANON = 0o2, TCSADRAIN = 1, ERANGE = 34;

const speedOf = (a: Attrs): number => SPEEDS[a[5] & 0o17] ?? 0;
const isSet = (a: Attrs, md: Mode): boolean => (a[FIELD[md.kind]] & md.mask) === md.bits;

function setMode(a: Attrs, md: Mode, on: boolean): void {
  const f = FIELD[md.kind];
  a[f] = on ? (a[f] & ~md.mask) | md.bits : a[f] & ~md.bits;
}

const byName = (name: string): Mode | undefined => MODES.find((x) => x.name === (ALIASES.get(name) ?? name));

function flags(a: Attrs, names: string): void {
  for (const word of names.split(' ')) {
    const off = word.startsWith('-');
    setMode(a, byName(off ? word.slice(1) : word)!, !off);
  }
}

function sane(a: Attrs): void {
  for (const md of MODES) {
    if (md.sane === 'set') setMode(a, md, true);
    else if (md.sane === 'unset' && md.rev) setMode(a, md, false);
  }
  for (const c of CONTROLS) a[6][c.index] = c.sane;
  a[6][VMIN] = 1;
  a[6][VTIME] = 0;
}

/** The combination settings (coreutils' combo table). */
function combo(a: Attrs, word: string): boolean {
  switch (word) {
    case 'raw': case '-cooked':
      a[0] = 0; // every input flag off, iutf8 too, as coreutils does
      flags(a, '-icanon -opost -isig -xcase');
      a[6][VMIN] = 1;
      a[6][VTIME] = 0;
      return true;
    case '-raw': case 'cooked':
      flags(a, 'brkint ignpar istrip icrnl ixon opost isig icanon');
      a[6][4] = 0x04;
      a[6][11] = 0;
      return true;
    case 'sane': sane(a); return true;
    case 'cbreak': flags(a, '-icanon'); return true;
    case '-cbreak': flags(a, 'icanon'); return true;
    case 'nl': flags(a, '-icrnl -onlcr'); return true;
    case '-nl': flags(a, 'icrnl -inlcr -igncr onlcr -ocrnl -onlret'); return true;
    case 'ek': a[6][2] = 0x7f; a[6][3] = 0x15; return true;
    default: return false;
  }
}

function showAll(a: Attrs, win: readonly [number, number] | undefined, width: number): string {
  const w = new Wrapper(width);
  w.item(`speed ${speedOf(a)} baud;`);
  if (win) w.item(`rows ${win[0]}; columns ${win[1]};`);
  w.item('line = 0;');
  w.newline();
  for (const c of CONTROLS) w.item(`${c.name} = ${visible(Number(a[6][c.index]))};`);
  w.item(`min = ${a[6][VMIN]}; time = ${a[6][VTIME]};`);
  w.newline();
  let kind: Kind = 'control';
  for (const md of MODES) {
    if (md.kind !== kind) {
      w.newline();
      kind = md.kind;
    }
    if (isSet(a, md)) w.item(md.name);
    else if (md.rev) w.item(`-${md.name}`);
  }
  w.newline();
  return w.text;
}

function showChanged(a: Attrs, width: number): string {
  const w = new Wrapper(width);
  w.item(`speed ${speedOf(a)} baud;`);
  w.item('line = 0;');
  w.newline();
  for (const c of CONTROLS) if (Number(a[6][c.index]) !== c.sane) w.item(`${c.name} = ${visible(Number(a[6][c.index]))};`);
  if ((a[3] & ICANON) === 0) w.item(`min = ${a[6][VMIN]}; time = ${a[6][VTIME]};`);
  if (!w.empty) w.newline();
  let kind: Kind = 'control';
  for (const md of MODES) {
    if (md.kind !== kind) {
      if (!w.empty) w.newline();
      kind = md.kind;
    }
    if (isSet(a, md)) {
      if (md.sane === 'unset') w.item(md.name);
    } else if (md.rev && md.sane === 'set') {
      w.item(`-${md.name}`);
    }
  }
  if (!w.empty) w.newline();
  return w.text;
}

/** Which settings take a value. */
const TAKES_VALUE = new Set(['min', 'time', 'rows', 'cols', 'columns', ...CONTROLS.map((c) => c.name)]);
const ALONE = new Set(['raw', '-raw', 'cooked', '-cooked', 'sane', 'cbreak', '-cbreak', 'nl', '-nl', 'ek', 'size', 'speed']);

/** coreutils checks the words before it touches the terminal: unknown ones and missing values. */
function checkWords(words: readonly string[]): void {
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (TAKES_VALUE.has(w)) {
      if (++i >= words.length) throw new UsageError(`missing argument to ${quote(w)}`);
      continue;
    }
    const off = w.startsWith('-');
    const md = byName(off ? w.slice(1) : w);
    if ((md && (!off || md.rev)) || ALONE.has(w) || /^[0-9a-f]+(:[0-9a-f]+){35}$/.test(w)) continue;
    throw new UsageError(`invalid argument ${quote(w)}`);
  }
}

const hex = (a: Attrs): string => [a[0], a[1], a[2], a[3], ...a[6].map(Number)].map((n) => (n >>> 0).toString(16)).join(':');

function screenWidth(): number {
  try {
    return os.get_terminal_size(1).columns || 80;
  } catch {
    const c = Number(os.environ.get('COLUMNS'));
    return Number.isInteger(c) && c > 0 ? c : 80;
  }
}

const run = program('stty', {
  usage: '[-F DEVICE | --file=DEVICE] [SETTING]...\n  or:  stty [-F DEVICE | --file=DEVICE] [-a|--all]\n  or:  stty [-F DEVICE | --file=DEVICE] [-g|--save]',
  about: 'Print or change terminal characteristics.',
  short: '+agF:',
  long: { all: 'a', save: 'g', 'file=': 'F' },
}, (t, a) => {
  const words = [...a.operands];
  const dev = a.last('F');
  if (a.has('a') && a.has('g')) throw new UsageError('the options for verbose and stty-readable output styles are\nmutually exclusive');
  if ((a.has('a') || a.has('g')) && words.length > 0) throw new Fatal('when specifying an output style, modes may not be set');
  checkWords(words);
  let fd = 0;
  const name = dev ?? 'standard input';
  if (dev !== undefined) {
    try {
      fd = os.open(dev, os.O_RDONLY | os.O_NONBLOCK);
    } catch (e) {
      if (e instanceof OSError) throw new Fatal(`${quotef(dev)}: ${e.strerror}`);
      throw e;
    }
  }
  let attrs: Attrs;
  try {
    attrs = termios.tcgetattr(fd);
  } catch (e) {
    if (e instanceof termios.error) throw new Fatal(`${quotef(name)}: ${os.strerror(e.errno)}`);
    throw e;
  }
  const win = ((): readonly [number, number] | undefined => {
    try { return termios.tcgetwinsize(fd); } catch { return undefined; }
  })();
  if (words.length === 0) {
    t.stdout.write(a.has('g') ? `${hex(attrs)}\n` : a.has('a') ? showAll(attrs, win, screenWidth()) : showChanged(attrs, screenWidth()));
    return 0;
  }
  const next: Attrs = [attrs[0], attrs[1], attrs[2], attrs[3], attrs[4], attrs[5], [...attrs[6]]];
  let size: [number, number] | undefined;
  const print: string[] = [];
  let changed = false;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const value = (): string => {
      const v = words[++i];
      if (v === undefined) throw new UsageError(`missing argument to ${quote(w)}`);
      return v;
    };
    const count = (v: string, max: number): number => {
      if (!/^\d+$/.test(v)) throw new Fatal(`invalid integer argument: ${quote(v)}`);
      if (Number(v) > max) throw new Fatal(`invalid integer argument: ${quote(v)}: ${os.strerror(ERANGE)}`);
      return Number(v);
    };
    const off = w.startsWith('-');
    const md = byName(off ? w.slice(1) : w);
    const ctl = CONTROLS.find((c) => c.name === w);
    if (md && (!off || md.rev)) {
      setMode(next, md, !off);
      changed = true;
    } else if (combo(next, w)) {
      changed = true;
    } else if (ctl) {
      const v = value();
      const c = parseControl(v);
      if (c === undefined) throw new Fatal(`invalid integer argument: ${quote(v)}`);
      next[6][ctl.index] = c;
      changed = true;
    } else if (w === 'min' || w === 'time') {
      next[6][w === 'min' ? VMIN : VTIME] = count(value(), 255);
      changed = true;
    } else if (w === 'rows' || w === 'cols' || w === 'columns') {
      const n = count(value(), 65535);
      size = [...(size ?? win ?? [0, 0])] as [number, number];
      size[w === 'rows' ? 0 : 1] = n;
    } else if (w === 'size') {
      if (!win) throw new Fatal(`${quotef(name)}: no size information for this device`);
      print.push(`${win[0]} ${win[1]}\n`);
    } else if (w === 'speed') {
      print.push(`${speedOf(attrs)}\n`);
    } else if (/^[0-9a-f]+(:[0-9a-f]+){35}$/.test(w)) {
      const n = w.split(':').map((x) => parseInt(x, 16));
      next[0] = n[0]!; next[1] = n[1]!; next[2] = n[2]!; next[3] = n[3]!;
      next[4] = next[5] = n[2]! & CBAUD;
      next[6] = n.slice(4);
      changed = true;
    } else {
      throw new UsageError(`invalid argument ${quote(w)}`);
    }
  }
  if (changed) termios.tcsetattr(fd, TCSADRAIN, next);
  if (size) termios.tcsetwinsize(fd, size);
  t.stdout.write(print.join(''));
  return 0;
});

/**
 * Settings such as -echo look like options: as coreutils does, only -a, -g, -F (and their long
 * forms, and --help/--version) are options; everything else goes to the settings, after `--`.
 */
export function main(argv: string[]): number {
  const opts: string[] = [];
  const settings: string[] = [];
  for (let i = 1; i < argv.length; i++) {
    const w = argv[i]!;
    if (/^-[ag]+$/.test(w) || /^--(all|save|help|version)$/.test(w) || w.startsWith('--file=')) opts.push(w);
    else if (w === '-F' || w === '--file') opts.push(w, ...(i + 1 < argv.length ? [argv[++i]!] : []));
    else if (/^-F./.test(w)) opts.push(w);
    else settings.push(w);
  }
  return run([argv[0] ?? 'stty', ...opts, '--', ...settings]);
}
