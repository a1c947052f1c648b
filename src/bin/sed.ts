/**
 * sed — stream editor, as GNU sed 4.9 in the C locale. The script comes from -e (repeatable),
 * -f FILE, or the first operand; `#n` on its first line is -n. Options: -n, -E/-r, -s (files
 * separate: `$` and line numbers per file), -i[SUFFIX] (in place: a temporary file renamed over
 * each input, the original kept as FILE+SUFFIX, or with `*` in SUFFIX the name put there), -l N
 * (`l` wrap width), -z (NUL-separated lines), -u and --posix (accepted, no effect).
 * Messages and statuses: a script error is `sed: -e expression #K, char N: …` or
 * `sed: file F line N: …` (status 1); an input that cannot be read `sed: can't read F: …`
 * (status 2, the others still edited); a read error or an unwritable `w` file, status 4.
 * Commands and addresses: see lib/sedparse.ts and lib/sedexec.ts. Not done: the e command and
 * s///e, --debug, --sandbox, --follow-symlinks, `w /dev/stdout` ordering with -i.
 */
import os, { OSError } from 'posixbox/os';
import { entry, getopt, OutStream, reason, UsageError, writeAll, type Tool } from './lib.js';
import { argBin, closeIn, openIn, readAll, toBin } from './lib/textio.js';
import { parseScript, SedError, type Script } from './lib/sedparse.js';
import { ReadError, SedInput } from './lib/sedinput.js';
import { Sed, SedRuntimeError, Stream, type Host } from './lib/sedexec.js';

const USAGE = `Usage: sed [OPTION]... {script-only-if-no-other-script} [input-file]...

  -n, --quiet, --silent    suppress automatic printing of pattern space
  -e script                add the script to the commands to be executed
  -f script-file           add the contents of script-file to the commands
  -i[SUFFIX]               edit files in place (makes backup if SUFFIX supplied)
  -l N                     specify the desired line-wrap length for the \`l' command
  -E, -r                   use extended regular expressions in the script
  -s, --separate           consider files as separate
  -z, --null-data          separate lines by NUL characters
`;

const SPEC = {
  usage: '[OPTION]... {script-only-if-no-other-script} [input-file]...',
  about: 'Stream editor for filtering and transforming text.',
  short: 'nrEe:f:l:suz',
  long: {
    quiet: 'n', silent: 'n', 'regexp-extended': 'E', 'expression=': 'e', 'file=': 'f', 'line-length=': 'l',
    separate: 's', unbuffered: 'u', 'null-data': 'z', posix: 'posix', debug: 'debug', sandbox: 'sandbox',
    'follow-symlinks': 'follow-symlinks', 'in-place': 'in-place',
  },
} as const;

/** Status of a fatal error during the run. */
class Fail extends Error {
  constructor(message: string, readonly status: number) { super(message); }
}

interface Chunk { readonly file?: string; readonly text: string }

/** Take -i[SUFFIX] and --in-place[=SUFFIX] (optional arguments) out of argv before getopt. */
function inPlace(args: readonly string[]): { args: string[]; suffix: string | undefined } {
  let suffix: string | undefined;
  const rest: string[] = [];
  let skip = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (skip || a === '--' || !a.startsWith('-')) { rest.push(a); skip ||= a === '--'; continue; }
    const long = /^--in-place(?:=(.*))?$/.exec(a);
    if (long) { suffix = long[1] ?? ''; continue; }
    const m = /^-([nrEsuz]*)i(.*)$/.exec(a);
    if (m) { suffix = m[2]!; if (m[1]) rest.push(`-${m[1]}`); continue; }
    rest.push(a);
    if (/^-[nrEsuz]*[efl]$/.test(a) && i + 1 < args.length) rest.push(args[++i]!); // the option's argument
  }
  return { args: rest, suffix };
}

/** The script error's place, as GNU names it. */
function place(chunks: readonly Chunk[], at: number | undefined): string {
  if (at === undefined) return '';
  let start = 0;
  let k = 0;
  for (; k < chunks.length - 1; k++) {
    if (at <= start + chunks[k]!.text.length) break;
    start += chunks[k]!.text.length + 1;
  }
  const c = chunks[k]!;
  if (c.file !== undefined) {
    const line = c.text.slice(0, Math.max(0, at - start - 1)).split('\n').length;
    return `file ${c.file} line ${line}: `;
  }
  const expr = chunks.slice(0, k + 1).filter((x) => x.file === undefined).length;
  return `-e expression #${expr}, char ${at === 0 ? 0 : at - start}: `;
}

/** A file's whole text as a binary string; throws OSError. */
function readText(name: string): string {
  const fd = openIn(name);
  try {
    return toBin(readAll(fd));
  } finally {
    closeIn(fd);
  }
}

/** A script file's text, without its last newline. */
function readScriptFile(name: string): string {
  const text = readText(name);
  return text.endsWith('\n') ? text.slice(0, -1) : text;
}

function run(t: Tool, argv: string[]): number {
  const pre = inPlace(argv.slice(1));
  let a;
  try {
    a = getopt(pre.args, SPEC);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    t.warn(e.message);
    writeAll(2, USAGE);
    return 1;
  }
  const w = t.stdout;
  if (a.has('help')) return w.write(USAGE), 0;
  if (a.has('version')) return w.write('sed (posixbox) 0.1.0\n'), 0;
  if (a.has('u')) w.setBuffering('none');
  const suffix = pre.suffix ?? (a.has('in-place') ? '' : undefined);
  const chunks: Chunk[] = [];
  for (const [k, v] of a.opts) {
    if (k === 'e') chunks.push({ text: argBin(v) });
    if (k === 'f') {
      try {
        chunks.push({ file: v, text: readScriptFile(v) });
      } catch (e) {
        t.warn(`couldn't open file ${v}: ${reason(e)}`);
        return 4;
      }
    }
  }
  const operands = [...a.operands];
  if (chunks.length === 0) {
    if (operands.length === 0) {
      writeAll(2, USAGE);
      return 1;
    }
    chunks.push({ text: argBin(operands.shift()!) });
  }
  const wrapText = a.last('l');
  if (wrapText !== undefined && !/^\d+$/.test(wrapText)) {
    t.warn(`invalid line length: ${wrapText}`);
    return 1;
  }
  let script: Script;
  try {
    script = parseScript(chunks.map((c) => c.text).join('\n'), a.has('E') || a.has('r'));
  } catch (e) {
    if (!(e instanceof SedError)) throw e;
    t.warn(`${place(chunks, e.at)}${e.message}`);
    return e.at === undefined ? 4 : 1;
  }
  const nl = a.has('z') ? '\0' : '\n';
  const files = operands.length > 0 ? operands : ['-'];
  const stdout = new Stream({ write: (s) => w.writeBin(s) });
  const writers = new Map<string, Stream>([['/dev/stdout', stdout], ['/dev/stderr', new Stream({ write: (s) => writeAll(2, s) })]]);
  const readers = new Map<string, { lines: string[]; at: number }>();
  const host: Host = {
    stdout,
    quiet: a.has('n') || script.quiet,
    lineWrap: wrapText === undefined ? 70 : Number(wrapText),
    nl,
    writer: (f) => writers.get(f)!,
    readFile: (f) => { try { return readText(f); } catch { return ''; } },
    readLine: (f) => {
      if (!readers.has(f)) {
        let lines: string[] = [];
        try { lines = readText(f).split(/(?<=\n)/); } catch { /* no lines */ }
        readers.set(f, { lines, at: 0 });
      }
      const r = readers.get(f)!;
      return r.at < r.lines.length ? r.lines[r.at++]! : '';
    },
  };
  try {
    for (const ins of script.program) {
      const c = ins.cmd;
      const file = c.name === 'w' || c.name === 'W' ? c.file : c.name === 's' ? c.file : undefined;
      if (file === undefined || writers.has(file)) continue;
      try {
        const fd = os.open(file, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o666);
        writers.set(file, new Stream({ write: (s) => writeAll(fd, toBytes(s)) }));
      } catch (e) {
        throw new Fail(`couldn't open file ${file}: ${reason(e)}`, 4);
      }
    }
    const sed = new Sed(script, host, place(chunks, 0));
    // GNU sed's messages do not flush standard output first (main: warnKeepsStdout).
    const warn = (m: string): void => t.warn(m);
    let failedOpen = false;
    if (suffix !== undefined) {
      for (const f of files) {
        const r = editInPlace(sed, f, suffix, nl, warn);
        failedOpen ||= r.failedOpen;
        if (r.status !== undefined) return r.status;
      }
    } else if (a.has('s')) {
      for (const f of files) {
        const input = new SedInput([f], nl, warn);
        const q = runInput(sed, input);
        failedOpen ||= input.failedOpen;
        if (q !== undefined) return q;
      }
    } else {
      const input = new SedInput(files, nl, warn);
      const q = runInput(sed, input);
      failedOpen = input.failedOpen;
      if (q !== undefined) return failedOpen ? 2 : q;
    }
    return failedOpen ? 2 : 0;
  } catch (e) {
    if (e instanceof Fail) return t.warn(e.message), e.status;
    throw e;
  }
}

/** Run over one input, turning its fatal errors into Fail. */
function runInput(sed: Sed, input: SedInput, out?: Stream): number | undefined {
  try {
    return sed.run(input, out);
  } catch (e) {
    if (e instanceof ReadError) throw new Fail(e.message, 4);
    if (e instanceof SedRuntimeError) throw new Fail(e.message, 1);
    throw e;
  } finally {
    input.close();
  }
}

const toBytes = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0));

/** -i on one file: edit into a temporary file in its directory, then rename it over the file. */
function editInPlace(sed: Sed, file: string, suffix: string, nl: string,
  warn: (m: string) => void): { status?: number; failedOpen: boolean } {
  let st;
  try {
    st = os.stat(file);
  } catch (e) {
    warn(`can't read ${file}: ${reason(e)}`);
    return { failedOpen: true };
  }
  if ((st.st_mode & 0o170000) !== 0o100000) {
    warn(`couldn't edit ${file}: not a regular file`);
    return { status: 4, failedOpen: false };
  }
  try {
    closeIn(openIn(file)); // unreadable: reported, and the file left as it is
  } catch (e) {
    warn(`can't read ${file}: ${reason(e)}`);
    return { failedOpen: true };
  }
  const slash = file.lastIndexOf('/');
  const dir = slash < 0 ? '.' : file.slice(0, slash) || '/';
  const tmp = `${dir}/sed${os.getpid().toString(36)}${Math.floor(Math.random() * 1e9).toString(36)}`;
  let fd: number;
  try {
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600);
  } catch (e) {
    throw new Fail(`couldn't open temporary file ${tmp}: ${reason(e)}`, 4);
  }
  const o = new OutStream(fd, 'full');
  const input = new SedInput([file], nl, warn);
  let q: number | undefined;
  const discard = (): void => { try { os.unlink(tmp); } catch { /* best effort */ } };
  try {
    q = runInput(sed, input, new Stream({ write: (s) => o.writeBin(s) }));
    o.flush();
    os.fchmod(fd, st.st_mode & 0o7777);
    try { os.fchown(fd, st.st_uid, st.st_gid); } catch { /* as GNU: only root can keep the owner */ }
  } catch (e) {
    discard();
    throw e;
  } finally {
    os.close(fd);
  }
  try {
    if (suffix !== '') {
      const base = file.slice(slash + 1);
      const backup = suffix.includes('*') ? suffix.replaceAll('*', base) : file + suffix;
      os.rename(file, backup.includes('/') ? backup : `${dir}/${backup}`);
    }
    os.rename(tmp, file);
  } catch (e) {
    if (!(e instanceof OSError)) throw e;
    discard();
    throw new Fail(`cannot rename ${tmp}: ${e.strerror}`, 4);
  }
  return { status: q, failedOpen: input.failedOpen };
}

const writeError = (t: Tool, message: string): number => (t.warn(`couldn't write: ${message}`), 4);

export function main(argv: string[]): number {
  return entry(argv[0] || 'sed', (t) => {
    try {
      return run(t, argv);
    } catch (e) {
      if (e instanceof OSError) return writeError(t, e.strerror);
      throw e;
    }
  }, { warnKeepsStdout: true, writeError: (t, e) => writeError(t, e.message) });
}
