/**
 * The shell conformance table against the host's /bin/sh (dash 0.5.12): each case runs as
 * `sh -c script` (argv[0] `sh`) in a fresh temporary directory, with only PATH=/usr/bin:/bin,
 * HOME (that directory) and LC_ALL=C in the environment, stdin from /dev/null unless the case
 * gives one, umask 022, in a session of its own (no controlling terminal), and must give
 * exactly the case's stdout, stderr and status. This keeps the table true: posixbox.test.ts
 * then holds posixbox to it. Like posixbox.test.ts it expects to run as root (some cases
 * check root's permissions), on Linux.
 */
import { spawnSync, type SpawnSyncOptionsWithStringEncoding } from 'node:child_process';
import { mkdtempSync, openSync, closeSync, rmSync, realpathSync } from 'node:fs';
import { constants, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeCase, loadCaseFiles, resultOf } from './cases.js';
import type { Expected, ShCase } from './format.js';

const SH = '/bin/sh';

function runOnDash(c: ShCase): Expected {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'shcase-')));
  const devnull = openSync('/dev/null', 'r');
  try {
    // `detached` (not in spawnSync's types, but honoured): a new session, so the shell has no
    // controlling terminal, as in posixbox.test.ts.
    const options: SpawnSyncOptionsWithStringEncoding & { detached: boolean } = {
      argv0: 'sh',
      cwd: dir,
      detached: true,
      env: { PATH: '/usr/bin:/bin', HOME: dir, LC_ALL: 'C' },
      ...(c.stdin !== undefined ? { input: c.stdin } : { stdio: [devnull, 'pipe', 'pipe'] }),
      encoding: 'utf8',
      timeout: 10_000,
      killSignal: 'SIGKILL',
    };
    // The umask is inherited: give dash the one posixbox.test.ts gives its shell.
    const umask = process.umask(0o022);
    let r;
    try {
      r = spawnSync(SH, ['-c', c.script], options);
    } finally {
      process.umask(umask);
    }
    // EPIPE: the script ended without reading all of its stdin, which is fine.
    if (r.error && (r.error as NodeJS.ErrnoException).code !== 'EPIPE') throw r.error;
    const status = r.status ?? 128 + (r.signal ? constants.signals[r.signal] : 0);
    return resultOf(r.stdout, r.stderr, status);
  } finally {
    closeSync(devnull);
    rmSync(dir, { recursive: true, force: true });
  }
}

for (const { file, cases } of loadCaseFiles()) {
  describe(file, () => {
    it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
      const { stdout, stderr, status } = c;
      expect(runOnDash(c), describeCase(c)).toEqual({ stdout, stderr, status });
    });
  });
}
