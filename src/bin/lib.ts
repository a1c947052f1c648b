/**
 * What the /bin utilities share: GNU getopt_long-style argument parsing, diagnostics in coreutils'
 * form (`name: message` on stderr, then `Try 'name --help' for more information.` after a usage
 * error), and writing exact bytes to stdout. A utility is
 *
 *   export const main = program('mkdir', { usage, about, short: 'pm:v', long: { parents: 'p', 'mode=': 'm' } },
 *     (t, a) => { ...; return status; });
 *
 * The name in messages is argv[0], as coreutils' program_name is (`/bin/pwd: invalid option -- 'x'`).
 */
import os, { OSError } from 'posixbox/os';
import { getopt, UsageError, type Args, type Spec } from './lib/getopt.js';

export { quote, quoteaf, quotef } from './lib/quote.js';
export { Args, getopt, UsageError, type Spec } from './lib/getopt.js';

const encoder = new TextEncoder();
const VERSION = '0.1.0';

/** A fatal error: printed as `name: message`, then the program exits with `status`. */
export class Fatal extends Error {
  constructor(message: string, readonly status = 1) {
    super(message);
  }
}

/** Standard output failed (coreutils' close_stdout reports it as `name: write error: …`). */
class WriteError extends Error {}

export interface Tool {
  readonly name: string;
  /** `name: message` on stderr (never throws). */
  warn(message: string): void;
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

/** Write to standard output; a failure ends the program with `name: write error: …`, status 1. */
export function out(data: string | Uint8Array): void {
  try {
    writeAll(1, data);
  } catch (e) {
    throw e instanceof OSError ? new WriteError(e.strerror) : e;
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

export function tool(name: string): Tool {
  return {
    name,
    warn(message) {
      try { writeAll(2, `${name}: ${message}\n`); } catch { /* nowhere left to report */ }
    },
  };
}

export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  const all = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) { all.set(p, at); at += p.length; }
  return all;
}

export function program(name: string, spec: Spec, body: (t: Tool, a: Args) => number): (argv: string[]) => number {
  return (argv) => {
    const t = tool(argv[0] || name);
    try {
      const a = getopt(argv.slice(1), spec);
      if (a.has('help')) return out(`Usage: ${t.name} ${spec.usage}\n${spec.about}\n`), 0;
      if (a.has('version')) return out(`${name} (posixbox) ${VERSION}\n`), 0;
      return body(t, a);
    } catch (e) {
      if (e instanceof UsageError) {
        if (e.message) t.warn(e.message); // '' when the errors were reported already
        try { writeAll(2, `Try '${t.name} --help' for more information.\n`); } catch { /* as warn */ }
        return spec.failure ?? 1;
      }
      if (e instanceof Fatal) return t.warn(e.message), e.status;
      if (e instanceof WriteError) return t.warn(`write error: ${e.message}`), 1;
      throw e;
    }
  };
}

/** Whether the last component of `path` is `.` or `..` (trailing slashes ignored). */
export function dotOrDotdot(path: string): boolean {
  const last = path.replace(/\/+$/, '').split('/').pop();
  return last === '.' || last === '..';
}
