/**
 * Subshells without fork. posixbox's fork replays a process from its start, which grows slower
 * the longer the shell has run, so a subshell — `( list )`, a pipeline element that is a builtin,
 * function or compound command, an asynchronous list, a command substitution of shell code — is
 * a new `/bin/sh` process started with posix_spawn and handed the parent's complete state:
 *
 *   parent: pipe2(O_CLOEXEC) → (r, w); posix_spawn('/bin/sh', ['sh', '--subshell', '63'],
 *           file_actions: the subshell's redirections …, dup2(r, 63)); write the JSON snapshot
 *           (variables with their attributes, exported or not, functions as syntax trees, aliases,
 *           options, positional parameters, $0, $?, $$, $!, ignored traps, the line number, and
 *           the tree to run) to w; close both ends.
 *   child:  main.ts sees `--subshell 63`, reads fd 63 to end of file, closes it, restores the
 *           state and runs the tree; its exit status is the subshell's.
 *
 * So `$$` in the subshell is still the parent shell's pid, unexported variables and functions are
 * visible, and nothing the subshell changes reaches the parent — as with a forked subshell.
 * A snapshot that fits in the pipe is written before the spawn (no blocking); a larger one after.
 * Code that cannot tell the difference runs as a subshell inside the shell instead
 * (exec/inplace.ts); this is for the rest: pipeline elements, asynchronous lists, and subshells
 * that exec, trap, eval, wait or run code not known in advance.
 */
import os from 'posixbox/os';
import type { Command, List } from './ast.js';
import type { Shell } from './shell.js';
import { SH_PATH, sigdefaults, spawnOrFail, TERMINAL_FD, type FileAction } from './exec/spawn.js';

export const STATE_FD = 63;
const PIPE_CAPACITY = 65536;
const encoder = new TextEncoder();

export interface Snapshot {
  readonly vars: [string, string | null, number][];
  readonly funcs: [string, Command][];
  readonly aliases: [string, string][];
  readonly positional: string[];
  readonly arg0: string;
  readonly opts: string[];
  readonly status: number;
  readonly pid: number;
  readonly lastBg: number | null;
  readonly traps: [string, string][];
  readonly lineno: number;
  readonly loopDepth: number;
  readonly hash: [string, string][];
  readonly body: List;
}

export function snapshot(sh: Shell, body: List): Snapshot {
  const st = sh.st;
  return {
    vars: [...st.vars].map(([k, v]) => [k, v.value ?? null, (v.exported ? 1 : 0) | (v.readonly ? 2 : 0)]),
    funcs: [...st.funcs],
    aliases: [...st.aliases],
    positional: st.positional,
    arg0: st.arg0,
    opts: [...st.opts].filter((o) => o !== 'interactive' && o !== 'monitor'),
    status: st.status,
    pid: st.pid,
    lastBg: st.lastBg ?? null,
    traps: [...st.traps].filter(([, a]) => a === ''),
    lineno: st.lineno,
    loopDepth: st.loopDepth,
    hash: [...sh.hash],
    body,
  };
}

export function restoreSnapshot(sh: Shell, s: Snapshot): List {
  const st = sh.st;
  st.vars.clear();
  for (const [k, v, f] of s.vars) st.vars.set(k, { value: v ?? undefined, exported: (f & 1) !== 0, readonly: (f & 2) !== 0 });
  for (const [k, c] of s.funcs) st.funcs.set(k, c);
  for (const [k, a] of s.aliases) st.aliases.set(k, a);
  st.positional = s.positional;
  st.arg0 = s.arg0;
  for (const o of s.opts) st.opts.add(o);
  st.status = s.status;
  st.pid = s.pid;
  st.lastBg = s.lastBg ?? undefined;
  for (const [k, a] of s.traps) st.traps.set(k, a);
  st.lineno = s.lineno;
  st.loopDepth = s.loopDepth;
  for (const [k, p] of s.hash) sh.hash.set(k, p);
  sh.subshell = true;
  return s.body;
}

/**
 * Start a subshell process running `body` with the given file actions, in group `pgid` (as
 * SpawnOptions), given the terminal as it starts if `terminal`; returns its pid.
 */
export function spawnSubshell(sh: Shell, body: List, actions: readonly FileAction[], pgid?: number, terminal = false): number {
  const data = encoder.encode(JSON.stringify(snapshot(sh, body)));
  const [r, w] = os.pipe2(os.O_CLOEXEC);
  let pid: number;
  try {
    const early = data.length <= PIPE_CAPACITY;
    if (early) os.writeAll(w, data);
    pid = spawnOrFail(SH_PATH, ['sh', '--subshell', String(STATE_FD)], sh.st.environ(), {
      file_actions: [...actions, ['dup2', r, STATE_FD]] as FileAction[],
      ...(pgid !== undefined ? { setpgroup: pgid } : {}),
      ...(terminal ? { tcsetpgrp: TERMINAL_FD } : {}),
      setsigdef: sigdefaults(sh),
    });
    if (!early) {
      os.close(r);
      os.writeAll(w, data);
    }
  } finally {
    try { os.close(r); } catch { /* closed above */ }
    os.close(w);
  }
  return pid;
}

/** In the child: read the snapshot from `fd`. */
export function readSnapshot(fd: number): Snapshot {
  const chunks: Uint8Array[] = [];
  for (let b = os.read(fd, 65536); b.length > 0; b = os.read(fd, 65536)) chunks.push(b.slice());
  os.close(fd);
  const decoder = new TextDecoder();
  const text = chunks.map((c) => decoder.decode(c, { stream: true })).join('') + decoder.decode();
  return JSON.parse(text) as Snapshot;
}
