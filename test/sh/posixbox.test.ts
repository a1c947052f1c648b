/**
 * The shell conformance table against posixbox's own /bin/sh. Each case file boots one kernel
 * on the CLI's default system (booting costs ~60 ms, so not one per case); each case gets a
 * fresh directory /tmp/case-N of its own as its cwd and HOME, and root runs
 * `/bin/sh -c script` (argv[0] `sh`) there with only PATH=/usr/bin:/bin, HOME and LC_ALL=C in
 * the environment, and stdin from /dev/null unless the case gives one. The whole stdout,
 * stderr and status must be dash's (as dash.test.ts checks them), or what the case documents
 * under `## differs:`. A failure shows the script and the diff. A case that hangs or trips a
 * kernel bug fails, and the file's later cases get a freshly booted kernel.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { PROGRAMS } from '#programs';
import { boot } from '../../src/index.js';
import { DEFAULT_SYSTEM } from '../../src/cli/default-system.js';
import { HostInput } from '../../src/fs/hoststream.js';
import type { Kernel, KernelBug } from '../../src/kernel/kernel.js';
import { describeCase, loadCaseFiles, resultOf } from './cases.js';
import { expectedOnPosixbox, type Expected, type ShCase } from './format.js';

/** A case that has not finished in this much real time is reported as hung. */
const HANG_MS = 20_000;

const decoder = new TextDecoder();
const join = (cs: Uint8Array[]): string => cs.map((x) => decoder.decode(x, { stream: true })).join('') + decoder.decode();

interface Outcome {
  readonly result: Expected;
  /** Kernel bugs the case caused (there must be none). */
  readonly bugs: readonly KernelBug[];
}

/** One kernel shared by a case file's cases, each in its own directory. */
class Runner {
  private kernel: Kernel | undefined;
  private cases = 0;

  private current(): Kernel {
    this.kernel ??= boot({ ...DEFAULT_SYSTEM, poolSize: 2 });
    return this.kernel;
  }

  /** Stop the kernel (the next case boots another). */
  close(): void {
    this.kernel?.shutdown();
    this.kernel = undefined;
  }

  async run(c: ShCase): Promise<Outcome> {
    const source = PROGRAMS['sh'];
    if (source === undefined) throw new Error('posixbox has no /bin/sh yet (no program `sh` in dist/programs.js)');
    const k = this.current();
    const bugsBefore = k.bugs.length;
    const dir = `/tmp/case-${++this.cases}`;
    k.vfs.mkdir(k.rootContext(), dir, 0o755);
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
      env: ['PATH=/usr/bin:/bin', `HOME=${dir}`, 'LC_ALL=C'],
      uid: 0, gid: 0, groups: [0], cwd: dir, login: 'root', umask: 0o022,
      stdio: [c.stdin !== undefined ? { kind: 'input', input } : { kind: 'null' }, { kind: 'file', file: w1 }, { kind: 'file', file: w2 }],
    });
    k.vfs.close(w1);
    k.vfs.close(w2);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const hung = new Promise<'hung'>((r) => { timer = setTimeout(() => r('hung'), HANG_MS); });
    try {
      const r = await Promise.race([Promise.all([h.exited, ended]), hung]);
      const bugs = k.bugs.slice(bugsBefore);
      if (r === 'hung' || bugs.length > 0) this.close();
      if (r === 'hung') {
        return { result: resultOf(join(out), `${join(err)}[posixbox.test: still running after ${HANG_MS} ms]\n`, -1), bugs };
      }
      const wstatus = r[0];
      const status = (wstatus & 0x7f) === 0 ? wstatus >> 8 : 128 + (wstatus & 0x7f);
      return { result: resultOf(join(out), join(err), status), bugs };
    } finally {
      clearTimeout(timer);
    }
  }
}

for (const { file, cases } of loadCaseFiles()) {
  describe(file, () => {
    const runner = new Runner();
    afterAll(() => runner.close());
    it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
      const note = c.differs !== undefined ? `\n(documented difference from dash: ${c.differs})` : '';
      const { result, bugs } = await runner.run(c);
      expect(bugs.map((b) => `kernel bug in pid ${b.pid} (${b.call}): ${b.error}`), describeCase(c)).toEqual([]);
      expect(result, describeCase(c) + note).toEqual(expectedOnPosixbox(c));
    }, HANG_MS + 10_000);
  });
}
