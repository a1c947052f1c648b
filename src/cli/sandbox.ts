/**
 * The system `posixbox` (the interactive shell) and `posixbox -c` boot: the default users (root,
 * alice 1000, bob 1001, with the passwords root, alice and bob), their groups (users, students),
 * and on top of what setupSystem writes:
 *
 *   /etc/sudoers   root and alice may run anything (alice with her password); bob is not in it
 *   /etc/profile   PATH and PS1 for login shells;  /etc/shells  /bin/sh;  /etc/motd  the welcome
 *   /usr/share/lessons/<id>/   each classroom lesson: its programs (runnable: mode 0755),
 *                  lesson.json, the book's output as `expected`, and a README
 *
 * /bin/su and /bin/sudo are set-user-ID root (kernel/setup.ts installs them so), so alice and bob
 * can use them.
 */
import { DEFAULT_SYSTEM } from './default-system.js';
import type { FileSpec, SystemSpec } from '../kernel/setup.js';
import type { Kernel } from '../kernel/kernel.js';
import type { LessonFiles, LessonSpec } from '../lessons/harness.js';

export const SUDOERS = `# /etc/sudoers: who may run what as whom (see sudo's header comment for the subset understood)
#   USER HOST=(RUNAS) [NOPASSWD:] COMMANDS
root    ALL=(ALL:ALL) ALL
alice   ALL=(ALL:ALL) ALL
`;

export const PROFILE = `# /etc/profile: run by login shells
PATH=/usr/local/bin:/usr/bin:/bin
if [ "$(id -u)" -eq 0 ]; then
  PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
  PS1='$USER@posixbox:$PWD# '
else
  PS1='$USER@posixbox:$PWD$ '
fi
export PATH
`;

/** What login prints before the first prompt. */
export const MOTD = `Welcome to posixbox: a POSIX system in your terminal, with nothing to break.

  Users: alice, bob and root; each one's password is the user name.
         su and sudo switch between them (alice may use sudo; bob may not).
  Lessons: /usr/share/lessons (start with cat /usr/share/lessons/README).
  Leave with exit or ^D.

`;


/** The program files a lesson names: its own, its named runs', its exercises'. */
function programsOf(lesson: LessonSpec): string[] {
  const names = [lesson.program, ...Object.values(lesson.runs ?? {}).map((r) => r.program),
    ...Object.values(lesson.exercises ?? {}).map((x) => x.program)];
  return [...new Set(names.filter((n): n is string => typeof n === 'string'))].sort();
}

function readme(id: string, lesson: LessonSpec & { readonly section?: string }, programs: readonly string[]): string {
  const exercises = Object.entries(lesson.exercises ?? {})
    .map(([name, x]) => `  ${name}  ${x.title ?? ''}${x.program && x.program !== lesson.program ? ` (${x.program})` : ''}`);
  return [
    `${lesson.title ?? id}${lesson.section && lesson.section !== lesson.title ? ` (${lesson.section})` : ''}`,
    '',
    `A lesson of the os chapter of Python Module of the Week, as a posixbox program.`,
    '',
    `  ${programs.join(' ')}   the lesson's programs; run one here: /usr/share/lessons/${id}/${lesson.program}`,
    `  expected     what it prints on the lesson's own system (fixture ${lesson.fixture}), which differs from this one`,
    `  lesson.json  how it is run and checked: npx posixbox lesson ${id} (or lesson --check) on the host`,
    ...(exercises.length > 0 ? ['', 'Exercises:', ...exercises] : []),
    '',
  ].join('\n');
}

/** The files of /usr/share/lessons from the lesson files (Node: the lessons/ folder). */
export function lessonFiles(files: LessonFiles): FileSpec[] {
  const out: FileSpec[] = [];
  const index: string[] = [];
  for (const id of files.ids()) {
    const lesson = files.lesson(id);
    const dir = `/usr/share/lessons/${id}`;
    const programs = programsOf(lesson);
    for (const p of programs) out.push({ path: `${dir}/${p}`, mode: '0755', content: files.source(id, p) });
    out.push({ path: `${dir}/lesson.json`, content: `${JSON.stringify(lesson, null, 2)}\n` });
    const expected = lesson.expected ?? lesson.runs?.default?.expected;
    if (typeof expected === 'string') out.push({ path: `${dir}/expected`, content: expected });
    out.push({ path: `${dir}/README`, content: readme(id, lesson, programs) });
    index.push(`${id.padEnd(14)} ${lesson.title ?? ''}`);
  }
  out.push({ path: '/usr/share/lessons/README', content: `The classroom lessons, one directory each:\n\n${index.join('\n')}\n` });
  return out;
}

/** The sandbox's system: the default users and groups, /etc and the lessons. */
export function sandboxSystem(lessons?: LessonFiles): SystemSpec {
  return {
    ...DEFAULT_SYSTEM,
    files: [
      ...(DEFAULT_SYSTEM.files ?? []),
      { path: '/etc/sudoers', mode: '0440', content: SUDOERS },
      { path: '/etc/profile', content: PROFILE },
      { path: '/etc/shells', content: '/bin/sh\n' },
      { path: '/etc/motd', content: MOTD },
      ...(lessons ? lessonFiles(lessons) : []),
    ],
  };
}

