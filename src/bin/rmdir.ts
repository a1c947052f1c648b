/**
 * rmdir — remove empty directories, as coreutils rmdir:
 *   -p, --parents  then each parent named in the operand (`a/b/c`: also `a/b` and `a`)
 *   --ignore-fail-on-non-empty  say nothing about a directory that is not empty
 *   -v, --verbose  `rmdir: removing directory, 'x'` on stdout before each
 */
import os, { OSError } from 'posixbox/os';
import { program, quoteaf, reason, UsageError } from './lib.js';

const ENOTEMPTY = 39;
const EEXIST = 17;

export const main = program('rmdir', {
  usage: '[OPTION]... DIRECTORY...',
  about: 'Remove the DIRECTORY(ies), if they are empty.',
  short: 'pv',
  long: { parents: 'p', verbose: 'v', 'ignore-fail-on-non-empty': 'ignore' },
}, (t, a) => {
  if (a.operands.length === 0) throw new UsageError('missing operand');
  /** rmdir one directory, reporting a failure unless --ignore-fail-on-non-empty covers it. */
  const remove = (dir: string, parent: boolean): 'removed' | 'ignored' | 'failed' => {
    if (a.has('v')) t.stdout.write(`${t.name}: removing directory, ${quoteaf(dir)}\n`);
    try {
      os.rmdir(dir);
      return 'removed';
    } catch (e) {
      if (a.has('ignore') && e instanceof OSError && (e.errno === ENOTEMPTY || e.errno === EEXIST)) return 'ignored';
      t.warn(`failed to remove ${parent ? 'directory ' : ''}${quoteaf(dir)}: ${reason(e)}`);
      return 'failed';
    }
  };
  let status = 0;
  for (const path of a.operands) {
    let r = remove(path, false);
    // -p: climb while removing succeeds (not past the top: `/` is never removed).
    for (let dir = path.replace(/\/+$/, ''); a.has('p') && r === 'removed';) {
      dir = dir.slice(0, Math.max(0, dir.lastIndexOf('/'))).replace(/\/+$/, '');
      if (dir === '') break;
      r = remove(dir, true);
    }
    if (r === 'failed') status = 1;
  }
  return status;
});
