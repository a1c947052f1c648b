import { afterEach, describe, expect, it } from 'vitest';
import { run, type Ran } from '../helpers.js';

const kernels: Ran['kernel'][] = [];
afterEach(() => { for (const k of kernels.splice(0)) k.shutdown(); });

describe('a process in a Worker', () => {
  it('runs main and returns its status', async () => {
    const r = await run(`import os from 'posixbox/os';
export function main(argv) { console.log('pid', os.getpid(), argv.join(',')); console.error('to stderr'); return 3; }`,
    { argv: ['prog', 'a', 'b'], boot: { nextPid: 100 } });
    kernels.push(r.kernel);
    expect(r).toMatchObject({ stdout: 'pid 100 prog,a,b\n', stderr: 'to stderr\n', status: 3 << 8 });
    expect(r.kernel.bugs).toEqual([]);
  });
});
