/**
 * Lesson files from bundled text (the browser): a map from path to file text, as a bundler's
 * glob import gives it, e.g. with Vite
 *
 *     const raw = import.meta.glob('/lessons/**\/*.{json,js}', { query: '?raw', import: 'default', eager: true });
 *     const files = bundledLessonFiles(raw as Record<string, string>);
 *
 * Paths are taken relative to their last `lessons/` segment: `/lessons/walk/lesson.json`,
 * `/lessons/fixtures/F0.json`. Platform-neutral; the Node counterpart is src/cli/files.ts.
 */
import type { LessonFiles, LessonSpec } from './harness.js';

export function bundledLessonFiles(raw: Readonly<Record<string, string>>): LessonFiles {
  const text = new Map<string, string>();
  for (const [path, body] of Object.entries(raw)) {
    const at = path.lastIndexOf('lessons/');
    text.set(at >= 0 ? path.slice(at + 'lessons/'.length) : path.replace(/^\/+/, ''), body);
  }
  const read = (rel: string, what: string): string => {
    const t = text.get(rel);
    if (t === undefined) throw new Error(`no ${what} '${rel}' among the bundled lesson files`);
    return t;
  };
  return {
    ids: () => [...text.keys()]
      .filter((p) => /^[^/]+\/lesson\.json$/.test(p))
      .map((p) => p.slice(0, p.indexOf('/')))
      .sort(),
    lesson: (id) => JSON.parse(read(`${id}/lesson.json`, 'lesson')) as LessonSpec,
    source: (id, file) => read(`${id}/${file}`, 'lesson file'),
    fixture: (name) => JSON.parse(read(`fixtures/${name}.json`, 'fixture')) as unknown,
  };
}
