/** Every lesson and exercise available so far, through the real kernel, byte for byte. */
import { describe, expect, it } from 'vitest';
import { boot } from '../src/index.js';
import { checkVariant, runProgram, variantsOf } from '../src/lessons/harness.js';
import { nodeLessonFiles } from '../src/cli/files.js';

const files = nodeLessonFiles();

describe('lessons', () => {
  for (const id of files.ids()) {
    for (const v of variantsOf(files, id)) {
      it(`${id}${v ? ` ${v}` : ''}`, async () => {
        for (const r of await checkVariant(boot, files, id, v)) {
          if (r.skipped) continue;
          expect({ name: r.name, output: r.output, detail: r.detail }).toEqual({ name: r.name, output: r.expected || r.output, detail: '' });
        }
      });
    }
  }
});

/**
 * With a seed the scheduler makes other choices (LESSONS.md §1.4): the process lessons must
 * still print the same lines, each process's own lines in program order.
 */
describe('process lessons under other seeds', () => {
  const owner = (line: string): string => (/^(PARENT|CHILD|WORKER \d+|Received)/.exec(line)?.[1] ?? 'other');
  for (const id of ['fork', 'kill', 'wait', 'waitpid']) {
    if (!files.ids().includes(id)) continue;
    it(`${id} keeps its lines and each process's order with seeds 1..5`, async () => {
      const lesson = files.lesson(id);
      const expected = lesson.expected ?? '';
      for (let seed = 1; seed <= 5; seed++) {
        const r = await runProgram(boot, files, { ...lesson, id, seed });
        r.kernel.shutdown();
        const got = r.output.split('\n');
        const want = expected.split('\n');
        expect([...got].sort()).toEqual([...want].sort());
        for (const who of new Set(want.map(owner))) {
          if (who === 'other') continue;
          expect(got.filter((l) => owner(l) === who)).toEqual(want.filter((l) => owner(l) === who));
        }
      }
    });
  }
});

/** Lessons whose waits fix the order completely: every seed prints the expected bytes. */
describe('shell and pipe lessons under other seeds', () => {
  for (const id of ['system-background', 'popen', 'popen4', 'environ']) {
    if (!files.ids().includes(id)) continue;
    it(`${id} prints the same bytes with seeds 1..5`, async () => {
      const lesson = files.lesson(id);
      for (let seed = 1; seed <= 5; seed++) {
        const r = await runProgram(boot, files, { ...lesson, id, seed });
        r.kernel.shutdown();
        expect(r.output).toBe(lesson.expected ?? '');
      }
    });
  }
});
