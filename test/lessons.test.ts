/** Every lesson and exercise available so far, through the real kernel, byte for byte. */
import { describe, expect, it } from 'vitest';
import { boot } from '../src/index.js';
import { checkVariant, variantsOf } from '../src/lessons/harness.js';
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
