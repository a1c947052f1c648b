/**
 * realpath — print the resolved absolute file name, as coreutils realpath:
 *   -e  every component must exist   -m  none need exist   (default: all but the last)
 *   -s, --strip, --no-symlinks  do not expand symbolic links   -L  resolve `..` before links
 *   -q  no error messages   -z  end each name with NUL   --relative-to=DIR  print relative to DIR
 */
import os from 'posixbox/os';
import { program, quotef, UsageError } from './lib.js';
import { canonicalize, type CanonMode } from './lib/canon.js';

/** `to` relative to the directory `from` (both canonical). */
function relative(to: string, from: string): string {
  const a = to.split('/').filter(Boolean);
  const b = from.split('/').filter(Boolean);
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return [...b.slice(i).map(() => '..'), ...a.slice(i)].join('/') || '.';
}

const lexical = (p: string): string => {
  const parts: string[] = [];
  for (const c of (p.startsWith('/') ? p : `${os.getcwd()}/${p}`).split('/')) {
    if (c === '' || c === '.') continue;
    if (c === '..') parts.pop();
    else parts.push(c);
  }
  return `/${parts.join('/')}`;
};

export const main = program('realpath', {
  usage: '[OPTION]... FILE...',
  about: 'Print the resolved absolute file name;\nall but the last component must exist',
  short: 'eLmPqsz',
  long: {
    'canonicalize-existing': 'e', 'canonicalize-missing': 'm', logical: 'L', physical: 'P', quiet: 'q', strip: 's',
    'no-symlinks': 's', zero: 'z', 'relative-to=': 'relative-to',
  },
}, (t, a) => {
  if (a.operands.length === 0) throw new UsageError('missing operand');
  let mode: CanonMode = 'all-but-last';
  let logical = false;
  for (const [k] of a.opts) {
    if (k === 'e') mode = 'existing';
    else if (k === 'm') mode = 'missing';
    else if (k === 'L') logical = true;
    else if (k === 'P') logical = false;
  }
  const links = !a.has('s');
  const end = a.has('z') ? '\0' : '\n';
  const resolve = (p: string): string | number => canonicalize(logical && p !== '' ? lexical(p) : p, mode, links);
  let base: string | undefined;
  const rel = a.last('relative-to');
  if (rel !== undefined) {
    const r = resolve(rel);
    if (typeof r === 'number') {
      t.warn(`${quotef(rel)}: ${os.strerror(r)}`);
      return 1;
    }
    base = r;
  }
  let ok = true;
  for (const name of a.operands) {
    const r = resolve(name);
    if (typeof r === 'number') {
      if (!a.has('q')) t.warn(`${quotef(name)}: ${os.strerror(r)}`);
      ok = false;
      continue;
    }
    t.stdout.write(`${base !== undefined ? relative(r, base) : r}${end}`);
  }
  return ok ? 0 : 1;
});
