/**
 * The layering DESIGN.md draws, checked statically:
 * - the platform-neutral core (src/kernel, src/fs, src/os, src/lessons, src/bin, and src/proc but for its
 *   Node glue) imports no Node builtin (`node:*`, `fs`, `worker_threads`, …) and uses no global
 *   only Node has (`Buffer`, `process`, `setImmediate`, `require`, …): it must run in a browser;
 * - src/fs does not import src/proc;
 * - nothing but the CLI imports src/host or src/cli.
 * Imports are read with TypeScript's own scanner (static, re-exports, `import type`, dynamic
 * import(), require()); globals are resolved by the type checker, so a local named `process` is fine.
 */
import { builtinModules } from 'node:module';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const SRC = join(REPO, 'src');

/** Folders that must run in a browser, and the files in them allowed to be Node-only glue. */
const NEUTRAL = ['kernel', 'fs', 'os', 'lessons', 'proc', 'bin'];
const NODE_GLUE = new Set(['proc/node-worker.ts', 'proc/worker-entry.node.ts']);

const BUILTINS = new Set(builtinModules.flatMap((m) => [m, m.split('/')[0]!]));
const isNodeBuiltin = (spec: string): boolean => spec.startsWith('node:') || BUILTINS.has(spec);

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

const rel = (file: string): string => relative(SRC, file).split(sep).join('/');
const allSrc = tsFiles(SRC);
const neutral = allSrc.filter((f) => NEUTRAL.includes(rel(f).split('/')[0]!) && !NODE_GLUE.has(rel(f)));

/** Every module specifier a file names: imports, re-exports, dynamic import(), require(). */
function specifiers(file: string): string[] {
  return ts.preProcessFile(readFileSync(file, 'utf8'), true, true).importedFiles.map((f) => f.fileName);
}

/** The src/ folder a relative specifier lands in ('proc', 'fs', …), or undefined. */
function targetFolder(file: string, spec: string): string | undefined {
  if (!spec.startsWith('.')) return undefined;
  const r = relative(SRC, resolve(dirname(file), spec));
  return r.startsWith('..') ? undefined : r.split(sep)[0];
}

describe('layering', () => {
  it('finds the core', () => {
    expect(neutral.length).toBeGreaterThan(30);
    expect(neutral.map(rel)).toEqual(expect.arrayContaining(['kernel/kernel.ts', 'proc/worker-entry.web.ts', 'os/runtime.ts']));
  });

  it('the core imports no Node builtin', () => {
    const bad = neutral.flatMap((f) => specifiers(f).filter(isNodeBuiltin).map((s) => `${rel(f)} imports '${s}'`));
    expect(bad).toEqual([]);
  });

  it('src/fs does not import src/proc', () => {
    const bad = allSrc.filter((f) => rel(f).startsWith('fs/'))
      .flatMap((f) => specifiers(f).filter((s) => targetFolder(f, s) === 'proc').map((s) => `${rel(f)} imports '${s}'`));
    expect(bad).toEqual([]);
  });

  it('nothing but the CLI imports src/host or src/cli', () => {
    const bad = allSrc.filter((f) => !rel(f).startsWith('cli/') && !rel(f).startsWith('host/'))
      .flatMap((f) => specifiers(f).filter((s) => ['host', 'cli'].includes(targetFolder(f, s) ?? ''))
        .map((s) => `${rel(f)} imports '${s}'`));
    expect(bad).toEqual([]);
  });

  it('the core uses no global only Node has', () => {
    const config = ts.getParsedCommandLineOfConfigFile(join(REPO, 'tsconfig.json'), {}, {
      ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => { throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n')); },
    })!;
    const program = ts.createProgram(neutral, { ...config.options, noEmit: true });
    const checker = program.getTypeChecker();
    const nodeTypes = `${sep}node_modules${sep}@types${sep}node${sep}`;
    const nodeOnly = (d: ts.Declaration): boolean => resolve(d.getSourceFile().fileName).includes(nodeTypes);
    const bad = new Set<string>();
    for (const file of neutral) {
      const sf = program.getSourceFile(file)!;
      const visit = (n: ts.Node): void => {
        const member = (p: ts.Node): boolean => (ts.isPropertyAccessExpression(p) || ts.isQualifiedName(p)) && p.getChildAt(0, sf) !== n;
        if (ts.isIdentifier(n) && !member(n.parent)) {
          const decls = checker.getSymbolAtLocation(n)?.declarations ?? [];
          // A free name declared only by @types/node: Buffer, process, setImmediate, require, __dirname,
          // global… (members are not looked at: @types/node also declares Symbol.dispose and such).
          if (decls.length > 0 && decls.every(nodeOnly)) {
            const { line } = sf.getLineAndCharacterOfPosition(n.getStart(sf));
            bad.add(`${rel(file)}:${line + 1} uses ${n.text}`);
          }
        }
        ts.forEachChild(n, visit);
      };
      visit(sf);
    }
    expect([...bad]).toEqual([]);
  });
});
