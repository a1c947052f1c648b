/**
 * A large program body goes to a Worker once (proc/worker-host.ts): the kernel's side keeps a
 * mirror of what the Worker keeps, and past the bound both drop everything and start again.
 */
import { describe, expect, it } from 'vitest';
import { WorkerLife, type WorkerStartMessage } from '../../src/proc/worker-host.js';
import { STATE_START, takeStart } from '../../src/proc/handoff.js';
import { CTL_STATE, channelViews } from '../../src/kernel/abi/channel.js';

class Recorder extends WorkerLife {
  readonly sent: WorkerStartMessage[] = [];
  protected post(message: WorkerStartMessage): void { this.sent.push(message); }
  terminate(): void { this.terminated = true; }
}

const message = (sab: SharedArrayBuffer, body: string): WorkerStartMessage => ({
  type: 'start', sab, pid: 2, argv: ['x'], env: [], seed: 1, spin: 0, running: true,
  program: { path: '/bin/x', body, exports: ['main'], imports: [] },
  // A replay record sends the start by message, where the test can read it.
  replay: [{ nr: 39, digest: 0, errno: 0, value: 2, nums: undefined, out: undefined, sig: 0 }],
});

describe('program bodies a Worker keeps', () => {
  it('sends a large body once, then only its id; a small one every time; drops all past 16 MiB', () => {
    const w = new Recorder();
    const big = 'a'.repeat(10_000);
    const other = 'b'.repeat(10_000);
    const huge = 'c'.repeat(16 * 2 ** 20 - 15_000);
    for (const body of [big, big, 'small', 'small', other, big, huge, big]) w.start(message(w.channel, body));
    expect(w.sent.map((m) => [m.program.body.length, m.body])).toEqual([
      [10_000, { id: 1, keep: true }],
      [0, { id: 1 }],
      [5, undefined],
      [5, undefined],
      [10_000, { id: 2, keep: true }],
      [0, { id: 1 }],
      [huge.length, { id: 1, keep: true, drop: true }],
      [10_000, { id: 2, keep: true }],
    ]);
  });

  it('a start written into the channel leaves the body out the same way', () => {
    const w = new Recorder();
    const big = 'a'.repeat(10_000);
    const { replay: _r, ...plain } = message(w.channel, big);
    const taken = [1, 2].map(() => {
      w.start(plain);
      const state = Atomics.load(channelViews(w.channel).ctl, CTL_STATE);
      const got = takeStart(w.channel);
      return [state, typeof got === 'object' ? [got.program.body.length, got.body] : got];
    });
    expect([w.sent.length, taken]).toEqual([0, [[STATE_START, [10_000, { id: 1, keep: true }]], [STATE_START, [0, { id: 1 }]]]]);
  });
});
