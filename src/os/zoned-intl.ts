/**
 * An `Intl` for a process: the ECMA-402 API of the host, with the process's defaults instead of
 * the host's. Used by zoned.ts (which also builds the process's Date on it).
 *
 * - Default locale: `en-US`, never the host's (LANG/LC_ALL). Where the host would fall back to
 *   its own default (no locale asked for, an empty list, or none of the asked locales supported)
 *   it gets `en-US`.
 * - Default time zone of DateTimeFormat (and of Date#toLocale*): the process's TZ, read when the
 *   formatter is created (ECMA-402 fixes a formatter's zone at construction), as tz.ts reads it:
 *   - unset or empty: `UTC`;
 *   - a zone name from tz.ts's table that the host's Intl also knows (`America/New_York`): the
 *     host formats in that zone (with its full history, where tz.ts has only today's rules), and
 *     `resolvedOptions().timeZone` is the name exactly as TZ gives it (`Asia/Kolkata`, not the
 *     host's canonical `Asia/Calcutta`);
 *   - anything else (a POSIX string such as `EST5EDT,M3.2.0,M11.1.0`, or a name tz.ts does not
 *     know, which it reads as UTC as glibc does): the offset tz.ts computes for each formatted
 *     instant, daylight saving time included. The instant is moved by that offset and formatted
 *     in UTC; a `timeZoneName` shows tz.ts's abbreviation (`EST`, `EDT`) for the name styles and
 *     the offset (`GMT-5`, `GMT-05:00`) for the offset styles. `resolvedOptions().timeZone` is a
 *     fixed-offset equivalent of standard time: `UTC`, `Etc/GMT+5` (whole hours; IANA's sign is
 *     inverted), else an ECMA-402 offset zone `+05:30` (which this DateTimeFormat also accepts as
 *     a `timeZone` option, whether or not the host does).
 * - `format()` without a date formats the kernel's now (`nowMs`), never the host's clock.
 * - Every constructor is a new function with a prototype of its own that forwards to a host
 *   instance kept in a closure, so no host constructor (whose defaults are the host's) can be
 *   reached through `.constructor` or a prototype walk. `Intl.Locale`, `getCanonicalLocales` and
 *   `supportedValuesOf` have no defaults and are the host's own.
 *
 * Nothing here is mutable after creation except per-instance state held in closures (WeakMaps),
 * so the namespace and its classes can be hardened.
 */
import { namedZones, typeAt, zoneFor, type TzType, type TzZone } from './tz.js';
import { timeClip } from './zoned-time.js';

const HostIntl = Intl;
const HostDTF = Intl.DateTimeFormat;
const DEFAULT_LOCALE = 'en-US';

/** A host Intl service constructor (NumberFormat, Collator, …). */
interface ServiceCtor {
  new (locales?: unknown, options?: unknown): object;
  readonly prototype: object;
  supportedLocalesOf(locales: unknown, options?: unknown): string[];
}

/** The locales to hand the host: `en-US` wherever the host would use its own default. */
export function localesFor(host: ServiceCtor, locales: unknown): unknown {
  if (locales === undefined) return DEFAULT_LOCALE;
  const list = HostIntl.getCanonicalLocales(locales as string[]);
  if (list.length === 0) return DEFAULT_LOCALE;
  return host.supportedLocalesOf(list).length > 0 ? list : [...list, DEFAULT_LOCALE];
}

// ---------------------------------------------------------------------------------------------
// Time zones.

/** How a DateTimeFormat places its instants. */
type ZoneMode =
  /** The host formats in its own zone (`hostZone`, or the explicit `timeZone` option). */
  | { readonly kind: 'host'; readonly hostZone?: string; readonly name?: string }
  /** tz.ts's offset for each instant: moved by it, then formatted in UTC. */
  | { readonly kind: 'shift'; readonly zone: TzZone; readonly name: string };

function hostAccepts(name: string): boolean {
  try {
    new HostDTF(DEFAULT_LOCALE, { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** `+05:30` for 19800 seconds east (ECMA-402's offset time zone form; seconds dropped). */
function offsetZoneName(gmtoff: number): string {
  const a = Math.trunc(Math.abs(gmtoff) / 60);
  const hh = String(Math.floor(a / 60)).padStart(2, '0');
  const mm = String(a % 60).padStart(2, '0');
  return `${gmtoff < 0 ? '-' : '+'}${hh}:${mm}`;
}

/** The fixed-offset zone name for an offset: `UTC`, `Etc/GMT+5` (whole hours), else `+05:30`. */
export function fixedOffsetName(gmtoff: number): string {
  if (gmtoff === 0) return 'UTC';
  if (gmtoff % 3600 === 0 && Math.abs(gmtoff) <= 14 * 3600) return `Etc/GMT${gmtoff > 0 ? '-' : '+'}${Math.abs(gmtoff) / 3600}`;
  return offsetZoneName(gmtoff);
}

/** The zone a process with this TZ formats in by default (see the top of the file). */
function defaultZoneMode(tz: string | undefined): ZoneMode {
  if (tz === undefined || tz === '') return { kind: 'host', hostZone: 'UTC', name: 'UTC' };
  const name = tz.startsWith(':') ? tz.slice(1) : tz;
  if (namedZones().includes(name) && hostAccepts(name)) return { kind: 'host', hostZone: name, name };
  const zone = zoneFor(tz);
  return { kind: 'shift', zone, name: fixedOffsetName(zone.std.gmtoff) };
}

/** The resolved zone name when the process's zone is `tz` (what `resolvedOptions().timeZone` says). */
export function intlZoneName(tz: string | undefined): string {
  const mode = defaultZoneMode(tz);
  return mode.name ?? 'UTC';
}

/** An explicit `timeZone` option in ECMA-402's offset form (`+05:30`, `-0800`), as a zone. */
function offsetZoneOption(tz: unknown): ZoneMode | undefined {
  const m = typeof tz === 'string' ? /^([+-])(\d{2}):?(\d{2})$/.exec(tz) : null;
  if (!m || Number(m[2]) > 23 || Number(m[3]) > 59) return undefined;
  const gmtoff = (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 3600 + Number(m[3]) * 60);
  return { kind: 'shift', zone: { spec: tz as string, std: { abbr: '', gmtoff: gmtoff + 0 } }, name: offsetZoneName(gmtoff) };
}

// ---------------------------------------------------------------------------------------------
// DateTimeFormat.

interface DtfState {
  readonly host: Intl.DateTimeFormat;
  readonly mode: ZoneMode;
  /** The host's `timeZoneName` label for an offset, per style (shift mode), filled on use. */
  readonly labels: Map<string, string>;
  bound?: (date?: unknown) => string;
}

type Part = Intl.DateTimeFormatPart & { source?: string };

const OFFSET_STYLES: ReadonlySet<string> = new Set(['shortOffset', 'longOffset']);

/**
 * Whether the host's format() prints a space where its formatToParts() has U+202F (V8 11's
 * compatibility patch for ICU 72's `12:00\u202fAM`), so shift mode's format() can do the same.
 */
const FORMAT_NNBSP_AS_SPACE = ((): boolean => {
  const probe = new HostDTF('en-US', { hour: 'numeric', timeZone: 'UTC' });
  const joined = probe.formatToParts(0).map((p) => p.value).join('');
  return joined.includes('\u202f') && probe.format(0) === joined.replace(/\u202f/g, ' ');
})();

/** The label for a `timeZoneName` part in shift mode: the abbreviation, or the offset. */
function zoneLabel(st: DtfState, type: TzType): string {
  const opts = st.host.resolvedOptions();
  const style = opts.timeZoneName ?? 'short';
  if (!OFFSET_STYLES.has(style) && type.abbr !== '') return type.abbr;
  const offsetStyle = OFFSET_STYLES.has(style) ? style : 'shortOffset';
  const key = `${offsetStyle} ${type.gmtoff}`;
  const cached = st.labels.get(key);
  if (cached !== undefined) return cached;
  let label: string;
  const name = fixedOffsetName(type.gmtoff);
  if (name === 'UTC' || name.startsWith('Etc/')) {
    // The host's own (localised) label for an offset zone of whole hours.
    const f = new HostDTF(opts.locale, { timeZone: name, timeZoneName: offsetStyle as 'shortOffset' });
    label = f.formatToParts(0).find((p) => p.type === 'timeZoneName')?.value ?? name;
  } else {
    const a = Math.trunc(Math.abs(type.gmtoff) / 60);
    const h = Math.floor(a / 60);
    const mm = String(a % 60).padStart(2, '0');
    const sign = type.gmtoff < 0 ? '-' : '+';
    label = offsetStyle === 'longOffset' ? `GMT${sign}${String(h).padStart(2, '0')}:${mm}` : `GMT${sign}${h}:${mm}`;
  }
  st.labels.set(key, label);
  return label;
}

function relabel(st: DtfState, parts: Part[], typeOf: (p: Part) => TzType): Part[] {
  return parts.map((p) => (p.type === 'timeZoneName' ? { ...p, value: zoneLabel(st, typeOf(p)) } : p));
}

/** The zone type tz.ts gives at `t` ms, and `t` moved by its offset. */
function shifted(zone: TzZone, t: number): { type: TzType; local: number } {
  if (Number.isNaN(t)) return { type: zone.std, local: NaN };
  const { type } = typeAt(zone, Math.floor(t / 1000));
  return { type, local: t + type.gmtoff * 1000 };
}

/**
 * The process's `Intl.DateTimeFormat`. `nowMs` is the clock of `format()` without a date; when
 * absent, such a call formats an invalid time (RangeError) rather than read the host's clock.
 */
export function makeZonedDateTimeFormat(zone: () => string | undefined, nowMs?: () => number): typeof Intl.DateTimeFormat {
  const states = new WeakMap<object, DtfState>();
  const hostProto = HostDTF.prototype as unknown as Record<string, unknown>;

  const stateOf = (self: unknown, method: string): DtfState => {
    const st = typeof self === 'object' && self !== null ? states.get(self) : undefined;
    if (st) return st;
    // The host's own message: "Method Intl.DateTimeFormat.prototype.… called on incompatible receiver …".
    const desc = Object.getOwnPropertyDescriptor(hostProto, method);
    const fn = desc?.get ?? desc?.value;
    if (typeof fn === 'function') Reflect.apply(fn, self, []);
    throw new TypeError(`Method Intl.DateTimeFormat.prototype.${method} called on incompatible receiver`);
  };

  const dateValue = (date: unknown): number => (date === undefined ? (nowMs ? timeClip(nowMs()) : NaN) : timeClip(date));

  const formatToParts = (st: DtfState, date: unknown): Part[] => {
    const t = dateValue(date);
    const mode = st.mode;
    if (mode.kind === 'host') return st.host.formatToParts(t);
    const { type, local } = shifted(mode.zone, t);
    return relabel(st, st.host.formatToParts(local), () => type);
  };

  const formatRangeToParts = (st: DtfState, start: unknown, end: unknown): Part[] => {
    const mode = st.mode;
    if (start === undefined || end === undefined || mode.kind === 'host') return st.host.formatRangeToParts(start as number, end as number);
    const a = shifted(mode.zone, timeClip(start));
    const b = shifted(mode.zone, timeClip(end));
    return relabel(st, st.host.formatRangeToParts(a.local, b.local), (p) => (p.source === 'endRange' ? b.type : a.type));
  };

  const join = (parts: Part[]): string => parts.map((p) => p.value).join('');
  const format = (st: DtfState, date: unknown): string => {
    if (st.mode.kind === 'host') return st.host.format(dateValue(date));
    const text = join(formatToParts(st, date));
    return FORMAT_NNBSP_AS_SPACE ? text.replace(/\u202f/g, ' ') : text;
  };

  const create = (locales: unknown, options: unknown): DtfState => {
    const loc = localesFor(HostDTF as unknown as ServiceCtor, locales);
    if (options === null) return { host: new HostDTF(loc as string, options as unknown as undefined), mode: { kind: 'host' }, labels: new Map() };
    const opts = (options === undefined ? Object.create(null) : Object(options)) as object;
    const tzOption: unknown = Reflect.get(opts, 'timeZone');
    let mode: ZoneMode = { kind: 'host' };
    if (tzOption === undefined) mode = defaultZoneMode(zone());
    else if (!hostAccepts(String(tzOption))) mode = offsetZoneOption(tzOption) ?? mode;
    const hostZone = mode.kind === 'shift' ? 'UTC' : mode.hostZone;
    const hostOpts = hostZone === undefined ? opts : Object.create(opts, { timeZone: { value: hostZone, enumerable: true } });
    return { host: new HostDTF(loc as string, hostOpts as Intl.DateTimeFormatOptions), mode, labels: new Map() };
  };

  const proto = {
    resolvedOptions(): Intl.ResolvedDateTimeFormatOptions {
      const st = stateOf(this, 'resolvedOptions');
      const r = st.host.resolvedOptions();
      if (st.mode.name !== undefined) r.timeZone = st.mode.name;
      return r;
    },
    formatToParts(date?: unknown): Part[] {
      return formatToParts(stateOf(this, 'formatToParts'), date);
    },
    get format(): (date?: unknown) => string {
      const st = stateOf(this, 'format');
      if (!st.bound) {
        const bound = (date?: unknown): string => format(st, date);
        Object.defineProperty(bound, 'name', { value: '' });
        Object.defineProperty(bound, 'length', { value: 1 });
        st.bound = bound;
      }
      return st.bound;
    },
    formatRange(startDate: unknown, endDate: unknown): string {
      const st = stateOf(this, 'formatRange');
      if (st.mode.kind === 'host') return st.host.formatRange(startDate as number, endDate as number);
      return join(formatRangeToParts(st, startDate, endDate));
    },
    formatRangeToParts(startDate: unknown, endDate: unknown): Part[] {
      return formatRangeToParts(stateOf(this, 'formatRangeToParts'), startDate, endDate);
    },
  };

  function DateTimeFormat(this: unknown, locales?: unknown, options?: unknown): object {
    const target: object = new.target ?? DateTimeFormat;
    const self = Object.create(Reflect.get(target, 'prototype') as object) as object;
    states.set(self, create(locales, options));
    return self;
  }
  finishClass(DateTimeFormat, proto, 'Intl.DateTimeFormat', HostDTF as unknown as ServiceCtor);
  return DateTimeFormat as unknown as typeof Intl.DateTimeFormat;
}

/** Give a constructor its prototype (methods non-enumerable, as built-ins are) and statics. */
function finishClass(ctor: object, methods: object, tag: string, host: ServiceCtor): void {
  const proto: object = {};
  for (const key of Reflect.ownKeys(methods)) {
    const desc = Object.getOwnPropertyDescriptor(methods, key) as PropertyDescriptor;
    Object.defineProperty(proto, key, { ...desc, enumerable: false });
  }
  Object.defineProperty(proto, 'constructor', { value: ctor, writable: true, configurable: true });
  Object.defineProperty(proto, Symbol.toStringTag, { value: tag, configurable: true });
  Object.defineProperty(ctor, 'prototype', { value: proto, writable: false, enumerable: false, configurable: false });
  Object.defineProperty(ctor, 'length', { value: 0 });
  Object.defineProperty(ctor, 'supportedLocalesOf', {
    value: host.supportedLocalesOf, writable: true, enumerable: false, configurable: true,
  });
}

// ---------------------------------------------------------------------------------------------
// The other services.

/** Services that may be called without `new` (ECMA-402's legacy constructors). */
const CALLABLE: ReadonlySet<string> = new Set(['NumberFormat', 'Collator']);

/** A host service with `en-US` as its default locale, forwarding to a hidden host instance. */
function wrapService(host: ServiceCtor, name: string): ServiceCtor {
  const inner = new WeakMap<object, object>();
  const hostProto = host.prototype as Record<PropertyKey, unknown>;
  const innerOf = (self: unknown, key: PropertyKey, desc: PropertyDescriptor): object => {
    const obj = typeof self === 'object' && self !== null ? inner.get(self) : undefined;
    if (obj) return obj;
    const fn = desc.get ?? desc.value;
    if (typeof fn === 'function') Reflect.apply(fn, self, []); // the host's own TypeError
    throw new TypeError(`Method Intl.${name}.prototype.${String(key)} called on incompatible receiver`);
  };
  const methods: Record<PropertyKey, unknown> = {};
  for (const key of Reflect.ownKeys(hostProto)) {
    if (key === 'constructor' || key === Symbol.toStringTag) continue;
    const desc = Object.getOwnPropertyDescriptor(hostProto, key) as PropertyDescriptor;
    const getter = desc.get;
    const value: unknown = desc.value;
    if (getter) {
      const get = function (this: unknown): unknown {
        return Reflect.apply(getter, innerOf(this, key, desc), []);
      };
      Object.defineProperty(get, 'name', { value: `get ${String(key)}` });
      Object.defineProperty(methods, key, { get, enumerable: true, configurable: true });
    } else if (typeof value === 'function') {
      const method = function (this: unknown, ...args: unknown[]): unknown {
        return Reflect.apply(value, innerOf(this, key, desc), args);
      };
      Object.defineProperty(method, 'name', { value: value.name });
      Object.defineProperty(method, 'length', { value: value.length });
      Object.defineProperty(methods, key, { value: method, writable: true, enumerable: true, configurable: true });
    }
  }
  const Service = function (this: unknown, locales?: unknown, options?: unknown): object {
    if (new.target === undefined && !CALLABLE.has(name)) throw new TypeError(`Constructor Intl.${name} requires 'new'`);
    const target: object = new.target ?? Service;
    const obj = Reflect.construct(host, [localesFor(host, locales), options]) as object;
    const self = Object.create(Reflect.get(target, 'prototype') as object) as object;
    inner.set(self, obj);
    return self;
  };
  Object.defineProperty(Service, 'name', { value: name });
  const tag = Object.getOwnPropertyDescriptor(hostProto, Symbol.toStringTag)?.value;
  finishClass(Service, methods, typeof tag === 'string' ? tag : `Intl.${name}`, host);
  return Service as unknown as ServiceCtor;
}

/** Members that have no default locale or zone: the host's own. */
const PASS_THROUGH: ReadonlySet<string> = new Set(['Locale', 'getCanonicalLocales', 'supportedValuesOf']);

/**
 * The process's `Intl` namespace: the host's members with the process's defaults (see the top
 * of the file). `zone` gives the process's TZ (read when a DateTimeFormat is created); `nowMs`
 * the kernel's clock for `format()` without a date.
 */
export function makeZonedIntl(zone: () => string | undefined, nowMs?: () => number): typeof Intl {
  const ns: Record<PropertyKey, unknown> = {};
  for (const key of Reflect.ownKeys(HostIntl)) {
    if (typeof key !== 'string') continue;
    const value: unknown = Reflect.get(HostIntl, key);
    let member: unknown;
    if (key === 'DateTimeFormat') member = makeZonedDateTimeFormat(zone, nowMs);
    else if (PASS_THROUGH.has(key)) member = value;
    else if (typeof value === 'function' && typeof Reflect.get(value, 'supportedLocalesOf') === 'function') member = wrapService(value as ServiceCtor, key);
    else continue; // an unknown kind of member: left out rather than leak a host default
    Object.defineProperty(ns, key, { value: member, writable: true, enumerable: false, configurable: true });
  }
  Object.defineProperty(ns, Symbol.toStringTag, { value: 'Intl', configurable: true });
  return ns as unknown as typeof Intl;
}
