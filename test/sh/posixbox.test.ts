/**
 * The shell conformance table against posixbox's own /bin/sh: each case boots a fresh kernel on
 * the CLI's default system, and root runs `/bin/sh -c script` (argv[0] `sh`) in /tmp/case with
 * only PATH=/usr/bin:/bin, HOME=/tmp/case and LC_ALL=C in the environment and stdin from
 * /dev/null unless the case gives one. The whole stdout, stderr and status must be dash's (as
 * dash.test.ts checks them), or what the case documents under `## differs:`. A failure shows the
 * script and the diff.
 */
import { describe, expect, it } from 'vitest';
import { PROGRAMS } from '#programs';
import { boot } from '../../src/index.js';
import { DEFAULT_SYSTEM } from '../../src/cli/default-system.js';
import { HostInput } from '../../src/fs/hoststream.js';
import { describeCase, loadCaseFiles, resultOf } from './cases.js';
import { expectedOnPosixbox, type Expected, type ShCase } from './format.js';

const CWD = '/tmp/case';
/** A case that has not finished in this much real time is reported as hung. */
const HANG_MS = 20_000;

const decoder = new TextDecoder();
const join = (cs: Uint8Array[]): string => cs.map((x) => decoder.decode(x, { stream: true })).join('') + decoder.decode();

async function runOnPosixbox(c: ShCase): Promise<Expected> {
  const source = PROGRAMS['sh'];
  if (source === undefined) throw new Error('posixbox has no /bin/sh yet (no program `sh` in dist/programs.js)');
  const k = boot({ ...DEFAULT_SYSTEM, files: [{ path: CWD, type: 'dir', mode: '0755' }], poolSize: 1 });
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const out: Uint8Array[] = [];
    const err: Uint8Array[] = [];
    let pending = 2;
    let done!: () => void;
    const ended = new Promise<void>((r) => { done = r; });
    const eof = (): void => { if (--pending === 0) done(); };
    const w1 = k.capturePipe((b) => out.push(b), eof);
    const w2 = k.capturePipe((b) => err.push(b), eof);
    const input = new HostInput();
    if (c.stdin !== undefined) input.push(new TextEncoder().encode(c.stdin));
    input.end();
    const h = k.spawn({
      program: { source, path: '/bin/sh' },
      argv: ['sh', '-c', c.script],
      env: ['PATH=/usr/bin:/bin', `HOME=${CWD}`, 'LC_ALL=C'],
      uid: 0, gid: 0, groups: [0], cwd: CWD, login: 'root', umask: 0o022,
      stdio: [c.stdin !== undefined ? { kind: 'input', input } : { kind: 'null' }, { kind: 'file', file: w1 }, { kind: 'file', file: w2 }],
    });
    k.vfs.close(w1);
    k.vfs.close(w2);
    const hung = new Promise<'hung'>((r) => { timer = setTimeout(() => r('hung'), HANG_MS); });
    const r = await Promise.race([Promise.all([h.exited, ended]), hung]);
    if (r === 'hung') return resultOf(join(out), `${join(err)}[posixbox.test: still running after ${HANG_MS} ms]\n`, -1);
    expect(k.bugs).toEqual([]);
    const wstatus = r[0];
    const status = (wstatus & 0x7f) === 0 ? wstatus >> 8 : 128 + (wstatus & 0x7f);
    return resultOf(join(out), join(err), status);
  } finally {
    if (timer !== undefined) clearTimeout(timer);
    k.shutdown();
  }
}

for (const { file, cases } of loadCaseFiles()) {
  describe(file, () => {
    it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
      const want = expectedOnPosixbox(c);
      const note = c.differs !== undefined ? `\n(documented difference from dash: ${c.differs})` : '';
      expect(await runOnPosixbox(c), describeCase(c) + note).toEqual(want);
    }, HANG_MS + 10_000);
  });
}
