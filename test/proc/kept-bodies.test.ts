/**
 * A large program body goes to a Worker once (proc/worker-host.ts): the kernel's side keeps a
 * mirror of what the Worker keeps, and past the bound both drop everything and start again.
 */
import { describe, expect, it } from 'vitest';
import { WorkerLife, type WorkerStartMessage } from '../../src/proc/worker-host.js';
import { takeStart } from '../../src/proc/handoff.js';
import { DATA_SIZE, type ReplayEntry } from '../../src/kernel/abi/channel.js';

class Recorder extends WorkerLife {
  readonly sent: WorkerStartMessage[] = [];
  protected post(message: WorkerStartMessage): void { this.sent.push(message); }
  terminate(): void { this.terminated = true; }
}

const message = (sab: SharedArrayBuffer, body: string): WorkerStartMessage => ({
  type: 'start', sab, pid: 2, argv: ['x'], env: [], seed: 1, spin: 0, running: true,
  program: { path: '/bin/x', body, exports: ['main'], imports: [] },
});

/** Start each message on the Worker's channel and take it as the Worker would: [body length, kept-body word]. */
function handOver(w: Recorder, bodies: readonly string[]): Array<[number, WorkerStartMessage['body']]> {
  return bodies.map((body) => {
    w.start(message(w.channel, body));
    const taken = takeStart(w.channel);
    const got = taken === 'message' ? w.sent.shift() : taken; // too large for the channel: by message
    if (!got) throw new Error('no start record');
    return [got.program.body.length, got.body];
  });
}

describe('program bodies a Worker keeps', () => {
  it('sends a large body once, then only its id; a small one every time; drops all past 16 MiB', () => {
    const w = new Recorder();
    const big = 'a'.repeat(10_000);
    const other = 'b'.repeat(10_000);
    const huge = 'c'.repeat(16 * 2 ** 20 - 15_000);
    expect(handOver(w, [big, big, 'small', 'small', other, big, huge, big])).toEqual([
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

  it('a forked child\'s record rides in the channel, its answers\' bytes after the JSON; one too large goes by message', () => {
    const w = new Recorder();
    const entry = (value: number, out?: Uint8Array): ReplayEntry => ({ nr: 0, digest: value, errno: 0, value, nums: value === 2 ? [1, 2] : undefined, out, sig: 0 });
    const replay = [entry(1, new Uint8Array([1, 2, 3])), entry(2), entry(3, new Uint8Array([250, 0])), entry(4, new Uint8Array(0))];
    w.start({ ...message(w.channel, 'x'), replay });
    const got = takeStart(w.channel);
    expect(typeof got === 'object' ? got.replay!.map((e) => [e.value, e.nums, e.out && [...e.out]]) : got).toEqual([
      [1, undefined, [1, 2, 3]], [2, [1, 2], undefined], [3, undefined, [250, 0]], [4, undefined, []],
    ]);
    w.start({ ...message(w.channel, 'x'), replay: [entry(5, new Uint8Array(DATA_SIZE))] });
    expect([takeStart(w.channel), w.sent.length, w.sent[0]?.replay?.[0]?.out?.length]).toEqual(['message', 1, DATA_SIZE]);
  });
});
