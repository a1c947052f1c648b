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

const decoder = new TextDecoder();

function single(body: List): Command | undefined {
  if (body.length !== 1) return undefined;
  const ao = body[0]!;
  if (ao.bg || ao.rest.length || ao.first.bang || ao.first.cmds.length !== 1) return undefined;
  const c = ao.first.cmds[0]!;
  return c.t === 'simple' ? c : undefined;
}

export function commandSubstitution(sh: Shell, body: List): string {
  if (body.length === 0) { sh.substStatus = 0; return ''; }
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
