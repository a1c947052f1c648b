/**
 * `posixbox run [options] PROGRAM [ARG]...`: boot a kernel (the default system, or --fixture's)
 * and run the program as a process with the host's terminal or streams as its stdio.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { boot } from '../index.js';
import { parseFixture } from '../kernel/fixture.js';
import { nodeWorkers } from '../proc/node-worker.js';
import { DEFAULT_FS_SIZE } from '../fs/space.js';
import { parseRunOptions, UsageError } from './args.js';
import type { ThreadAhead } from './ahead.js';
import { DEFAULT_SYSTEM } from './default-system.js';
import { resolveIdentity } from './identity.js';
import { hostStdio } from './terminal.js';
import { runToEnd } from './util.js';

/** `ahead`: the Worker thread the CLI started for the process. */
export async function cmdRun(argv: string[], ahead?: ThreadAhead['take']): Promise<number> {
  const { opts, rest } = parseRunOptions(argv);
  const [programPath, ...args] = rest;
  if (!programPath) throw new UsageError('run: which program?');
  const fx = opts.fixture ? parseFixture(JSON.parse(readFileSync(opts.fixture, 'utf8')) as unknown) : undefined;
  const id = resolveIdentity(opts, fx, fx?.system ?? DEFAULT_SYSTEM);
  const source = readFileSync(programPath, 'utf8');
  const k = boot({
    ...(fx?.system ?? DEFAULT_SYSTEM),
    ...(opts.clock !== undefined ? { clock: opts.clock } : {}),
    ...(opts.seed !== undefined ? { seed: opts.seed } : {}),
    ...(opts.nextPid !== undefined ? { nextPid: opts.nextPid } : fx?.process.pid !== undefined ? { nextPid: fx.process.pid } : {}),
    realtime: opts.realtime,
    workers: nodeWorkers(undefined, undefined, ahead),
    poolSize: 0, // one process: its Worker is made (or taken from `ahead`) when it is spawned
    ...(opts.strace ? { strace: (line: string) => process.stderr.write(line) } : {}),
    onDeadlock: (report) => process.stderr.write(`posixbox: ${report}`),
    fsSize: opts.fsSize ?? DEFAULT_FS_SIZE,
    // The OOM killer's line; on a terminal the kernel writes it there itself (oom.ts).
    onDiagnostic: (m) => { if (!(process.stdin.isTTY === true) && m.startsWith('Out of memory')) process.stderr.write(m); },
  });
  const cwd = opts.cwd ?? (fx && opts.user === undefined ? fx.process.cwd : id.home);
  const env = new Map<string, string>(fx && opts.user === undefined ? fx.process.env.map(([a, b]) => [a, b]) : [
    ['HOME', id.home], ['LOGNAME', id.login], ['PATH', '/bin:/usr/bin'], ['PWD', cwd], ['SHELL', '/bin/sh'], ['USER', id.login],
  ]);
  if (opts.tz !== undefined) env.set('TZ', opts.tz);
  for (const kv of opts.env) env.set(kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1));
  const host = hostStdio(k, id.uid);
  return runToEnd(k, host, {
    program: { source, path: resolve(programPath) },
    argv: [programPath, ...args],
    env: [...env].map(([a, b]) => `${a}=${b}`),
    uid: id.uid, gid: id.gid, groups: id.groups, cwd, login: id.login,
    umask: fx && opts.user === undefined ? fx.process.umask : 0o022,
  });
}
