/**
 * The shell sandbox in a real terminal: `node bin/posixbox.mjs` runs in a tmux pane (its own tmux
 * server, on a private socket), the test types keys with `send-keys` and reads the screen with
 * `capture-pane -p`. Each step waits, with a bound, until the screen shows what it expects.
 *
 * Signals from the keyboard (^C, ^Z) go to the terminal's foreground process group, which is a
 * job's from its start (posix_spawn hands it the terminal); a key sent before the job is started
 * reaches the shell itself, which ignores it. So a step that interrupts or stops a job sends the
 * key again (a few times at most) until the screen shows the effect.
 *
 * Needs tmux (`apt-get install tmux`).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MOTD } from '../src/cli/sandbox.js';

const BIN = join(__dirname, '..', 'bin', 'posixbox.mjs');
const dir = mkdtempSync(join(tmpdir(), 'posixbox-tmux-'));
const SOCKET = `posixbox-test-${process.pid}`;
const CONF = join(dir, 'tmux.conf');
const PANE = 'sandbox';
/** How long one step may wait for the screen. */
const STEP_MS = 20_000;
const POLL_MS = 100;

function tmux(...args: string[]): string {
  return execFileSync('tmux', ['-L', SOCKET, '-f', CONF, ...args], { encoding: 'utf8' });
}

/** The screen, trailing blank lines dropped; a key echoed twice (sent again) counts once. */
function screen(): string[] {
  const lines = tmux('capture-pane', '-p', '-t', PANE).replace(/(\^C)+/g, '^C').replace(/(\^Z)+/g, '^Z').replace(/(\^\\)+/g, '^\\').split('\n');
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

const pause = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** The row the cursor is on (0 at the top of the pane). */
const cursorRow = (): number => Number(tmux('display-message', '-p', '-t', PANE, '#{cursor_y}').trim());

/**
 * posixbox in a new tmux session named PANE, in place of an earlier one (made first, so the tmux
 * server never runs out of sessions and exits). The pane's shell reports how posixbox ended (tmux
 * itself sometimes records no status when the terminal closes before the process is reaped).
 */
function startSandbox(): void {
  tmux('new-session', '-d', '-s', `${PANE}-next`, '-x', '100', '-y', '50', `node ${JSON.stringify(BIN)}; echo "posixbox ended: $?"; sleep 600`);
  spawnSync('tmux', ['-L', SOCKET, '-f', CONF, 'kill-session', '-t', `=${PANE}`]); // the earlier one, if any (=: that name exactly)
  tmux('rename-session', '-t', `${PANE}-next`, PANE);
}

/** Poll the screen until `ok` holds (at most `ms`); returns the screen, or fails showing it. */
async function waitFor(what: string, ok: (lines: string[]) => boolean, ms = STEP_MS): Promise<string[]> {
  let lines: string[] = [];
  for (const end = Date.now() + ms; Date.now() < end; await pause(POLL_MS)) {
    lines = screen();
    if (ok(lines)) return lines;
  }
  throw new Error(`timed out waiting for ${what}; the screen:\n${lines.join('\n')}`);
}

/** Type text, then Enter. */
function typeLine(text: string): void {
  tmux('send-keys', '-t', PANE, '-l', text);
  tmux('send-keys', '-t', PANE, 'Enter');
}

/** Send a key (C-c, C-z) until the screen shows its effect; at most `tries` times. */
async function keyUntil(key: string, what: string, ok: (lines: string[]) => boolean, tries = 5): Promise<string[]> {
  for (let i = 1; ; i++) {
    tmux('send-keys', '-t', PANE, key);
    try {
      return await waitFor(what, ok, i < tries ? 3000 : STEP_MS);
    } catch (e) {
      if (i >= tries) throw e;
    }
  }
}

const PROMPT = 'alice@posixbox:/home/alice$';
const prompts = (lines: string[]): number => lines.filter((l) => l.startsWith(PROMPT)).length;
const ALICE_ID = 'uid=1000(alice) gid=1000(alice) groups=1000(alice),100(users),1002(students)';

const hasTmux = spawnSync('tmux', ['-V']).status === 0;

describe('npx posixbox in a terminal (tmux)', () => {
  beforeAll(() => {
    if (!hasTmux) throw new Error('this test needs tmux (apt-get install tmux)');
    writeFileSync(CONF, 'set -g remain-on-exit on\nset -g history-limit 1000\n');
    startSandbox();
  });
  afterAll(() => {
    if (hasTmux) spawnSync('tmux', ['-L', SOCKET, 'kill-server']);
    rmSync(dir, { recursive: true, force: true });
  });

  it('logs alice in; a pipeline, history, ^C, ^Z and fg, ^C at PS2, ^C ^Z ^\\ on busy loops, modes restored, su, exit', async () => {
    // /etc/motd, then the login prompt (PS1 from /etc/profile)
    let s = await waitFor('the prompt', (l) => prompts(l) === 1);
    expect(s).toEqual([...MOTD.trimEnd().split('\n').map((l) => l.trimEnd()), '', PROMPT]);
    /** The screen from the last prompt on, once `ok` holds. */
    let mark = s.length - 1;
    const step = async (what: string, ok: (l: string[]) => boolean, key?: string): Promise<string[]> => {
      const lines = key ? await keyUntil(key, what, ok) : await waitFor(what, ok);
      const from = mark;
      mark = lines.length - 1;
      return lines.slice(from);
    };

    // a pipeline
    typeLine('echo hello | cat');
    expect(await step('hello and a new prompt', (l) => prompts(l) === 2)).toEqual([`${PROMPT} echo hello | cat`, 'hello', PROMPT]);

    // ↑ recalls it, Enter runs it again
    tmux('send-keys', '-t', PANE, 'Up');
    await waitFor('the line recalled', (l) => l[l.length - 1] === `${PROMPT} echo hello | cat`);
    tmux('send-keys', '-t', PANE, 'Enter');
    expect(await step('hello again', (l) => prompts(l) === 3)).toEqual([`${PROMPT} echo hello | cat`, 'hello', PROMPT]);

    // ^C interrupts a foreground job and the prompt returns
    typeLine('sleep 100');
    await waitFor('sleep 100 typed', (l) => l[l.length - 1] === `${PROMPT} sleep 100`);
    expect(await step('the prompt after ^C', (l) => prompts(l) === 4, 'C-c')).toEqual([`${PROMPT} sleep 100`, '^C', PROMPT]);

    // ^Z stops a job; fg resumes it; ^C ends it
    typeLine('sleep 100');
    await waitFor('sleep 100 typed', (l) => l[l.length - 1] === `${PROMPT} sleep 100`);
    s = await step('Stopped', (l) => l.some((x) => /^\[1\] *\+ *Stopped +sleep 100$/.test(x)) && prompts(l) === 5, 'C-z');
    expect(s.map((x) => x.replace(/ +/g, ' '))).toEqual([`${PROMPT} sleep 100`, '^Z', '[1] + Stopped sleep 100', PROMPT]);
    typeLine('fg');
    await waitFor('fg to name the job', (l) => l[l.length - 1] === 'sleep 100');
    expect(await step('the prompt after fg and ^C', (l) => prompts(l) === 6, 'C-c')).toEqual([`${PROMPT} fg`, 'sleep 100', '^C', PROMPT]);

    // ^C at the continuation prompt abandons the command being typed; $? is 130
    typeLine('for i in 1 2; do');
    await waitFor('PS2', (l) => l[l.length - 1] === '>');
    expect(await step('a fresh prompt after ^C at PS2', (l) => prompts(l) === 7, 'C-c')).toEqual([`${PROMPT} for i in 1 2; do`, '> ^C', PROMPT]);
    typeLine('echo $?');
    expect(await step('the status of the cancelled line', (l) => prompts(l) === 8)).toEqual([`${PROMPT} echo $?`, '130', PROMPT]);

    // a loop of builtins makes no system calls, yet ^C ends it: the prompt returns, $? is 130
    typeLine('while :; do :; done');
    await waitFor('the loop typed', (l) => l[l.length - 1] === `${PROMPT} while :; do :; done`);
    expect(await step('the prompt after ^C in a busy loop', (l) => prompts(l) === 9, 'C-c')).toEqual([`${PROMPT} while :; do :; done`, '^C', PROMPT]);
    typeLine('echo $?');
    expect(await step('the status of the interrupted loop', (l) => prompts(l) === 10)).toEqual([`${PROMPT} echo $?`, '130', PROMPT]);

    // a busy `sh -c` job: ^Z stops it, fg resumes it, ^\ ends it (Quit, 131)
    typeLine(`sh -c 'while :; do :; done'`);
    await waitFor('the busy job typed', (l) => l[l.length - 1] === `${PROMPT} sh -c 'while :; do :; done'`);
    s = await step('the busy job Stopped', (l) => l.some((x) => /^\[1\] *\+ *Stopped +sh -c/.test(x)) && prompts(l) === 11, 'C-z');
    expect(s.map((x) => x.replace(/ +/g, ' '))).toEqual([`${PROMPT} sh -c 'while :; do :; done'`, '^Z', expect.stringMatching(/^\[1\] \+ Stopped sh -c /), PROMPT]);
    typeLine('fg');
    await waitFor('fg to name the busy job', (l) => (l[l.length - 1] ?? '').startsWith('sh -c '));
    expect(await step('Quit after fg and ^\\', (l) => prompts(l) === 12, 'C-\\'))
      .toEqual([`${PROMPT} fg`, expect.stringMatching(/^sh -c /), '^\\Quit', PROMPT]);
    typeLine('echo $?');
    expect(await step('the status of the job ended by ^\\', (l) => prompts(l) === 13)).toEqual([`${PROMPT} echo $?`, '131', PROMPT]);

    // a job killed with echo off: the shell gives the terminal its modes back (read echoes again)
    typeLine(`sh -c 'stty -echo; kill -KILL $$'`);
    expect(await step('Killed', (l) => prompts(l) === 14)).toEqual([`${PROMPT} sh -c 'stty -echo; kill -KILL $$'`, 'Killed', PROMPT]);
    typeLine('read x');
    await waitFor('read waiting', (l) => l[l.length - 1] === `${PROMPT} read x`);
    typeLine('seen');
    expect(await step('the typed line echoed', (l) => prompts(l) === 15)).toEqual([`${PROMPT} read x`, 'seen', PROMPT]);

    // su asks for alice's password (not echoed); the new shell's id is alice's
    typeLine('su alice');
    await waitFor('Password:', (l) => l[l.length - 1] === 'Password:');
    typeLine('alice');
    await waitFor('the su shell\'s prompt', (l) => l[l.length - 1] === '$');
    typeLine('id');
    expect(await step('id', (l) => l.includes(ALICE_ID) && l[l.length - 1] === '$'))
      .toEqual([`${PROMPT} su alice`, 'Password:', '$ id', ALICE_ID, '$']);

    // exit the su shell, then the login shell: the pane's command ends with status 0
    typeLine('exit');
    expect(await step('the login shell\'s prompt again', (l) => prompts(l) === 16)).toEqual(['$ exit', PROMPT]);
    typeLine('exit');
    expect(await step('posixbox to end with status 0', (l) => l.some((x) => x.startsWith('posixbox ended:')))).toEqual([`${PROMPT} exit`, 'posixbox ended: 0']);
  }, 180_000);

  // A job that reads the terminal at once must not be stopped (SIGTTIN) for reading it before the
  // shell gave it the terminal: posix_spawn hands it over before the job runs. Each line is typed
  // once the cursor is below `$ cat` (the line editor has ended the line and gives the terminal its
  // modes back before it starts cat; keys typed while it was still raw would not be a line).
  it('cat, a line and ^D, twenty times: never Stopped, each line echoed back; a job that cannot start leaves the terminal to the shell', async () => {
    startSandbox();
    await waitFor('the prompt', (l) => prompts(l) === 1);
    const stopped = (l: string[]): boolean => l.some((x) => x.includes('Stopped'));
    const last = (l: string[], n: number): string[] => l.slice(-n);
    const catOnce = async (i: number): Promise<void> => {
      typeLine('cat');
      let s = await waitFor(`cat started (${i})`, (l) => stopped(l) || (l[l.length - 1] === `${PROMPT} cat` && cursorRow() === l.length));
      expect(stopped(s)).toBe(false);
      typeLine(`line ${i}`);
      s = await waitFor(`line ${i} echoed back`, (l) => stopped(l) || (last(l, 3).join('\n') === [`${PROMPT} cat`, `line ${i}`, `line ${i}`].join('\n') && cursorRow() === l.length));
      expect(stopped(s)).toBe(false);
      tmux('send-keys', '-t', PANE, 'C-d');
      s = await waitFor(`the prompt after ^D (${i})`, (l) => stopped(l) || l[l.length - 1] === PROMPT);
      expect(last(s, 4)).toEqual([`${PROMPT} cat`, `line ${i}`, `line ${i}`, PROMPT]);
    };
    for (let i = 1; i <= 20; i++) await catOnce(i);
    // the spawn fails after handing over the terminal (the interpreter is missing): the shell takes it back
    typeLine(`printf '#!/nonexistent\\n' > bad; chmod +x bad; ./bad`);
    const s = await waitFor('./bad not found', (l) => l[l.length - 1] === PROMPT && l.some((x) => x.endsWith('./bad: not found')));
    expect(last(s, 2)).toEqual([expect.stringMatching(/: \.\/bad: not found$/), PROMPT]);
    await catOnce(21);
    typeLine('exit');
    await waitFor('posixbox to end', (l) => l.some((x) => x.startsWith('posixbox ended:')));
  }, 120_000);
});
