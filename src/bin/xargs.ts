/**
 * xargs — build and run command lines from standard input, as GNU findutils 4.9 xargs. Items are
 * blank- or newline-separated with '…', "…" and backslash quoting (default), NUL-separated (-0),
 * or split at one delimiter (-d, with \n-style escapes). The command (default echo) runs with as
 * many items as fit: -n N at most N items, -L N items from N lines (a line ending in a blank goes
 * on), -s N bytes of arguments (each counted with its NUL), -I R one line each with R replaced in
 * the initial arguments; -E STR ends the input at STR; -r runs nothing for empty input; -t echoes
 * each command to stderr; -x stops if a line does not fit. Each command is spawned and waited
 * for. Status: 123 if a command exited 1–125, 124 if one exited 255 (xargs stops), 125 if one was
 * killed by a signal, 126 if it could not run, 127 if it was not found, 1 for bad input.
 * Not done: -P (parallel), -p (prompt), -a FILE, --process-slot-var.
 */
import os, { OSError } from 'posixbox/os';
import { Fatal, program, quotef, UsageError, writeAll, type Tool } from './lib.js';
import { readAll, toBin } from './lib/textio.js';
import { spawnp } from './lib/children.js';

const DEFAULT_SIZE = 131072;
const ENOENT = 2;

interface Item { readonly text: string; readonly lineEnd: boolean }

/**
 * The items of the default format: blanks and newlines split, quotes and backslashes escape. An
 * unmatched quote ends the items there, with the message (GNU runs the ones before it).
 */
function splitQuoted(s: string, eof: string | undefined): Item[] & { error?: string } {
  const items: Item[] & { error?: string } = [];
  let cur = '';
  let has = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c === ' ' || c === '\t' || c === '\n') {
      if (has) {
        if (eof !== undefined && cur === eof) return items;
        items.push({ text: cur, lineEnd: c === '\n' });
      } else if (c === '\n' && items.length > 0) {
        // A line ending in a blank continues; a newline alone ends the line.
      }
      cur = '';
      has = false;
      continue;
    }
    if (c === "'" || c === '"') {
      const end = s.indexOf(c, i + 1);
      const nl = s.indexOf('\n', i + 1);
      if (end < 0 || (nl >= 0 && nl < end)) {
        items.error = `unmatched ${c === "'" ? 'single' : 'double'} quote; by default quotes are special to xargs unless you use the -0 option`;
        return items;
      }
      cur += s.slice(i + 1, end);
      has = true;
      i = end;
      continue;
    }
    if (c === '\\' && i + 1 < s.length) {
      cur += s[++i];
      has = true;
      continue;
    }
    cur += c;
    has = true;
  }
  if (has && !(eof !== undefined && cur === eof)) items.push({ text: cur, lineEnd: true });
  return items;
}

/** -I: one item per line, leading blanks dropped, quotes still honoured. */
function splitLines(s: string, eof: string | undefined): Item[] {
  const items: Item[] = [];
  for (const line of s.split('\n')) {
    const body = line.replace(/^[ \t]+/, '');
    if (body === '') continue;
    const parts = splitQuoted(body.replace(/[ \t]/g, (b) => `\\${b}`), undefined);
    if (parts.error !== undefined) throw new Fatal(parts.error);
    const text = parts.map((p) => p.text).join('');
    if (eof !== undefined && text === eof) break;
    items.push({ text, lineEnd: true });
  }
  return items;
}

function delimiter(d: string): string {
  const esc: Record<string, string> = { n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', f: '\f', v: '\v', '\\': '\\', 0: '\0' };
  if (d.length === 1) return d;
  if (d.startsWith('\\') && d.length === 2 && esc[d[1]!] !== undefined) return esc[d[1]!]!;
  const m = /^\\(?:x([0-9a-fA-F]{1,2})|([0-7]{1,3}))$/.exec(d);
  if (m) return String.fromCharCode(m[1] ? parseInt(m[1], 16) : parseInt(m[2]!, 8));
  throw new Fatal(`invalid input delimiter specification ${d}: the delimiter must be either a single character or an escape sequence starting with \\.`);
}

function count(value: string, opt: string, min: number): number {
  if (!/^\s*[-+]?\d+$/.test(value)) throw new UsageError(`invalid number "${value}" for -${opt} option`);
  const n = Number(value);
  if (n < min) throw new UsageError(`value ${n} for -${opt} option should be >= ${min}`);
  return n;
}

/** Run one command; its status for xargs's rules, or a Fatal to stop with. */
function run(t: Tool, argv: readonly string[], trace: boolean): number {
  if (trace) writeAll(2, `${argv.map((x) => quotef(x)).join(' ')}\n`);
  let pid: number;
  try {
    pid = spawnp(t.stdout, argv);
  } catch (e) {
    if (!(e instanceof OSError)) throw e;
    throw new Fatal(`${argv[0]}: ${e.strerror}`, e.errno === ENOENT ? 127 : 126);
  }
  for (let guard = 0; guard < 1_000_000; guard++) {
    const [, st] = os.waitpid(pid, 0);
    if (os.WIFEXITED(st)) {
      const code = os.WEXITSTATUS(st);
      if (code === 255) throw new Fatal(`${argv[0]}: exited with status 255; aborting`, 124);
      return code === 0 ? 0 : 123;
    }
    if (os.WIFSIGNALED(st)) throw new Fatal(`${argv[0]}: terminated by signal ${os.WTERMSIG(st)}`, 125);
  }
  t.warn(`${argv[0]}: lost track of the child`);
  return 1;
}

export const main = program('xargs', {
  usage: '[OPTION]... COMMAND [INITIAL-ARGS]...',
  about: 'Run COMMAND with arguments INITIAL-ARGS and more arguments read from input.',
  short: '+0d:E:I:L:n:rs:tx',
  long: {
    null: '0', 'delimiter=': 'd', 'eof=': 'E', 'replace=': 'I', 'max-lines=': 'L', 'max-args=': 'n',
    'no-run-if-empty': 'r', 'max-chars=': 's', verbose: 't', exit: 'x',
  },
}, (t, a) => {
  // -n, -L and -I exclude one another: a later one replaces an earlier one, with GNU's warnings.
  let n: number | undefined;
  let lines: number | undefined;
  let replace: string | undefined;
  for (const [k, v] of a.opts) {
    if (k === 'n') {
      if (lines !== undefined) t.warn('warning: options --max-lines and --max-args/-n are mutually exclusive, ignoring previous --max-lines value');
      lines = undefined;
      n = count(v, 'n', 1);
    } else if (k === 'L') {
      if (n !== undefined) t.warn('warning: options --max-args and -L are mutually exclusive, ignoring previous --max-args value');
      n = undefined;
      lines = count(v, 'L', 1);
    } else if (k === 'I') {
      if (n !== undefined) t.warn('warning: options --max-args and --replace/-I/-i are mutually exclusive, ignoring previous --max-args value');
      n = undefined;
      replace = v;
    }
  }
  const size = a.has('s') ? count(a.last('s')!, 's', 1) : DEFAULT_SIZE;
  const eof = a.last('E') || undefined;
  const trace = a.has('t');
  const command = a.operands.length > 0 ? [...a.operands] : ['echo'];
  let text: string;
  try {
    text = toBin(readAll(0));
  } catch (e) {
    if (!(e instanceof OSError)) throw e;
    throw new Fatal(`read error: ${e.strerror}`);
  }
  // Arguments are byte strings; the command gets them as UTF-8 text again.
  const utf8 = (s: string): string => new TextDecoder().decode(Uint8Array.from(s, (c) => c.charCodeAt(0)));
  let items: Item[];
  let quoteError: string | undefined;
  if (a.has('0') || a.has('d')) {
    const d = a.has('0') ? '\0' : delimiter(a.last('d')!);
    const parts = text.split(d);
    if (parts.at(-1) === '') parts.pop();
    const stop = eof === undefined ? -1 : parts.indexOf(eof);
    items = (stop < 0 ? parts : parts.slice(0, stop)).map((p) => ({ text: p, lineEnd: true }));
  } else {
    const split = replace !== undefined ? splitLines(text, eof) : splitQuoted(text, eof);
    quoteError = (split as { error?: string }).error;
    items = split;
  }
  items = items.map((i) => ({ text: utf8(i.text), lineEnd: i.lineEnd }));
  const base = command.reduce((s, x) => s + x.length + 1, 0);
  let status = 0;
  if (replace !== undefined) {
    for (const item of items) {
      const argv = command.map((x, i) => (i === 0 ? x : x.split(replace).join(item.text)));
      if (argv.reduce((s, x) => s + x.length + 1, 0) > size) throw new Fatal('argument line too long');
      status = Math.max(status, run(t, argv, trace));
    }
    return status;
  }
  if (items.length === 0 && quoteError === undefined) return a.has('r') ? 0 : run(t, command, trace);
  let at = 0;
  for (let guard = 0; at < items.length && guard <= items.length; guard++) {
    const args: string[] = [];
    let used = base;
    let lineCount = 0;
    while (at < items.length) {
      const it = items[at]!;
      if (n !== undefined && args.length >= n) break;
      if (lines !== undefined && lineCount >= lines) break;
      if (used + it.text.length + 1 > size) {
        if (args.length === 0 || a.has('x')) throw new Fatal('argument line too long');
        break;
      }
      args.push(it.text);
      used += it.text.length + 1;
      if (it.lineEnd) lineCount++;
      at++;
    }
    status = Math.max(status, run(t, [...command, ...args], trace));
  }
  if (quoteError !== undefined) throw new Fatal(quoteError);
  return status;
});
