/**
 * Command substitution (POSIX XCU 2.6.3): the command runs with its standard output on a pipe
 * that this shell reads to end of file; trailing newlines are removed. A lone external command is
 * spawned directly; other code runs in a subshell process (subshell.ts). The command's status is
 * kept for an assignment-only command (`x=$(false)` sets `$?` to 1).
 */
import os from 'posixbox/os';
import type { Command, List } from '../ast.js';
import type { Shell } from '../shell.js';
import { spawnSubshell } from '../subshell.js';
import { startElement } from './pipeline.js';
import { expandFields } from '../expand/word.js';
import { BUILTINS } from '../builtins/index.js';
import { ShellError } from '../state.js';
import { trace } from './simple.js';
import { inPlaceOk, substituteInPlace } from './inplace.js';


function single(body: List): Command | undefined {
  if (body.length !== 1) return undefined;
  const ao = body[0]!;
  if (ao.bg || ao.rest.length || ao.first.bang || ao.first.cmds.length !== 1) return undefined;
  const c = ao.first.cmds[0]!;
  return c.t === 'simple' ? c : undefined;
}

/** Builtins that only compute and write to standard output: safe to run here for `$(…)` and `… |`. */
export const PURE_BUILTINS = new Set(['echo', 'printf', 'true', 'false', ':', 'test', '[', 'pwd']);

/** The builtin a command runs if it is a plain, redirection-free call of a pure builtin. */
export function pureBuiltin(sh: Shell, c: Command): string | undefined {
  if (c.t !== 'simple' || c.assigns.length || c.redirs.length) return undefined;
  const w = c.words[0];
  const name = w && w.parts.length === 1 && w.parts[0]!.t === 'lit' ? w.parts[0]!.v : undefined;
  if (name === undefined || !PURE_BUILTINS.has(name) || sh.st.funcs.has(name)) return undefined;
  return name;
}

/** Run a pure builtin in this shell with its standard output captured. */
export function runCaptured(sh: Shell, c: Command & { t: 'simple' }): { out: string; status: number } {
  sh.st.lineno = c.line;
  const saved = sh.capture;
  const out: string[] = [];
  let status: number;
  try {
    // as in the subshell this stands for, an error (even in expansion) ends only this command
    const argv = expandFields(sh, c.words);
    trace(sh, [], argv);
    sh.capture = out;
    status = BUILTINS.get(argv[0]!)!(sh, argv);
  } catch (e) {
    if (!(e instanceof ShellError)) throw e;
    sh.capture = saved;
    if (e.message) sh.err(e.message);
    status = e.status;
  } finally {
    sh.capture = saved;
  }
  return { out: out.join(''), status };
}

export function commandSubstitution(sh: Shell, body: List): string {
  if (body.length === 0) { sh.substStatus = 0; return ''; }
  const one = single(body);
  if (one && one.t === 'simple' && pureBuiltin(sh, one)) {
    const r = runCaptured(sh, one);
    sh.substStatus = r.status;
    return r.out.replace(/\n+$/, '');
  }
  const lone = one && one.t === 'simple' && one.words[0]?.parts.length === 1 && one.words[0].parts[0]!.t === 'lit'
    && !BUILTINS.has(one.words[0].parts[0]!.v) && !sh.st.funcs.has(one.words[0].parts[0]!.v);
  if (!lone && inPlaceOk(sh, body)) {
    const r = substituteInPlace(sh, body);
    if (r) {
      sh.substStatus = r.status;
      return r.out.replace(/\n+$/, '');
    }
  }
  const [r, w] = os.pipe2(os.O_CLOEXEC);
  let got: number | { status: number };
  try {
    const c = single(body);
    got = c ? startElement(sh, c, [['dup2', w, 1]], undefined) : spawnSubshell(sh, body, [['dup2', w, 1]]);
  } finally {
    os.close(w);
  }
  const chunks: string[] = [];
  try {
    const decoder = new TextDecoder();
    for (let b = os.read(r, 65536); b.length > 0; b = os.read(r, 65536)) chunks.push(decoder.decode(b, { stream: true }));
    chunks.push(decoder.decode());
  } finally {
    os.close(r);
  }
  if (typeof got === 'number') {
    const job = sh.jobs.add([got], got, '', false);
    sh.substStatus = sh.jobs.wait(job) ?? 0;
    sh.jobs.remove(job);
  } else {
    sh.substStatus = got.status;
  }
  return chunks.join('').replace(/\n+$/, '');
}
