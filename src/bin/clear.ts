/**
 * clear — clear the terminal screen, as ncurses' clear: the terminal's clear string for $TERM
 * (or -T TERM), then, unless -x, the sequence that also clears the scrollback (E3) where the
 * terminal has one. posixbox has no terminfo database: the strings of the common terminals are
 * below, as their terminfo entries give them.
 */
import os from 'posixbox/os';
import { writeAll } from './lib.js';

const HOME_CLEAR_ALL = '\x1b[H\x1b[2J';
const HOME_CLEAR_BELOW = '\x1b[H\x1b[J';
const E3 = '\x1b[3J';

/** clear and E3 of each terminal type known here; an empty clear string: the terminal has none. */
const TERMINALS: ReadonlyMap<string, readonly [string, string]> = new Map(Object.entries({
  xterm: [HOME_CLEAR_ALL, E3], 'xterm-256color': [HOME_CLEAR_ALL, E3], 'xterm-color': [HOME_CLEAR_ALL, ''],
  'xterm-16color': [HOME_CLEAR_ALL, E3], rxvt: [HOME_CLEAR_ALL, ''], 'rxvt-unicode': [HOME_CLEAR_ALL, ''],
  screen: [HOME_CLEAR_BELOW, ''], 'screen-256color': [HOME_CLEAR_BELOW, ''], tmux: [HOME_CLEAR_BELOW, E3],
  'tmux-256color': [HOME_CLEAR_BELOW, E3], linux: [HOME_CLEAR_BELOW, E3], vt100: [HOME_CLEAR_BELOW, ''],
  vt102: [HOME_CLEAR_BELOW, ''], vt220: [HOME_CLEAR_BELOW, ''], ansi: [HOME_CLEAR_BELOW, ''], dumb: ['', ''],
}));

const USAGE = 'Usage: clear [options]\n\nOptions:\n  -T TERM     the terminal type, instead of $TERM\n  -V          print the version\n  -x          leave the scrollback alone\n';

export function main(argv: string[]): number {
  const say = (fd: number, s: string): void => { try { writeAll(fd, s); } catch { /* nowhere */ } };
  let term = os.environ.get('TERM');
  let keepScrollback = false;
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '-x') keepScrollback = true;
    else if (a === '-V') return say(1, 'clear (posixbox) 0.1.0\n'), 0;
    else if (a === '-T' && i + 1 < argv.length) term = argv[++i];
    else if (a.startsWith('-T') && a.length > 2) term = a.slice(2);
    else return say(2, USAGE), 1;
  }
  if (term === undefined) return say(2, 'TERM environment variable not set.\n'), 1;
  const caps = TERMINALS.get(term);
  if (!caps) return say(2, `'${term}': unknown terminal type.\n`), 1;
  if (caps[0] === '') return 1;
  say(1, caps[0] + (keepScrollback ? '' : caps[1]));
  return 0;
}
