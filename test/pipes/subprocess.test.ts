/** The subprocess module: communicate through select, timeouts on the kernel clock. */
import { afterEach, describe, expect, it } from 'vitest';
import type { Kernel } from '../../src/kernel/kernel.js';
import { run } from '../helpers.js';

const NOISY = `#!posixbox
import os from 'posixbox/os';
export function main() {
  os.writeAll(2, 'e'.repeat(100000));
  let n = 0;
  for (;;) { const b = os.read(0, 65536); if (!b.length) break; n += b.length; os.writeAll(1, b); }
  os.writeAll(2, '|' + n);
  return 3;
}
`;

const HEADER = `import os, { subprocess, time } from 'posixbox/os';
export function main() {
  const fd = os.open('/tmp/noisy', os.O_WRONLY | os.O_CREAT, 0o755); os.writeAll(fd, ${JSON.stringify(NOISY)}); os.close(fd);
  const t0 = time.time();
`;

const CASES: ReadonlyArray<{ name: string; body: string; stdout: string }> = [
  { name: 'communicate moves 200 KB in and 300 KB out without a deadlock',
    body: `const p = new subprocess.Popen(['/tmp/noisy'], { stdin: subprocess.PIPE, stdout: subprocess.PIPE, stderr: subprocess.PIPE });
const [out, err] = p.communicate('x'.repeat(200000)); console.log(out.length, err.length, new TextDecoder().decode(err.slice(-7)), p.returncode);`,
    stdout: '200000 100007 |200000 3\n' },
  { name: 'run with capture_output and text',
    body: `const r = subprocess.run(['/tmp/noisy'], { input: 'abc', capture_output: true, text: true }); console.log(JSON.stringify(r.stdout), r.stderr.length, r.returncode);`,
    stdout: '"abc" 100002 3\n' },
  { name: 'communicate times out on the kernel clock; run kills and reaps the child',
    body: `const p = new subprocess.Popen(['sleep', '10'], { stdout: subprocess.PIPE });
try { p.communicate(undefined, 2) } catch (e) { console.log(e.name, e.message, time.time() - t0) }
p.kill(); console.log(p.wait());
try { subprocess.run(['sleep', '10'], { timeout: 1 }) } catch (e) { console.log(e.name, time.time() - t0) }
try { os.wait() } catch (e) { console.log(String(e)) }`,
    stdout: "TimeoutExpired Command '['sleep', '10']' timed out after 2 seconds 2\n-9\nTimeoutExpired 3\n[Errno 10] No child processes\n" },
  { name: 'wait(timeout) then wait()',
    body: `const p = new subprocess.Popen(['sleep', '5']); try { p.wait(1) } catch (e) { console.log(e.name) } console.log(p.wait(), time.time() - t0)`,
    stdout: 'TimeoutExpired\n0 5\n' },
];

const kernels: Kernel[] = [];
afterEach(() => { for (const k of kernels.splice(0)) k.shutdown(); });

describe('subprocess', () => {
  for (const c of CASES) {
    it(c.name, async () => {
      const r = await run(`${HEADER}${c.body}\nreturn 0;\n}\n`);
      kernels.push(r.kernel);
      expect({ stdout: r.stdout, stderr: r.stderr, status: r.status }).toEqual({ stdout: c.stdout, stderr: '', status: 0 });
    });
  }
});
