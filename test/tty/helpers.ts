/**
 * Run a program on a pseudo-terminal: a script of steps, each waiting until the screen (every byte
 * the terminal showed so far) contains a text, then typing keys or acting on the terminal.
 */
import { boot } from '../../src/index.js';
import type { Kernel } from '../../src/kernel/kernel.js';
import type { PtyHandle } from '../../src/kernel/pty.js';
import { DEFAULT_SYSTEM } from '../../src/cli/default-system.js';

export type Step = readonly [waitFor: string, act: string | ((pty: PtyHandle) => void)];

export interface TtyRun {
  readonly screen: string;
  readonly status: number;
  readonly kernel: Kernel;
}

export const HEADER = `import os, { signal, time, sys, termios, tty } from 'posixbox/os';
export function main(argv) {
`;

export async function onTty(body: string, steps: readonly Step[] = [], o: { realtime?: boolean; uid?: number } = {}): Promise<TtyRun> {
  let deadlock = '';
  const k = boot({ ...DEFAULT_SYSTEM, poolSize: 2, realtime: o.realtime ?? false, onDeadlock: (r) => { deadlock += r; } });
  const pty = k.openpty({ rows: 24, cols: 80 });
  let screen = '';
  const decoder = new TextDecoder();
  let seen: () => void = () => {};
  pty.onOutput((b) => {
    screen += decoder.decode(b, { stream: true });
    seen();
  });
  const h = k.spawn({
    program: { source: `${HEADER}${body}\n}\n`, path: 'prog.js' },
    argv: ['prog'], env: ['PATH=/bin:/usr/bin', 'HOME=/root'], uid: o.uid ?? 0, gid: o.uid ?? 0,
    stdio: [{ kind: 'tty', pty }, { kind: 'tty', pty }, { kind: 'tty', pty }],
  });
  let from = 0;
  for (const [waitFor, act] of steps) {
    await new Promise<void>((resolve) => {
      const check = (): void => {
        const i = screen.indexOf(waitFor, from);
        if (i < 0) return;
        from = i + waitFor.length;
        seen = () => {};
        resolve();
      };
      seen = check;
      check();
    });
    if (typeof act === 'string') pty.write(act);
    else act(pty);
  }
  const status = await h.exited;
  return { screen: screen + deadlock, status, kernel: k };
}
