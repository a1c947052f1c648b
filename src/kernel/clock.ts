/**
 * The kernel's clock, exact in BigInt nanoseconds end to end. Deterministic mode: time starts at
 * a configured instant and moves only when the scheduler advances it (every process asleep →
 * jump to the next timer), so a run's times are a function of its inputs. Real-time mode: the
 * configured instant plus the host's elapsed time.
 *
 * Rule followed (Linux's ktime_t, include/linux/ktime.h): CLOCK_MONOTONIC is a signed 64-bit
 * count of nanoseconds and saturates at KTIME_MAX; a timeout that would end later is clamped
 * to KTIME_MAX (timespec64_to_ktime, ktime_add_safe). So every time the kernel can reach is
 * exact, and its seconds fit a Float64 reply slot exactly (about 9.2e9 s after boot).
 */
import type { Timespec } from '../fs/types.js';

export interface KernelClock {
  /** CLOCK_REALTIME. */
  now(): Timespec;
  /** CLOCK_MONOTONIC: time since boot. */
  monotonic(): Timespec;
  /** CLOCK_REALTIME in nanoseconds since the epoch, exact. */
  nowNs(): bigint;
  /** The latest realtime instant a timer can be set for: boot plus KTIME_MAX of monotonic time. */
  readonly maxNs: bigint;
  /** Deterministic mode only: move time forward to `t` (nanoseconds since the epoch). */
  advanceTo(realtimeNs: bigint): void;
  readonly deterministic: boolean;
}

const NS = 1_000_000_000n;
/** Linux's KTIME_MAX: the largest monotonic time, in nanoseconds. */
export const KTIME_MAX = (1n << 63n) - 1n;

export function timespecFromNs(ns: bigint): Timespec {
  let sec = ns / NS;
  let nsec = ns % NS;
  if (nsec < 0n) { nsec += NS; sec -= 1n; }
  return { sec: Number(sec), nsec: Number(nsec) };
}

export function timespecToNs(t: Timespec): bigint {
  return BigInt(t.sec) * NS + BigInt(t.nsec);
}

/** `ns` nanoseconds after `from`, clamped to `max` (ktime_add_safe). */
export function deadlineAfter(from: bigint, ns: bigint, max: bigint): bigint {
  const d = from + ns;
  return d > max ? max : d;
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
  const maxNs = startNs + KTIME_MAX;
  const elapsedNs = (): bigint => {
    if (deterministic) return virtualNs - startNs;
    const e = BigInt(Math.floor((hostNowMs() - hostStart) * 1e6));
    return e > KTIME_MAX ? KTIME_MAX : e;
  };
  return {
    deterministic,
    maxNs,
    now: () => timespecFromNs(startNs + elapsedNs()),
    monotonic: () => timespecFromNs(elapsedNs()),
    nowNs: () => startNs + elapsedNs(),
    advanceTo(ns: bigint) {
      const to = ns > maxNs ? maxNs : ns;
      if (deterministic && to > virtualNs) virtualNs = to;
    },
  };
}
