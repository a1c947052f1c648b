/**
 * The builtin table: name → implementation, and which are special (POSIX XCU 2.14: their
 * assignments persist and their errors end a non-interactive shell). `type` and `command` live
 * here because they consult the table.
 */
import { ShellError } from '../state.js';
import type { Shell } from '../shell.js';
import { findCommand } from '../exec/spawn.js';
import { breakLoop, colon, dot, evalBuiltin, exec, exit, returnBuiltin, set, shift, times, trap } from './core.js';
import { bg, fg, jobs, kill, wait } from './jobctl.js';
import { alias, cd, describe, echo, falseBuiltin, hash, printf, pwd, test, trueBuiltin, ulimit, umask, unalias } from './misc.js';
import type { Builtin } from './types.js';
import { exportBuiltin, getopts, local, read, readonly, unset } from './vars.js';

export const SPECIAL: ReadonlySet<string> = new Set([':', '.', 'break', 'continue', 'eval', 'exec', 'exit', 'export', 'readonly', 'return', 'set', 'shift', 'times', 'trap', 'unset']);

function type(sh: Shell, argv: string[]): number {
  let status = 0;
  for (const name of argv.slice(1)) {
    const d = describe(sh, name, BUILTINS, SPECIAL);
    if (d === undefined) { sh.write(1, `${name}: not found\n`); status = 127; }
    else sh.write(1, `${d}\n`);
  }
  return status;
}

function command(sh: Shell, argv: string[]): number {
  let i = 1;
  let mode = '';
  let path: string | undefined;
  for (; i < argv.length && /^-[pvV]+$/.test(argv[i]!); i++) {
    for (const c of argv[i]!.slice(1)) {
      if (c === 'p') path = '/usr/bin:/bin';
      else mode = c;
    }
  }
  if (argv[i] === '--') i++;
  const name = argv[i];
  if (name === undefined) return 0;
  if (mode === 'v') {
    const a = sh.st.aliases.get(name);
    if (a !== undefined) { sh.write(1, `alias ${name}=${a.includes("'") ? `'${a.replace(/'/g, `'"'"'`)}'` : `'${a}'`}\n`); return 0; }
    if (sh.st.funcs.has(name) || BUILTINS.has(name) || describeKeyword(name)) { sh.write(1, `${name}\n`); return 0; }
    const f = findCommand(sh, name, path);
    if ('error' in f) return 127;
    sh.write(1, `${f.path}\n`);
    return 0;
  }
  if (mode === 'V') {
    const d = describe(sh, name, BUILTINS, SPECIAL);
    if (d === undefined) { sh.write(1, `${name}: not found\n`); return 127; }
    sh.write(1, `${d}\n`);
    return 0;
  }
  const args = argv.slice(i);
  const b = BUILTINS.get(name);
  if (b) {
    try {
      return b(sh, args);
    } catch (e) {
      if (e instanceof ShellError && SPECIAL.has(name)) { sh.err(e.message); return e.status; }
      throw e;
    }
  }
  return sh.runExternal(args, path);
}

function describeKeyword(name: string): boolean {
  return ['!', '{', '}', 'case', 'do', 'done', 'elif', 'else', 'esac', 'fi', 'for', 'if', 'in', 'then', 'until', 'while'].includes(name);
}

export const BUILTINS: ReadonlyMap<string, Builtin> = new Map<string, Builtin>([
  [':', colon], ['.', dot], ['break', breakLoop], ['continue', breakLoop], ['eval', evalBuiltin], ['exec', exec],
  ['exit', exit], ['export', exportBuiltin], ['readonly', readonly], ['return', returnBuiltin], ['set', set],
  ['shift', shift], ['times', times], ['trap', trap], ['unset', unset],
  ['true', trueBuiltin], ['false', falseBuiltin], ['echo', echo], ['printf', printf], ['test', test], ['[', test],
  ['cd', cd], ['pwd', pwd], ['umask', umask], ['ulimit', ulimit], ['hash', hash], ['type', type], ['command', command],
  ['local', local], ['alias', alias], ['unalias', unalias], ['read', read], ['getopts', getopts],
  ['jobs', jobs], ['fg', fg], ['bg', bg], ['wait', wait], ['kill', kill],
]);
