/**
 * Regular builtins: true false echo printf test [ cd pwd umask ulimit hash type command alias
 * unalias. Output and messages as dash prints them. Errors are non-fatal ShellErrors (reported
 * as `sh: LINE: cd: can't cd to /x`, the command's status).
 */
import os, { resource } from 'posixbox/os';
import { ShellError } from '../state.js';
import type { Shell } from '../shell.js';
import { findCommand } from '../exec/spawn.js';
import { printf as printfCore, toBytes, byteChar } from './printf.js';
import { runTest } from './test.js';
import { quote } from './quote.js';
import type { Builtin } from './types.js';

const fail = (msg: string, status = 2): ShellError => new ShellError(msg, status, false);

export const trueBuiltin = (): number => 0;
export const falseBuiltin = (): number => 1;

const ECHO: Readonly<Record<string, string>> = { a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\' };

export function echo(sh: Shell, argv: string[]): number {
  let args = argv.slice(1);
  let nl = true;
  if (args[0] === '-n') { nl = false; args = args.slice(1); }
  let out = '';
  let stop = false;
  for (let k = 0; k < args.length && !stop; k++) {
    if (k > 0) out += ' ';
    const a = args[k]!;
    for (let i = 0; i < a.length; i++) {
      const c = a[i]!;
      if (c !== '\\' || i + 1 >= a.length) { out += c; continue; }
      const d = a[i + 1]!;
      if (d === 'c') { stop = true; nl = false; break; }
      if (d in ECHO) { out += ECHO[d]; i++; continue; }
      if (d === '0') {
        const m = /^[0-7]{0,3}/.exec(a.slice(i + 2))![0];
        out += byteChar(parseInt(m || '0', 8) & 0xff);
        i += 1 + m.length;
        continue;
      }
      out += c;
    }
  }
  if (nl) out += '\n';
  if (sh.write(1, toBytes(out))) return 0;
  sh.err('echo: echo: I/O error');
  return 1;
}

export function printf(sh: Shell, argv: string[]): number {
  const args = argv[1] === '--' ? argv.slice(2) : argv.slice(1);
  if (args.length < 1) throw fail('printf: usage: printf format [arg ...]', 2);
  let out = '';
  const st = printfCore(args[0]!, args.slice(1), {
    out: (s) => { out += s; },
    warn: (m) => { if (out) { sh.write(1, toBytes(out)); out = ''; } sh.err(`printf: ${m}`); },
  });
  if (out && !sh.write(1, toBytes(out))) return 1;
  return st;
}

export function test(sh: Shell, argv: string[]): number {
  return runTest(argv, (m) => sh.err(`${argv[0]}: ${m}`));
}

/** Lexically resolve `.` and `..` in an absolute path (cd -L). */
function canonical(path: string): string {
  const out: string[] = [];
  for (const c of path.split('/')) {
    if (c === '' || c === '.') continue;
    if (c === '..') out.pop();
    else out.push(c);
  }
  return `/${out.join('/')}`;
}

export function cd(sh: Shell, argv: string[]): number {
  let args = argv.slice(1);
  let physical = false;
  while (args[0] === '-L' || args[0] === '-P') { physical = args[0] === '-P'; args = args.slice(1); }
  if (args[0] === '--') args = args.slice(1);
  let dir = args[0];
  let print = false;
  if (dir === undefined) {
    dir = sh.st.get('HOME');
    if (!dir) return 0;
  } else if (dir === '-') {
    dir = sh.st.get('OLDPWD') || sh.st.get('PWD') || '.';
    print = true;
  }
  const candidates: string[] = [];
  if (!dir.startsWith('/') && !/^\.\.?(\/|$)/.test(dir)) {
    for (const base of (sh.st.get('CDPATH') ?? '').split(':').filter((b, i, a) => a.length > 1 || b !== '')) {
      if (base) candidates.push(`${base.replace(/\/$/, '')}/${dir}`);
    }
  }
  candidates.push(dir);
  const pwd = sh.st.get('PWD') ?? safeCwd();
  for (const cand of candidates) {
    const abs = cand.startsWith('/') ? cand : `${pwd}/${cand}`;
    const target = physical ? abs : canonical(abs);
    try {
      os.chdir(target);
    } catch {
      continue;
    }
    const now = physical ? safeCwd() : target;
    sh.st.set('OLDPWD', pwd);
    sh.st.set('PWD', now);
    if (print || cand !== dir) sh.write(1, `${now}\n`);
    return 0;
  }
  throw fail(`cd: can't cd to ${dir}`);
}

function safeCwd(): string {
  try {
    return os.getcwd();
  } catch {
    return '/';
  }
}

export function pwd(sh: Shell, argv: string[]): number {
  let physical = false;
  for (const a of argv.slice(1)) {
    if (a === '--') break;
    if (!/^-[LP]+$/.test(a)) {
      if (a.startsWith('-')) throw fail(`pwd: Illegal option ${a.slice(0, 2)}`);
      break;
    }
    physical = a.endsWith('P');
  }
  const logical = sh.st.get('PWD');
  const phys = safeCwd();
  const show = physical || !logical ? phys : logical;
  sh.write(1, `${show}\n`);
  return 0;
}

export function umask(sh: Shell, argv: string[]): number {
  let args = argv.slice(1);
  let symbolic = false;
  if (args[0] === '-S') { symbolic = true; args = args.slice(1); }
  const cur = os.umask(0o22);
  os.umask(cur);
  if (args.length === 0) {
    if (symbolic) {
      const p = (shift: number): string => { const b = (~cur >> shift) & 7; return `${b & 4 ? 'r' : ''}${b & 2 ? 'w' : ''}${b & 1 ? 'x' : ''}`; };
      sh.write(1, `u=${p(6)},g=${p(3)},o=${p(0)}\n`);
    } else {
      sh.write(1, `${cur.toString(8).padStart(4, '0')}\n`);
    }
    return 0;
  }
  const m = args[0]!;
  if (/^[0-7]+$/.test(m)) { os.umask(parseInt(m, 8) & 0o777); return 0; }
  if (/^[0-9]/.test(m)) throw fail(`umask: Illegal number: ${m}`);
  let mask = ~cur & 0o777;
  for (const clause of m.split(',')) {
    const g = /^([ugoa]*)([-+=])([rwx]*)$/.exec(clause);
    if (!g) throw fail(`umask: Illegal mode: ${m}`);
    const who = g[1] || 'a';
    const bits = (g[3]!.includes('r') ? 4 : 0) | (g[3]!.includes('w') ? 2 : 0) | (g[3]!.includes('x') ? 1 : 0);
    let sel = 0;
    if (who.includes('u') || who.includes('a')) sel |= bits << 6 | (g[2] === '=' ? 0 : 0);
    if (who.includes('g') || who.includes('a')) sel |= bits << 3;
    if (who.includes('o') || who.includes('a')) sel |= bits;
    const whoMask = (who.includes('u') || who.includes('a') ? 0o700 : 0) | (who.includes('g') || who.includes('a') ? 0o70 : 0) | (who.includes('o') || who.includes('a') ? 0o7 : 0);
    if (g[2] === '+') mask |= sel;
    else if (g[2] === '-') mask &= ~sel;
    else mask = (mask & ~whoMask) | sel;
  }
  os.umask(~mask & 0o777);
  return 0;
}

/** ulimit's resources: option letter, RLIMIT number, unit in bytes (1: a count), `-a` label. */
const LIMITS: readonly (readonly [string, number, number, string])[] = [
  ['t', 0, 1, 'time(seconds)'], ['f', 1, 512, 'file(blocks)'], ['d', 2, 1024, 'data(kb)'], ['s', 3, 1024, 'stack(kb)'],
  ['c', 4, 512, 'coredump(blocks)'], ['m', 5, 1024, 'memory(kb)'], ['l', 8, 1024, 'locked memory(kb)'],
  ['p', 6, 1, 'process'], ['n', 7, 1, 'nofiles'], ['v', 9, 1024, 'vmemory(kb)'],
];

export function ulimit(sh: Shell, argv: string[]): number {
  let which: 'soft' | 'hard' | 'both' = 'both';
  let all = false;
  let res = LIMITS[1]!;
  let i = 1;
  for (; i < argv.length && /^-[a-zA-Z]+$/.test(argv[i]!); i++) {
    for (const c of argv[i]!.slice(1)) {
      if (c === 'H') which = 'hard';
      else if (c === 'S') which = 'soft';
      else if (c === 'a') all = true;
      else {
        const r = LIMITS.find(([l]) => l === c);
        if (!r) throw fail(`ulimit: Illegal option -${c}`);
        res = r;
      }
    }
  }
  const value = argv[i];
  const show = (n: number, unit: number): string => (n < 0 ? 'unlimited' : String(Math.floor(n / unit)));
  const get = (r: readonly [string, number, number, string]): [number, number] => resource.getrlimit(r[1]) as [number, number];
  if (all) {
    sh.write(1, LIMITS.map((r) => `${r[3].padEnd(21)}${show(get(r)[which === 'hard' ? 1 : 0], r[2])}\n`).join(''));
    return 0;
  }
  if (value === undefined) {
    sh.write(1, `${show(get(res)[which === 'hard' ? 1 : 0], res[2])}\n`);
    return 0;
  }
  let n: number;
  if (value === 'unlimited') n = -1;
  else if (/^[0-9]+$/.test(value)) n = Number(value) * res[2];
  else throw fail('ulimit: bad number');
  const [soft, hard] = get(res);
  const limits: [number, number] = [which === 'hard' ? soft : n, which === 'soft' ? hard : n];
  try {
    resource.setrlimit(res[1], limits);
  } catch (e) {
    throw fail(`ulimit: error setting limit (${e instanceof Error && 'strerror' in e ? String((e as { strerror: string }).strerror) : String(e)})`);
  }
  return 0;
}

export function hash(sh: Shell, argv: string[]): number {
  const args = argv.slice(1);
  if (args[0] === '-r') { sh.hash.clear(); return 0; }
  if (args.length === 0) {
    sh.write(1, [...sh.hash.values()].map((p) => `${p}\n`).join(''));
    return 0;
  }
  let status = 0;
  for (const a of args) {
    const f = findCommand(sh, a);
    if ('error' in f) { sh.err(`hash: ${f.error}`); status = 1; }
  }
  return status;
}

export const KEYWORDS = new Set(['!', '{', '}', 'case', 'do', 'done', 'elif', 'else', 'esac', 'fi', 'for', 'if', 'in', 'then', 'until', 'while']);

/** What a name is, as `type` and `command -V` say it; undefined if not found. */
export function describe(sh: Shell, name: string, builtins: ReadonlyMap<string, Builtin>, special: ReadonlySet<string>): string | undefined {
  const alias = sh.st.aliases.get(name);
  if (alias !== undefined) return `${name} is an alias for ${alias}`;
  if (KEYWORDS.has(name)) return `${name} is a shell keyword`;
  if (sh.st.funcs.has(name)) return `${name} is a shell function`;
  if (special.has(name)) return `${name} is a special shell builtin`;
  if (builtins.has(name)) return `${name} is a shell builtin`;
  const tracked = sh.hash.has(name);
  const f = findCommand(sh, name);
  if ('error' in f) return undefined;
  return tracked ? `${name} is a tracked alias for ${f.path}` : `${name} is ${f.path}`;
}

export function alias(sh: Shell, argv: string[]): number {
  const args = argv.slice(1);
  if (args.length === 0) {
    sh.write(1, [...sh.st.aliases].sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => `${k}=${quote(v)}\n`).join(''));
    return 0;
  }
  let status = 0;
  for (const a of args) {
    const eq = a.indexOf('=');
    if (eq > 0) { sh.st.aliases.set(a.slice(0, eq), a.slice(eq + 1)); continue; }
    const v = sh.st.aliases.get(a);
    if (v === undefined) { sh.write(2, `alias: ${a} not found\n`); status = 1; }
    else sh.write(1, `${a}=${quote(v)}\n`);
  }
  return status;
}

export function unalias(sh: Shell, argv: string[]): number {
  const args = argv.slice(1);
  if (args[0] === '-a') { sh.st.aliases.clear(); return 0; }
  let status = 0;
  for (const a of args) {
    if (!sh.st.aliases.delete(a)) { sh.write(2, `unalias: ${a} not found\n`); status = 1; }
  }
  return status;
}
