/**
 * Builtins over variables: export, readonly (special), unset (special), read, getopts. Names are
 * checked (`export: 1a: bad variable name`); read splits its line on IFS as field splitting does,
 * the last variable taking the rest, and reads one byte at a time so the rest of the input stays
 * for the commands after it.
 */
import os from 'posixbox/os';
import { NAME } from '../parser.js';
import { ShellError } from '../state.js';
import type { Shell } from '../shell.js';
import { quote } from './quote.js';

function declare(sh: Shell, argv: string[], attr: 'exported' | 'readonly'): number {
  const who = argv[0]!;
  let args = argv.slice(1);
  let print = false;
  while (args[0]?.startsWith('-') && args[0] !== '-') {
    if (args[0] === '--') { args = args.slice(1); break; }
    for (const c of args[0].slice(1)) {
      if (c === 'p') print = true;
      else throw new ShellError(`${who}: Illegal option -${c}`, 2);
    }
    args = args.slice(1);
  }
  if (args.length === 0 || print) {
    const names = [...sh.st.vars.keys()].filter((k) => sh.st.vars.get(k)![attr]).sort();
    sh.write(1, names.map((k) => {
      const v = sh.st.vars.get(k)!.value;
      return `${who} ${k}${v === undefined ? '' : `=${quote(v)}`}\n`;
    }).join(''));
    return 0;
  }
  for (const a of args) {
    const eq = a.indexOf('=');
    const name = eq < 0 ? a : a.slice(0, eq);
    if (!NAME.test(name)) throw new ShellError(`${who}: ${name}: bad variable name`, 2);
    if (eq >= 0) sh.st.set(name, a.slice(eq + 1));
    let v = sh.st.vars.get(name);
    if (!v) { v = { value: undefined, exported: false, readonly: false }; sh.st.vars.set(name, v); }
    v[attr] = true;
  }
  return 0;
}

export const exportBuiltin = (sh: Shell, argv: string[]): number => declare(sh, argv, 'exported');
export const readonly = (sh: Shell, argv: string[]): number => declare(sh, argv, 'readonly');

export function unset(sh: Shell, argv: string[]): number {
  let funcs = false;
  let i = 1;
  for (; i < argv.length && /^-[fv]+$/.test(argv[i]!); i++) funcs = argv[i]!.endsWith('f');
  if (argv[i] === '--') i++;
  for (const name of argv.slice(i)) {
    if (funcs) { sh.st.funcs.delete(name); continue; }
    if (!NAME.test(name)) throw new ShellError(`unset: ${name}: bad variable name`, 2);
    if (sh.st.vars.get(name)?.readonly) throw new ShellError(`unset: ${name}: is read only`, 2);
    sh.st.vars.delete(name);
  }
  return 0;
}

const MAX_LINE = 1 << 20;

/**
 * Standard input a byte at a time without consuming past what is used: a seekable input is read
 * in blocks and the unused rest given back with lseek when done; anything else one byte per read.
 */
class ByteSource {
  private buf = new Uint8Array(0);
  private at = 0;
  private readonly seekable: boolean;

  constructor() {
    let ok = true;
    try { os.lseek(0, 0, os.SEEK_CUR); } catch { ok = false; }
    this.seekable = ok;
  }

  read(): Uint8Array {
    if (this.at >= this.buf.length) {
      this.buf = os.read(0, this.seekable ? 4096 : 1).slice();
      this.at = 0;
      if (this.buf.length === 0) return this.buf;
    }
    return this.buf.subarray(this.at, ++this.at);
  }

  /** Give back what was read ahead. */
  done(): void {
    const rest = this.buf.length - this.at;
    if (rest > 0) os.lseek(0, -rest, os.SEEK_CUR);
    this.buf = new Uint8Array(0);
  }
}

/** One line from fd 0, with the characters a backslash quoted marked (unless raw). */
function readLine(sh: Shell, raw: boolean): { chars: { c: string; esc: boolean }[]; eof: boolean } {
  const src = new ByteSource();
  try {
    return readChars(sh, raw, src);
  } finally {
    src.done();
  }
}

function readChars(sh: Shell, raw: boolean, src: ByteSource): { chars: { c: string; esc: boolean }[]; eof: boolean } {
  const bytes: number[] = [];
  const escAt = new Set<number>();
  let eof = false;
  const dec = new TextDecoder();
  for (let n = 0; n < MAX_LINE; n++) {
    let b: Uint8Array;
    try {
      b = src.read();
    } catch (e) {
      if (e instanceof Error && (e as { errno?: number }).errno === 4 && sh.pendingSignals.length) { eof = true; break; }
      throw new ShellError(`read: ${(e as { strerror?: string }).strerror ?? String(e)}`, 2, false);
    }
    if (b.length === 0) { eof = true; break; }
    const c = b[0]!;
    if (!raw && c === 92) {
      const d = src.read();
      if (d.length === 0) { eof = true; break; }
      if (d[0] === 10) continue;
      escAt.add(bytes.length);
      bytes.push(d[0]!);
      continue;
    }
    if (c === 10) break;
    bytes.push(c);
  }
  // decode keeping escape marks per byte position (ASCII escapes are the common case)
  const chars: { c: string; esc: boolean }[] = [];
  let run: number[] = [];
  let runEsc = false;
  const flush = (): void => {
    if (run.length) for (const c of dec.decode(Uint8Array.from(run))) chars.push({ c, esc: runEsc });
    run = [];
  };
  bytes.forEach((b, i) => {
    const e = escAt.has(i);
    if (e !== runEsc) { flush(); runEsc = e; }
    run.push(b);
  });
  flush();
  return { chars, eof };
}

export function read(sh: Shell, argv: string[]): number {
  let raw = false;
  let prompt: string | undefined;
  let i = 1;
  for (; i < argv.length && argv[i]!.startsWith('-') && argv[i] !== '-'; i++) {
    const a = argv[i]!;
    if (a === '--') { i++; break; }
    for (let k = 1; k < a.length; k++) {
      if (a[k] === 'r') raw = true;
      else if (a[k] === 'p') { prompt = a.slice(k + 1) || argv[++i]; break; }
      else throw new ShellError(`read: Illegal option -${a[k]}`, 2, false);
    }
  }
  const names = argv.slice(i);
  if (names.length === 0) throw new ShellError('read: arg count', 2, false);
  for (const n of names) if (!NAME.test(n)) throw new ShellError(`read: ${n}: bad variable name`, 2, false);
  if (prompt !== undefined && os.isatty(0)) sh.write(2, prompt);
  const { chars, eof } = readLine(sh, raw);
  const ifs = sh.st.get('IFS') ?? ' \t\n';
  const isIfs = (k: number): boolean => !chars[k]!.esc && ifs.includes(chars[k]!.c);
  const isWhite = (k: number): boolean => isIfs(k) && ' \t\n'.includes(chars[k]!.c);
  let k = 0;
  const text = (from: number, to: number): string => chars.slice(from, to).map((x) => x.c).join('');
  const assign = (name: string, value: string): void => {
    try {
      sh.st.set(name, value);
    } catch (e) {
      if (e instanceof ShellError) throw new ShellError(`read: ${e.message}`, 2, false);
      throw e;
    }
  };
  names.forEach((name, idx) => {
    while (k < chars.length && isWhite(k)) k++;
    if (idx === names.length - 1) {
      let end = chars.length;
      while (end > k && isWhite(end - 1)) end--;
      assign(name, text(k, end));
      k = chars.length;
      return;
    }
    const start = k;
    while (k < chars.length && !isIfs(k)) k++;
    assign(name, text(start, k));
    while (k < chars.length && isWhite(k)) k++;
    if (k < chars.length && isIfs(k) && !isWhite(k)) k++;
  });
  return eof ? 1 : 0;
}

export function getopts(sh: Shell, argv: string[]): number {
  const spec = argv[1];
  const name = argv[2];
  if (spec === undefined || name === undefined) throw new ShellError('getopts: Usage: getopts optstring var [arg...]', 2, false);
  if (!NAME.test(name)) throw new ShellError(`getopts: ${name}: bad variable name`, 2, false);
  const args = argv.length > 3 ? argv.slice(3) : sh.st.positional;
  const silent = spec.startsWith(':');
  const optind = sh.st.get('OPTIND') ?? '1';
  if (optind !== String(sh.getoptsInd)) {
    // OPTIND was set by the user: start over at that argument
    sh.getoptsCur = Math.max(1, Number(optind) || 1);
    sh.getoptsOff = 0;
  }
  const setInd = (): void => {
    const ind = sh.getoptsOff > 0 ? sh.getoptsCur + 1 : sh.getoptsCur;
    sh.getoptsInd = ind;
    sh.st.set('OPTIND', String(ind));
  };
  const end = (): number => {
    sh.getoptsOff = 0;
    setInd();
    sh.st.set(name, '?');
    sh.st.unset('OPTARG');
    return 1;
  };
  let arg = args[sh.getoptsCur - 1];
  if (sh.getoptsOff === 0) {
    if (arg === undefined || !arg.startsWith('-') || arg === '-') return end();
    if (arg === '--') { sh.getoptsCur++; return end(); }
    sh.getoptsOff = 1;
  }
  arg ??= '';
  const c = arg[sh.getoptsOff]!;
  sh.getoptsOff++;
  const advance = (): void => {
    if (sh.getoptsOff >= arg!.length) { sh.getoptsCur++; sh.getoptsOff = 0; }
  };
  const k = c === ':' ? -1 : spec.indexOf(c);
  if (k < 0) {
    advance();
    if (silent) sh.st.set('OPTARG', c);
    else { sh.write(2, `Illegal option -${c}\n`); sh.st.unset('OPTARG'); }
    sh.st.set(name, '?');
  } else if (spec[k + 1] === ':') {
    let val: string | undefined;
    if (sh.getoptsOff < arg.length) val = arg.slice(sh.getoptsOff);
    else { val = args[sh.getoptsCur]; if (val !== undefined) sh.getoptsCur++; }
    sh.getoptsCur++;
    sh.getoptsOff = 0;
    if (val === undefined) {
      if (silent) { sh.st.set('OPTARG', c); sh.st.set(name, ':'); }
      else { sh.write(2, `No arg for -${c} option\n`); sh.st.unset('OPTARG'); sh.st.set(name, '?'); }
    } else {
      sh.st.set('OPTARG', val);
      sh.st.set(name, c);
    }
  } else {
    advance();
    sh.st.unset('OPTARG');
    sh.st.set(name, c);
  }
  setInd();
  return 0;
}

export function local(sh: Shell, argv: string[]): number {
  const frame = sh.locals[sh.locals.length - 1];
  if (!frame || sh.st.funcDepth === 0) throw new ShellError('local: not in a function', 2, false);
  for (const a of argv.slice(1)) {
    const eq = a.indexOf('=');
    const name = eq < 0 ? a : a.slice(0, eq);
    if (name === '-') continue;
    if (!NAME.test(name)) throw new ShellError(`local: ${name}: bad variable name`, 2, false);
    if (!frame.has(name)) {
      const v = sh.st.vars.get(name);
      frame.set(name, v ? { ...v } : undefined);
    }
    if (eq >= 0) sh.st.set(name, a.slice(eq + 1));
  }
  return 0;
}
