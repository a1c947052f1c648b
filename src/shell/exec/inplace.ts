/**
 * Subshells run inside this process, when that cannot be told apart from a subshell process: the
 * shell's state is copied before and put back after (variables, functions, aliases, options,
 * positional parameters, `$?` `$!`, the hash table, getopts' place, the working directory when
 * the code may `cd`, the umask when it may `umask`), and `exit`, `set -e` and fatal errors end
 * only the subshell. Used for `( list )` in the foreground and for command substitutions (whose
 * output goes to an unlinked temporary file, read back afterwards), it saves starting a /bin/sh
 * process (subshell.ts) each time.
 *
 * Only code that cannot reach beyond that state qualifies (inPlaceOk): every command name must
 * be a plain word; no asynchronous lists; none of exec, trap, eval, `.`, command, ulimit, jobs,
 * fg, bg, wait; functions called are checked the same way. Anything else runs in a process.
 */
import os, { OSError } from 'posixbox/os';
import type { Command, List } from '../ast.js';
import { BreakSignal, ContinueSignal, ExitSignal, ReturnSignal, ShellError, type Var } from '../state.js';
import type { Shell } from '../shell.js';
import { runList } from './run.js';

const F_DUPFD_CLOEXEC = 1030;
const EEXIST = 17;
const UNSAFE = new Set(['exec', 'trap', 'eval', '.', 'command', 'ulimit', 'jobs', 'fg', 'bg', 'wait']);

interface Uses { cd: boolean; umask: boolean }

/** Whether `list` can run as a subshell in this process; notes whether it may cd or umask. */
export function inPlaceOk(sh: Shell, list: List, uses: Uses = { cd: false, umask: false }, seen = new Set<string>()): boolean {
  return list.every((ao) => !ao.bg && [ao.first, ...ao.rest.map((r) => r.pipe)].every((p) => p.cmds.every((c) => commandOk(sh, c, uses, seen))));
}

function commandOk(sh: Shell, c: Command, uses: Uses, seen: Set<string>): boolean {
  switch (c.t) {
    case 'simple': {
      const w = c.words[0];
      if (!w) return true;
      if (w.parts.length !== 1 || w.parts[0]!.t !== 'lit') return false;
      const name = w.parts[0]!.v;
      if (UNSAFE.has(name)) return false;
      if (name === 'cd') uses.cd = true;
      if (name === 'umask') uses.umask = true;
      const fn = sh.st.funcs.get(name);
      if (fn && !seen.has(name)) {
        seen.add(name);
        return commandOk(sh, fn, uses, seen);
      }
      return true;
    }
    case 'func': return commandOk(sh, c.body, uses, seen);
    case 'subshell': case 'group': return inPlaceOk(sh, c.body, uses, seen);
    case 'if': return c.clauses.every((k) => inPlaceOk(sh, k.cond, uses, seen) && inPlaceOk(sh, k.body, uses, seen)) && (!c.else || inPlaceOk(sh, c.else, uses, seen));
    case 'loop': return inPlaceOk(sh, c.cond, uses, seen) && inPlaceOk(sh, c.body, uses, seen);
    case 'for': return inPlaceOk(sh, c.body, uses, seen);
    case 'case': return c.items.every((i) => inPlaceOk(sh, i.body, uses, seen));
  }
}

/** Run `body` as a subshell in this process; its status. */
export function runInPlace(sh: Shell, body: List): number {
  const uses = { cd: false, umask: false };
  inPlaceOk(sh, body, uses);
  const st = sh.st;
  const saved = {
    vars: new Map<string, Var>([...st.vars].map(([k, v]) => [k, { ...v }])),
    funcs: new Map(st.funcs), aliases: new Map(st.aliases), positional: st.positional, opts: new Set(st.opts),
    lastBg: st.lastBg, lineno: st.lineno, loopDepth: st.loopDepth, funcDepth: st.funcDepth, hash: new Map(sh.hash),
    getopts: [sh.getoptsInd, sh.getoptsCur, sh.getoptsOff] as const, condDepth: sh.condDepth, capture: sh.capture,
    cwd: uses.cd ? os.getcwd() : undefined, umask: uses.umask ? os.umask(0o22) : undefined,
  };
  if (saved.umask !== undefined) os.umask(saved.umask);
  sh.condDepth = 0;
  sh.capture = undefined;
  let status: number;
  try {
    status = runList(sh, body);
  } catch (e) {
    if (e instanceof ExitSignal || e instanceof ReturnSignal) status = e.status;
    else if (e instanceof ShellError) {
      if (!e.message && sh.interactive) throw e; // ^C: the whole command line is abandoned
      if (e.message) sh.err(e.message);
      status = e.status;
    } else if (e instanceof BreakSignal || e instanceof ContinueSignal) status = 0;
    else throw e;
  } finally {
    st.vars = saved.vars;
    st.funcs = saved.funcs;
    st.aliases = saved.aliases;
    st.positional = saved.positional;
    st.opts = saved.opts;
    st.lastBg = saved.lastBg;
    st.lineno = saved.lineno;
    st.loopDepth = saved.loopDepth;
    st.funcDepth = saved.funcDepth;
    sh.hash.clear();
    for (const [k, v] of saved.hash) sh.hash.set(k, v);
    [sh.getoptsInd, sh.getoptsCur, sh.getoptsOff] = saved.getopts;
    sh.condDepth = saved.condDepth;
    sh.capture = saved.capture;
    if (saved.cwd !== undefined) {
      try { os.chdir(saved.cwd); } catch { /* the directory went away */ }
    }
    if (saved.umask !== undefined) os.umask(saved.umask);
  }
  return status & 0xff;
}

/** An unlinked temporary file for a command substitution's output; undefined if none can be made. */
function tempFile(): number | undefined {
  for (let n = 0; n < 100; n++) {
    const path = `/tmp/.sh-subst-${os.getpid()}-${n}`;
    try {
      const fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o600);
      os.unlink(path);
      return fd;
    } catch (e) {
      if (!(e instanceof OSError) || e.errno !== EEXIST) return undefined;
    }
  }
  return undefined;
}

/** Run a command substitution's body in this process; its output and status, or undefined if it cannot. */
export function substituteInPlace(sh: Shell, body: List): { out: string; status: number } | undefined {
  let copy: number;
  try {
    copy = os.fcntl(1, F_DUPFD_CLOEXEC, 10);
  } catch {
    return undefined; // no standard output to put back
  }
  const fd = tempFile();
  if (fd === undefined) { os.close(copy); return undefined; }
  let status: number;
  try {
    os.dup2(fd, 1);
    try {
      status = runInPlace(sh, body);
    } finally {
      os.dup2(copy, 1);
    }
    os.lseek(fd, 0, os.SEEK_SET);
    const parts: string[] = [];
    const decoder = new TextDecoder();
    for (let b = os.read(fd, 65536); b.length > 0; b = os.read(fd, 65536)) parts.push(decoder.decode(b, { stream: true }));
    parts.push(decoder.decode());
    return { out: parts.join(''), status };
  } finally {
    os.close(copy);
    os.close(fd);
  }
}
