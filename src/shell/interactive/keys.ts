/**
 * Key decoding for the line editor: terminal input bytes → key events. A byte-at-a-time state
 * machine (KeyDecoder.feed), so a UTF-8 character or an escape sequence split across reads is
 * put together again. It understands what a VT100 / xterm keyboard sends: UTF-8 text, C0 control
 * characters, `ESC [ … final` (CSI) and `ESC O x` (SS3) cursor and editing keys, and ESC followed
 * by one character (Meta-x). Invalid UTF-8 is dropped; an over-long or unknown sequence becomes
 * an 'unknown' key, which the editor ignores. Pure: no system calls, no state outside the decoder.
 */

export type Key =
  | { readonly kind: 'char'; readonly text: string }
  | { readonly kind: 'ctrl'; readonly code: number }
  | { readonly kind: 'meta'; readonly text: string }
  | { readonly kind: 'up' | 'down' | 'left' | 'right' | 'home' | 'end' | 'delete' | 'wordleft' | 'wordright' }
  | { readonly kind: 'unknown'; readonly seq: string };

/** The longest CSI parameter string accepted before the sequence is given up as unknown. */
const MAX_CSI = 32;

/** CSI `n ~` keys (vt220 editing keypad, as xterm and the Linux console send them). */
const TILDE_KEYS: ReadonlyMap<string, Key> = new Map<string, Key>([
  ['1', { kind: 'home' }], ['7', { kind: 'home' }], ['4', { kind: 'end' }], ['8', { kind: 'end' }],
  ['3', { kind: 'delete' }],
]);

/** CSI or SS3 final letters. With a modifier parameter (`ESC [1;5D`), ctrl-left/right move by word. */
function finalKey(final: string, params: string): Key | undefined {
  const modified = /;[35]$/.test(params);
  switch (final) {
    case 'A': return { kind: 'up' };
    case 'B': return { kind: 'down' };
    case 'C': return { kind: modified ? 'wordright' : 'right' };
    case 'D': return { kind: modified ? 'wordleft' : 'left' };
    case 'H': return { kind: 'home' };
    case 'F': return { kind: 'end' };
    default: return undefined;
  }
}

type State =
  | { readonly s: 'ground' }
  | { readonly s: 'utf8'; readonly need: number; readonly bytes: number[] }
  | { readonly s: 'esc' }
  | { readonly s: 'csi'; readonly body: string }
  | { readonly s: 'ss3' };

/** Expected length of a UTF-8 sequence from its first byte (0: not a valid first byte). */
function utf8Length(b: number): number {
  if (b >= 0xc2 && b <= 0xdf) return 2;
  if (b >= 0xe0 && b <= 0xef) return 3;
  if (b >= 0xf0 && b <= 0xf4) return 4;
  return 0;
}

const strictDecoder = new TextDecoder('utf-8', { fatal: true });

export class KeyDecoder {
  private state: State = { s: 'ground' };

  /** Whether a key is partly read (a UTF-8 character or an escape sequence not yet complete). */
  get pending(): boolean {
    return this.state.s !== 'ground';
  }

  /** Feed one byte; returns the keys it completes (none, one, or two when a byte ends a bad sequence). */
  feed(b: number): Key[] {
    const st = this.state;
    switch (st.s) {
      case 'ground':
        return this.ground(b);
      case 'utf8': {
        if (b < 0x80 || b > 0xbf) { // not a continuation: drop the partial character, start over
          this.state = { s: 'ground' };
          return this.ground(b);
        }
        const bytes = [...st.bytes, b];
        if (bytes.length < st.need) {
          this.state = { s: 'utf8', need: st.need, bytes };
          return [];
        }
        this.state = { s: 'ground' };
        try {
          return [{ kind: 'char', text: strictDecoder.decode(Uint8Array.from(bytes)) }];
        } catch {
          return []; // overlong form or a surrogate: invalid, dropped
        }
      }
      case 'esc':
        this.state = { s: 'ground' };
        if (b === 0x5b) { this.state = { s: 'csi', body: '' }; return []; }
        if (b === 0x4f) { this.state = { s: 'ss3' }; return []; }
        if (b === 0x1b) { this.state = { s: 'esc' }; return []; } // ESC ESC: the first is lost
        if (b >= 0x20 && b < 0x7f) {
          const c = String.fromCharCode(b);
          if (c === 'b') return [{ kind: 'wordleft' }];
          if (c === 'f') return [{ kind: 'wordright' }];
          return [{ kind: 'meta', text: c }];
        }
        if (b === 0x7f || b === 0x08) return [{ kind: 'meta', text: '\x7f' }];
        return this.ground(b);
      case 'csi': {
        if (b >= 0x40 && b <= 0x7e) { // the final byte
          this.state = { s: 'ground' };
          const final = String.fromCharCode(b);
          if (final === '~') {
            const key = TILDE_KEYS.get(st.body.split(';')[0] ?? '');
            return [key ?? { kind: 'unknown', seq: `\x1b[${st.body}~` }];
          }
          return [finalKey(final, st.body) ?? { kind: 'unknown', seq: `\x1b[${st.body}${final}` }];
        }
        if (b < 0x20 || b > 0x3f || st.body.length >= MAX_CSI) { // not a parameter/intermediate: give up
          this.state = { s: 'ground' }; // and the byte counts on its own
          return [{ kind: 'unknown', seq: `\x1b[${st.body}` }, ...this.ground(b)];
        }
        this.state = { s: 'csi', body: st.body + String.fromCharCode(b) };
        return [];
      }
      case 'ss3':
        this.state = { s: 'ground' };
        return [finalKey(String.fromCharCode(b), '') ?? { kind: 'unknown', seq: `\x1bO${String.fromCharCode(b)}` }];
    }
  }

  private ground(b: number): Key[] {
    if (b === 0x1b) { this.state = { s: 'esc' }; return []; }
    if (b < 0x20 || b === 0x7f) return [{ kind: 'ctrl', code: b }];
    if (b < 0x80) return [{ kind: 'char', text: String.fromCharCode(b) }];
    const need = utf8Length(b);
    if (need === 0) return []; // a stray continuation byte or an invalid first byte
    this.state = { s: 'utf8', need, bytes: [b] };
    return [];
  }
}
