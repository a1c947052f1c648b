/**
 * What the processes a Worker runs one after another share, hardened once per Worker: a Worker
 * is reused (proc/pool.ts), so an object of the os library that every process's modules reach —
 * a class, its prototype, a constant table — must not be a place where one program leaves
 * something for the next (`OSError.prototype.toString = …`, `stat.S_ISDIR = …`).
 *
 * Two kinds: the classes whose instances the API hands out (their prototypes are reached through
 * any instance), named here; and whatever else two processes' modules both reach, found by
 * walking the module objects of two stand-in runtimes and keeping what they have in common
 * (whatever is made per process differs between the two).
 */
import { Errno, ProcessGone } from './channel.js';
import { harden } from './confine.js';
import { Environ, KeyError } from './credapi.js';
import { DirEntry } from './dirapi.js';
import { OSError, ValueError } from './errors.js';
import { CalledProcessError, TimeoutExpired } from './popenapi.js';
import { MemoryError } from './pyargs.js';
import { OverflowError } from './pyint.js';
import { FdStream, PyFile } from './pymodules.js';
import type { ModuleRegistry } from './registry.js';
import { SystemExit } from './runtime-types.js';
import { StatResult } from './stat-result.js';
import { StatvfsResult } from './statvfs.js';
import { TermiosError } from './ttyapi.js';

const CLASSES: readonly unknown[] = [
  Errno, ProcessGone, Environ, KeyError, DirEntry, OSError, ValueError, CalledProcessError, TimeoutExpired, MemoryError,
  OverflowError, FdStream, PyFile, SystemExit, StatResult, StatvfsResult, TermiosError,
];

/** How many objects one walk may visit: the os library's graph is a few thousand. */
const WALK_BOUND = 100_000;

/** Every object reachable from `roots` through properties (values and accessors) and prototypes. */
export function reachable(roots: readonly unknown[]): Set<object> {
  const seen = new Set<object>();
  const stack = [...roots];
  while (stack.length > 0 && seen.size < WALK_BOUND) {
    const v = stack.pop();
    if ((typeof v !== 'object' && typeof v !== 'function') || v === null || seen.has(v)) continue;
    seen.add(v);
    stack.push(Object.getPrototypeOf(v));
    // A Map's or Set's entries are per process (os.environ); only its own properties are walked.
    for (const d of Object.values(Object.getOwnPropertyDescriptors(v))) stack.push(d.value, d.get, d.set);
  }
  return seen;
}

/** Harden the shared part of the os library; `a` and `b` are the modules of two different stand-in processes. */
export function hardenShared(a: ModuleRegistry, b: ModuleRegistry): void {
  const inB = reachable([...b.values()]);
  const shared = [...reachable([...a.values()])].filter((o) => inB.has(o));
  harden([...CLASSES, ...shared]);
}
