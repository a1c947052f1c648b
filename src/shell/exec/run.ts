/**
 * Executing lists and compound commands (POSIX XCU 2.9.3, 2.9.4): sequential and asynchronous
 * lists, && and ||, `!`, brace groups, subshells, if, while/until, for, case and function
 * definitions, with `set -e` applied where POSIX says (not in conditions, not left of && or ||,
 * not after `!`) and trap actions run between commands, where the shell also looks for signals
 * that arrived while it computed (traps.ts checkSignals: no system call unless one waits).
 */
import type { AndOr, Command, Compound, List } from '../ast.js';
import { expandFields, expandPattern, expandString } from '../expand/word.js';
import { matchPattern } from '../pattern.js';
import { BreakSignal, ContinueSignal, ExitSignal } from '../state.js';
import type { Shell } from '../shell.js';
import { runBackground, runPipeline } from './pipeline.js';
import { withRedirs, withRedirsOrStatus } from './redir.js';
import { inPlaceOk, runInPlace } from './inplace.js';
import { runSimple } from './simple.js';
import { checkSignals } from './traps.js';
import { spawnSubshell } from '../subshell.js';

export function runList(sh: Shell, list: List): number {
  let status = sh.st.status;
  checkSignals(sh); // before the first command too: a function calling itself makes no other boundary
  for (const ao of list) {
    if (ao.bg) {
      runBackground(sh, ao);
      status = 0;
    } else {
      status = runAndOr(sh, ao);
    }
    sh.st.status = status;
    checkSignals(sh);
  }
  return status;
}

export function runAndOr(sh: Shell, ao: AndOr): number {
  const n = ao.rest.length;
  if (n > 0) sh.condDepth++;
  let status: number;
  try {
    status = runPipeline(sh, ao.first, n === 0 ? ao.text : '');
  } finally {
    if (n > 0) sh.condDepth--;
  }
  let lastRan = n === 0;
  let bang = ao.first.bang;
  for (let i = 0; i < n; i++) {
    const { op, pipe } = ao.rest[i]!;
    sh.st.status = status;
    if ((op === '&&') !== (status === 0)) continue;
    const last = i === n - 1;
    if (!last) sh.condDepth++;
    try {
      status = runPipeline(sh, pipe);
    } finally {
      if (!last) sh.condDepth--;
    }
    lastRan = last;
    bang = pipe.bang;
  }
  if (status !== 0 && lastRan && !bang && sh.condDepth === 0 && sh.st.on('errexit')) throw new ExitSignal(status);
  return status;
}

/** Run a condition list (if, while, until): set -e does not apply inside. */
function cond(sh: Shell, list: List): number {
  sh.condDepth++;
  try {
    return runList(sh, list);
  } finally {
    sh.condDepth--;
  }
}

export function runCommand(sh: Shell, c: Command): number {
  switch (c.t) {
    case 'simple': return runSimple(sh, c);
    case 'func':
      sh.st.funcs.set(c.name, c.body);
      return 0;
    default:
      sh.st.lineno = c.line;
      if (c.t === 'subshell') return runSubshellCommand(sh, c);
      return withRedirs(sh, c.redirs, () => runCompound(sh, c));
  }
}

function runSubshellCommand(sh: Shell, c: Compound & { t: 'subshell' }): number {
  if (inPlaceOk(sh, c.body)) {
    return withRedirsOrStatus(sh, c.redirs, () => runInPlace(sh, c.body));
  }
  const body: List = [{ first: { bang: false, cmds: [{ t: 'group', body: c.body, redirs: c.redirs, line: c.line }] }, rest: [], bg: false, text: '' }];
  const terminal = sh.jobs.handsTerminal();
  const pid = spawnSubshell(sh, body, [], sh.st.on('monitor') ? 0 : undefined, terminal);
  const job = sh.jobs.add([pid], pid, '', false, terminal);
  return sh.jobs.foreground(job);
}

function runCompound(sh: Shell, c: Compound): number {
  switch (c.t) {
    case 'group': return runList(sh, c.body);
    case 'if': {
      for (const cl of c.clauses) if (cond(sh, cl.cond) === 0) return runList(sh, cl.body);
      return c.else ? runList(sh, c.else) : 0;
    }
    case 'loop': return loop(sh, () => (cond(sh, c.cond) === 0) !== c.until, c.body);
    case 'for': {
      const items = c.items ? expandFields(sh, c.items) : [...sh.st.positional];
      let i = 0;
      return loop(sh, () => {
        if (i >= items.length) return false;
        sh.st.set(c.name, items[i++]!);
        return true;
      }, c.body);
    }
    case 'case': {
      const w = expandString(sh, c.word);
      for (const item of c.items) {
        if (item.patterns.some((p) => matchPattern(expandPattern(sh, p), w))) return runList(sh, item.body);
      }
      return 0;
    }
    default: return 0;
  }
}

function loop(sh: Shell, more: () => boolean, body: List): number {
  let status = 0;
  sh.st.loopDepth++;
  try {
    for (;;) {
      if (!more()) break;
      try {
        status = runList(sh, body);
      } catch (e) {
        if (e instanceof BreakSignal) {
          if (--e.n > 0) throw e;
          status = 0;
          break;
        }
        if (e instanceof ContinueSignal) {
          if (--e.n > 0) throw e;
          continue;
        }
        throw e;
      }
    }
  } finally {
    sh.st.loopDepth--;
  }
  return status;
}
