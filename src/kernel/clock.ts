/**
 * The kernel's clock. Deterministic mode: time starts at a configured instant and moves only when
 * the scheduler advances it (every process asleep → jump to the next timer), so a run's times are
 * a function of its inputs. Real-time mode: the configured instant plus the host's elapsed time.
 */
import type { Timespec } from '../fs/types.js';

export interface KernelClock {
  /** CLOCK_REALTIME. */
  now(): Timespec;
  /** CLOCK_MONOTONIC: time since boot. */
  monotonic(): Timespec;
  /** Deterministic mode only: move time forward to `t` (nanoseconds since the epoch). */
  advanceTo(realtimeNs: bigint): void;
  readonly deterministic: boolean;
}

const NS = 1_000_000_000n;

export function timespecFromNs(ns: bigint): Timespec {
  const sec = ns / NS;
  let nsec = ns % NS;
  let s = sec;
  if (nsec < 0n) { nsec += NS; s -= 1n; }
  return { sec: Number(s), nsec: Number(nsec) };
}

export function timespecToNs(t: Timespec): bigint {
  return BigInt(t.sec) * NS + BigInt(t.nsec);
}

/** Parse a boot clock option: ISO-8601 text, or seconds since the epoch. */
export function parseClockStart(start: string | number | undefined): bigint {
  if (start === undefined) return 946684800n * NS; // 2000-01-01T00:00:00Z
  if (typeof start === 'number') {
    if (!Number.isFinite(start)) throw new Error(`bad clock start: ${start}`);
    return BigInt(Math.round(start * 1e3)) * 1_000_000n;
  }
  const ms = Date.parse(start);
  if (Number.isNaN(ms)) throw new Error(`bad clock start (want ISO-8601): ${start}`);
  return BigInt(ms) * 1_000_000n;
}

/** hostNowMs: the host's monotonic milliseconds (performance.now), used only in real-time mode. */
export function makeClock(startNs: bigint, deterministic: boolean, hostNowMs: () => number): KernelClock {
  let virtualNs = startNs;
  const hostStart = hostNowMs();
  const elapsedNs = (): bigint =>
    deterministic ? virtualNs - startNs : BigInt(Math.floor((hostNowMs() - hostStart) * 1e6));
  return {
    deterministic,
    now: () => timespecFromNs(startNs + elapsedNs()),
    monotonic: () => timespecFromNs(elapsedNs()),
    advanceTo(ns: bigint) {
      if (deterministic && ns > virtualNs) virtualNs = ns;
    },
  };
}
