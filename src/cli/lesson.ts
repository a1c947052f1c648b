/**
 * `posixbox lesson` runs one classroom lesson (or lists them, or checks them all) and `posixbox
 * lessons` runs every lesson, showing each output; each lesson on a fresh kernel (the harness).
 */
import { boot } from '../index.js';
import { CAPABILITIES, checkAll, checkVariant, runProgram, type CheckResult } from '../lessons/harness.js';
import { UsageError } from './args.js';
import { nodeLessonFiles } from './files.js';
import { exitCodeOf, flushed } from './util.js';

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

export async function cmdLesson(argv: string[]): Promise<number> {
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
export async function cmdLessons(): Promise<number> {
  const files = nodeLessonFiles();
  process.stdout.write('posixbox: the classroom lessons of the os chapter, each on a fresh kernel\n\n');
  const results = await checkAll(boot, files, (r) => {
    const verdict = r.skipped ? `(skipped: ${r.detail})` : r.pass ? '(matches the expected output)' : `(FAIL: ${r.detail})`;
    process.stdout.write(`── ${r.name} ${verdict}\n${r.output}\n`);
  });
  process.stdout.write(`${summary(results)}\n`);
  return results.some((r) => !r.pass && !r.skipped) ? 1 : 0;
}
