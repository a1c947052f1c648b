/** os.path's pure string functions, as Python's posixpath defines them. */

export function join(a: string, ...rest: string[]): string {
  let path = a;
  for (const b of rest) {
    if (b.startsWith('/')) path = b;
    else if (path === '' || path.endsWith('/')) path += b;
    else path += `/${b}`;
  }
  return path;
}

export function split(p: string): [string, string] {
  const i = p.lastIndexOf('/') + 1;
  let head = p.slice(0, i);
  const tail = p.slice(i);
  if (head && head !== '/'.repeat(head.length)) head = head.replace(/\/+$/, '');
  return [head, tail];
}

export function basename(p: string): string {
  return p.slice(p.lastIndexOf('/') + 1);
}

export function dirname(p: string): string {
  return split(p)[0];
}

export function isabs(p: string): boolean {
  return p.startsWith('/');
}

export function splitext(p: string): [string, string] {
  const base = basename(p);
  const dot = base.lastIndexOf('.');
  if (dot <= 0 || /^\.+$/.test(base.slice(0, dot + 1))) return [p, ''];
  const cut = p.length - (base.length - dot);
  return [p.slice(0, cut), p.slice(cut)];
}

/** normpath: collapse `//`, `.` and `a/..` textually (as Python does, without the filesystem). */
export function normpath(p: string): string {
  if (p === '') return '.';
  const initial = p.startsWith('/') ? (p.startsWith('//') && !p.startsWith('///') ? 2 : 1) : 0;
  const out: string[] = [];
  for (const c of p.split('/')) {
    if (c === '' || c === '.') continue;
    if (c !== '..' || (!initial && out.length === 0) || (out.length > 0 && out[out.length - 1] === '..')) out.push(c);
    else if (out.length > 0) out.pop();
  }
  const s = '/'.repeat(initial) + out.join('/');
  return s || '.';
}

export function commonprefix(list: readonly string[]): string {
  if (list.length === 0) return '';
  let lo = list.reduce((a, b) => (a < b ? a : b));
  const hi = list.reduce((a, b) => (a > b ? a : b));
  let i = 0;
  while (i < lo.length && lo[i] === hi[i]) i++;
  lo = lo.slice(0, i);
  return lo;
}

export const sep = '/';
export const curdir = '.';
export const pardir = '..';
export const extsep = '.';
export const pathsep = ':';
export const defpath = '/bin:/usr/bin';
export const devnull = '/dev/null';
