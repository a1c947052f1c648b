/**
 * The VFS table: each row builds a small world, makes one call as some user and asserts its
 * whole rendered result (and, optionally, the state afterwards). Rows were checked against
 * Linux 6.18 (tmpfs) where the behaviour is not obvious.
 */
import { describe, expect, it } from 'vitest';
import { makeWorld, run } from './helpers.js';
import type { Row } from './table.js';
import { LOOKUP_ROWS } from './rows-lookup.js';
import { CREATE_ROWS } from './rows-create.js';
import { REMOVE_ROWS } from './rows-remove.js';
import { ATTR_ROWS } from './rows-attr.js';
import { IO_ROWS } from './rows-io.js';

export const ROWS: readonly Row[] = [...LOOKUP_ROWS, ...CREATE_ROWS, ...REMOVE_ROWS, ...ATTR_ROWS, ...IO_ROWS];

function execute(row: Row): string[] {
  const w = makeWorld(row.tree);
  const root = w.ctx('root', '/', 0o022);
  for (const call of row.setup ?? []) {
    const r = run(w, root, call);
    if (/^E[A-Z]+$/.test(r)) throw new Error(`setup ${JSON.stringify(call)} failed: ${r}`);
  }
  const ctx = w.ctx(row.as ?? 'root', row.cwd ?? '/', row.umask ?? 0o022);
  const out = [run(w, ctx, row.call)];
  for (const [call] of row.then ?? []) out.push(run(w, root, call));
  return out;
}

describe('vfs table', () => {
  it('has at least 200 rows with unique names', () => {
    expect(ROWS.length).toBeGreaterThanOrEqual(200);
    expect(new Set(ROWS.map((r) => r.name)).size).toBe(ROWS.length);
  });
  for (const row of ROWS) {
    it(row.name, () => {
      expect(execute(row)).toEqual([row.expect, ...(row.then ?? []).map(([, e]) => e)]);
    });
  }
});
