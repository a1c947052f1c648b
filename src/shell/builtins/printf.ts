/**
 * printf (POSIX XCU printf; dash's builtin and coreutils' /bin/printf share this): the format is
 * reused while arguments remain; conversions %d %i %o %u %x %X %c %s %b %e %E %f %F %g %G %a %%
 * with flags `-+ #0`, width and precision (also `*`); escapes \\ \a \b \f \n \r \t \v \" \NNN in the
 * format, and in %b arguments \0NNN and \c (stop). A numeric argument may be 'c (the code of c);
 * a bad one is reported (`abc: expected numeric value`) and the status becomes 1.
 */

export interface PrintfIo {
  out(s: string): void;
  /** Report `message` (the caller adds the program name). */
  warn(message: string): void;
}

const SIMPLE: Readonly<Record<string, string>> = { '\\': '\\', a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '"': '"', e: '\x1b' };

/** A byte from an escape: bytes ≥ 0x80 become U+F780…U+F7FF, which toBytes writes back as the single byte. */
export function byteChar(b: number): string {
  return String.fromCharCode(b < 0x80 ? b : 0xf700 + b);
}

const encoder = new TextEncoder();

/** The bytes to write for printf/echo output: UTF-8, except escape-made bytes (see byteChar). */
export function toBytes(s: string): Uint8Array {
  if (!/[\uf780-\uf7ff]/.test(s)) return encoder.encode(s);
  const out: number[] = [];
  for (const ch of s) {
    const c = ch.charCodeAt(0);
    if (c >= 0xf780 && c <= 0xf7ff) out.push(c - 0xf700);
    else out.push(...encoder.encode(ch));
  }
  return Uint8Array.from(out);
}

/** Interpret a backslash escape at s[i] (s[i] === '\\'); returns [text, next index, stop]. */
function escape(s: string, i: number, inB: boolean): [string, number, boolean] {
  const c = s[i + 1];
  if (c === undefined) return ['\\', i + 1, false];
  if (inB && c === 'c') return ['', s.length, true];
  if (c in SIMPLE && (c !== '"' || !inB) && (c !== 'e' || true)) return [SIMPLE[c]!, i + 2, false];
  if (/[0-7]/.test(c)) {
    const max = inB && c === '0' ? 4 : 3;
    const m = new RegExp(`^[0-7]{1,${max}}`).exec(s.slice(i + 1))![0];
    return [byteChar(parseInt(m, 8) & 0xff), i + 1 + m.length, false];
  }
  if (c === 'x' && !inB && /[0-9a-fA-F]/.test(s[i + 2] ?? '')) {
    const m = /^[0-9a-fA-F]{1,2}/.exec(s.slice(i + 2))![0];
    return [byteChar(parseInt(m, 16)), i + 2 + m.length, false];
  }
  return [`\\${c}`, i + 2, false];
}

/** %b's argument with its escapes; `stop` when it held \c. */
export function unescapeB(s: string): { text: string; stop: boolean } {
  let out = '';
  for (let i = 0; i < s.length;) {
    if (s[i] === '\\') {
      const [t, n, stop] = escape(s, i, true);
      out += t;
      if (stop) return { text: out, stop: true };
      i = n;
    } else {
      out += s[i++];
    }
  }
  return { text: out, stop: false };
}

function toInt(arg: string, io: PrintfIo, bad: { v: boolean }): bigint {
  if (/^['"]/.test(arg)) return BigInt(arg.codePointAt(1) ?? 0);
  const t = arg.trim();
  const m = /^([+-]?)(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)/.exec(t);
  if (!m) {
    if (t !== '' || arg !== '') { io.warn(`${arg}: expected numeric value`); bad.v = true; }
    return 0n;
  }
  let n: bigint;
  const body = m[2]!;
  if (/^0[xX]/.test(body)) n = BigInt(body);
  else if (body.length > 1 && body.startsWith('0')) n = BigInt(`0o${body.slice(1)}`);
  else n = BigInt(body);
  if (m[1] === '-') n = -n;
  if (m[0].length !== t.length) { io.warn(`${arg}: not completely converted`); bad.v = true; }
  return n;
}

function toFloat(arg: string, io: PrintfIo, bad: { v: boolean }): number {
  if (/^['"]/.test(arg)) return arg.codePointAt(1) ?? 0;
  const t = arg.trim();
  if (t === '') return 0;
  const m = /^[+-]?(\d+\.?\d*(e[+-]?\d+)?|\.\d+(e[+-]?\d+)?|inf(inity)?|nan|0x[0-9a-f]+)/i.exec(t);
  if (!m) { io.warn(`${arg}: expected numeric value`); bad.v = true; return 0; }
  if (m[0].length !== t.length) { io.warn(`${arg}: not completely converted`); bad.v = true; }
  return Number(m[0]);
}

function pad(s: string, flags: string, width: number | undefined, zeroOk: boolean): string {
  if (width === undefined || s.length >= width) return s;
  if (flags.includes('-')) return s.padEnd(width);
  if (flags.includes('0') && zeroOk) {
    const sign = /^[+-]|^0[xX]/.exec(s)?.[0] ?? '';
    return sign + s.slice(sign.length).padStart(width - sign.length, '0');
  }
  return s.padStart(width);
}

function fmtFloat(v: number, conv: string, flags: string, prec: number | undefined): string {
  const p = prec ?? 6;
  let s: string;
  if (!Number.isFinite(v)) s = Number.isNaN(v) ? 'nan' : v < 0 ? '-inf' : 'inf';
  else if (conv === 'f' || conv === 'F') s = v.toFixed(p);
  else if (conv === 'e' || conv === 'E') s = v.toExponential(p).replace(/e([+-])(\d)$/, 'e$10$2');
  else if (conv === 'g' || conv === 'G') {
    const P = p === 0 ? 1 : p;
    const exp = v === 0 ? 0 : Math.floor(Math.log10(Math.abs(v)));
    if (exp < -4 || exp >= P) s = v.toExponential(P - 1).replace(/e([+-])(\d)$/, 'e$10$2');
    else s = v.toFixed(Math.max(0, P - 1 - exp));
    if (!flags.includes('#')) s = s.replace(/\.?0+(?=e|$)/, (m) => (m.includes('.') || s.includes('.') ? '' : m));
  } else s = v.toString(16);
  if (conv === 'E' || conv === 'G' || conv === 'F') s = s.toUpperCase();
  if (v >= 0 && flags.includes('+')) s = `+${s}`;
  else if (v >= 0 && flags.includes(' ')) s = ` ${s}`;
  return s;
}

/** Run printf with a format and arguments; returns the exit status. */
export function printf(format: string, args: readonly string[], io: PrintfIo): number {
  const bad = { v: false };
  let ai = 0;
  const next = (): string | undefined => args[ai++];
  let out = '';
  for (let round = 0; round < 1_000_000; round++) {
    const startAi = ai;
    let stop = false;
    for (let i = 0; i < format.length && !stop;) {
      const c = format[i]!;
      if (c === '\\') {
        const [t, n] = escape(format, i, false);
        out += t;
        i = n;
        continue;
      }
      if (c !== '%') { out += c; i++; continue; }
      const m = /^%([-+ #0]*)(\*|\d+)?(?:\.(\*|\d*))?([hlL]*)([a-zA-Z%])?/.exec(format.slice(i))!;
      i += m[0].length;
      const flags = m[1]!;
      const conv = m[5];
      if (conv === '%') { out += '%'; continue; }
      if (conv === undefined) { io.warn(`%${flags}: invalid directive`); return 1; }
      let width: number | undefined = m[2] === '*' ? Number(toInt(next() ?? '0', io, bad)) : m[2] !== undefined ? Number(m[2]) : undefined;
      let fl = flags;
      if (width !== undefined && width < 0) { fl += '-'; width = -width; }
      let prec: number | undefined = m[3] === '*' ? Number(toInt(next() ?? '0', io, bad)) : m[3] !== undefined ? Number(m[3] || 0) : undefined;
      if (prec !== undefined && prec < 0) prec = undefined;
      const arg = next();
      switch (conv) {
        case 's': {
          let s = arg ?? '';
          if (prec !== undefined) s = s.slice(0, prec);
          out += pad(s, fl, width, false);
          break;
        }
        case 'b': {
          const r = unescapeB(arg ?? '');
          let s = r.text;
          if (prec !== undefined) s = s.slice(0, prec);
          out += pad(s, fl, width, false);
          if (r.stop) { io.out(out); return bad.v ? 1 : 0; }
          break;
        }
        case 'c':
          out += pad((arg ?? '').slice(0, 1), fl, width, false);
          break;
        case 'd': case 'i': case 'o': case 'u': case 'x': case 'X': {
          let n = toInt(arg ?? '', io, bad);
          if (conv !== 'd' && conv !== 'i' && n < 0n) n = BigInt.asUintN(64, n);
          let digits = (n < 0n ? -n : n).toString(conv === 'o' ? 8 : conv === 'x' || conv === 'X' ? 16 : 10);
          if (conv === 'X') digits = digits.toUpperCase();
          if (prec !== undefined) digits = prec === 0 && n === 0n ? '' : digits.padStart(prec, '0');
          if (fl.includes('#') && conv === 'o' && !digits.startsWith('0')) digits = `0${digits}`;
          if (fl.includes('#') && (conv === 'x' || conv === 'X') && n !== 0n) digits = `0${conv}${digits}`;
          const sign = n < 0n ? '-' : fl.includes('+') && (conv === 'd' || conv === 'i') ? '+' : fl.includes(' ') && (conv === 'd' || conv === 'i') ? ' ' : '';
          out += pad(sign + digits, fl, width, prec === undefined);
          break;
        }
        case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case 'a': case 'A':
          out += pad(fmtFloat(toFloat(arg ?? '', io, bad), conv, fl, prec), fl, width, true);
          break;
        default:
          io.out(out);
          io.warn(`%${conv}: invalid directive`);
          return 2;
      }
      void stop;
    }
    if (ai >= args.length || ai === startAi) break;
  }
  io.out(out);
  return bad.v ? 1 : 0;
}
