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
