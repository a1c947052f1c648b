/**
 * Command-line parsing as GNU getopt_long does it for coreutils, with its messages (the caller
 * prints them as `name: message` and `Try 'name --help' for more information.`).
 */
import os from 'posixbox/os';

export interface Spec {
  /** What follows `Usage: name ` in --help. */
  readonly usage: string;
  /** The one-line description --help prints under it. */
  readonly about: string;
  /** getopt(3) letters; ':' after a letter takes an argument; a leading '+' stops at the first operand. */
  readonly short?: string;
  /** Long names and the key each stands for (a short letter or a word); `name=` takes an argument. */
  readonly long?: Readonly<Record<string, string>>;
  /** Exit status of a usage error (default 1; env uses 125, printenv 2). */
  readonly failure?: number;
}

/** Parsed arguments: options in command-line order (key, value or ''), then the operands. */
export class Args {
  constructor(readonly opts: ReadonlyArray<readonly [string, string]>, readonly operands: readonly string[]) {}
  has(key: string): boolean {
    return this.opts.some(([k]) => k === key);
  }
  /** The value of the last occurrence of `key`. */
  last(key: string): string | undefined {
    return this.opts.findLast(([k]) => k === key)?.[1];
  }
}

/** A usage error: printed with the "Try … --help" line; the status is the spec's `failure`. */
export class UsageError extends Error {}

/**
 * GNU getopt_long: short options clustered (`-pv`, `-m755`, `-m 755`), long options with
 * unambiguous abbreviations (`--par`, `--mode=755`, `--mode 755`), `--` ending the options, and
 * options after operands (permutation) unless the spec starts with '+' or POSIXLY_CORRECT is set.
 */
export function getopt(args: readonly string[], spec: Spec): Args {
  let short = spec.short ?? '';
  const inOrder = short.startsWith('+') || os.environ.has('POSIXLY_CORRECT');
  if (short.startsWith('+')) short = short.slice(1);
  const longs = new Map(Object.entries({ ...spec.long, help: 'help', version: 'version' }));
  const opts: Array<[string, string]> = [];
  const operands: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') {
      operands.push(...args.slice(i + 1));
      break;
    }
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const given = arg.slice(2, eq < 0 ? undefined : eq);
      const names = [...longs.keys()].map((n) => n.replace(/=$/, ''));
      const exact = names.find((n) => n === given);
      const found = exact !== undefined ? [exact] : names.filter((n) => n.startsWith(given));
      const keys = new Set(found.map((n) => longs.get(n) ?? longs.get(`${n}=`)));
      if (found.length === 0) throw new UsageError(`unrecognized option '${arg}'`);
      if (keys.size > 1) {
        throw new UsageError(`option '${arg}' is ambiguous; possibilities:${found.map((n) => ` '--${n}'`).join('')}`);
      }
      const full = found[0]!;
      const takesArg = longs.has(`${full}=`);
      const key = [...keys][0]!;
      if (!takesArg) {
        if (eq >= 0) throw new UsageError(`option '--${full}' doesn't allow an argument`);
        opts.push([key, '']);
      } else if (eq >= 0) {
        opts.push([key, arg.slice(eq + 1)]);
      } else {
        if (i + 1 >= args.length) throw new UsageError(`option '--${full}' requires an argument`);
        opts.push([key, args[++i]!]);
      }
      continue;
    }
    if (arg.length > 1 && arg.startsWith('-')) {
      for (let j = 1; j < arg.length; j++) {
        const c = arg[j]!;
        const at = c === ':' ? -1 : short.indexOf(c);
        if (at < 0) throw new UsageError(`invalid option -- '${c}'`);
        if (short[at + 1] !== ':') {
          opts.push([c, '']);
          continue;
        }
        if (j + 1 < arg.length) opts.push([c, arg.slice(j + 1)]);
        else if (i + 1 < args.length) opts.push([c, args[++i]!]);
        else throw new UsageError(`option requires an argument -- '${c}'`);
        break;
      }
      continue;
    }
    if (inOrder) {
      operands.push(...args.slice(i));
      break;
    }
    operands.push(arg);
  }
  return new Args(opts, operands);
}
