/**
 * Simple commands (POSIX XCU 2.9.1): expand the words, then by the command name run a special
 * builtin (its assignments stay, its errors end a non-interactive shell), a function (positional
 * parameters replaced for the call, assignments only for its duration), a regular builtin, or an
 * external command (assignments only in its environment) found by PATH search and waited for.
 * A command with no name applies its assignments to the shell and its redirections to nothing.
 */
import type { Command, SimpleCommand } from '../ast.js';
import { expandFields, expandString } from '../expand/word.js';
import { ReturnSignal, ShellError } from '../state.js';
import type { Shell } from '../shell.js';
import { BUILTINS, SPECIAL } from '../builtins/index.js';
import { actions, apply, closeAll, plan, restore, withRedirs, withRedirsOrStatus } from './redir.js';
import { runCommand } from './run.js';
import { findCommand, spawnCommand } from './spawn.js';

const MAX_FUNC_DEPTH = 1000;

/** `set -x`: the expanded command on standard error after PS4. */
export function trace(sh: Shell, assigns: readonly string[], argv: readonly string[]): void {
  if (!sh.st.on('xtrace')) return;
  const ps4 = sh.st.get('PS4') ?? '+ ';
  sh.write(2, `${ps4}${[...assigns, ...argv].join(' ')}\n`);
}

const DECLARE = new Set(['export', 'readonly', 'local']);
const ASSIGN_WORD = /^[A-Za-z_][A-Za-z0-9_]*=/;

/** Expand a command's words; after export, readonly and local, `name=value` words are assignments (not split). */
function expandArgs(sh: Shell, words: SimpleCommand['words']): string[] {
  const first = words[0];
  const name = first && first.parts.length === 1 && first.parts[0]!.t === 'lit' ? first.parts[0]!.v : undefined;
  if (name === undefined || !DECLARE.has(name)) return expandFields(sh, words);
  const out = [name];
  for (const w of words.slice(1)) {
    const p = w.parts[0];
    if (p?.t === 'lit' && ASSIGN_WORD.test(p.v)) {
      const eq = p.v.indexOf('=');
      const rest = p.v.slice(eq + 1);
      const value = { parts: [...(rest ? [{ t: 'lit' as const, v: rest }] : []), ...w.parts.slice(1)], text: '' };
      out.push(`${p.v.slice(0, eq + 1)}${expandString(sh, value, true)}`);
    }
    else out.push(...expandFields(sh, [w]));
  }
  return out;
}

export function runSimple(sh: Shell, c: SimpleCommand): number {
  const st = sh.st;
  st.lineno = c.line;
  sh.substStatus = 0;
  const argv = expandArgs(sh, c.words);
  if (argv.length === 0) {
    const shown: string[] = [];
    for (const a of c.assigns) {
      const v = expandString(sh, a.value, true);
      st.set(a.name, v);
      shown.push(`${a.name}=${v}`);
    }
    trace(sh, shown, []);
    try {
      restore(apply(sh, plan(sh, c.redirs)));
    } catch (e) {
      if (!(e instanceof ShellError)) throw e;
      sh.err(e.message);
      return e.status;
    }
    return sh.substStatus;
  }
  const values = new Map<string, string>();
  for (const a of c.assigns) {
    values.set(a.name, expandString(sh, a.value, true));
    if (st.vars.get(a.name)?.readonly) throw new ShellError(`${a.name}: is read only`, 2);
  }
  trace(sh, [...values].map(([k, v]) => `${k}=${v}`), argv);
  const name = argv[0]!;

  if (SPECIAL.has(name)) {
    for (const [k, v] of values) st.set(k, v);
    sh.assignEnv = values;
    if (name === 'exec' && (argv.length === 1 || (argv.length === 2 && argv[1] === '--'))) {
      apply(sh, plan(sh, c.redirs), true);
      return 0;
    }
    return withRedirs(sh, c.redirs, () => BUILTINS.get(name)!(sh, argv));
  }
  const fn = st.funcs.get(name);
  const builtin = BUILTINS.get(name);
  if (!fn && !builtin) return runExternal(sh, argv, values, c.redirs);
  return withTemp(sh, values, () => withRedirsOrStatus(sh, c.redirs, () => {
    try {
      if (fn) return callFunction(sh, fn, argv);
      return builtin!(sh, argv);
    } catch (e) {
      if (e instanceof ShellError && !e.fatal) { sh.err(e.message); return e.status; }
      throw e;
    }
  }));
}

function withTemp<T>(sh: Shell, values: Map<string, string>, fn: () => T): T {
  if (values.size === 0) return fn();
  const st = sh.st;
  const old = new Map([...values.keys()].map((k) => [k, st.vars.get(k) ? { ...st.vars.get(k)! } : undefined]));
  for (const [k, v] of values) {
    st.set(k, v);
    st.vars.get(k)!.exported = true;
  }
  try {
    return fn();
  } finally {
    for (const [k, v] of old) {
      if (v) st.vars.set(k, v);
      else st.vars.delete(k);
    }
  }
}

export function callFunction(sh: Shell, body: Command, argv: readonly string[]): number {
  const st = sh.st;
  if (st.funcDepth >= MAX_FUNC_DEPTH) throw new ShellError('function nesting too deep', 2);
  const saved = st.positional;
  st.positional = argv.slice(1);
  st.funcDepth++;
  const loops = st.loopDepth;
  st.loopDepth = 0;
  sh.locals.push(new Map());
  try {
    return runCommand(sh, body);
  } catch (e) {
    if (e instanceof ReturnSignal) return e.status;
    throw e;
  } finally {
    for (const [k, v] of sh.locals.pop()!) {
      if (v) st.vars.set(k, v);
      else st.vars.delete(k);
    }
    st.loopDepth = loops;
    st.funcDepth--;
    st.positional = saved;
  }
}

export function runExternal(sh: Shell, argv: string[], values: Map<string, string>, redirs: SimpleCommand['redirs'], pathVar?: string): number {
  let p;
  try {
    p = plan(sh, redirs);
  } catch (e) {
    if (!(e instanceof ShellError)) throw e;
    sh.err(e.message);
    return e.status;
  }
  const found = findCommand(sh, argv[0]!, pathVar ?? values.get('PATH'));
  const terminal = !('error' in found) && sh.jobs.handsTerminal();
  const got = 'error' in found ? found
    : spawnCommand(sh, found.path, argv, sh.st.environ(values), actions(p), sh.st.on('monitor') ? { pgid: 0, terminal } : {});
  if (typeof got !== 'number') {
    reportWith(sh, p, got.error);
    return got.status;
  }
  closeAll(p);
  const job = sh.jobs.add([got], got, argv.join(' '), false, terminal);
  return sh.jobs.foreground(job);
}

/** Print an error with the command's redirections in effect (`nosuch 2>/dev/null` is silent). */
export function reportWith(sh: Shell, p: ReturnType<typeof plan>, message: string): void {
  const saved = apply(sh, p);
  try {
    sh.err(message);
  } finally {
    restore(saved);
  }
}
