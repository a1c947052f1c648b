/** The CLI's option parsing: `posixbox run [options] <program.js> [args…]`, the shell's options, and the usage text. */

export interface RunOptions {
  user?: string;
  groups?: string;
  cwd?: string;
  env: string[];
  clock?: string;
  tz?: string;
  nextPid?: number;
  fixture?: string;
  seed?: number;
  strace: boolean;
  realtime: boolean;
  /** Size of the in-memory filesystem in bytes (--fs-size); the CLI's default is 1 GiB. */
  fsSize?: number;
}

export class UsageError extends Error {}

const WITH_VALUE = new Set(['--user', '--groups', '--cwd', '--env', '--clock', '--tz', '--next-pid', '--fixture', '--seed', '--fs-size']);

function int(flag: string, v: string): number {
  if (!/^\d+$/.test(v)) throw new UsageError(`${flag} wants a non-negative integer, not '${v}'`);
  return Number(v);
}

/** A size as tmpfs's size= takes it: bytes, or a number with k, m, g or t (powers of 1024). */
export function parseSize(flag: string, v: string): number {
  const m = /^(\d+)([kmgt]?)$/i.exec(v);
  if (!m) throw new UsageError(`${flag} wants a size such as 512M or 1G, not '${v}'`);
  const n = Number(m[1]) * 1024 ** ' kmgt'.indexOf((m[2] || ' ').toLowerCase());
  if (!Number.isSafeInteger(n) || n < 4096) throw new UsageError(`${flag}: ${v} is out of range (at least 4K)`);
  return n;
}

/** Parse options up to the first non-option (the program); returns the options and the rest. */
export function parseRunOptions(argv: readonly string[]): { opts: RunOptions; rest: string[] } {
  const opts: RunOptions = { env: [], strace: false, realtime: false };
  let i = 0;
  for (; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') { i++; break; }
    if (!a.startsWith('--')) break;
    const eq = a.indexOf('=');
    const flag = eq > 0 ? a.slice(0, eq) : a;
    let value: string | undefined = eq > 0 ? a.slice(eq + 1) : undefined;
    if (WITH_VALUE.has(flag) && value === undefined) {
      value = argv[++i];
      if (value === undefined) throw new UsageError(`${flag} needs a value`);
    }
    switch (flag) {
      case '--user': opts.user = value!; break;
      case '--groups': opts.groups = value!; break;
      case '--cwd': opts.cwd = value!; break;
      case '--env':
        if (!value!.includes('=') || value!.startsWith('=')) throw new UsageError(`--env wants K=V, not '${value}'`);
        opts.env.push(value!);
        break;
      case '--clock':
        if (Number.isNaN(Date.parse(value!))) throw new UsageError(`--clock wants an ISO-8601 instant, not '${value}'`);
        opts.clock = value!;
        break;
      case '--tz': opts.tz = value!; break;
      case '--next-pid': opts.nextPid = int(flag, value!); break;
      case '--fixture': opts.fixture = value!; break;
      case '--seed': opts.seed = int(flag, value!); break;
      case '--strace': opts.strace = true; break;
      case '--fs-size': opts.fsSize = parseSize(flag, value!); break;
      case '--realtime': opts.realtime = true; break;
      default: throw new UsageError(`unknown option ${flag}`);
    }
  }
  return { opts, rest: argv.slice(i) as string[] };
}

export const USAGE = `usage:
  posixbox [options]                               an interactive login shell on a fresh kernel (the sandbox)
  posixbox [options] -c COMMAND [NAME [ARG...]]    run COMMAND with /bin/sh -c; exit with its status
  posixbox run [options] <program.js> [args...]   run a program as a process on a fresh kernel
  posixbox lesson <id> [--as root] [--exercise E1] run a lesson (or one exercise) with its fixture
  posixbox lesson --check                          run every lesson and exercise, report pass/fail
  posixbox lesson --list                           list the lessons
  posixbox lessons                                 run every lesson, showing its output

options of run and of the shell:
  --user NAME|UID[:GID]   who runs it (default: root for run, alice for the shell)
  --groups G1,G2,...      supplementary groups (names or numbers)
  --cwd DIR               working directory (default the user's home)
  --env K=V               an environment variable (repeatable)
  --clock ISO-8601        the virtual clock's start (default 2000-01-01T00:00:00Z)
  --tz ZONE               TZ for the program (POSIX TZ string or a zone name)
  --next-pid N            the pid the program gets
  --fixture FILE.json     users, groups, files, modes, owners, mtimes and the process (see README)
  --seed N                seed for random numbers (and, later, the scheduler)
  --strace                one line per system call on stderr
  --fs-size SIZE          size of the in-memory filesystem (default 1G; K, M, G, T suffixes):
                          a write beyond it fails with ENOSPC
  --realtime              let processes run in parallel on the host clock (the interactive
                          shell always does, on the host's time unless --clock)
`;
