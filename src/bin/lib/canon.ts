/**
 * gnulib's canonicalize_filename_mode, which realpath and readlink -f/-e/-m use: an absolute
 * name with every `.`, `..` and symbolic link resolved, under one of three rules for missing
 * components — 'existing' (all must exist), 'all-but-last' (all but the last), 'missing' (none).
 * Fails with the errno of the first component that breaks the rule (ELOOP after 40 links).
 */
import os, { OSError, stat } from 'posixbox/os';

export type CanonMode = 'existing' | 'all-but-last' | 'missing';

const ENOENT = 2, ENOTDIR = 20, ELOOP = 40;
const MAX_LINKS = 40;

const up = (p: string): string => p.slice(0, p.lastIndexOf('/')) || '/';
const join = (d: string, c: string): string => (d === '/' ? `/${c}` : `${d}/${c}`);

/** The canonical name, or the errno that stopped it. */
export function canonicalize(name: string, mode: CanonMode, links = true): string | number {
  if (name === '') return ENOENT;
  const rest = name.split('/').filter((c) => c !== '');
  let resolved = name.startsWith('/') ? '/' : os.getcwd();
  let followed = 0;
  let missing = false; // a component did not exist: the rest is taken as written ('missing')
  while (rest.length > 0) {
    const comp = rest.shift()!;
    if (comp === '.') continue;
    if (comp === '..') {
      resolved = up(resolved);
      continue;
    }
    const cand = join(resolved, comp);
    if (missing) {
      resolved = cand;
      continue;
    }
    let st;
    try {
      st = os.lstat(cand);
    } catch (e) {
      if (!(e instanceof OSError)) throw e;
      const tolerated = mode === 'missing' ? e.errno === ENOENT || e.errno === ENOTDIR
        : mode === 'all-but-last' && e.errno === ENOENT && rest.length === 0;
      if (!tolerated) return e.errno;
      missing = true;
      resolved = cand;
      continue;
    }
    if (links && stat.S_ISLNK(st.st_mode)) {
      if (++followed > MAX_LINKS) return ELOOP;
      let target: string;
      try {
        target = os.readlink(cand);
      } catch (e) {
        if (e instanceof OSError) return e.errno;
        throw e;
      }
      if (target.startsWith('/')) resolved = '/';
      rest.unshift(...target.split('/').filter((c) => c !== ''));
      continue;
    }
    if (!stat.S_ISDIR(st.st_mode) && rest.length > 0) {
      if (mode !== 'missing') return ENOTDIR;
      missing = true;
    }
    resolved = cand;
  }
  if (name.endsWith('/') && mode === 'existing') {
    try { os.stat(`${resolved}/`); } catch (e) { if (e instanceof OSError) return e.errno; throw e; }
  }
  return resolved;
}
