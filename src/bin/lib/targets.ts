/**
 * The operand forms cp and mv share (coreutils' target handling): `SOURCE DEST`, `SOURCE...
 * DIRECTORY`, `-t DIRECTORY SOURCE...` and `-T SOURCE DEST`, with their usage errors and the
 * `target 'x': Not a directory` message. Yields [source, destination] pairs.
 */
import os, { OSError, stat } from 'posixbox/os';
import { Fatal, quoteaf, UsageError, type Args } from '../lib.js';

const ENOTDIR = 20;

/** The last component of a path, trailing slashes ignored (`d/` → `d`). */
export const baseName = (p: string): string => p.replace(/\/+$/, '').split('/').pop() || '/';

const isDirectory = (p: string): { dir: boolean; errno: number } => {
  try {
    return { dir: stat.S_ISDIR(os.stat(p).st_mode), errno: 0 };
  } catch (e) {
    if (!(e instanceof OSError)) throw e;
    return { dir: false, errno: e.errno };
  }
};

export function pairs(a: Args): Array<[string, string]> {
  const ops = a.operands;
  const into = a.last('t');
  const noTarget = a.has('T');
  if (into !== undefined && noTarget) throw new UsageError('cannot combine --target-directory (-t) and --no-target-directory (-T)');
  if (into !== undefined) {
    const d = isDirectory(into);
    if (!d.dir) {
      throw new Fatal(`target directory ${quoteaf(into)}: ${os.strerror(d.errno || ENOTDIR)}`);
    }
    if (ops.length === 0) throw new UsageError('missing file operand');
    return ops.map((s) => [s, join(into, baseName(s))]);
  }
  if (ops.length === 0) throw new UsageError('missing file operand');
  if (ops.length === 1) throw new UsageError(`missing destination file operand after ${quoteaf(ops[0]!)}`);
  const last = ops[ops.length - 1]!;
  if (noTarget) {
    if (ops.length > 2) throw new UsageError(`extra operand ${quoteaf(ops[2]!)}`);
    return [[ops[0]!, last]];
  }
  const d = isDirectory(last);
  if (!d.dir) {
    if (ops.length > 2) throw new Fatal(`target ${quoteaf(last)}: ${os.strerror(d.errno || ENOTDIR)}`);
    return [[ops[0]!, last]];
  }
  return ops.slice(0, -1).map((s) => [s, join(last, baseName(s))]);
}

export const join = (d: string, n: string): string => (d.endsWith('/') ? d + n : `${d}/${n}`);
