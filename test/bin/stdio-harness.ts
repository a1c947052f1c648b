/**
 * Running utilities with the kernel's strace on, for the stdio buffering tests: each run boots a
 * fresh kernel (the CLI's default users, plus the run's files), spawns /bin/<argv[0]> with its
 * standard output on a pipe (or a pseudo-terminal, or a pipe nobody reads), and returns the whole
 * output, the exit status and how many write(2) calls each program made on its fd 1.
 */
import { expect } from 'vitest';
import { PROGRAMS } from '#programs';
import { boot, type StdioSpec } from '../../src/index.js';
import { DEFAULT_SYSTEM } from '../../src/cli/default-system.js';
import { HostInput } from '../../src/fs/hoststream.js';
import type { FileSpec } from '../../src/kernel/setup.js';
import { TtyScreen } from '../tty/helpers.js';

export interface Run {
  readonly argv: readonly string[];
  readonly files?: readonly FileSpec[];
  readonly cwd?: string;
  readonly stdin?: string;
  /**
   * Where fds 1 and 2 go: `pipe` (each its own pipe; the default), `merged` (both on one pipe, as
   * `2>&1 | cat`), `tty` (a 24×80 pseudo-terminal, which is stdin too), `closed` (fd 1 a pipe whose
   * reader is gone; fd 2 a pipe).
   */
  readonly stdout?: 'pipe' | 'merged' | 'tty' | 'closed';
  /** A program image to run instead of /bin/<argv[0]>. */
  readonly source?: string;
  /** On a tty: [text the screen must show, keys to type then]. */
  readonly keys?: ReadonlyArray<readonly [string, string]>;
}

export interface Traced {
  /** stdout (with `merged`, stdout and stderr; with `tty`, the screen). */
  readonly out: string;
  readonly err: string;
  /** The exit status, or 128 + the signal that killed it. */
  readonly status: number;
  /** write(2) calls on fd 1, by program name (the program a pid last started). */
  readonly writes: Readonly<Record<string, number>>;
}

const decoder = new TextDecoder();
const join = (cs: Uint8Array[]): string => cs.map((x) => decoder.decode(x, { stream: true })).join('') + decoder.decode();

/** write(2) calls on fd 1 per program, from strace lines: a pid's program is what it last spawned or exec'd into. */
export function countWrites(lines: readonly string[], first: { pid: number; name: string }): Record<string, number> {
  const names = new Map<number, string>([[first.pid, first.name]]);
  const counts: Record<string, number> = {};
  const base = (path: string): string => path.slice(path.lastIndexOf('/') + 1);
  for (const line of lines) {
    const m = /^\[pid (\d+)\] (\w+)\((.*)\) (.*)$/.exec(line.trimEnd());
    if (!m) continue;
    const pid = Number(m[1]);
    const [, , call, args, outcome] = m;
    const result = /^= (-?\d+)/.exec(outcome!)?.[1];
    const path = /^"([^"]*)"/.exec(args!)?.[1];
    if (call === 'execve' && outcome === '?' && path) names.set(pid, base(path));
    else if (call === 'posix_spawn' && path && Number(result) > 0) names.set(Number(result), base(path));
    else if ((call === 'fork' || call === 'vfork' || call === 'clone') && Number(result) > 0) names.set(Number(result), names.get(pid) ?? '?');
    else if (call === 'write' && args!.startsWith('1,')) {
      const name = names.get(pid) ?? '?';
      counts[name] = (counts[name] ?? 0) + 1;
    }
  }
  return counts;
}

export async function traced(r: Run): Promise<Traced> {
  const lines: string[] = [];
  const k = boot({ ...DEFAULT_SYSTEM, ...(r.files ? { files: r.files } : {}), poolSize: 1, strace: (l) => lines.push(l) });
  try {
    const out: Uint8Array[] = [];
    const err: Uint8Array[] = [];
    const name = r.argv[0]!;
    const source = r.source ?? PROGRAMS[name];
    if (source === undefined) throw new Error(`no program ${name}`);
    const mode = r.stdout ?? 'pipe';
    const program = { source, path: `/bin/${name}` };
    const spawn = { program, argv: r.argv, env: ['PATH=/bin:/usr/bin', 'HOME=/root'], uid: 0, gid: 0, cwd: r.cwd ?? '/' };
    if (mode === 'tty') {
      const pty = k.openpty({ rows: 24, cols: 80 });
      const screen = new TtyScreen(pty);
      const h = k.spawn({ ...spawn, stdio: [{ kind: 'tty', pty }, { kind: 'tty', pty }, { kind: 'tty', pty }] });
      await screen.play(pty, r.keys ?? []);
      const status = wstatus(await h.exited);
      return { out: screen.text, err: '', status, writes: countWrites(lines, { pid: h.pid, name }) };
    }
    let pending = mode === 'merged' ? 1 : 2;
    let done!: () => void;
    const ended = new Promise<void>((res) => { done = res; });
    const eof = (): void => { if (--pending === 0) done(); };
    const w2 = k.capturePipe((b) => (mode === 'merged' ? out : err).push(b.slice()), eof);
    let w1 = w2;
    if (mode === 'pipe') w1 = k.capturePipe((b) => out.push(b.slice()), eof);
    if (mode === 'closed') {
      const [rd, wr] = k.makePipe(k.init.creds, 0);
      k.vfs.close(rd);
      w1 = wr;
      pending = 1;
    }
    const input = new HostInput();
    if (r.stdin !== undefined) input.push(new TextEncoder().encode(r.stdin));
    input.end();
    const stdin: StdioSpec = r.stdin !== undefined ? { kind: 'input', input } : { kind: 'null' };
    const h = k.spawn({ ...spawn, stdio: [stdin, { kind: 'file', file: w1 }, { kind: 'file', file: w2 }] });
    if (w1 !== w2) k.vfs.close(w1);
    k.vfs.close(w2);
    const [ws] = await Promise.all([h.exited, ended]);
    expect(k.bugs).toEqual([]);
    return { out: join(out), err: join(err), status: wstatus(ws), writes: countWrites(lines, { pid: h.pid, name }) };
  } finally {
    k.shutdown();
  }
}

function wstatus(ws: number): number {
  return (ws & 0x7f) === 0 ? ws >> 8 : 128 + (ws & 0x7f);
}
