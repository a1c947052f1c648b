/**
 * console for programs: log/info/debug write to fd 1 and error/warn/trace to fd 2, each call one
 * write(2) through the kernel. Formatting follows Node's util.format for the common cases.
 */

function inspect(x: unknown, errorText: (e: Error) => string, depth = 0, seen = new Set<unknown>()): string {
  if (typeof x === 'string') return depth === 0 ? x : `'${x.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n')}'`;
  if (typeof x === 'bigint') return `${x}n`;
  if (typeof x === 'symbol') return x.toString();
  if (typeof x === 'function') return `[Function: ${x.name || '(anonymous)'}]`;
  if (x === null || typeof x !== 'object') return String(x);
  if (seen.has(x)) return '[Circular *1]';
  if (x instanceof Error) return errorText(x);
  if (depth > 2) return Array.isArray(x) ? '[Array]' : '[Object]';
  seen.add(x);
  try {
    if (x instanceof Uint8Array) return `Uint8Array(${x.length}) [ ${[...x.slice(0, 100)].join(', ')}${x.length > 100 ? ', ...' : ''} ]`;
    if (Array.isArray(x)) {
      if (x.length === 0) return '[]';
      return `[ ${x.map((v) => inspect(v, errorText, depth + 1, seen)).join(', ')} ]`;
    }
    if (x instanceof Map) {
      const parts = [...x.entries()].map(([k, v]) => `${inspect(k, errorText, depth + 1, seen)} => ${inspect(v, errorText, depth + 1, seen)}`);
      return `Map(${x.size}) {${parts.length ? ` ${parts.join(', ')} ` : ''}}`;
    }
    if (x instanceof Set) {
      const parts = [...x].map((v) => inspect(v, errorText, depth + 1, seen));
      return `Set(${x.size}) {${parts.length ? ` ${parts.join(', ')} ` : ''}}`;
    }
    const entries = Object.entries(x);
    if (entries.length === 0) return '{}';
    const key = (k: string): string => (/^[A-Za-z_$][\w$]*$/.test(k) ? k : `'${k}'`);
    return `{ ${entries.map(([k, v]) => `${key(k)}: ${inspect(v, errorText, depth + 1, seen)}`).join(', ')} }`;
  } finally {
    seen.delete(x);
  }
}

/** util.format: %s %d %i %f %j %o %O %c %% substitutions, then the rest joined by spaces. */
export function format(errorText: (e: Error) => string, ...args: unknown[]): string {
  let rest = args;
  let head = '';
  if (typeof args[0] === 'string' && args[0].includes('%')) {
    let i = 1;
    head = args[0].replace(/%([sdifjoOc%])/g, (m, c: string) => {
      if (c === '%') return '%';
      if (i >= args.length) return m;
      const v = args[i++];
      switch (c) {
        case 's': return typeof v === 'string' ? v : inspect(v, errorText, 1);
        case 'd': case 'i': return typeof v === 'bigint' ? `${v}n` : String(c === 'i' ? Math.trunc(Number(v)) : Number(v));
        case 'f': return String(Number(v));
        case 'j': return JSON.stringify(v);
        case 'c': return '';
        default: return inspect(v, errorText, 1);
      }
    });
    rest = args.slice(i);
    return [head, ...rest.map((a) => inspect(a, errorText))].join(' ');
  }
  return rest.map((a) => inspect(a, errorText)).join(' ');
}

/** The default view of an Error: its name and message (a program's frames come from the runtime's). */
const plainError = (e: Error): string => `${e.name}: ${e.message}`;

export function makeConsole(write: (fd: number, text: string) => void, errorText: (e: Error) => string = plainError): Console {
  const fmt = (...a: unknown[]): string => format(errorText, ...a);
  const out = (...a: unknown[]): void => write(1, `${fmt(...a)}\n`);
  const err = (...a: unknown[]): void => write(2, `${fmt(...a)}\n`);
  const counts = new Map<string, number>();
  const c = {
    log: out, info: out, debug: out, dir: (x: unknown) => write(1, `${inspect(x, errorText, 1)}\n`),
    error: err, warn: err,
    trace: (...a: unknown[]) => err(`Trace: ${fmt(...a)}\n${errorText(new Error()).split('\n').slice(1).join('\n')}`),
    assert: (cond: unknown, ...a: unknown[]) => { if (!cond) err(`Assertion failed${a.length ? `: ${fmt(...a)}` : ''}`); },
    count: (label = 'default') => { const n = (counts.get(label) ?? 0) + 1; counts.set(label, n); out(`${label}: ${n}`); },
    countReset: (label = 'default') => { counts.delete(label); },
    table: out, group: out, groupCollapsed: out, groupEnd: () => {}, time: () => {}, timeEnd: () => {}, timeLog: () => {},
  };
  return c as unknown as Console;
}
