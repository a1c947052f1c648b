/**
 * find's -printf FORMAT (GNU findutils): directives with printf's flags and widths, and the
 * escapes \n \t \0 \\ and friends. Supported: %p %f %h %P %H %d %s %m %M %u %g %U %G %i %n %k %b
 * %l %y %Y %t %a %c (ctime form), %T@ %A@ %C@ (seconds) and %Tk %Ak %Ck (one strftime conversion,
 * with GNU's fractional seconds in %TS/%TT/%T+), %%. An unknown directive is kept as written,
 * with findutils' warning; a `%` at the end is an error.
 */
import os, { stat, time } from 'posixbox/os';
import { Fatal } from '../lib.js';
import { padNumber, padString, type Directive } from './directive.js';
import { groupName, userName } from './ids.js';
import type { Entry } from './findexpr.js';

type Piece = string | ((e: Entry) => string);

/** The directive letters field() knows. */
const LETTERS = 'pfhPHdsmMugUGinkblyYtac';

const ESC: ReadonlyMap<string, string> = new Map(Object.entries({ a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '0': '\0', '\\': '\\' }));

function typeChar(m: number): string {
  if (stat.S_ISREG(m)) return 'f';
  if (stat.S_ISDIR(m)) return 'd';
  if (stat.S_ISLNK(m)) return 'l';
  if (stat.S_ISFIFO(m)) return 'p';
  if (stat.S_ISCHR(m)) return 'c';
  if (stat.S_ISBLK(m)) return 'b';
  if (stat.S_ISSOCK(m)) return 's';
  return 'U';
}

const dirname = (p: string): string => {
  const s = p.replace(/\/+$/, '');
  const i = s.lastIndexOf('/');
  return i < 0 ? '.' : i === 0 ? '/' : s.slice(0, i);
};

/** A time field as GNU shows it: seconds, and ten digits of fraction (nanoseconds and a 0). */
function timeOf(e: Entry, which: 'a' | 'c' | 'm'): { sec: number; frac: string } {
  const ns = which === 'a' ? e.st.st_atime_ns : which === 'c' ? e.st.st_ctime_ns : e.st.st_mtime_ns;
  return { sec: Number(ns / 1_000_000_000n), frac: `${String(ns % 1_000_000_000n).padStart(9, '0')}0` };
}

function timeDirective(k: string, e: Entry, which: 'a' | 'c' | 'm'): string | undefined {
  const t = timeOf(e, which);
  if (k === '@') return `${t.sec}.${t.frac}`;
  if (!/^[a-zA-Z+]$/.test(k)) return undefined;
  const tm = time.localtime(t.sec);
  if (k === 'S') return `${time.strftime('%S', tm)}.${t.frac}`;
  if (k === 'T') return `${time.strftime('%H:%M:%S', tm)}.${t.frac}`;
  if (k === '+') return `${time.strftime('%Y-%m-%d+%H:%M:%S', tm)}.${t.frac}`;
  return time.strftime(`%${k}`, tm);
}

function ctimeOf(e: Entry, which: 'a' | 'c' | 'm'): string {
  const t = timeOf(e, which);
  const tm = time.localtime(t.sec);
  return `${time.strftime('%a %b %e %H:%M:%S', tm)}.${t.frac} ${time.strftime('%Y', tm)}`;
}

function field(c: string, e: Entry, d: Directive): string | undefined {
  const s = (v: string): string => padString(v, d);
  const n = (v: number | bigint, radix: 8 | 10 = 10): string => padNumber(v, radix, d);
  const st = e.st;
  switch (c) {
    case 'p': return s(e.path);
    case 'f': return s(e.depth === 0 ? e.name : e.path.slice(e.path.lastIndexOf('/') + 1));
    case 'h': return s(dirname(e.path));
    case 'P': return s(e.depth === 0 ? '' : e.path.slice(e.start.length).replace(/^\/+/, ''));
    case 'H': return s(e.start);
    case 'd': return n(e.depth);
    case 's': return n(st.st_size);
    case 'm': return n(st.st_mode & 0o7777, 8);
    case 'M': return s(stat.filemode(st.st_mode));
    case 'u': return s(userName(st.st_uid) ?? String(st.st_uid));
    case 'g': return s(groupName(st.st_gid) ?? String(st.st_gid));
    case 'U': return n(st.st_uid);
    case 'G': return n(st.st_gid);
    case 'i': return n(st.st_ino);
    case 'n': return n(st.st_nlink);
    case 'k': return n(Math.floor((st.st_blocks * 512 + 1023) / 1024));
    case 'b': return n(st.st_blocks);
    case 'l': {
      if (!stat.S_ISLNK(st.st_mode)) return s('');
      try { return s(os.readlink(e.path)); } catch { return s(''); }
    }
    case 'y': return s(typeChar(st.st_mode));
    case 'Y': {
      if (!stat.S_ISLNK(st.st_mode)) return s(typeChar(st.st_mode));
      try { return s(typeChar(os.stat(e.path).st_mode)); } catch { return s('N'); }
    }
    case 't': return s(ctimeOf(e, 'm'));
    case 'a': return s(ctimeOf(e, 'a'));
    case 'c': return s(ctimeOf(e, 'c'));
    default: return undefined;
  }
}

/** Compile a -printf format; `warn` hears about unknown directives. */
export function compilePrintf(fmt: string, warn: (m: string) => void): (e: Entry) => string {
  const pieces: Piece[] = [];
  for (let i = 0; i < fmt.length; i++) {
    const ch = fmt[i]!;
    if (ch === '\\' && i + 1 < fmt.length) {
      const nx = fmt[++i]!;
      const oct = /^[0-7]{1,3}/.exec(fmt.slice(i));
      if (nx === 'c') break;
      if (oct && nx !== '0') {
        pieces.push(String.fromCharCode(parseInt(oct[0], 8)));
        i += oct[0].length - 1;
      } else if (ESC.has(nx)) {
        pieces.push(ESC.get(nx)!);
      } else {
        warn(`warning: unrecognized escape \`\\${nx}'`);
        pieces.push(`\\${nx}`);
      }
      continue;
    }
    if (ch !== '%') {
      pieces.push(ch);
      continue;
    }
    const m = /^%([-+ #0]*)(\d*)(?:\.(\d+))?/.exec(fmt.slice(i))!;
    const at = i + m[0].length;
    const c = fmt[at];
    if (c === undefined) throw new Fatal('error: % at end of format string');
    const d: Directive = { flags: m[1]!, ...(m[2] ? { width: Number(m[2]) } : {}), ...(m[3] !== undefined ? { prec: Number(m[3]) } : {}) };
    if (c === '%') {
      pieces.push('%');
      i = at;
      continue;
    }
    if ((c === 'T' || c === 'A' || c === 'C') && fmt[at + 1] !== undefined) {
      const k = fmt[at + 1]!;
      const which = c === 'T' ? 'm' : c === 'A' ? 'a' : 'c';
      pieces.push((e) => padString(timeDirective(k, e, which) ?? `%${c}${k}`, d));
      i = at + 1;
      continue;
    }
    const raw = fmt.slice(i, at + 1);
    if (!LETTERS.includes(c)) {
      warn(`warning: unrecognized format directive \`%${c}'`);
      pieces.push(raw);
    } else {
      pieces.push((e) => field(c, e, d)!);
    }
    i = at;
  }
  return (e) => pieces.map((p) => (typeof p === 'string' ? p : p(e))).join('');
}
