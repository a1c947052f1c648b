/**
 * What the /bin utilities share: GNU getopt_long-style argument parsing, diagnostics in coreutils'
 * form (`name: message` on stderr, then `Try 'name --help' for more information.` after a usage
 * error), and writing exact bytes to stdout. A utility is
 *
 *   export const main = program('mkdir', { usage, about, short: 'pm:v', long: { parents: 'p', 'mode=': 'm' } },
 *     (t, a) => { ...; return status; });
 *
 * The name in messages is argv[0], as coreutils' program_name is (`/bin/pwd: invalid option -- 'x'`).
 * Standard output is `t.stdout`, buffered as C's stdio buffers it (lib/stdio.ts): made per process
 * by entry() (which program() uses) and flushed when the program ends.
 */
import os, { OSError } from 'posixbox/os';
import { getopt, UsageError, type Args, type Spec } from './lib/getopt.js';
import { OutStream, WriteError } from './lib/stdio.js';

export { quote, quoteaf, quotef } from './lib/quote.js';
export { Args, getopt, UsageError, type Spec } from './lib/getopt.js';
export { BLOCK, OutStream, WriteError } from './lib/stdio.js';

const encoder = new TextEncoder();
const VERSION = '0.1.0';

/** A fatal error: printed as `name: message`, then the program exits with `status`. */
export class Fatal extends Error {
  constructor(message: string, readonly status = 1) {
    super(message);
  }
}

export interface Tool {
  readonly name: string;
  /** Standard output, buffered; entry() flushes it at exit. */
  readonly stdout: OutStream;
  /** `name: message` on stderr, standard output flushed first as gnulib's error() does (never throws). */
  warn(message: string): void;
}

/** How entry() runs a program. */
export interface EntryOptions {
  /** Report a write error on standard output; returns the exit status (default `name: write error: …`, 1). */
  readonly writeError?: (t: Tool, e: WriteError) => number;
  /** Diagnostics leave standard output held, as GNU sed's (which do not flush stdout) do. */
  readonly warnKeepsStdout?: boolean;
}

/** write(2) until every byte is out; throws OSError. */
export function writeAll(fd: number, data: string | Uint8Array): void {
  let b = typeof data === 'string' ? encoder.encode(data) : data;
  while (b.length > 0) {
    const n = os.write(fd, b);
    if (n <= 0) throw new OSError(5, 'write');
    b = b.subarray(n);
  }
}

/** The strerror text of an OSError; anything else is a bug and propagates. */
export function reason(e: unknown): string {
  if (e instanceof OSError) return e.strerror;
  throw e;
}

/**
 * For utilities that take no options (true, false, echo): `--help` or `--version` as the sole
 * argument prints and returns true; anything else is left alone.
 */
export function soleHelpOrVersion(name: string, spec: Spec, argv: readonly string[]): boolean {
  const text = argv.length !== 2 ? undefined
    : argv[1] === '--help' ? `Usage: ${argv[0] || name} ${spec.usage}\n${spec.about}\n`
      : argv[1] === '--version' ? `${name} (posixbox) ${VERSION}\n` : undefined;
  if (text === undefined) return false;
  try { writeAll(1, text); } catch { /* as coreutils' true: nothing useful to do */ }
  return true;
}

/** A Tool with its own standard output buffer: make one per process (entry() does). */
export function tool(name: string, warnKeepsStdout = false): Tool {
  const stdout = new OutStream(1);
  return {
    name,
    stdout,
    warn(message) {
      if (!warnKeepsStdout) stdout.drain();
      try { writeAll(2, `${name}: ${message}\n`); } catch { /* nowhere left to report */ }
    },
  };
}

const writeErrorReport = (t: Tool, e: WriteError): number => (t.warn(`write error: ${e.message}`), 1);

/**
 * A program's main: its Tool, then `body`; standard output is flushed when body returns and when
 * it throws (an error or sys.exit on its way out), as exit() flushes stdio. A WriteError, from
 * body or from that last flush, is reported by `o.writeError` (coreutils' close_stdout).
 */
export function entry(name: string, body: (t: Tool) => number, o: EntryOptions = {}): number {
  const t = tool(name, o.warnKeepsStdout);
  try {
    const status = body(t);
    t.stdout.flush();
    return status;
  } catch (e) {
    if (e instanceof WriteError) return (o.writeError ?? writeErrorReport)(t, e);
    t.stdout.drain();
    throw e;
  }
}

export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  const all = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) { all.set(p, at); at += p.length; }
  return all;
}

export function program(name: string, spec: Spec, body: (t: Tool, a: Args) => number): (argv: string[]) => number {
  return (argv) => entry(argv[0] || name, (t) => {
    try {
      const a = getopt(argv.slice(1), spec);
      if (a.has('help')) return t.stdout.write(`Usage: ${t.name} ${spec.usage}\n${spec.about}\n`), 0;
      if (a.has('version')) return t.stdout.write(`${name} (posixbox) ${VERSION}\n`), 0;
      return body(t, a);
    } catch (e) {
      if (e instanceof UsageError) {
        if (e.message) t.warn(e.message); // '' when the errors were reported already
        try { writeAll(2, `Try '${t.name} --help' for more information.\n`); } catch { /* as warn */ }
        return spec.failure ?? 1;
      }
      if (e instanceof Fatal) return t.warn(e.message), e.status;
      throw e;
    }
  });
}

/** Whether the last component of `path` is `.` or `..` (trailing slashes ignored). */
export function dotOrDotdot(path: string): boolean {
  const last = path.replace(/\/+$/, '').split('/').pop();
  return last === '.' || last === '..';
}
