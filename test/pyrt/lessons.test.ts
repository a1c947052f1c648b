import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { transformSync } from 'esbuild';
import { describe, expect, it } from 'vitest';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const LESSONS_DIR = join(REPO, 'lessons');
const SPEC = join(REPO, '..', 'shared', 'LESSONS.md');

/** The lessons this suite covers: every folder under lessons/ with a lesson.json. */
const IDS = readdirSync(LESSONS_DIR).filter((d) => existsSync(join(LESSONS_DIR, d, 'lesson.json')));

type Expected = string | string[];
interface Exercise {
  title?: string;
  program: string;
  argv?: string[];
  fixture?: string;
  fixtureExtra?: { files?: FixtureFile[] };
  umask?: string;
  runs?: number;
  expected?: Expected;
  expectedStatus?: number;
  expectedLastLine?: string;
  expectedDeadlock?: boolean;
}
interface Lesson {
  id: string;
  title: string;
  section: string;
  bookProgram: string;
  program: string;
  argv: string[];
  stdoutMode: 'unbuffered' | 'full' | 'line';
  fixture: string;
  nextPid: number;
  runs?: Record<string, { fixture: string; expected: string }>;
  exercises: Record<string, Exercise>;
  expected: string;
}
interface FixtureFile {
  path: string;
  type: 'dir' | 'file' | 'symlink';
  mode?: string;
  uid?: number;
  gid?: number;
  mtime?: number;
  size?: number;
  content?: string;
  target?: string;
}
interface Fixture {
  clock: string;
  rootDev: number;
  tmpMode: string;
  users: Array<{ name: string; uid: number; gid: number; home: string; shell: string; password: string }>;
  groups: Array<{ name: string; gid: number; members: string[] }>;
  files: FixtureFile[];
  process: {
    uid: number; gid: number; groups: number[]; login: string; umask: string; cwd: string;
    env: Array<[string, string]>; pid: number;
  };
}

const readJson = <T>(...parts: string[]): T => JSON.parse(readFileSync(join(...parts), 'utf8')) as T;
const lessonOf = (id: string): Lesson => readJson<Lesson>(LESSONS_DIR, id, 'lesson.json');

/** Appendix D of LESSONS.md: the one JSON block after its heading. */
function appendixD(markdown: string): { lessons: Record<string, string>; exercises: Record<string, string> } {
  const start = markdown.indexOf('## Appendix D');
  const match = /```json\n([\s\S]*?)\n```/.exec(markdown.slice(start));
  if (start < 0 || !match) throw new Error('LESSONS.md has no Appendix D JSON block');
  return JSON.parse(match[1]!);
}

describe('lesson.json expected outputs', () => {
  const title = existsSync(SPEC)
    ? 'equal Appendix D of ../shared/LESSONS.md'
    : `equal Appendix D of ../shared/LESSONS.md — SKIPPED: ${SPEC} not found`;
  it.skipIf(!existsSync(SPEC))(title, () => {
    const d = appendixD(readFileSync(SPEC, 'utf8'));
    const covered = new Set<string>();
    for (const id of IDS) {
      const lesson = lessonOf(id);
      expect(lesson.expected, id).toBe(d.lessons[id]);
      covered.add(`lessons/${id}`);
      for (const [run, { expected }] of Object.entries(lesson.runs ?? {})) {
        const key = run === 'default' ? id : `${id} ${run}`;
        expect(expected, key).toBe(d.lessons[key]);
        covered.add(`lessons/${key}`);
      }
      for (const [name, ex] of Object.entries(lesson.exercises)) {
        const key = `${id}-${name}`;
        if (Array.isArray(ex.expected)) {
          ex.expected.forEach((e, i) => {
            expect(e, `${key}-run${i + 1}`).toBe(d.exercises[`${key}-run${i + 1}`]);
            covered.add(`exercises/${key}-run${i + 1}`);
          });
          expect(ex.expected.length, key).toBe(ex.runs);
        } else if (ex.expected !== undefined && ex.expectedDeadlock && d.exercises[key] === undefined) {
          // A deadlock exercise: Appendix D has no entry; its text gives the output so far.
          expect(ex.expected, key).toMatch(/^[^\n]*\n$/);
        } else if (ex.expected !== undefined) {
          expect(ex.expected, key).toBe(d.exercises[key]);
          covered.add(`exercises/${key}`);
        } else {
          // An outcome without an Appendix D entry (an error exit) is stated another way.
          expect(d.exercises[key], key).toBeUndefined();
          expect(ex.expectedStatus, key).toBeTypeOf('number');
        }
      }
    }
    // Every Appendix D entry of these lessons has a home in some lesson.json.
    const mine = (k: string) => IDS.some((id) => k === id || k.startsWith(`${id} `) || k.startsWith(`${id}-E`));
    const want = [
      ...Object.keys(d.lessons).filter(mine).map((k) => `lessons/${k}`),
      ...Object.keys(d.exercises).filter(mine).map((k) => `exercises/${k}`),
    ];
    expect([...covered].sort()).toEqual(want.sort());
  });
});

describe.each(IDS)('lesson %s', (id) => {
  const lesson = lessonOf(id);
  const programs = new Set([lesson.program, ...Object.values(lesson.exercises).map((e) => e.program)]);

  it('has the lesson.json fields the runner reads', () => {
    expect(lesson.id).toBe(id);
    expect(['unbuffered', 'full', 'line']).toContain(lesson.stdoutMode);
    expect(['F0', 'F0-root']).toContain(lesson.fixture);
    expect(lesson.argv[0]).toBe(lesson.bookProgram);
    expect(Number.isInteger(lesson.nextPid) && lesson.nextPid >= 2).toBe(true);
    for (const ex of Object.values(lesson.exercises)) {
      expect(ex.expected !== undefined || ex.expectedStatus !== undefined).toBe(true);
      if (ex.fixture !== undefined) expect(['F0', 'F0-root']).toContain(ex.fixture);
      if (ex.umask !== undefined) expect(ex.umask).toMatch(/^0[0-7]{2,3}$/);
    }
  });

  it.each([...programs])('%s is plain JavaScript ESM exporting main, naming the book program', (file) => {
    const src = readFileSync(join(LESSONS_DIR, id, file), 'utf8');
    expect(src.startsWith(`// ${lesson.bookProgram} `)).toBe(true);
    expect(() => transformSync(src, { loader: 'js', format: 'esm' })).not.toThrow();
    expect(src).toMatch(/^export function main\(argv\) \{$/m);
    const imports = [...src.matchAll(/^import .* from '([^']+)';$/gm)].map((m) => m[1]);
    for (const spec of imports) expect(['posixbox/os', 'posixbox/lesson']).toContain(spec);
  });
});

describe('fixtures F0 and F0-root (LESSONS.md §1.5)', () => {
  const f0 = readJson<Fixture>(LESSONS_DIR, 'fixtures', 'F0.json');
  const root = readJson<Fixture>(LESSONS_DIR, 'fixtures', 'F0-root.json');
  const OS = '/Users/dhellmann/Documents/PyMOTW/book/PyMOTW/os';
  const ZI = '/Users/dhellmann/Documents/PyMOTW/book/PyMOTW/zipimport';
  const byPath = new Map(f0.files.map((f) => [f.path, f]));

  it('has the kernel options and the lesson process', () => {
    expect(f0.clock).toBe('2010-12-04T19:47:07Z');
    expect(Date.parse(f0.clock) / 1000).toBe(1291492027);
    expect(f0.rootDev).toBe(234881026);
    expect(f0.tmpMode).toBe('01777');
    expect(f0.process).toMatchObject({
      uid: 527, gid: 501, groups: [501, 102, 204, 100, 98, 80, 61, 12, 500, 101],
      login: 'dhellmann', umask: '022', cwd: OS, pid: 14100,
    });
    expect(f0.process.env.map(([k, v]) => `${k}=${v}`)).toEqual([
      'HOME=/Users/dhellmann',
      'LOGNAME=dhellmann',
      'PATH=/bin:/usr/bin',
      `PWD=${OS}`,
      'SHELL=/bin/sh',
      'TMPDIR=/var/folders/9R/9R1t+tR02Raxzk+F71Q50U+++Uw/-Tmp-/',
      'TZ=EST5EDT,M3.2.0,M11.1.0',
      'USER=dhellmann',
    ]);
  });

  it('F0-root differs only in the credentials', () => {
    expect(root.process).toEqual({
      ...f0.process, uid: 0, gid: 0, groups: [0, 204, 100, 98, 80, 61, 29, 20, 12, 9, 8, 5, 4, 3, 2, 1],
    });
    const { description: _a, process: _b, ...restRoot } = root as Fixture & { description?: string };
    const { description: _c, process: _d, ...restF0 } = f0 as Fixture & { description?: string };
    expect(restRoot).toEqual(restF0);
  });

  it('names every gid either process uses, and both users', () => {
    const gids = new Set(f0.groups.map((g) => g.gid));
    for (const gid of [...f0.process.groups, ...root.process.groups, 0, 501]) expect(gids).toContain(gid);
    expect(f0.groups.map((g) => g.gid)).toEqual([...gids]); // no duplicates
    expect(f0.users.map((u) => [u.name, u.uid, u.gid, u.home, u.shell])).toEqual([
      ['root', 0, 0, '/var/root', '/bin/sh'],
      ['dhellmann', 527, 501, '/Users/dhellmann', '/bin/sh'],
    ]);
  });

  it('holds the 22 scripts of Appendix A', () => {
    const scripts = f0.files.filter((f) => f.path.startsWith(`${OS}/`));
    expect(scripts).toHaveLength(22);
    for (const s of scripts) {
      expect(s).toMatchObject({ type: 'file', mode: '0644', uid: 527, gid: 501, mtime: 1289745636 });
      expect(s.size).toBeGreaterThan(0);
    }
    expect(byPath.get(`${OS}/os_stat.py`)?.size).toBe(1516);
  });

  it('holds the zipimport tree of the walk lesson', () => {
    const under = (dir: string) =>
      f0.files.filter((f) => f.path.startsWith(`${dir}/`) && !f.path.slice(dir.length + 1).includes('/'));
    const top = under(ZI);
    expect(top.filter((f) => f.type === 'file')).toHaveLength(22);
    expect(top.filter((f) => f.type === 'dir').map((f) => f.path)).toEqual([`${ZI}/example_package`]);
    expect(under(`${ZI}/example_package`).map((f) => f.path.split('/').pop()).sort()).toEqual([
      'README.txt', '__init__.py', '__init__.pyc',
    ]);
  });

  it('has the directories of §1.5 with their owners and modes', () => {
    const dir = (p: string) => {
      const f = byPath.get(p);
      return f && [f.type, f.mode, f.uid, f.gid];
    };
    expect(dir('/tmp')).toEqual(['dir', '01777', 0, 0]);
    expect(dir('/Users')).toEqual(['dir', '0755', 0, 0]);
    expect(dir('/var/folders/9R/9R1t+tR02Raxzk+F71Q50U+++Uw/-Tmp-')).toEqual(['dir', '0700', 527, 501]);
    for (const p of ['/Users/dhellmann', '/Users/dhellmann/Documents', OS, ZI]) {
      expect(dir(p)).toEqual(['dir', '0755', 527, 501]);
    }
    expect(f0.files.filter((f) => f.path.startsWith('/tmp/'))).toEqual([]);
  });
});
