import { afterEach, describe, expect, it } from 'vitest';
import type { Kernel } from '../../src/kernel/kernel.js';
import { onTty } from './helpers.js';
import { TTY_CASES } from './cases.js';

const kernels: Kernel[] = [];
afterEach(() => { for (const k of kernels.splice(0)) k.shutdown(); });

describe('the terminal', () => {
  for (const c of TTY_CASES) {
    it(c.name, async () => {
      const r = await onTty(c.body, c.steps);
      kernels.push(r.kernel);
      expect({ screen: r.screen, status: r.status }).toEqual({ screen: c.screen, status: c.status ?? 0 });
      expect(r.kernel.bugs).toEqual([]);
    });
  }
});

describe('hang-ups when a session leader exits', () => {
  it('its foreground group gets SIGHUP; a stopped group it orphans gets SIGHUP then SIGCONT', async () => {
    const body = `const fd = os.open('/tmp/log', os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o666);
      const a = os.fork();
      if (a === 0) { os.setpgid(0, 0); signal.signal(signal.SIGHUP, () => os.write(fd, 'A: SIGHUP\\n')); signal.signal(signal.SIGCONT, () => os.write(fd, 'A: SIGCONT\\n'));
        os.kill(os.getpid(), signal.SIGSTOP); os._exit(0) }
      os.setpgid(a, a);
      const b = os.fork();
      if (b === 0) { signal.signal(signal.SIGHUP, () => { os.write(fd, 'B: SIGHUP\\n'); os._exit(0) }); signal.pause(); os._exit(0) }
      const [, s] = os.waitpid(a, os.WUNTRACED); time.sleep(1);
      console.log('A stopped', os.WIFSTOPPED(s), 'leader exits');`;
    const r = await onTty(body);
    kernels.push(r.kernel);
    expect({ screen: r.screen, status: r.status }).toEqual({ screen: 'A stopped true leader exits\r\n', status: 0 });
    const read = (): string => {
      try {
        const f = r.kernel.vfs.open(r.kernel.rootContext(), '/tmp/log', 0, 0);
        const b = new Uint8Array(4096);
        const n = r.kernel.vfs.read(f, b);
        r.kernel.vfs.close(f);
        return new TextDecoder().decode(b.subarray(0, n));
      } catch {
        return '';
      }
    };
    const want = 'A: SIGHUP\nA: SIGCONT\nB: SIGHUP\n';
    for (let i = 0; i < 200 && read() !== want; i++) await new Promise((res) => setTimeout(res, 10));
    expect(read()).toBe(want);
    expect(r.kernel.bugs).toEqual([]);
  });
});
