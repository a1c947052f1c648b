/**
 * Symbolic and octal modes as chmod(1) and mkdir -m read them (POSIX chmod's grammar, with GNU's
 * rules): `755`, `u+x,go-w`, `a=r`, `g=u`, `+X`, `u+s`, `+t`, `-w`, `=`.
 *
 *   mode    ::= octal | clause (',' clause)*
 *   clause  ::= [ugoa]* (op (perm* | [ugo]))+         op ::= '+' | '-' | '='   perm ::= [rwxXst]
 *
 * A clause without [ugoa] is masked by the umask. On a directory, the set-user-ID and set-group-ID
 * bits survive unless the mode names them (GNU: `chmod 755 dir` keeps a dir's setgid bit; an octal
 * mode of five digits or more, `00755`, clears it).
 */
const SUID = 0o4000, SGID = 0o2000, SVTX = 0o1000;
const ALL = 0o7777, RWX = 0o777;
const R = 0o444, W = 0o222, X = 0o111;

interface Change {
  readonly op: '+' | '-' | '=';
  /** 'copy' takes the bits of another class (g=u); 'X' adds x only to dirs and already-executable files. */
  readonly kind: 'bits' | 'copy' | 'X';
  /** The classes named (0: none, so the umask applies). */
  readonly who: number;
  readonly value: number;
  /** Bits the clause names explicitly (decides whether a directory keeps its set-id bits). */
  readonly mentioned: number;
}

export type ModeChanges = readonly Change[];

/** Parse a mode; undefined if it is not one. */
export function compileMode(text: string): ModeChanges | undefined {
  if (/^[0-7]+$/.test(text)) {
    const v = parseInt(text, 8);
    if (v > ALL) return undefined;
    const mentioned = text.length < 5 ? (v & (SUID | SGID)) | SVTX | RWX : ALL;
    return [{ op: '=', kind: 'bits', who: ALL, value: v, mentioned }];
  }
  const out: Change[] = [];
  for (const clause of text.split(',')) {
    const m = /^([ugoa]*)(.*)$/.exec(clause)!;
    let who = 0;
    for (const c of m[1]!) who |= { u: SUID | 0o700, g: SGID | 0o070, o: SVTX | 0o007, a: ALL }[c]!;
    const ops = m[2]!;
    if (ops === '') return undefined;
    const re = /([-+=])([ugo]|[0-7]+|[rwxXst]*)/y;
    for (let at = 0; at < ops.length;) {
      re.lastIndex = at;
      const o = re.exec(ops);
      if (!o) return undefined;
      at = re.lastIndex;
      const op = o[1] as Change['op'];
      const p = o[2]!;
      if (/^[0-7]+$/.test(p)) {
        const v = parseInt(p, 8);
        if (who !== 0 || v > ALL || at < ops.length) return undefined;
        out.push({ op, kind: 'bits', who: ALL, value: v, mentioned: ALL });
        continue;
      }
      if (p === 'u' || p === 'g' || p === 'o') {
        const value = { u: 0o700, g: 0o070, o: 0o007 }[p];
        out.push({ op, kind: 'copy', who, value, mentioned: who ? who & value : value });
        continue;
      }
      let value = 0;
      for (const c of p) value |= { r: R, w: W, x: X, X: 0, s: SUID | SGID, t: SVTX }[c]!;
      out.push({ op, kind: p.includes('X') ? 'X' : 'bits', who, value, mentioned: who ? who & value : value });
    }
  }
  return out;
}

/** The mode `changes` make of `mode`: the new permission bits, and which bits they set or cleared. */
export function adjustMode(mode: number, isDir: boolean, umask: number, changes: ModeChanges): { mode: number; bits: number } {
  let m = mode & ALL;
  let bits = 0;
  for (const c of changes) {
    const keep = (isDir ? SUID | SGID : 0) & ~c.mentioned;
    let value = c.value;
    if (c.kind === 'copy') {
      value &= m;
      value = (value & R ? R : 0) | (value & W ? W : 0) | (value & X ? X : 0);
    } else if (c.kind === 'X' && (isDir || m & X)) {
      value |= X;
    }
    value &= (c.who ? c.who : ~umask) & ~keep;
    if (c.op === '=') {
      const preserved = (c.who ? ~c.who : 0) | keep;
      bits |= ALL & ~preserved;
      m = (m & preserved) | value;
    } else if (c.op === '+') {
      bits |= value;
      m |= value;
    } else {
      bits |= value;
      m &= ~value;
    }
  }
  return { mode: m, bits };
}

/** `rwxr-xr-x` (nine characters, with s/S and t/T), as chmod -v and ls show permissions. */
export function permString(mode: number): string {
  const tri = (shift: number, special: number, on: string): string => {
    const x = (mode >> shift) & 1;
    const s = mode & special ? (x ? on : on.toUpperCase()) : x ? 'x' : '-';
    return ((mode >> (shift + 2)) & 1 ? 'r' : '-') + ((mode >> (shift + 1)) & 1 ? 'w' : '-') + s;
  };
  return tri(6, SUID, 's') + tri(3, SGID, 's') + tri(0, SVTX, 't');
}
