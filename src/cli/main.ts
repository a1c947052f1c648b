/**
 * The posixbox command. No arguments (or only options, or `-c COMMAND`): the shell sandbox
 * (shell.ts). `run` boots a kernel and runs a program as a process with the terminal as its stdio;
 * `lesson` runs one classroom lesson or checks them all; `lessons` runs every lesson, showing each
 * output.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { boot } from '../index.js';
import { parseFixture, type Fixture } from '../kernel/fixture.js';
import { CAPABILITIES, checkAll, checkVariant, runProgram, type CheckResult } from '../lessons/harness.js';
import { parseRunOptions, USAGE, UsageError, type RunOptions } from './args.js';
import { DEFAULT_SYSTEM } from './default-system.js';
import { nodeLessonFiles } from './files.js';
import { hostStdio } from './terminal.js';
import { resolveIdentity } from './identity.js';
import { cmdShell } from './shell.js';
import { exitCodeOf, flushed, runToEnd } from './util.js';
import { DEFAULT_FS_SIZE } from '../fs/space.js';

async function cmdRun(argv: string[]): Promise<number> {
  const { opts, rest } = parseRunOptions(argv);
  const [programPath, ...args] = rest;
  if (!programPath) throw new UsageError('run: which program?');
  const fx = opts.fixture ? parseFixture(JSON.parse(readFileSync(opts.fixture, 'utf8')) as unknown) : undefined;
  const id = resolveIdentity(opts, fx, fx?.system ?? DEFAULT_SYSTEM);
  const source = readFileSync(programPath, 'utf8');
  const k = boot({
    ...(fx?.system ?? DEFAULT_SYSTEM),
    ...(opts.clock !== undefined ? { clock: opts.clock } : {}),
    ...(opts.seed !== undefined ? { seed: opts.seed } : {}),
    ...(opts.nextPid !== undefined ? { nextPid: opts.nextPid } : fx?.process.pid !== undefined ? { nextPid: fx.process.pid } : {}),
    realtime: opts.realtime,
    ...(opts.strace ? { strace: (line: string) => process.stderr.write(line) } : {}),
    onDeadlock: (report) => process.stderr.write(`posixbox: ${report}`),
    fsSize: opts.fsSize ?? DEFAULT_FS_SIZE,
    // The OOM killer's line; on a terminal the kernel writes it there itself (oom.ts).
    onDiagnostic: (m) => { if (!(process.stdin.isTTY === true) && m.startsWith('Out of memory')) process.stderr.write(m); },
  });
  const cwd = opts.cwd ?? (fx && opts.user === undefined ? fx.process.cwd : id.home);
  const env = new Map<string, string>(fx && opts.user === undefined ? fx.process.env.map(([a, b]) => [a, b]) : [
    ['HOME', id.home], ['LOGNAME', id.login], ['PATH', '/bin:/usr/bin'], ['PWD', cwd], ['SHELL', '/bin/sh'], ['USER', id.login],
  ]);
  if (opts.tz !== undefined) env.set('TZ', opts.tz);
  for (const kv of opts.env) env.set(kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1));
  const host = hostStdio(k, id.uid);
  return runToEnd(k, host, {
    program: { source, path: resolve(programPath) },
    argv: [programPath, ...args],
    env: [...env].map(([a, b]) => `${a}=${b}`),
    uid: id.uid, gid: id.gid, groups: id.groups, cwd, login: id.login,
    umask: fx && opts.user === undefined ? fx.process.umask : 0o022,
  });
}

function report(r: CheckResult): void {
  if (r.skipped) {
    process.stdout.write(`skip  ${r.name}: ${r.detail}\n`);
    return;
  }
  process.stdout.write(`${r.pass ? 'pass' : 'FAIL'}  ${r.name}${r.pass ? '' : `: ${r.detail}`}\n`);
  if (!r.pass && r.expected !== '' && r.output !== r.expected) {
    process.stdout.write(`      expected ${JSON.stringify(r.expected)}\n      got      ${JSON.stringify(r.output)}\n`);
  }
}

function summary(results: readonly CheckResult[]): string {
  const skipped = results.filter((r) => r.skipped).length;
  const failed = results.filter((r) => !r.pass && !r.skipped).length;
  const passed = results.length - skipped - failed;
  return `${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped (waiting for later issues)` : ''}`;
}

async function cmdLesson(argv: string[]): Promise<number> {
  const files = nodeLessonFiles();
  if (argv[0] === '--list') {
    for (const id of files.ids()) process.stdout.write(`${id}\t${files.lesson(id).title ?? ''}\n`);
    return 0;
  }
  if (argv[0] === '--check') {
    const results = await checkAll(boot, files, report);
    process.stdout.write(`${summary(results)}\n`);
    return results.some((r) => !r.pass && !r.skipped) ? 1 : 0;
  }
  const id = argv[0];
  if (!id || id.startsWith('-')) throw new UsageError('lesson: which lesson? (posixbox lesson --list)');
  let variant = '';
  for (let i = 1; i < argv.length; i++) {
    if (argv[i] === '--as' && argv[i + 1] === 'root') { variant = '--as root'; i++; }
    else if (argv[i] === '--exercise' && argv[i + 1]) { variant = argv[++i]!; }
    else if (argv[i]!.startsWith('--exercise=')) variant = argv[i]!.slice('--exercise='.length);
    else throw new UsageError(`lesson: unexpected argument ${argv[i]}`);
  }
  const lesson = files.lesson(id);
  if (variant !== '' && !variant.startsWith('E') && !lesson.runs?.[variant]) throw new UsageError(`lesson ${id} has no run '${variant}'`);
  if (variant.startsWith('E') && !lesson.exercises?.[variant]) throw new UsageError(`lesson ${id} has no exercise ${variant}`);
  // Show the output as the program printed it; the exit status is the program's.
  const x = variant.startsWith('E') ? lesson.exercises![variant]! : lesson.runs?.[variant || 'default'] ?? {};
  const missing = (x.needs ?? []).filter((n) => !CAPABILITIES.has(n));
  if (missing.length > 0) {
    process.stderr.write(`posixbox: ${id} ${variant} needs ${missing.join(', ')}, which a later issue brings\n`);
    return 2;
  }
  const results = variant.startsWith('E') && (x.runs ?? 1) > 1 ? await checkVariant(boot, files, id, variant) : undefined;
  if (results) {
    for (const r of results) process.stdout.write(r.output);
    await flushed(process.stdout);
    return 0;
  }
  const r = await runProgram(boot, files, {
    id, program: x.program ?? lesson.program, argv: x.argv ?? lesson.argv, fixture: x.fixture ?? lesson.fixture,
    stdoutMode: x.stdoutMode ?? lesson.stdoutMode, nextPid: x.nextPid ?? lesson.nextPid, umask: x.umask,
    ...(x.fixtureExtra ? { fixtureExtra: x.fixtureExtra } : {}),
  });
  r.kernel.shutdown();
  process.stdout.write(r.output);
  if (r.deadlock) process.stderr.write(`posixbox: ${r.deadlock}`);
  await flushed(process.stdout);
  return exitCodeOf(r.status);
}

/** `posixbox lessons`: every lesson on a fresh kernel, each with its output and verdict. */
async function cmdLessons(): Promise<number> {
  const files = nodeLessonFiles();
  process.stdout.write('posixbox: the classroom lessons of the os chapter, each on a fresh kernel\n\n');
  const results = await checkAll(boot, files, (r) => {
    const verdict = r.skipped ? `(skipped: ${r.detail})` : r.pass ? '(matches the expected output)' : `(FAIL: ${r.detail})`;
    process.stdout.write(`── ${r.name} ${verdict}\n${r.output}\n`);
  });
  process.stdout.write(`${summary(results)}\n`);
  return results.some((r) => !r.pass && !r.skipped) ? 1 : 0;
}

export async function main(argv: string[]): Promise<number> {
  try {
    const [cmd, ...rest] = argv;
    switch (cmd) {
      case undefined: return await cmdShell([]);
      case 'lessons':
        if (rest.length > 0) throw new UsageError(`lessons: unexpected argument '${rest[0]}'`);
        return await cmdLessons();
      case 'run': return await cmdRun(rest);
      case 'lesson': return await cmdLesson(rest);
      case '-h': case '--help': case 'help':
        process.stdout.write(USAGE);
        return 0;
      default:
        if (cmd.startsWith('-')) return await cmdShell(argv);
        throw new UsageError(`unknown command '${cmd}'`);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`posixbox: ${e.message}\n${USAGE}`);
      return 2;
    }
    process.stderr.write(`posixbox: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
}
