/**
 * Running a lesson as LESSONS.md §1.1 describes: a fresh deterministic kernel booted from the
 * lesson's fixture, the lesson process created directly with the fixture's identity, fd 0 on
 * /dev/null, fd 1 the write end of a pipe the harness reads, fd 2 a duplicate of fd 1; the run
 * ends at end of file on that pipe (every holder of the write end gone) and the process's exit.
 * Platform-neutral: the caller supplies boot() (Node or browser) and the lesson files.
 */
import type { BootOptions, Kernel, KernelBug } from '../kernel/kernel.js';
import { parseFixture } from '../kernel/fixture.js';

export type StdoutMode = 'unbuffered' | 'full' | 'line';

export interface ExerciseSpec {
  readonly title?: string;
  readonly program?: string;
  readonly argv?: readonly string[];
  readonly fixture?: string;
  readonly fixtureExtra?: { readonly files?: readonly unknown[] };
  readonly umask?: string;
  readonly stdoutMode?: StdoutMode;
  readonly runs?: number;
  readonly expected?: string | readonly string[];
  readonly expectedStatus?: number;
  readonly expectedLastLine?: string;
  readonly nextPid?: number;
  /** Capabilities the variant needs beyond the foundation (e.g. 'shell' for os.system). */
  readonly needs?: readonly string[];
  /** The exercise shows a deadlock: the kernel must report one (and kills the processes in it). */
  readonly expectedDeadlock?: boolean;
}

/**
 * What this build of posixbox can run. A variant needing something else is reported as
 * skipped, with what it waits for, rather than failed.
 */
export const CAPABILITIES: ReadonlySet<string> = new Set(['fs', 'credentials', 'clock', 'processes', 'pipes', 'shell']);

export interface LessonSpec {
  readonly id: string;
  readonly title?: string;
  readonly program: string;
  readonly argv: readonly string[];
  readonly stdoutMode: StdoutMode;
  readonly fixture: string;
  readonly nextPid: number;
  readonly expected?: string;
  readonly expectedStatus?: number;
  /** Named runs of the lesson itself ('default', '--as root'), each with its fixture and output. */
  readonly runs?: Readonly<Record<string, ExerciseSpec>>;
  readonly exercises?: Readonly<Record<string, ExerciseSpec>>;
}

/** Where lesson files come from (the filesystem in Node, bundled text in the browser). */
export interface LessonFiles {
  ids(): string[];
  lesson(id: string): LessonSpec;
  source(id: string, file: string): string;
  fixture(name: string): unknown;
}

export type BootFn = (options: Omit<BootOptions, 'workers'>) => Kernel;

export interface RunResult {
  readonly output: string;
  readonly status: number;
  readonly deadlock: string | undefined;
  readonly bugs: readonly KernelBug[];
}

/** One run of one program on a kernel (a fresh one unless given). */
export async function runProgram(
  boot: BootFn,
  files: LessonFiles,
  spec: { id: string; program: string; argv: readonly string[]; fixture: string; fixtureExtra?: ExerciseSpec['fixtureExtra'];
    stdoutMode: StdoutMode; nextPid: number; umask?: string | undefined; seed?: number },
  kernel?: Kernel,
): Promise<RunResult & { kernel: Kernel }> {
  const base = files.fixture(spec.fixture) as Record<string, unknown>;
  const extraFiles = spec.fixtureExtra?.files ?? [];
  const fx = parseFixture({ ...base, files: [...(base.files as unknown[] ?? []), ...extraFiles] });
  let deadlock: string | undefined;
  const k = kernel ?? boot({
    ...fx.system, nextPid: spec.nextPid ?? fx.process.pid, onDeadlock: (r) => { deadlock = r; },
    ...(spec.seed !== undefined ? { seed: spec.seed } : {}),
  });
  const chunks: Uint8Array[] = [];
  let eof!: () => void;
  const ended = new Promise<void>((resolve) => { eof = resolve; });
  const out = k.capturePipe((b) => chunks.push(b), () => eof());
  // The stdout mode is how the book ran the program (python -u or not), not part of it: set it
  // before the program's own statements, on its first line so line numbers stay the program's.
  const prologue = `import { setStdoutMode as __posixbox_mode } from 'posixbox/lesson'; __posixbox_mode(${JSON.stringify(spec.stdoutMode)});`;
  const text = files.source(spec.id, spec.program);
  const bang = text.startsWith('#!') ? text.indexOf('\n') + 1 : 0;
  const source = text.slice(0, bang) + prologue + text.slice(bang);
  const p = fx.process;
  const handle = k.spawn({
    program: { source, path: spec.argv[0] ?? spec.program },
    argv: spec.argv,
    env: p.env.map(([key, v]) => `${key}=${v}`),
    uid: p.uid, gid: p.gid, groups: p.groups, cwd: p.cwd, login: p.login,
    umask: spec.umask !== undefined ? parseInt(spec.umask, 8) : p.umask,
    stdio: [{ kind: 'null' }, { kind: 'file', file: out }, { kind: 'dup', fd: 1 }],
  });
  k.vfs.close(out);
  const [status] = await Promise.all([handle.exited, ended]);
  const total = chunks.reduce((s, c) => s + c.length, 0);
  const all = new Uint8Array(total);
  let off = 0;
  for (const c of chunks) { all.set(c, off); off += c.length; }
  return { output: new TextDecoder().decode(all), status, deadlock, bugs: [...k.bugs], kernel: k };
}

export interface CheckResult {
  /** 'stat', 'process-owner --as root', 'walk-E1', 'stat-chmod-E1-run2', … (Appendix D's keys). */
  readonly name: string;
  readonly pass: boolean;
  /** Not run: it needs a capability this build lacks (named in detail). */
  readonly skipped?: boolean;
  readonly output: string;
  readonly expected: string;
  readonly detail: string;
}

function judge(name: string, r: RunResult, x: ExerciseSpec, expected: string | undefined): CheckResult {
  const wantStatus = x.expectedStatus ?? 0;
  const problems: string[] = [];
  if (expected !== undefined && r.output !== expected) problems.push('output differs');
  if (x.expectedLastLine !== undefined) {
    const lines = r.output.replace(/\n$/, '').split('\n');
    if (lines[lines.length - 1] !== x.expectedLastLine) problems.push(`last line is ${JSON.stringify(lines[lines.length - 1])}`);
  }
  const code = (r.status >> 8) & 0xff;
  if (x.expectedDeadlock) {
    // The deadlock is the lesson: the report must come, and the kernel's SIGKILL ends the program.
    if (!r.deadlock) problems.push('no deadlock was reported');
    else if ((r.status & 0x7f) !== 9) problems.push(`status ${r.status}, expected the deadlock's SIGKILL`);
  } else {
    if ((r.status & 0x7f) !== 0) problems.push(`killed by signal ${r.status & 0x7f}`);
    else if (code !== wantStatus) problems.push(`exit status ${code}, expected ${wantStatus}`);
    if (r.deadlock) problems.push(r.deadlock.trimEnd());
  }
  if (r.bugs.length) problems.push(`kernel bug: ${r.bugs.map((b) => b.error).join('; ')}`);
  return { name, pass: problems.length === 0, output: r.output, expected: expected ?? '', detail: problems.join('; ') };
}

/** Run one named variant: '' (the lesson), a named run ('--as root'), or an exercise ('E1'). */
export async function checkVariant(boot: BootFn, files: LessonFiles, id: string, variant: string): Promise<CheckResult[]> {
  const lesson = files.lesson(id);
  const base = {
    id, program: lesson.program, argv: lesson.argv, fixture: lesson.fixture, stdoutMode: lesson.stdoutMode,
    nextPid: lesson.nextPid,
  };
  const namedRuns = lesson.runs;
  if (!variant.startsWith('E')) {
    const run = namedRuns?.[variant || 'default'];
    if (variant && !run) throw new Error(`lesson ${id} has no run '${variant}'`);
    const spec = { ...base, ...(run ?? {}), program: run?.program ?? base.program, argv: run?.argv ?? base.argv,
      fixture: run?.fixture ?? base.fixture, stdoutMode: run?.stdoutMode ?? base.stdoutMode };
    const r = await runProgram(boot, files, spec);
    r.kernel.shutdown();
    const expected = run?.expected ?? lesson.expected;
    return [judge(variant ? `${id} ${variant}` : id, r, run ?? {}, typeof expected === 'string' ? expected : undefined)];
  }
  const x = lesson.exercises?.[variant];
  if (!x) throw new Error(`lesson ${id} has no exercise ${variant}`);
  const missing = (x.needs ?? []).filter((n) => !CAPABILITIES.has(n));
  if (missing.length > 0) {
    return [{ name: `${id}-${variant}`, pass: false, skipped: true, output: '', expected: '', detail: `needs ${missing.join(', ')}` }];
  }
  const spec = {
    ...base, program: x.program ?? base.program, argv: x.argv ?? base.argv, fixture: x.fixture ?? base.fixture,
    stdoutMode: x.stdoutMode ?? base.stdoutMode, nextPid: x.nextPid ?? base.nextPid, umask: x.umask,
    ...(x.fixtureExtra ? { fixtureExtra: x.fixtureExtra } : {}),
  };
  const runs = x.runs ?? 1;
  const results: CheckResult[] = [];
  let kernel: Kernel | undefined;
  for (let i = 0; i < runs; i++) {
    const r = await runProgram(boot, files, spec, kernel);
    kernel = r.kernel;
    const expected = Array.isArray(x.expected) ? x.expected[i] : x.expected;
    results.push(judge(runs > 1 ? `${id}-${variant}-run${i + 1}` : `${id}-${variant}`, r, x, expected as string | undefined));
  }
  kernel?.shutdown();
  return results;
}

/** Every variant of every lesson: the lesson, its named runs, its exercises. */
export function variantsOf(files: LessonFiles, id: string): string[] {
  const lesson = files.lesson(id);
  const named = Object.keys(lesson.runs ?? {}).filter((n) => n !== 'default');
  return ['', ...named, ...Object.keys(lesson.exercises ?? {})];
}

export async function checkAll(boot: BootFn, files: LessonFiles, onResult?: (r: CheckResult) => void): Promise<CheckResult[]> {
  const all: CheckResult[] = [];
  for (const id of files.ids()) {
    for (const v of variantsOf(files, id)) {
      for (const r of await checkVariant(boot, files, id, v)) {
        all.push(r);
        onResult?.(r);
      }
    }
  }
  return all;
}
