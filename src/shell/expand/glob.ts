/**
 * Pathname expansion (POSIX XCU 2.6.6, 2.13.3): a pattern is matched one `/`-separated component
 * at a time against directory listings; a leading `.` must be matched explicitly; `/` is never
 * matched by `*`, `?` or a bracket. Results are sorted byte-wise (the C locale). A component
 * without pattern characters is taken as is; an unreadable directory contributes nothing.
 */
import os from 'posixbox/os';
import { hasGlob, patternSource, unescapePattern } from '../pattern.js';

/** A bound on the paths one expansion may produce, so nothing runs away. */
const MAX_RESULTS = 100_000;

function list(dir: string): string[] {
  try {
    return os.listdir(dir || '.');
  } catch {
    return [];
  }
}

function exists(path: string): boolean {
  try {
    os.lstat(path);
    return true;
  } catch {
    return false;
  }
}

/** The paths matching `pat` (escaped form), sorted; empty when none match. */
export function glob(pat: string): string[] {
  const comps = pat.split('/');
  let bases: string[] = [comps[0] === '' ? '/' : ''];
  let i = comps[0] === '' ? 1 : 0;
  for (; i < comps.length; i++) {
    const c = comps[i]!;
    const last = i === comps.length - 1;
    if (c === '') {
      if (last) bases = bases.map((b) => (b.endsWith('/') ? b : `${b}/`));
      continue;
    }
    const next: string[] = [];
    if (!hasGlob(c)) {
      const name = unescapePattern(c);
      for (const b of bases) next.push(join(b, name));
    } else {
      const re = new RegExp(`^(?:${patternSource(c, true)})$`);
      const dotOk = c.startsWith('.') || c.startsWith('\\.');
      for (const b of bases) {
        const names = list(b);
        if (dotOk) names.push('.', '..');
        for (const n of names) {
          if (n.startsWith('.') && !dotOk) continue;
          if (re.test(n)) next.push(join(b, n));
          if (next.length > MAX_RESULTS) break;
        }
      }
      if (!last) {
        // only directories can hold the rest of the path
        for (let k = next.length - 1; k >= 0; k--) {
          try {
            if (!os.path.isdir(next[k]!)) next.splice(k, 1);
          } catch {
            next.splice(k, 1);
          }
        }
      }
    }
    bases = next;
    if (bases.length === 0) return [];
  }
  const out = hasGlob(comps[comps.length - 1] ?? '') ? bases : bases.filter(exists);
  return out.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

function join(base: string, name: string): string {
  if (base === '') return name;
  return base.endsWith('/') ? base + name : `${base}/${name}`;
}
