/**
 * Installing the /bin utilities into a kernel's filesystem. Kernel side (it runs where the kernel
 * runs, Node or a browser page's Worker); the utilities themselves are the other files here.
 *
 * A program image is a file whose first line is `#!posixbox` (to JavaScript, a hashbang comment),
 * followed by an ES module that exports main(argv) and imports `posixbox/os` by that bare name.
 * scripts/build.mjs bundles each src/bin/<name>.ts into one and writes the map name → image to
 * dist/programs.js (the package's `posixbox/programs`):
 *
 *   import { boot } from 'posixbox';                       // Node: /bin is installed by default
 *   import { PROGRAMS } from 'posixbox/programs';
 *   const k = boot({ binaries: binariesOf(PROGRAMS) });    // the browser build: pass them in …
 *   installPrograms(k, PROGRAMS, '/usr/local/bin');         // … or install into a booted kernel
 */
import { installBinaries } from '../kernel/setup.js';
import type { Kernel } from '../kernel/kernel.js';

/** The `binaries` boot option for `programs` in `dir`: path → image. */
export function binariesOf(programs: Readonly<Record<string, string>>, dir = '/bin'): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of Object.keys(programs).sort()) out[`${dir.replace(/\/+$/, '')}/${name}`] = programs[name]!;
  return out;
}

/** Write each program as `dir/<name>`, mode 0755, owned by root, in name order (so inode numbers repeat). */
export function installPrograms(k: Kernel, programs: Readonly<Record<string, string>>, dir = '/bin'): void {
  installBinaries(k, binariesOf(programs, dir));
}
