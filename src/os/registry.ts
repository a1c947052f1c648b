/**
 * Where a process's modules are found: the runtime registers the modules it built under a
 * well-known symbol on the Worker's global object, and `posixbox/os` (index.ts) reads them.
 * This is the one piece of per-Worker global state; a Worker is exactly one process.
 */
export const MODULES_KEY = Symbol.for('posixbox.modules');

export type ModuleRegistry = Map<string, Record<string, unknown>>;

export function registry(): ModuleRegistry | undefined {
  return (globalThis as { [MODULES_KEY]?: ModuleRegistry })[MODULES_KEY];
}

export function setRegistry(r: ModuleRegistry): void {
  (globalThis as { [MODULES_KEY]?: ModuleRegistry })[MODULES_KEY] = r;
}
