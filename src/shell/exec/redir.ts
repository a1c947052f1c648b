/**
 * Redirections (POSIX XCU 2.7). A list of redirections is first planned: files are opened (and
 * here-documents put in a pipe or an unlinked temporary file) by the shell itself, close-on-exec
 * at descriptors ≥ 10, giving a list of steps `dup from → to` and `close fd`. A plan is then
 * either applied to the shell's own descriptors, saving what it replaces so it can be undone
 * (builtins, functions, compound commands, `exec`), or turned into posix_spawn file actions for
 * an external command. Messages are dash's: `cannot open F: No such file`,
 * `cannot create F: Directory nonexistent`, `N: Bad file descriptor`.
 */
import os, { OSError } from 'posixbox/os';
import type { Redir } from '../ast.js';
import { expandHere, expandString } from '../expand/word.js';
import { ShellError } from '../state.js';
import type { Shell } from '../shell.js';

const F_DUPFD_CLOEXEC = 1030;
const ENOENT = 2;
const EBADF = 9;
const EEXIST = 17;
/** Here-documents up to this size go through a pipe (they fit in its buffer); larger ones through a file. */
const PIPE_HERE_MAX = 65536;
const encoder = new TextEncoder();

export type Step = { readonly op: 'dup'; readonly from: number; readonly to: number } | { readonly op: 'close'; readonly fd: number };

export interface Plan {
  readonly steps: Step[];
  /** Descriptors the shell opened for the plan; closed once it has been applied or spawned. */
  readonly opened: number[];
}

/** dash's wording for an errno when opening (`open`) or creating (`create`) a file. */
export function openError(e: unknown, verb: 'open' | 'create', path: string): ShellError {
  if (!(e instanceof OSError)) throw e;
  const why = e.errno === ENOENT ? (verb === 'open' ? 'No such file' : 'Directory nonexistent') : e.strerror;
  return new ShellError(`cannot ${verb} ${path}: ${why}`, 2);
}

function high(fd: number): number {
  const h = os.fcntl(fd, F_DUPFD_CLOEXEC, 10);
  os.close(fd);
  return h;
}

/** Open the files and here-documents of `redirs`; throws ShellError (closing what it opened). */
export function plan(sh: Shell, redirs: readonly Redir[]): Plan {
  const p: Plan = { steps: [], opened: [] };
  try {
    for (const r of redirs) step(sh, r, p);
  } catch (e) {
    closeAll(p);
    throw e;
  }
  return p;
}

function step(sh: Shell, r: Redir, p: Plan): void {
  const input = r.op === '<' || r.op === '<&' || r.op === '<>' || r.op === '<<' || r.op === '<<-';
  const fd = r.fd ?? (input ? 0 : 1);
  if (r.op === '<<' || r.op === '<<-') {
    const body = r.here ? (r.here.quoted ? r.here.body.text : expandHere(sh, r.here.body)) : '';
    const src = hereFd(body);
    p.opened.push(src);
    p.steps.push({ op: 'dup', from: src, to: fd });
    return;
  }
  const target = expandString(sh, r.target);
  if (r.op === '<&' || r.op === '>&') {
    if (target === '-') { p.steps.push({ op: 'close', fd }); return; }
    if (!/^[0-9]+$/.test(target)) {
      if (r.op === '>&' && r.fd === undefined) {
        const f = openFile(sh, target, '>');
        p.opened.push(f);
        p.steps.push({ op: 'dup', from: f, to: 1 }, { op: 'dup', from: f, to: 2 });
        return;
      }
      throw new ShellError(`Syntax error: Bad fd number`, 2);
    }
    const from = Number(target);
    if (!isOpen(sh, from, p)) throw new ShellError(`${target}: Bad file descriptor`, 2);
    p.steps.push({ op: 'dup', from, to: fd });
    return;
  }
  const f = openFile(sh, target, r.op);
  p.opened.push(f);
  p.steps.push({ op: 'dup', from: f, to: fd });
}

/** Whether `fd` is open at this point of the plan (after the steps so far). */
function isOpen(sh: Shell, fd: number, p: Plan): boolean {
  for (let i = p.steps.length - 1; i >= 0; i--) {
    const s = p.steps[i]!;
    if (s.op === 'close' && s.fd === fd) return false;
    if (s.op === 'dup' && s.to === fd) return true;
  }
  try {
    os.fcntl(fd, 1, 0);
    return true;
  } catch {
    return false;
  }
}

function openFile(sh: Shell, path: string, op: string): number {
  const verb = op === '<' ? 'open' : 'create';
  let flags: number;
  switch (op) {
    case '<': flags = os.O_RDONLY; break;
    case '<>': flags = os.O_RDWR | os.O_CREAT; break;
    case '>>': flags = os.O_WRONLY | os.O_CREAT | os.O_APPEND; break;
    case '>':
      flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC;
      if (sh.st.on('noclobber')) {
        try {
          const st = os.stat(path);
          if ((st.st_mode & 0o170000) === 0o100000) throw new ShellError(`cannot create ${path}: File exists`, 2);
          flags = os.O_WRONLY;
        } catch (e) {
          if (e instanceof ShellError) throw e;
          flags |= os.O_EXCL;
        }
      }
      break;
    default: flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC;
  }
  try {
    return high(os.open(path, flags | os.O_CLOEXEC, 0o666));
  } catch (e) {
    if (e instanceof OSError && e.errno === EEXIST) throw new ShellError(`cannot create ${path}: File exists`, 2);
    throw openError(e, verb, path);
  }
}

/** A descriptor from which the here-document's text can be read. */
function hereFd(body: string): number {
  const bytes = encoder.encode(body);
  if (bytes.length <= PIPE_HERE_MAX) {
    const [r, w] = os.pipe2(os.O_CLOEXEC);
    try {
      if (bytes.length) os.writeAll(w, bytes);
    } finally {
      os.close(w);
    }
    return high(r);
  }
  for (let n = 0; n < 1000; n++) {
    const path = `/tmp/.sh-here-${os.getpid()}-${n}`;
    let fd: number;
    try {
      fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o600);
    } catch (e) {
      if (e instanceof OSError && e.errno === EEXIST) continue;
      throw openError(e, 'create', path);
    }
    os.unlink(path);
    os.writeAll(fd, bytes);
    os.lseek(fd, 0, 0);
    return high(fd);
  }
  throw new ShellError('cannot create temporary file for here-document', 2);
}

export function closeAll(p: Plan): void {
  for (const fd of p.opened) {
    try { os.close(fd); } catch { /* already gone */ }
  }
  p.opened.length = 0;
}

/** What undoes an applied plan: the saved copies of the descriptors it replaced. */
export type Saved = { fd: number; copy: number }[];

/** Apply a plan to the shell's descriptors; returns what `restore` needs (or nothing if `keep`). */
export function apply(sh: Shell, p: Plan, keep = false): Saved {
  const saved: Saved = [];
  const seen = new Set<number>();
  try {
    for (const s of p.steps) {
      const fd = s.op === 'dup' ? s.to : s.fd;
      if (!keep && !seen.has(fd)) {
        seen.add(fd);
        let copy = -1;
        try {
          copy = os.fcntl(fd, F_DUPFD_CLOEXEC, 10);
        } catch (e) {
          if (!(e instanceof OSError) || e.errno !== EBADF) throw e;
        }
        saved.push({ fd, copy });
      }
      if (s.op === 'dup') {
        if (s.from !== s.to) os.dup2(s.from, s.to);
      } else {
        try { os.close(s.fd); } catch { /* closing a closed descriptor is fine */ }
      }
    }
  } finally {
    closeAll(p);
  }
  return saved;
}

export function restore(saved: Saved): void {
  for (let i = saved.length - 1; i >= 0; i--) {
    const { fd, copy } = saved[i]!;
    if (copy >= 0) {
      os.dup2(copy, fd);
      os.close(copy);
    } else {
      try { os.close(fd); } catch { /* was closed */ }
    }
  }
}

/** The plan as posix_spawn file actions. */
export function actions(p: Plan): (['dup2', number, number] | ['close', number])[] {
  return p.steps.map((s) => (s.op === 'dup' ? ['dup2', s.from, s.to] : ['close', s.fd]));
}

/** Plan and apply `redirs` around `fn` (builtins, functions, compound commands). */
/**
 * As withRedirs, for a command whose redirection failing is not fatal to the shell (a function,
 * a regular builtin, a subshell): the error is reported and its status returned, fn never runs.
 */
export function withRedirsOrStatus(sh: Shell, redirs: readonly Redir[], fn: () => number): number {
  let saved: Saved;
  try {
    saved = apply(sh, plan(sh, redirs));
  } catch (e) {
    if (!(e instanceof ShellError)) throw e;
    sh.err(e.message);
    return e.status;
  }
  try {
    return fn();
  } finally {
    restore(saved);
  }
}

export function withRedirs<T>(sh: Shell, redirs: readonly Redir[], fn: () => T): T {
  if (redirs.length === 0) return fn();
  const saved = apply(sh, plan(sh, redirs));
  try {
    return fn();
  } finally {
    restore(saved);
  }
}
