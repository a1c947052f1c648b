/**
 * What the posixbox command does at start-up, seen from outside: how many Worker threads a
 * command makes (node --cpu-prof writes one profile per thread that ran: the main thread's and
 * each Worker's), and when bin/posixbox.mjs builds dist/: in a checkout when dist/ is stale,
 * never in an installed copy.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '..');
const BIN = join(ROOT, 'bin', 'posixbox.mjs');
const dir = mkdtempSync(join(tmpdir(), 'posixbox-startup-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function node(args: string[], timeout = 60_000): { stdout: string; stderr: string; status: number } {
  const r = spawnSync(process.execPath, args, { encoding: 'utf8', timeout });
  return { stdout: r.stdout, stderr: r.stderr, status: r.status ?? -1 };
}

/** The threads that ran JavaScript during `posixbox ARGS`: the main thread and each Worker. */
function threadsOf(args: string[]): { threads: number; stdout: string; status: number } {
  const prof = mkdtempSync(join(dir, 'prof-'));
  const r = node(['--cpu-prof', '--cpu-prof-dir', prof, BIN, ...args]);
  return { threads: readdirSync(prof).filter((f) => f.endsWith('.cpuprofile')).length, stdout: r.stdout, status: r.status };
}

describe('Workers a command makes', () => {
  it('-c true: one (the shell\'s), besides the main thread', () => {
    expect(threadsOf(['-c', 'true'])).toEqual({ threads: 2, stdout: '', status: 0 });
  });

  it('two commands one after the other: the second reuses the first one\'s Worker', () => {
    expect(threadsOf(['-c', '/bin/true; /bin/echo done'])).toEqual({ threads: 3, stdout: 'done\n', status: 0 });
  });

  it('run: one (the program\'s)', () => {
    const p = join(dir, 'zero.js');
    writeFileSync(p, "import os from 'posixbox/os';\nexport function main() { return 0; }\n");
    expect(threadsOf(['run', p])).toEqual({ threads: 2, stdout: '', status: 0 });
  });

  it('--help: none', () => {
    expect(threadsOf(['--help'])).toMatchObject({ threads: 1, status: 0 });
  });

  it('a usage error after the Worker was started: stopped, and the exit is clean', () => {
    const r = node([BIN, '--user', 'mallory', '-c', 'true']);
    expect(r.status).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe('posixbox: no such user: mallory');
  });
});

/**
 * A copy of the package's sources: src/, scripts/, bin/, lessons/ and package.json, with
 * node_modules linked; with their times (a file changed just before a build is built again).
 */
function copySources(to: string): void {
  for (const d of ['src', 'scripts', 'bin', 'lessons']) cpSync(join(ROOT, d), join(to, d), { recursive: true, preserveTimestamps: true });
  for (const f of ['package.json', 'tsconfig.json']) cpSync(join(ROOT, f), join(to, f), { preserveTimestamps: true });
  symlinkSync(join(ROOT, 'node_modules'), join(to, 'node_modules'), 'dir');
}

const firstUsageLine = (out: string): string => out.split('\n')[1] ?? '';

describe('bin/posixbox.mjs builds dist/', () => {
  const checkout = join(dir, 'checkout');
  const bin = join(checkout, 'bin', 'posixbox.mjs');
  const args = join(checkout, 'src', 'cli', 'args.ts');
  const stamp = join(checkout, 'dist', 'build-stamp.json');

  it('in a checkout: when dist/ is missing, when a source changed (even to an older time), never otherwise', () => {
    mkdirSync(join(checkout, '.git'), { recursive: true });
    copySources(checkout);
    expect(node([bin, '-c', 'echo built'])).toEqual({ stdout: 'built\n', stderr: '', status: 0 });
    expect(existsSync(stamp)).toBe(true);

    const built = statSync(join(checkout, 'dist', 'cli.js')).mtimeMs;
    expect(node([bin, '-c', 'true']).status).toBe(0);
    expect(statSync(join(checkout, 'dist', 'cli.js')).mtimeMs).toBe(built); // fresh: not built again

    writeFileSync(args, readFileSync(args, 'utf8').replace('posixbox [options]  ', 'posixbox [OPTIONS]  '));
    utimesSync(args, new Date('2001-01-01'), new Date('2001-01-01')); // older than the build: still a change
    expect(firstUsageLine(node([bin, '--help']).stdout)).toMatch(/^ {2}posixbox \[OPTIONS\] {2}/);

    rmSync(stamp); // a build that failed, or one from before stamps
    expect(node([bin, '--help']).status).toBe(0);
    expect(existsSync(stamp)).toBe(true);
  }, 180_000);

  it('an installed copy (no .git) never builds, even with sources newer than dist/', () => {
    const pkg = join(dir, 'package');
    copySources(pkg);
    cpSync(join(checkout, 'dist'), join(pkg, 'dist'), { recursive: true, preserveTimestamps: true });
    const pkgBin = join(pkg, 'bin', 'posixbox.mjs');
    const pkgArgs = join(pkg, 'src', 'cli', 'args.ts');
    writeFileSync(pkgArgs, readFileSync(pkgArgs, 'utf8').replace('posixbox [OPTIONS]  ', 'posixbox [changed]  '));
    const before = readFileSync(join(pkg, 'dist', 'build-stamp.json'), 'utf8');
    expect(firstUsageLine(node([pkgBin, '--help']).stdout)).toMatch(/^ {2}posixbox \[OPTIONS\] {2}/);
    expect(readFileSync(join(pkg, 'dist', 'build-stamp.json'), 'utf8')).toBe(before);

    rmSync(join(pkg, 'dist', 'cli.js'));
    const r = node([pkgBin, '-c', 'true']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^posixbox: .*dist\/cli\.js is missing: this copy of posixbox was never built/);
    expect(existsSync(join(pkg, 'dist', 'cli.js'))).toBe(false);
  }, 60_000);
});
