/**
 * Installing the /bin utilities: every src/bin program is in dist/programs.js as a `#!posixbox`
 * image, and boot() writes each as /bin/<name>, a root-owned 0755 regular file, the same way
 * (same bytes, same inode numbers) on every boot.
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PROGRAMS } from '#programs';
import { binariesOf, boot, installPrograms } from '../../src/index.js';
import { readFile } from './harness.js';
import { IMPORT_PARAM, linkProgram } from '../../src/proc/link.js';

const SOURCES = readdirSync(new URL('../../src/bin/', import.meta.url))
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts') && f !== 'lib.ts' && f !== 'install.ts')
  .map((f) => f.slice(0, -3));

describe('the /bin images', () => {
  it('dist/programs.js has one image per src/bin program, in name order', () => {
    // and `[`, the same image as test (scripts/build.mjs installs it under both names)
    expect(Object.keys(PROGRAMS)).toEqual([...SOURCES, '['].sort());
    expect(PROGRAMS['[']).toBe(PROGRAMS.test);
    expect(SOURCES).toEqual(expect.arrayContaining(['cat', 'chmod', 'echo', 'id', 'ln', 'mkdir', 'pwd', 'rm', 'sleep', 'true']));
  });

  it.each(SOURCES)('%s is a #!posixbox module that imports posixbox/os by its bare name', (name) => {
    const image = PROGRAMS[name]!;
    expect(image.startsWith('#!posixbox\n')).toBe(true);
    expect(image).toMatch(/^import [^\n]* from "posixbox\/os";$/m);
    expect(image).toMatch(/^export \{[^}]*\bmain\b[^}]*\};?$/m);
  });
});

describe('linking them', () => {
  // A program is linked into a function body its compartment evaluates: it may import only the
  // posixbox modules, and its exports become the body's result.
  it.each(Object.keys(PROGRAMS))('%s links: imports posixbox/os only, exports main', (name) => {
    const linked = linkProgram(PROGRAMS[name]!, name);
    expect([...linked.imports]).toEqual(['posixbox/os']);
    expect(linked.exports).toContain('main');
    const os = { default: {}, OSError: class {}, time: {}, signal: {}, termios: {}, tty: {}, pwd: {}, grp: {}, stat: {}, select: {}, path: {}, sys: {}, subprocess: {}, resource: {} };
    const body = new Function(IMPORT_PARAM, `"use strict";${linked.body}\n;return { ${linked.exports.join(', ')} };`) as (i: (s: string) => unknown) => Record<string, unknown>;
    expect(typeof body(() => os).main).toBe('function');
  });
});

describe('boot installs them', () => {
  it('as /bin/<name>, mode 0100755 (su and sudo 0104755: set-user-ID), owned 0:0, holding the image', () => {
    const k = boot({ poolSize: 1 });
    try {
      for (const name of SOURCES) {
        const st = k.vfs.stat(k.rootContext(), `/bin/${name}`, false);
        const mode = name === 'su' || name === 'sudo' ? '104755' : '100755';
        expect([name, st.mode.toString(8), st.uid, st.gid]).toEqual([name, mode, 0, 0]);
        expect(readFile(k, `/bin/${name}`)).toBe(PROGRAMS[name]);
      }
    } finally {
      k.shutdown();
    }
  });

  it('with the same inode numbers on every boot, after the fixture files', () => {
    const inodes = (): number[] => {
      const k = boot({ poolSize: 1, files: [{ path: '/srv/a', content: 'a' }] });
      try {
        const ino = (p: string): number => k.vfs.stat(k.rootContext(), p, false).ino;
        expect(ino('/bin/true')).toBeGreaterThan(ino('/srv/a'));
        return [ino('/srv/a'), ...SOURCES.map((n) => ino(`/bin/${n}`))];
      } finally {
        k.shutdown();
      }
    };
    expect(inodes()).toEqual(inodes());
  });

  it('not with binaries: {}; elsewhere with installPrograms or binariesOf', () => {
    const k = boot({ poolSize: 1, binaries: {} });
    const k2 = boot({ poolSize: 1, binaries: binariesOf({ hello: '#!posixbox\nexport const main = () => 0;\n' }, '/opt/bin/') });
    try {
      expect(() => k.vfs.stat(k.rootContext(), '/bin/true', false)).toThrow();
      installPrograms(k, PROGRAMS, '/usr/local/bin');
      const st = k.vfs.stat(k.rootContext(), '/usr/local/bin/echo', false);
      expect([st.mode.toString(8), st.uid, st.gid]).toEqual(['100755', 0, 0]);
      expect(readFile(k2, '/opt/bin/hello')).toBe('#!posixbox\nexport const main = () => 0;\n');
    } finally {
      k.shutdown();
      k2.shutdown();
    }
  });
});
