/**
 * Running the /bin utilities as processes for the tables in test/bin: each case boots a fresh
 * kernel (the CLI's default users, plus the case's files), spawns /bin/<argv[0]>'s image with the
 * case's stdin, identity, cwd and environment, and returns the whole stdout, stderr and exit
 * status, and (for `after`) what the named paths look like afterwards.
 */
import { expect, it } from 'vitest';
import { PROGRAMS } from '#programs';
import { boot } from '../../src/index.js';
import { DEFAULT_SYSTEM } from '../../src/cli/default-system.js';
import { HostInput } from '../../src/fs/hoststream.js';
import { S_IFMT, S_IFDIR, S_IFLNK, S_IFREG } from '../../src/kernel/abi/stat.js';
import type { FileSpec } from '../../src/kernel/setup.js';
import type { Kernel } from '../../src/kernel/kernel.js';
import type { Credentials } from '../../src/kernel/creds.js';
import type { StdioSpec } from '../../src/index.js';

/** Who runs the case: a user of the default system, with the groups the CLI gives them. */
export const WHO = {
  root: { uid: 0, gid: 0, groups: [0], home: '/root' },
  alice: { uid: 1000, gid: 1000, groups: [1000, 100, 1002], home: '/home/alice' },
  bob: { uid: 1001, gid: 1001, groups: [1001, 100, 1002], home: '/home/bob' },
} as const;

export interface Case {
  /** What the case shows, when the command line does not say it. */
  readonly name?: string;
  /** argv; argv[0] names the utility. */
  readonly argv: readonly string[];
  readonly stdin?: string;
  readonly as?: keyof typeof WHO;
  /** Credentials beyond the named users (overrides `as`). */
  readonly creds?: Credentials;
  readonly cwd?: string;
  /** The environment (default PATH and HOME). */
  readonly env?: readonly string[];
  readonly umask?: number;
  readonly files?: readonly FileSpec[];
  readonly out?: string;
  readonly err?: string;
  readonly status?: number;
  /** Paths and what they must be afterwards (see describePath). */
  readonly after?: Readonly<Record<string, string>>;
  /** Paths and their `atime mtime` afterwards, in seconds. */
  readonly times?: Readonly<Record<string, string>>;
}

export interface Result {
  readonly out: string;
  readonly err: string;
  readonly status: number;
  readonly after?: Record<string, string>;
  readonly times?: Record<string, string>;
}

const decoder = new TextDecoder();

/** `dir 0755 0:0`, `file 0644 1000:1000 'text'`, `link target`, or `absent`. */
export function describePath(k: Kernel, path: string): string {
  let st;
  try {
    st = k.vfs.stat(k.rootContext(), path, false);
  } catch {
    return 'absent';
  }
  const perm = (st.mode & 0o7777).toString(8).padStart(4, '0');
  const owner = `${st.uid}:${st.gid}`;
  switch (st.mode & S_IFMT) {
    case S_IFDIR: return `dir ${perm} ${owner}`;
    case S_IFLNK: return `link ${k.vfs.readlink(k.rootContext(), path)}`;
    case S_IFREG: return `file ${perm} ${owner} ${JSON.stringify(readFile(k, path))}`;
    default: return `other ${st.mode.toString(8)}`;
  }
}

export function readFile(k: Kernel, path: string): string {
  const f = k.vfs.open(k.rootContext(), path, 0, 0);
  const chunks: Uint8Array[] = [];
  try {
    for (;;) {
      const buf = new Uint8Array(65536);
      const n = k.vfs.read(f, buf);
      if (n === 0) break;
      chunks.push(buf.subarray(0, n));
    }
  } finally {
    k.vfs.close(f);
  }
  return chunks.map((c) => decoder.decode(c, { stream: true })).join('') + decoder.decode();
}

/** Run one case; `stdout` may replace the capture pipe (e.g. a file opened on /dev/full). */
export async function runCase(c: Case, o: { stdout?: (k: Kernel) => StdioSpec } = {}): Promise<Result> {
  const k = boot({ ...DEFAULT_SYSTEM, ...(c.files ? { files: c.files } : {}), poolSize: 1 });
  try {
    const who = WHO[c.as ?? 'root'];
    const out: Uint8Array[] = [];
    const err: Uint8Array[] = [];
    let pending = o.stdout ? 1 : 2;
    let done!: () => void;
    const ended = new Promise<void>((r) => { done = r; });
    const eof = (): void => { if (--pending === 0) done(); };
    const w1 = o.stdout ? undefined : k.capturePipe((b) => out.push(b), eof);
    const w2 = k.capturePipe((b) => err.push(b), eof);
    const input = new HostInput();
    if (c.stdin !== undefined) input.push(new TextEncoder().encode(c.stdin));
    input.end();
    const name = c.argv[0]!.split('/').pop()!;
    const source = PROGRAMS[name];
    if (source === undefined) throw new Error(`no program ${name}`);
    const h = k.spawn({
      program: { source, path: `/bin/${name}` },
      argv: c.argv,
      env: c.env ?? ['PATH=/bin:/usr/bin', `HOME=${who.home}`],
      ...(c.creds ? { creds: c.creds } : { uid: who.uid, gid: who.gid, groups: who.groups }),
      cwd: c.cwd ?? '/',
      ...(c.umask !== undefined ? { umask: c.umask } : {}),
      stdio: [
        c.stdin !== undefined ? { kind: 'input', input } : { kind: 'null' },
        w1 ? { kind: 'file', file: w1 } : o.stdout!(k),
        { kind: 'file', file: w2 },
      ],
    });
    if (w1) k.vfs.close(w1);
    k.vfs.close(w2);
    const [wstatus] = await Promise.all([h.exited, ended]);
    expect(k.bugs).toEqual([]);
    const status = (wstatus & 0x7f) === 0 ? wstatus >> 8 : 128 + (wstatus & 0x7f);
    const join = (cs: Uint8Array[]): string => cs.map((x) => decoder.decode(x, { stream: true })).join('') + decoder.decode();
    const after = c.after ? Object.fromEntries(Object.keys(c.after).map((p) => [p, describePath(k, p)])) : undefined;
    const times = c.times ? Object.fromEntries(Object.keys(c.times).map((p) => {
      const st = k.vfs.stat(k.rootContext(), p, false);
      return [p, `${st.atime.sec} ${st.mtime.sec}`];
    })) : undefined;
    return { out: join(out), err: join(err), status, ...(after ? { after } : {}), ...(times ? { times } : {}) };
  } finally {
    k.shutdown();
  }
}

/** What a case expects, in runCase's shape (so a failure shows one whole diff). */
export function expected(c: Case): Result {
  return {
    out: c.out ?? '', err: c.err ?? '', status: c.status ?? 0,
    ...(c.after ? { after: { ...c.after } } : {}), ...(c.times ? { times: { ...c.times } } : {}),
  };
}

/** Run a table: one test per case, comparing the whole result. */
export function table(cases: readonly Case[]): void {
  it.each(cases.map((c) => [title(c), c] as const))('%s', async (_t, c) => {
    expect(await runCase(c)).toEqual(expected(c));
  });
}

/** A readable title for a case. */
export function title(c: Case): string {
  return [...(c.name ? [`${c.name}:`] : []), ...(c.as && c.as !== 'root' ? [`(${c.as})`] : []), ...c.argv.map((a) => JSON.stringify(a).slice(1, -1) || "''"),
    ...(c.stdin !== undefined ? [`< ${JSON.stringify(c.stdin)}`] : [])].join(' ');
}
