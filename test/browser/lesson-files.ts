/// <reference types="vite/client" />
/** The lessons/ folder, bundled by Vite as text, as the browser harness's LessonFiles. */
import { bundledLessonFiles } from '../../src/lessons/bundled.js';
import type { LessonFiles } from '../../src/lessons/harness.js';

const raw = import.meta.glob<string>('/lessons/**/*.{json,js}', { query: '?raw', import: 'default', eager: true });

export const lessonFiles: LessonFiles = bundledLessonFiles(raw);
