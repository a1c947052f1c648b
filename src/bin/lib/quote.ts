/**
 * The three ways coreutils quotes a name in a message (gnulib quotearg), in the process's locale:
 *
 *   quoteaf  file names, always quoted for the shell:   'a b'  "it's"  'a'$'\n''b'
 *   quotef   file names, quoted only if needed (and if they hold ':'): /etc/passwd  'a b'
 *   quote    other arguments, as C strings:             'x'  'it\'s'  (UTF-8 locale: ‘it's’)
 *
 * The locale is C unless LC_ALL, LC_CTYPE or LANG names a UTF-8 one; in the C locale every byte
 * over 0x7f is unprintable and shown as an octal escape, as there. Not reproduced: gnulib's odd
 * output for a name holding both a single quote and an unprintable character.
 */
import os from 'posixbox/os';

const encoder = new TextEncoder();
const LETTER_ESCAPES: Record<number, string> = { 7: 'a', 8: 'b', 9: 't', 10: 'n', 11: 'v', 12: 'f', 13: 'r' };

function utf8Locale(): boolean {
  const e = os.environ;
  return /utf-?8/i.test(e.get('LC_ALL') || e.get('LC_CTYPE') || e.get('LANG') || '');
}

/** The string's characters: code points in a UTF-8 locale, otherwise its UTF-8 bytes one by one. */
function chars(s: string, utf8: boolean): string[] {
  return utf8 ? [...s] : [...encoder.encode(s)].map((b) => String.fromCharCode(b));
}

function printable(c: string, utf8: boolean): boolean {
  const cp = c.codePointAt(0)!;
  if (cp < 0x80) return cp >= 0x20 && cp < 0x7f;
  return utf8 && !/[\p{Cc}\p{Cs}\p{Cn}]/u.test(c);
}

/** `\n`-style or three-digit octal escapes of an unprintable character's bytes. */
function escape(c: string, utf8: boolean): string {
  const code = c.charCodeAt(0);
  if (code < 0x80 && LETTER_ESCAPES[code]) return `\\${LETTER_ESCAPES[code]}`;
  const bytes = utf8 ? [...encoder.encode(c)] : [code];
  return bytes.map((b) => `\\${b.toString(8).padStart(3, '0')}`).join('');
}

/** Characters that never need quoting, and that also read the same inside double quotes. */
const PLAIN = /^[A-Za-z0-9%+,\-./:@\]_]$/;

function shellQuote(s: string, always: boolean, colon: boolean): string {
  const utf8 = utf8Locale();
  const cs = chars(s, utf8);
  let needs = always || s === '';
  let singleQuote = false;
  let doubleOk = true; // every character means the same inside "…"
  cs.forEach((c, i) => {
    if (!printable(c, utf8)) {
      needs = true;
      doubleOk = false;
    } else if (c === "'") {
      needs = singleQuote = true;
    } else if (c === ':') {
      needs ||= colon;
    } else if (c === ' ' || ((c === '#' || c === '~') && i === 0) || ((c === '{' || c === '}') && cs.length === 1)) {
      needs = true;
    } else if (c === '#' || c === '~' || c === '{' || c === '}') {
      doubleOk = false;
    } else if (!PLAIN.test(c) && c.codePointAt(0)! < 0x80) {
      needs = true;
      doubleOk = false;
    }
  });
  if (!needs) return s;
  if (singleQuote && doubleOk) return `"${s}"`;
  let outText = "'";
  let open = true;
  for (let i = 0; i < cs.length;) {
    if (printable(cs[i]!, utf8)) {
      if (!open) outText += "'";
      open = true;
      outText += cs[i] === "'" ? "'\\''" : cs[i];
      i++;
      continue;
    }
    let run = '';
    for (; i < cs.length && !printable(cs[i]!, utf8); i++) run += escape(cs[i]!, utf8);
    outText += `'$'${run}'`;
    open = false;
  }
  return open ? `${outText}'` : outText;
}

export function quoteaf(s: string): string {
  return shellQuote(s, true, true);
}

export function quotef(s: string): string {
  return shellQuote(s, false, true);
}

export function quote(s: string): string {
  const utf8 = utf8Locale();
  const body = chars(s, utf8).map((c) =>
    c === '\\' ? '\\\\' : c === "'" && !utf8 ? "\\'" : printable(c, utf8) ? c : escape(c, utf8)).join('');
  return utf8 ? `\u2018${body}\u2019` : `'${body}'`;
}
