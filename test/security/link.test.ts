/**
 * The kernel's linker cache (src/proc/link.ts): one entry per source text whatever the path it
 * is run by (so a thousand links to one big file cost one linked copy), each path still named in
 * its own refusal.
 */
import { describe, expect, it } from 'vitest';
import { LinkCache } from '../../src/proc/link.js';
import { GLOBAL_NAMES } from '../../src/kernel/abi/image.js';
import { run } from '../helpers.js';

describe('the link cache', () => {
  it('shares one linked body among every path of a source', () => {
    const c = new LinkCache();
    const src = "import os from 'posixbox/os';\nexport function main() { return os.getpid(); }\n";
    // The exports list is the cached link's own array: one array means one link.
    const links = new Set(Array.from({ length: 1000 }, (_, i) => c.get(src, `/tmp/link${i}`)).map((img) => img.exports));
    const img = c.get(src, '/bin/x');
    expect([links.size, img.path, img.exports, img.imports, img.error]).toEqual([1, '/bin/x', ['main'], ['posixbox/os'], undefined]);
  });

  it('names each path in a refusal', () => {
    const c = new LinkCache();
    const src = "import fs from 'node:fs';\nexport function main() {}\n";
    expect([c.get(src, '/a.js').error, c.get(src, '/b.js').error]).toEqual([
      "/a.js: cannot import 'node:fs': a program can import only posixbox/os and posixbox/lesson (bundle any other dependency into the program)",
      "/b.js: cannot import 'node:fs': a program can import only posixbox/os and posixbox/lesson (bundle any other dependency into the program)",
    ]);
  });

  it('lists the globals a body mentions, as words', () => {
    const c = new LinkCache();
    const img = c.get("export function main() { const MathX = 1; console.log(Math.max(MathX), JSON, fooURL, 'setTimeout'); }\n", '/m.js');
    expect(img.mentions).toEqual(['JSON', 'Math', 'console', 'setTimeout']);
  });

  it('knows every global a program\'s compartment holds (each is bound once, not looked up at each use)', async () => {
    const r = await run(`export function main() { console.log(Object.getOwnPropertyNames(globalThis).filter((n) => /^[A-Za-z_$][\\w$]*$/.test(n)).sort().join(' ')); return 0; }\n`);
    const unbound = new Set(['undefined', 'NaN', 'Infinity', 'eval', 'globalThis']);
    const names = r.stdout.trim().split(' ').filter((n) => !unbound.has(n));
    expect(names.length).toBeGreaterThan(50);
    expect(names.filter((n) => !GLOBAL_NAMES.includes(n))).toEqual([]);
  });
});
