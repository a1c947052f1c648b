/**
 * Driving the line editor on a pseudo-terminal: a small program (bundled here with esbuild, as
 * scripts/build.mjs bundles /bin) reads lines with LineEditor and reports each result on fd 2
 * (a pipe the test reads); the keys of each step are typed once the screen shows its text.
 */
import { TtyScreen, type Step } from '../tty/helpers.js';
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { boot } from '../../src/index.js';
import { DEFAULT_SYSTEM } from '../../src/cli/default-system.js';
import { HostInput } from '../../src/fs/hoststream.js';
import type { Kernel, StdioSpec } from '../../src/kernel/kernel.js';
import type { FileSpec } from '../../src/kernel/setup.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Reads lines until null (or `max` lines), printing `[line, canonical mode and echo back on]` as JSON on fd 2. */
const PROGRAM = `
import os, { termios } from 'posixbox/os';
import { LineEditor } from './src/shell/interactive/lineedit.ts';
export function main(argv) {
  const [, prompt, history, max] = argv;
  const ed = new LineEditor({ inFd: 0, outFd: 1, ...(history ? { historyFile: history } : {}) });
  for (let i = 0; i < Number(max); i++) {
    const line = ed.read(prompt);
    let restored = null;
    try { const m = termios.tcgetattr(0); restored = (m[3] & (termios.ICANON | termios.ECHO | termios.ISIG)) === (termios.ICANON | termios.ECHO | termios.ISIG); } catch {}
    os.writeAll(2, JSON.stringify([line, restored]) + '\\n');
    if (line === null) break;
  }
  return 0;
}
`;

/** The program's source, bundled (call once per test file, in beforeAll). */
export async function editorProgram(): Promise<string> {
  const r = await build({
    stdin: { contents: PROGRAM, resolveDir: ROOT, loader: 'js', sourcefile: 'edit-lines.js' },
    bundle: true, write: false, format: 'esm', platform: 'neutral', target: 'es2022',
    external: ['posixbox/os'], logLevel: 'warning',
  });
  return r.outputFiles[0]!.text;
}

export type { Step } from '../tty/helpers.js';

export interface EditRun {
  readonly screen: string;
  /** Each read()'s result and whether the terminal's modes were restored after it. */
  readonly results: ReadonlyArray<readonly [string | null, boolean | null]>;
  readonly status: number;
  readonly kernel: Kernel;
}

export interface EditOptions {
  readonly prompt?: string;
  readonly cols?: number;
  readonly historyFile?: string;
  readonly files?: readonly FileSpec[];
  readonly max?: number;
  /** Standard input from the host instead of the terminal (not a tty). */
  readonly stdin?: string;
}

/** Run the editor program (`source`, from editorProgram) on a fresh terminal, typing each step's keys when the screen shows its text. */
export async function editLines(source: string, steps: readonly Step[], o: EditOptions = {}): Promise<EditRun> {
  const k = boot({ ...DEFAULT_SYSTEM, ...(o.files ? { files: o.files } : {}), poolSize: 1 });
  const pty = k.openpty({ rows: 24, cols: o.cols ?? 80 });
  const screen = new TtyScreen(pty);
  const decoder = new TextDecoder();
  let err = '';
  let done!: () => void;
  const eof = new Promise<void>((r) => { done = r; });
  const w2 = k.capturePipe((b) => { err += decoder.decode(b, { stream: true }); }, () => done());
  let stdin: StdioSpec = { kind: 'tty', pty };
  if (o.stdin !== undefined) {
    const input = new HostInput();
    input.push(new TextEncoder().encode(o.stdin));
    input.end();
    stdin = { kind: 'input', input };
  }
  const h = k.spawn({
    program: { source, path: '/usr/local/bin/edit-lines' },
    argv: ['edit-lines', o.prompt ?? '$ ', o.historyFile ?? '', String(o.max ?? 20)],
    env: ['PATH=/bin:/usr/bin', 'HOME=/root'], uid: 0, gid: 0, cwd: '/root',
    stdio: [stdin, { kind: 'tty', pty }, { kind: 'file', file: w2 }],
  });
  k.vfs.close(w2);
  await screen.play(pty, steps);
  const [status] = await Promise.all([h.exited, eof]);
  const results = err.split('\n').filter(Boolean).map((l) => JSON.parse(l) as [string | null, boolean | null]);
  return { screen: screen.text, results, status, kernel: k };
}
