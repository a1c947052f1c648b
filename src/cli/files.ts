/** Lesson files from the package's lessons/ folder (Node). */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { LessonFiles, LessonSpec } from '../lessons/harness.js';

export function lessonsDir(): string {
  const here = import.meta.url;
  return fileURLToPath(here.endsWith('.ts') ? new URL('../../lessons/', here) : new URL('../lessons/', here));
}

export function nodeLessonFiles(dir = lessonsDir()): LessonFiles {
  return {
    ids: () => readdirSync(dir).filter((d) => existsSync(join(dir, d, 'lesson.json'))).sort(),
    lesson: (id) => {
      const p = join(dir, id, 'lesson.json');
      if (!existsSync(p)) throw new Error(`no lesson '${id}' (see posixbox lesson --list)`);
      return JSON.parse(readFileSync(p, 'utf8')) as LessonSpec;
    },
    source: (id, file) => readFileSync(join(dir, id, file), 'utf8'),
    fixture: (name) => JSON.parse(readFileSync(join(dir, 'fixtures', `${name}.json`), 'utf8')) as unknown,
  };
}
