/**
 * Handing a pooled Worker its process without a message round trip: each Worker is created with
 * its channel buffer and, once ready, sleeps on it (Atomics.wait). The kernel writes the start
 * record (pid, argv, environment, seed, program) into the channel's data area and wakes it —
 * microseconds instead of a postMessage. A record too large for the data area goes by message.
 */
import {
  CTL_NR, CTL_STATE, DATA_SIZE, STATE_IDLE, channelViews,
} from '../kernel/abi/channel.js';
import type { WorkerStartMessage } from './worker-host.js';

/** The channel's state while it carries a start record, or says "the record comes by message". */
export const STATE_START = 3;
export const STATE_START_BY_MESSAGE = 4;

export type StartRecord = Omit<WorkerStartMessage, 'type' | 'sab'>;

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Kernel side: tell the Worker that its start record comes by message. */
export function announceMessage(sab: SharedArrayBuffer): void {
  const ch = channelViews(sab);
  Atomics.store(ch.ctl, CTL_STATE, STATE_START_BY_MESSAGE);
  Atomics.notify(ch.ctl, CTL_STATE);
}

/** Kernel side. Returns false if the record must be sent by message instead. */
export function writeStart(sab: SharedArrayBuffer, record: StartRecord): boolean {
  const ch = channelViews(sab);
  const bytes = encoder.encode(JSON.stringify(record));
  if (bytes.length > DATA_SIZE) {
    announceMessage(sab);
    return false;
  }
  ch.data.set(bytes, 0);
  ch.ctl[CTL_NR] = bytes.length;
  Atomics.store(ch.ctl, CTL_STATE, STATE_START);
  Atomics.notify(ch.ctl, CTL_STATE);
  return true;
}

/** Worker side: sleep until the kernel hands over a process; undefined means "wait for the message". */
export function waitStart(sab: SharedArrayBuffer): WorkerStartMessage | undefined {
  const ch = channelViews(sab);
  for (;;) {
    const s = Atomics.load(ch.ctl, CTL_STATE);
    if (s === STATE_START) {
      const record = JSON.parse(decoder.decode(ch.data.slice(0, ch.ctl[CTL_NR]!))) as StartRecord;
      Atomics.store(ch.ctl, CTL_STATE, STATE_IDLE);
      return { type: 'start', sab, ...record };
    }
    if (s === STATE_START_BY_MESSAGE) {
      Atomics.store(ch.ctl, CTL_STATE, STATE_IDLE);
      return undefined;
    }
    Atomics.wait(ch.ctl, CTL_STATE, s);
  }
}
