/**
 * The line discipline (Linux's N_TTY, drivers/tty/n_tty.c, reduced): what happens to the bytes
 * typed at a terminal before a program reads them, and to the bytes a program writes before they
 * reach the screen. Pure logic over a termios; the Tty (tty.ts) owns it and does the waiting.
 *
 * Input (receive): ISTRIP; ISIG's VINTR/VQUIT/VSUSP raise signals (echoed as ^C, the queues
 * flushed unless NOFLSH); IGNCR, ICRNL, INLCR; in canonical mode the line is edited — VERASE
 * (and ^H, which is what a terminal sends for backspace when VERASE is ^?), VKILL, VWERASE,
 * VLNEXT — and becomes readable at \n, VEOL, VEOL2 or VEOF (which is not stored: an empty line
 * ended by VEOF reads as end of file). Echo follows ECHO, ECHOE, ECHOK, ECHOKE, ECHONL, ECHOCTL.
 * Not modelled: IXON flow control (^S/^Q are ordinary bytes), VREPRINT, VDISCARD, parity.
 *
 * Output (processOutput): OPOST with ONLCR, OCRNL, ONOCR, ONLRET; the column is tracked so that
 * erasing a tab echoes the right number of backspaces.
 */
import {
  ECHO, ECHOCTL, ECHOE, ECHOK, ECHOKE, ECHONL, ICANON, ICRNL, IEXTEN, IGNCR, INLCR, ISIG, ISTRIP, IUTF8,
  NOFLSH, OCRNL, ONLCR, ONLRET, ONOCR, OPOST, VEOF, VEOL, VEOL2, VERASE, VINTR, VKILL, VLNEXT, VQUIT,
  VSUSP, VWERASE, type Termios,
} from '../kernel/abi/termios.js';
import { SIGINT, SIGQUIT, SIGTSTP } from '../kernel/abi/signal.js';

/** Linux's N_TTY_BUF_SIZE: the most input held; a canonical line holds one byte less. */
export const TTY_BUF_SIZE = 4096;

const BS = 0x08;
const NL = 0x0a;
const CR = 0x0d;
const DEL = 0x7f;

/** What the line discipline asks of its terminal. */
export interface LdiscHost {
  /** Echo: bytes for the screen, before output processing. */
  echo(bytes: readonly number[]): void;
  /** Raise a signal in the foreground process group. */
  signal(sig: number): void;
  /** Discard output not yet shown (the host side keeps none: nothing to do by default). */
  flushOutput?(): void;
}

const isCont = (c: number): boolean => (c & 0xc0) === 0x80;
const isWordChar = (c: number): boolean =>
  (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f || c >= 0x80;

export class LineDiscipline {
  /** Readable input: in canonical mode one record per line (an empty record is end of file). */
  private records: Uint8Array[] = [];
  private queued = 0;
  /** The line being edited (canonical mode). */
  private line: number[] = [];
  /** The column the line started at, for erasing tabs. */
  private lineStartCol = 0;
  /** VLNEXT seen: the next byte is taken literally. */
  private literal = false;
  /** The output column (for tab erase and ONOCR). */
  column = 0;

  constructor(public termios: Termios, private readonly host: LdiscHost) {}

  private get lflag(): number {
    return this.termios.lflag;
  }

  private cc(i: number): number {
    return this.termios.cc[i] ?? 0;
  }

  /** Is c the enabled control character at index i (0 disables one, as _POSIX_VDISABLE)? */
  private is(c: number, i: number): boolean {
    const v = this.cc(i);
    return v !== 0 && c === v;
  }

  get canonical(): boolean {
    return (this.lflag & ICANON) !== 0;
  }

  /** Bytes a read could take now (FIONREAD). */
  get available(): number {
    return this.queued;
  }

  /** Whether a read would not block: a whole line (canonical) or any byte. */
  readable(): boolean {
    return this.canonical ? this.records.length > 0 : this.queued > 0;
  }

  /** Bytes typed at the terminal. */
  receive(bytes: Uint8Array): void {
    for (const b of bytes) this.receiveByte(b);
  }

  private receiveByte(input: number): void {
    const t = this.termios;
    let c = t.iflag & ISTRIP ? input & 0x7f : input;
    if (this.literal) {
      this.literal = false;
      this.store(c, true);
      return;
    }
    if (t.lflag & ISIG) {
      const sig = this.is(c, VINTR) ? SIGINT : this.is(c, VQUIT) ? SIGQUIT : this.is(c, VSUSP) ? SIGTSTP : 0;
      if (sig !== 0) {
        if (!(t.lflag & NOFLSH)) this.flushInput();
        if (!(t.lflag & NOFLSH)) this.host.flushOutput?.();
        if (t.lflag & ECHO) this.echoChar(c);
        this.host.signal(sig);
        return;
      }
    }
    if (c === CR) {
      if (t.iflag & IGNCR) return;
      if (t.iflag & ICRNL) c = NL;
    } else if (c === NL && t.iflag & INLCR) {
      c = CR;
    }
    if (!this.canonical) {
      this.store(c, false);
      return;
    }
    const ext = (t.lflag & IEXTEN) !== 0;
    if (this.is(c, VERASE) || (c === BS && this.cc(VERASE) === DEL)) return this.erase('char');
    if (this.is(c, VKILL)) return this.erase('line');
    if (ext && this.is(c, VWERASE)) return this.erase('word');
    if (ext && this.is(c, VLNEXT)) {
      this.literal = true;
      if (t.lflag & ECHO && t.lflag & ECHOCTL) this.host.echo([0x5e, BS]); // ^ then back over it
      return;
    }
    if (c === NL) {
      if (t.lflag & (ECHO | ECHONL)) this.host.echo([NL]);
      this.pushLine([NL]);
      return;
    }
    if (this.is(c, VEOF)) {
      this.pushLine([]);
      return;
    }
    if (this.is(c, VEOL) || this.is(c, VEOL2)) {
      if (t.lflag & ECHO) this.echoChar(c);
      this.pushLine([c]);
      return;
    }
    this.store(c, true);
  }

  /** An ordinary byte: into the line (canonical) or the read queue (raw), echoed. */
  private store(c: number, canonical: boolean): void {
    if (canonical && this.canonical) {
      if (this.line.length >= TTY_BUF_SIZE - 1 || this.queued + this.line.length >= TTY_BUF_SIZE) return;
      if (this.line.length === 0) this.lineStartCol = this.column;
      this.line.push(c);
      if (this.lflag & ECHO) this.echoChar(c);
      return;
    }
    if (this.queued >= TTY_BUF_SIZE) return;
    if (this.lflag & ECHO) this.echoChar(c);
    this.records.push(Uint8Array.of(c));
    this.queued++;
  }

  /** Echo one input byte: control characters as ^X with ECHOCTL (tab and newline as they are). */
  private echoChar(c: number): void {
    if (this.lflag & ECHOCTL && (c < 0x20 || c === DEL) && c !== 0x09 && c !== NL) {
      this.host.echo([0x5e, c === DEL ? 0x3f : c ^ 0x40]);
    } else {
      this.host.echo([c]);
    }
  }

  /** The line becomes readable, with its terminator (none for VEOF). */
  private pushLine(end: number[]): void {
    const rec = Uint8Array.from([...this.line, ...end]);
    this.line = [];
    this.records.push(rec);
    this.queued += rec.length;
  }

  /** The echo column after the first n bytes of the line. */
  private columnAfter(n: number): number {
    let col = this.lineStartCol;
    for (let j = 0; j < n; j++) {
      const c = this.line[j]!;
      if (c === 0x09) col = (col | 7) + 1;
      else if ((c < 0x20 || c === DEL) && this.lflag & ECHOCTL) col += 2;
      else if (!(this.termios.iflag & IUTF8 && isCont(c))) col += 1;
    }
    return col;
  }

  /** VERASE, VKILL, VWERASE (Linux's eraser()). */
  private erase(kind: 'char' | 'line' | 'word'): void {
    const lf = this.lflag;
    if (this.line.length === 0) return;
    if (kind === 'line' && (!(lf & ECHO) || !(lf & ECHOK) || !(lf & ECHOKE) || !(lf & ECHOE))) {
      this.line = [];
      if (lf & ECHO) {
        this.echoChar(this.cc(VKILL));
        if (lf & ECHOK) this.host.echo([NL]);
      }
      return;
    }
    let seenWord = false;
    while (this.line.length > 0) {
      let i = this.line.length - 1;
      if (this.termios.iflag & IUTF8) while (i > 0 && isCont(this.line[i]!)) i--;
      const c = this.line[i]!;
      if (kind === 'word') {
        if (isWordChar(c)) seenWord = true;
        else if (seenWord) break;
      }
      const cols = lf & ECHO && lf & ECHOE ? this.columnAfter(this.line.length) - this.columnAfter(i) : 0;
      this.line.length = i;
      if (lf & ECHO) {
        if (lf & ECHOE) {
          const seq: number[] = [];
          const rub = c === 0x09 ? [BS] : [BS, 0x20, BS];
          for (let k = 0; k < cols; k++) seq.push(...rub);
          this.host.echo(seq);
        } else if (kind === 'char') {
          this.echoChar(this.cc(VERASE));
        }
      }
      if (kind === 'char') break;
    }
  }

  /** Switching ICANON: the line being edited becomes readable input in raw mode. */
  setTermios(t: Termios): void {
    const wasCanon = this.canonical;
    this.termios = t;
    if (wasCanon && !this.canonical && this.line.length > 0) {
      const rec = Uint8Array.from(this.line);
      this.line = [];
      this.records.push(rec);
      this.queued += rec.length;
    }
  }

  /** Take up to buf.length bytes: one line at most in canonical mode, anything queued in raw. */
  read(buf: Uint8Array): number {
    let n = 0;
    while (n < buf.length && this.records.length > 0) {
      const rec = this.records[0]!;
      const take = Math.min(rec.length, buf.length - n);
      buf.set(rec.subarray(0, take), n);
      n += take;
      this.queued -= take;
      if (take === rec.length) this.records.shift();
      else this.records[0] = rec.subarray(take);
      if (this.canonical) break; // one line per read; an empty record (VEOF) reads as 0
    }
    return n;
  }

  /** Discard typed input (TCIFLUSH, TCSAFLUSH, a signal character without NOFLSH). */
  flushInput(): void {
    this.records = [];
    this.queued = 0;
    this.line = [];
    this.literal = false;
  }
}

/** OPOST output processing; updates ld.column. Returns the bytes for the screen. */
export function processOutput(ld: LineDiscipline, data: Uint8Array): Uint8Array {
  const t = ld.termios;
  if (!(t.oflag & OPOST)) {
    trackColumns(ld, data);
    return data.slice();
  }
  const out: number[] = [];
  for (const c of data) {
    if (c === NL) {
      if (t.oflag & ONLCR) {
        out.push(CR, NL);
        ld.column = 0;
        continue;
      }
      if (t.oflag & ONLRET) ld.column = 0;
      out.push(NL);
      continue;
    }
    if (c === CR) {
      if (t.oflag & ONOCR && ld.column === 0) continue;
      if (t.oflag & OCRNL) {
        out.push(NL);
        if (t.oflag & ONLRET) ld.column = 0;
        continue;
      }
      ld.column = 0;
      out.push(CR);
      continue;
    }
    out.push(c);
    advance(ld, c);
  }
  return Uint8Array.from(out);
}

function trackColumns(ld: LineDiscipline, data: Uint8Array): void {
  for (const c of data) {
    if (c === NL || c === CR) ld.column = 0;
    else advance(ld, c);
  }
}

function advance(ld: LineDiscipline, c: number): void {
  if (c === 0x09) ld.column = (ld.column | 7) + 1;
  else if (c === BS) ld.column = Math.max(0, ld.column - 1);
  else if (c >= 0x20 && c !== DEL && !(ld.termios.iflag & IUTF8 && isCont(c))) ld.column++;
}
