/**
 * A program's global object: the ECMAScript intrinsics (frozen by lockdown) plus exactly these
 * endowments — console on fd 1 and 2, the kernel's clock behind Date and performance.now, the
 * process's seeded generator behind Math.random and crypto, Date and Intl in the process's TZ
 * (zoned.ts), and host helpers that compute
 * without reaching anything (TextEncoder/TextDecoder come with the intrinsics; URL,
 * structuredClone, queueMicrotask, atob/btoa, WebAssembly), and timers on the kernel's clock
 * (timers.ts), which the runtime runs when the program has nothing else to do.
 */
import { SYS } from '../kernel/abi/sysno.js';
import { makeConsole } from './console.js';
import { confinedWebAssembly, harden, stackOf } from './confine.js';
import type { ProcessRuntime } from './runtime-types.js';
import { makeTimers, type Timers } from './timers.js';
import { makeZonedDate, makeZonedIntl } from './zoned.js';

const encoder = new TextEncoder();

/** An Error as console.log prints it: name, message and the program's own frames. */
export function errorText(e: Error): string {
  const frames = stackOf(e).split('\n').filter((l) => l.includes('posixbox-program:')).map((l) => `    ${l.trim()}`);
  return [`${e.name}: ${e.message}`, ...frames].join('\n');
}

/** The random helpers over the process's generator (uint32 at a time, little-endian bytes). */
function randomHelpers(rt: () => ProcessRuntime) {
  const fill = <T extends ArrayBufferView | null>(view: T): T => {
    if (view === null || !ArrayBuffer.isView(view) || view instanceof Float32Array || view instanceof Float64Array || view instanceof DataView) {
      throw new TypeError("Failed to execute 'getRandomValues' on 'Crypto': The provided ArrayBufferView is not an integer array");
    }
    if (view.byteLength > 65536) {
      throw new RangeError(`Failed to execute 'getRandomValues' on 'Crypto': The ArrayBufferView's byte length (${view.byteLength}) exceeds the number of bytes of entropy available via this API (65536).`);
    }
    const { random } = rt();
    const b = new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
    for (let i = 0; i < b.length; i += 4) {
      let v = random();
      for (let j = i; j < Math.min(i + 4, b.length); j++) { b[j] = v & 0xff; v >>>= 8; }
    }
    return view;
  };
  const randomUUID = (): string => {
    const b = fill(new Uint8Array(16));
    b[6] = (b[6]! & 0x0f) | 0x40;
    b[8] = (b[8]! & 0x3f) | 0x80;
    const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  };
  return { fill, randomUUID };
}

/**
 * structuredClone whose Dates are the process's: the host's clone makes host Dates, whose
 * local-time methods would show the host's zone. Walks what the clone made (bounded by it).
 */
function zonedClone(clone: (v: unknown, o?: StructuredSerializeOptions) => unknown, ZonedDate: DateConstructor) {
  return (value: unknown, options?: StructuredSerializeOptions): unknown => {
    const out = clone(value, options);
    const seen = new Set<object>();
    const stack: unknown[] = [out];
    while (stack.length > 0) {
      const v = stack.pop();
      if (typeof v !== 'object' || v === null || seen.has(v)) continue;
      seen.add(v);
      if (v instanceof Date) { Object.setPrototypeOf(v, ZonedDate.prototype); continue; }
      if (v instanceof Map) { for (const [k, x] of v) stack.push(k, x); continue; }
      if (v instanceof Set) { for (const x of v) stack.push(x); continue; }
      if (ArrayBuffer.isView(v) || v instanceof ArrayBuffer) continue;
      for (const k of Object.keys(v)) stack.push((v as Record<string, unknown>)[k]);
    }
    return out;
  };
}

/**
 * The endowments of the process whose runtime `rt()` returns (read at each call: the globals are
 * built before the Worker becomes the process). Everything is hardened, so a program cannot
 * change what the next caller of these objects sees.
 */
export function makeEndowments(rt: () => ProcessRuntime): { readonly globals: Record<string, unknown>; readonly timers: Timers } {
  const console = makeConsole((fd, text) => {
    const { sys } = rt();
    let b = encoder.encode(text);
    while (b.length > 0) {
      try {
        b = b.subarray(sys.callWith('write', SYS.write, [fd, b.subarray(0, 65536)]));
      } catch {
        return; // console never throws (EPIPE, EBADF): the text is dropped, as Node drops it
      }
    }
  }, errorText);
  const clock = (id: number): number => {
    const { sys } = rt();
    sys.call('clock_gettime', SYS.clock_gettime, id);
    return sys.num(0) * 1000 + sys.num(1) / 1e6;
  };
  const { fill, randomUUID } = randomHelpers(rt);
  const timers = makeTimers(() => clock(1), (ms) => {
    const ns = BigInt(Math.ceil(ms * 1e6));
    try {
      rt().sys.call('nanosleep', SYS.nanosleep, Number(ns / 1_000_000_000n), Number(ns % 1_000_000_000n));
    } catch { /* EINTR: a handler ran; the runtime's loop comes back */ }
  });
  const nowMs = (): number => Math.floor(clock(0));
  const zone = (): string | undefined => rt().env.get('TZ');
  const ZonedDate = makeZonedDate(nowMs, zone);
  const mathDescriptors = Object.getOwnPropertyDescriptors(Math) as PropertyDescriptorMap;
  mathDescriptors.random = { value: () => rt().random() / 4294967296, writable: false, enumerable: false, configurable: false };
  const g = globalThis as unknown as Record<string, unknown>;
  const host = (name: string): Record<string, unknown> => (g[name] === undefined ? {} : { [name]: g[name] });
  const globals = harden({
    console,
    ...timers.endowments,
    Date: ZonedDate,
    Intl: makeZonedIntl(zone, nowMs),
    Math: Object.create(Object.prototype, mathDescriptors) as Math,
    performance: { now: () => clock(1) },
    crypto: { getRandomValues: fill, randomUUID },
    ...host('URL'), ...host('URLSearchParams'), ...(typeof g.structuredClone === 'function' ? { structuredClone: zonedClone(g.structuredClone as (v: unknown) => unknown, ZonedDate) } : {}),
    ...host('queueMicrotask'),
    ...host('atob'), ...host('btoa'),
    ...(confinedWebAssembly() ? { WebAssembly: confinedWebAssembly() } : {}),
  });
  return { globals, timers };
}
