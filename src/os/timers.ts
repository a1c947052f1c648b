/**
 * Timers on the kernel's clock: setTimeout, setInterval and their clear functions, as the HTML
 * and Node timer models define them (a callback runs once its delay has passed on the monotonic
 * clock, in order of due time and then of creation; a delay that is not a finite number, or is
 * below 1 ms, is 1 ms; one past 2^31−1 ms is 1 ms, as Node treats an overflow), but driven by the
 * process's runtime, never by the host: when the program has nothing else to do (main has
 * returned or awaits), the runtime sleeps in the kernel (nanosleep) until the next timer is due,
 * runs it, and lets its microtasks run. So a timer waits on the virtual clock in deterministic
 * mode (a 10 s timeout takes no real time) and a run stays reproducible.
 */

export interface TimerEndowments {
  setTimeout(fn: unknown, delay?: unknown, ...args: unknown[]): number;
  clearTimeout(id: unknown): void;
  setInterval(fn: unknown, delay?: unknown, ...args: unknown[]): number;
  clearInterval(id: unknown): void;
}

export interface Timers {
  readonly endowments: TimerEndowments;
  /** Whether any timer is still set. */
  pending(): boolean;
  /**
   * Sleep until the earliest timer is due and run it (an exception from its callback is the
   * caller's). Returns early, running nothing, if a handled signal cut the sleep short.
   */
  runNext(): void;
  /** Drop every timer and start the ids afresh (a Worker's next process). */
  reset(): void;
}

interface Timer {
  readonly id: number;
  due: number;
  readonly seq: number;
  readonly repeat: number | undefined;
  readonly fn: (...args: unknown[]) => unknown;
  readonly args: unknown[];
}

/** At most this many timers at once: a program that sets more is refused (RangeError). */
export const MAX_TIMERS = 100_000;

function delayOf(delay: unknown): number {
  const d = typeof delay === 'number' ? delay : Number(typeof delay === 'bigint' ? NaN : delay);
  if (!Number.isFinite(d) || d < 1 || d > 2 ** 31 - 1) return 1;
  return Math.trunc(d);
}

/**
 * @param now the kernel's monotonic clock, in ms
 * @param sleep sleep in the kernel for this many ms (may return early when a signal is handled)
 */
export function makeTimers(now: () => number, sleep: (ms: number) => void): Timers {
  const timers = new Map<number, Timer>();
  let nextId = 1;
  let seq = 0;
  const add = (fn: unknown, delay: unknown, args: unknown[], repeat: boolean): number => {
    if (typeof fn !== 'function') {
      throw new TypeError(`The "callback" argument must be of type function. Received ${fn === null ? 'null' : typeof fn}`);
    }
    if (timers.size >= MAX_TIMERS) throw new RangeError(`too many timers (at most ${MAX_TIMERS})`);
    const d = delayOf(delay);
    const id = nextId++;
    timers.set(id, { id, due: now() + d, seq: seq++, repeat: repeat ? d : undefined, fn: fn as (...a: unknown[]) => unknown, args });
    return id;
  };
  const clear = (id: unknown): void => { if (typeof id === 'number') timers.delete(id); };
  const earliest = (): Timer | undefined => {
    let best: Timer | undefined;
    for (const t of timers.values()) if (!best || t.due < best.due || (t.due === best.due && t.seq < best.seq)) best = t;
    return best;
  };
  return {
    endowments: {
      setTimeout: (fn, delay, ...args) => add(fn, delay, args, false),
      setInterval: (fn, delay, ...args) => add(fn, delay, args, true),
      clearTimeout: clear,
      clearInterval: clear,
    },
    pending: () => timers.size > 0,
    reset() {
      timers.clear();
      nextId = 1;
      seq = 0;
    },
    runNext() {
      const first = earliest();
      if (!first) return;
      const wait = first.due - now();
      if (wait > 0) sleep(wait);
      if (timers.get(first.id) !== first || now() < first.due) return; // cleared, or woken early by a signal
      if (first.repeat === undefined) timers.delete(first.id);
      else first.due = now() + first.repeat;
      Reflect.apply(first.fn, undefined, first.args);
    },
  };
}
