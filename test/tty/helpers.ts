/**
 * Run a program on a pseudo-terminal: a script of steps, each waiting until the screen (every byte
 * the terminal showed so far) contains a text, then typing keys or acting on the terminal.
 */
import { boot } from '../../src/index.js';
import type { Kernel } from '../../src/kernel/kernel.js';
import type { PtyHandle } from '../../src/kernel/pty.js';
import { DEFAULT_SYSTEM } from '../../src/cli/default-system.js';

export type Step = readonly [waitFor: string, act: string | Uint8Array | ((pty: PtyHandle) => void)];

export interface TtyRun {
  readonly screen: string;
  readonly status: number;
  readonly kernel: Kernel;
}

export const HEADER = `import os, { signal, time, sys, termios, tty } from 'posixbox/os';
export function main(argv) {
`;

/** What a pseudo-terminal has shown so far, as text. */
export class TtyScreen {
  text = '';
  private from = 0;
  private seen: () => void = () => {};
  private readonly decoder = new TextDecoder();
  constructor(pty: PtyHandle) {
    pty.onOutput((b) => {
      this.text += this.decoder.decode(b, { stream: true });
      this.seen();
    });
  }

  /** Resolves once `text` shows after what the last wait matched. */
  until(text: string): Promise<void> {
    return new Promise<void>((resolve) => {
      const check = (): void => {
        const i = this.text.indexOf(text, this.from);
        if (i < 0) return;
        this.from = i + text.length;
        this.seen = () => {};
        resolve();
      };
      this.seen = check;
      check();
    });
  }

  /** For each step: wait for its text, then type its keys (or act on the terminal). */
  async play(pty: PtyHandle, steps: readonly Step[]): Promise<void> {
    for (const [waitFor, act] of steps) {
      await this.until(waitFor);
      if (typeof act === 'function') act(pty);
      else pty.write(act);
    }
  }
}

export async function onTty(body: string, steps: readonly Step[] = [], o: { realtime?: boolean; uid?: number } = {}): Promise<TtyRun> {
  let deadlock = '';
  const k = boot({ ...DEFAULT_SYSTEM, poolSize: 2, realtime: o.realtime ?? false, onDeadlock: (r) => { deadlock += r; } });
  const pty = k.openpty({ rows: 24, cols: 80 });
  const screen = new TtyScreen(pty);
  const h = k.spawn({
    program: { source: `${HEADER}${body}\n}\n`, path: 'prog.js' },
    argv: ['prog'], env: ['PATH=/bin:/usr/bin', 'HOME=/root'], uid: o.uid ?? 0, gid: o.uid ?? 0,
    stdio: [{ kind: 'tty', pty }, { kind: 'tty', pty }, { kind: 'tty', pty }],
  });
  await screen.play(pty, steps);
  const status = await h.exited;
  return { screen: screen.text + deadlock, status, kernel: k };
}
