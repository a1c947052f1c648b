/**
 * Pipelines and asynchronous lists (POSIX XCU 2.9.2, 2.9.3.1). Every element of a pipeline of
 * two or more is a process: an external simple command is spawned directly (its words expanded
 * by this shell, its redirections as file actions after the pipe's); any other element (a
 * builtin, a function, a compound command, a word whose expansion has side effects) runs in a
 * subshell process (subshell.ts). Under job control the first process started makes the job's
 * group (and, in the foreground, takes the terminal as it starts); the rest join it. An
 * asynchronous list is started the same way and not waited for; without job control its
 * standard input is /dev/null.
 */
import os, { signal } from 'posixbox/os';
import type { AndOr, Command, Pipeline, Word, WordPart } from '../ast.js';
import { expandFields, expandString } from '../expand/word.js';
import type { Job } from '../jobs.js';
import { ShellError } from '../state.js';
import type { Shell } from '../shell.js';
import { spawnSubshell } from '../subshell.js';
import { BUILTINS } from '../builtins/index.js';
import { actions, closeAll, plan, type Step } from './redir.js';
import { runCommand } from './run.js';
import { findCommand, spawnCommand, type FileAction } from './spawn.js';
import { reportWith, trace } from './simple.js';
import { pureBuiltin, runCaptured } from './subst.js';

export function runPipeline(sh: Shell, p: Pipeline, text = ''): number {
  if (p.bang) sh.condDepth++;
  try {
    const status = p.cmds.length === 1 ? runCommand(sh, p.cmds[0]!) : sh.jobs.foreground(startPipeline(sh, p.cmds, [], text, false));
    return p.bang ? (status === 0 ? 1 : 0) : status;
  } finally {
    if (p.bang) sh.condDepth--;
  }
}

/** Start an asynchronous list: `$!` is its last process; interactive shells print `[n] pid`. */
export function runBackground(sh: Shell, ao: AndOr): void {
  sh.jobs.reap(); // collect earlier ones that ended, so no zombies pile up
  const first: FileAction[] = sh.st.on('monitor') ? [] : [['open', 0, '/dev/null', os.O_RDONLY, 0]];
  let job: Job;
  if (ao.rest.length === 0 && !ao.first.bang) {
    job = startPipeline(sh, ao.first.cmds, first, ao.text, true);
  } else {
    const pid = spawnSubshell(sh, [{ ...ao, bg: false }], first, sh.st.on('monitor') ? 0 : undefined);
    job = sh.jobs.add([pid], pid, ao.text, true);
  }
  sh.st.lastBg = job.pids[job.pids.length - 1];
  if (sh.interactive) sh.write(2, `[${job.id}] ${job.pids[job.pids.length - 1]}\n`);
}

/** Start the processes of a pipeline and enter them in the job table. */
export function startPipeline(sh: Shell, cmds: readonly Command[], firstActions: readonly FileAction[], text: string, background: boolean): Job {
  const first = cmds[0]!;
  if (!background && cmds.length > 1 && first.t === 'simple' && pureBuiltin(sh, first)) return feedPipeline(sh, first, cmds.slice(1), text);
  return spawnPipeline(sh, cmds, firstActions, text, background);
}

/**
 * `echo … | cmd …`: the first element is a builtin that only writes, so it runs here, its output
 * collected, and is written into the pipe once the rest of the pipeline is running (SIGPIPE
 * ignored meanwhile: a reader that quits early just ends the writing).
 */
function feedPipeline(sh: Shell, first: Command & { t: 'simple' }, rest: readonly Command[], text: string): Job {
  const r = runCaptured(sh, first);
  const [rd, w] = os.pipe2(os.O_CLOEXEC);
  let job: Job;
  try {
    job = spawnPipeline(sh, rest, [['dup2', rd, 0]], text, false);
  } finally {
    os.close(rd);
  }
  const old = signal.getsignal(13);
  signal.signal(13, signal.SIG_IGN);
  try {
    if (r.out) os.writeAll(w, r.out);
  } catch {
    /* the reader is gone */
  } finally {
    os.close(w);
    signal.signal(13, old);
  }
  job.pids.unshift(-1);
  job.statuses.unshift((r.status & 0xff) << 8);
  return job;
}

function spawnPipeline(sh: Shell, cmds: readonly Command[], firstActions: readonly FileAction[], text: string, background: boolean): Job {
  const pids: number[] = [];
  const immediate: (number | undefined)[] = [];
  let prev = -1;
  let pgid: number | undefined = sh.st.on('monitor') ? 0 : undefined;
  const handing = !background && sh.jobs.handsTerminal();
  let handed = false;
  for (let i = 0; i < cmds.length; i++) {
    let r = -1;
    let w = -1;
    if (i < cmds.length - 1) [r, w] = os.pipe2(os.O_CLOEXEC);
    const acts: FileAction[] = i === 0 ? [...firstActions] : [];
    if (prev >= 0) acts.push(['dup2', prev, 0]);
    if (w >= 0) acts.push(['dup2', w, 1]);
    try {
      const terminal = handing && pgid === 0;
      const got = startElement(sh, cmds[i]!, acts, pgid, terminal);
      if (typeof got === 'number') {
        pids.push(got);
        immediate.push(undefined);
        if (pgid === 0) { pgid = got; handed = terminal; }
      } else {
        pids.push(-1);
        immediate.push(got.status);
      }
    } finally {
      if (prev >= 0) os.close(prev);
      if (w >= 0) os.close(w);
    }
    prev = r;
  }
  const real = pids.find((p) => p > 0) ?? 0;
  const job = sh.jobs.add(pids, real, text, background, handed);
  immediate.forEach((s, k) => { if (s !== undefined) job.statuses[k] = (s & 0xff) << 8; });
  return job;
}

/**
 * Start one command as a process with the given file actions, in group `pgid` (as SpawnOptions),
 * given the terminal as it starts if `terminal`: an external simple command directly, anything
 * else in a subshell. Returns the pid, or the status if nothing was started.
 */
export function startElement(sh: Shell, c: Command, acts: readonly FileAction[], pgid: number | undefined,
  terminal = false): number | { status: number } {
  if (c.t === 'simple' && directCandidate(sh, c.words, c.assigns.map((a) => a.value))) {
    sh.st.lineno = c.line;
    let argv: string[];
    const env = new Map<string, string>();
    try {
      // expanded here for the process; an error ends only this command, as in the process it stands for
      argv = expandFields(sh, c.words);
      for (const a of c.assigns) env.set(a.name, expandString(sh, a.value, true));
    } catch (e) {
      if (!(e instanceof ShellError)) throw e;
      sh.err(e.message);
      return { status: e.status };
    }
    const name = argv[0];
    if (name !== undefined && !BUILTINS.has(name) && !sh.st.funcs.has(name)) {
      trace(sh, c.assigns.map((a) => `${a.name}=${env.get(a.name)}`), argv);
      let p;
      try {
        p = plan(sh, c.redirs);
      } catch (e) {
        if (!(e instanceof ShellError)) throw e;
        sh.err(e.message);
        return { status: e.status };
      }
      const found = findCommand(sh, name, env.get('PATH'));
      const got = 'error' in found ? found
        : spawnCommand(sh, found.path, argv, sh.st.environ(env), [...acts, ...actions(p)], pgid === undefined ? {} : { pgid, terminal });
      if (typeof got === 'number') { closeAll(p); return got; }
      const pipeSteps = acts.flatMap((a): Step[] => (a[0] === 'dup2' ? [{ op: 'dup', from: a[1], to: a[2] }] : []));
      reportWith(sh, { steps: [...pipeSteps, ...p.steps], opened: p.opened }, got.error);
      return { status: got.status };
    }
  }
  // `( list )` as a process is already a subshell: run its list there (as a group), not in a third process
  const cmd: Command = c.t === 'subshell' ? { t: 'group', body: c.body, redirs: c.redirs, line: c.line } : c;
  const body = [{ first: { bang: false, cmds: [cmd] }, rest: [], bg: false, text: '' }];
  return spawnSubshell(sh, body, acts, pgid, terminal);
}

/** Whether a simple command can be expanded here and spawned directly: a plain external name, no side effects. */
function directCandidate(sh: Shell, words: readonly Word[], values: readonly Word[]): boolean {
  const w = words[0];
  if (!w) return false;
  const first = w.parts.length === 1 && w.parts[0]!.t === 'lit' ? w.parts[0]!.v : undefined;
  if (first === undefined || BUILTINS.has(first) || sh.st.funcs.has(first)) return false;
  return [...words, ...values].every((x) => pure(x.parts));
}

function pure(parts: readonly WordPart[]): boolean {
  return parts.every((p) => {
    switch (p.t) {
      case 'dq': return pure(p.parts);
      case 'param': return p.op !== '=' && p.op !== '?' && (!p.arg || pure(p.arg.parts));
      case 'arith': return !/(^|[^=!<>])=($|[^=])/.test(p.expr.text) && pure(p.expr.parts);
      default: return true;
    }
  });
}
