/**
 * Handing a pooled Worker its process without a message round trip: each Worker is created with
 * its channel buffer and, once ready, sleeps on it (Atomics.wait). The kernel writes the start
 * record (pid, argv, environment, seed, program) into the channel's data area and wakes it —
 * microseconds instead of a postMessage. A record too large for the data area goes by message.
 */
import {
  CTL_NR, CTL_READY, CTL_STATE, DATA_SIZE, STATE_IDLE, channelViews, type ChannelViews, type ReplayEntry,
} from '../kernel/abi/channel.js';
import type { WorkerStartMessage } from './worker-host.js';

/** The channel's state while it carries a start record, or says "the record comes by message". */
export const STATE_START = 3;
export const STATE_START_BY_MESSAGE = 4;
/** The kernel's answer to a clean exit_group (CTL_RECYCLE): the process is gone, the Worker goes back to the pool. */
export const STATE_RECYCLED = 5;

export type StartRecord = Omit<WorkerStartMessage, 'type' | 'sab'>;

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Kernel side: tell the Worker that its start record comes by message. */
export function announceMessage(sab: SharedArrayBuffer): void {
  const ch = channelViews(sab);
  Atomics.store(ch.ctl, CTL_READY, 0);
  Atomics.store(ch.ctl, CTL_STATE, STATE_START_BY_MESSAGE);
  Atomics.notify(ch.ctl, CTL_STATE);
}

/** A replay entry as the channel carries it: its bytes as [offset, length] in the blob after the record. */
type WireEntry = Omit<ReplayEntry, 'out'> & { readonly out: readonly [number, number] | undefined };

/**
 * Kernel side. Returns false if the record must be sent by message instead. A forked child's
 * record of answers goes too, when it fits: the entries in the JSON, the bytes they carry after
 * it (CTL_IN_LEN says where the JSON ends).
 */
export function writeStart(sab: SharedArrayBuffer, record: StartRecord): boolean {
  const ch = channelViews(sab);
  Atomics.store(ch.ctl, CTL_READY, 0);
  let blob = 0;
  const replay: WireEntry[] | undefined = record.replay?.map((e) => {
    const at = blob;
    blob += e.out?.length ?? 0;
    return { ...e, out: e.out ? [at, e.out.length] : undefined };
  });
  const bytes = encoder.encode(JSON.stringify(replay ? { ...record, replay } : record));
  if (bytes.length + blob > DATA_SIZE) {
    announceMessage(sab);
    return false;
  }
  ch.data.set(bytes, 0);
  if (record.replay) {
    let at = bytes.length;
    for (const e of record.replay) {
      if (e.out) ch.data.set(e.out, at);
      at += e.out?.length ?? 0;
    }
  }
  ch.ctl[CTL_NR] = bytes.length;
  Atomics.store(ch.ctl, CTL_STATE, STATE_START);
  Atomics.notify(ch.ctl, CTL_STATE);
  return true;
}

/**
 * Worker side: the hand-over the channel holds now, if any — a start record, or 'message' when
 * it comes by message — taken (the state goes back to idle); undefined if there is none.
 */
export function takeStart(sab: SharedArrayBuffer, ch: ChannelViews = channelViews(sab)): WorkerStartMessage | 'message' | undefined {
  const s = Atomics.load(ch.ctl, CTL_STATE);
  if (s === STATE_START || s === STATE_START_BY_MESSAGE) Atomics.store(ch.ctl, CTL_READY, 0); // busy from here
  if (s === STATE_START) {
    const end = ch.ctl[CTL_NR]!;
    const { replay: wired, ...rest } = JSON.parse(decoder.decode(ch.data.slice(0, end))) as Omit<StartRecord, 'replay'> & { replay?: WireEntry[] };
    const replay = wired?.map((e): ReplayEntry => ({
      ...e, out: e.out ? ch.data.slice(end + e.out[0], end + e.out[0] + e.out[1]) : undefined,
    }));
    Atomics.store(ch.ctl, CTL_STATE, STATE_IDLE);
    return { type: 'start', sab, ...rest, ...(replay ? { replay } : {}) };
  }
  if (s === STATE_START_BY_MESSAGE) {
    Atomics.store(ch.ctl, CTL_STATE, STATE_IDLE);
    return 'message';
  }
  return undefined;
}

/** Worker side: sleep until the kernel hands over a process; 'message' means "wait for the message". */
export function waitStart(sab: SharedArrayBuffer): WorkerStartMessage | 'message' {
  const ch = channelViews(sab);
  Atomics.store(ch.ctl, CTL_READY, 1);
  for (;;) {
    const got = takeStart(sab, ch);
    if (got) return got;
    Atomics.wait(ch.ctl, CTL_STATE, Atomics.load(ch.ctl, CTL_STATE));
  }
}

/** Kernel side: whether the Worker sleeps waiting for a process (it has finished all else). */
export function isReady(sab: SharedArrayBuffer): boolean {
  return Atomics.load(channelViews(sab).ctl, CTL_READY) === 1;
}

/** Kernel side: whether the start record handed over is still untaken (the Worker has not begun the process). */
export function startUntaken(sab: SharedArrayBuffer): boolean {
  const s = Atomics.load(channelViews(sab).ctl, CTL_STATE);
  return s === STATE_START || s === STATE_START_BY_MESSAGE;
}
