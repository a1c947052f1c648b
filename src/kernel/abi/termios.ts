/**
 * Terminal constants (Linux x86-64's asm-generic/termbits.h and ioctls.h) and the wire forms of
 * struct termios and struct winsize that the ioctl call and the os API share.
 *
 * struct termios travels as Linux lays it out: four u32 flag words, c_line, c_cc[19] (36 bytes,
 * little-endian). The speeds are the CBAUD bits of c_cflag (B38400 for a pseudo-terminal), as
 * cfgetospeed reads them. struct winsize is four u16: rows, cols, xpixel, ypixel.
 */

// c_iflag
export const IGNBRK = 0o1;
export const BRKINT = 0o2;
export const IGNPAR = 0o4;
export const PARMRK = 0o10;
export const INPCK = 0o20;
export const ISTRIP = 0o40;
export const INLCR = 0o100;
export const IGNCR = 0o200;
export const ICRNL = 0o400;
export const IUCLC = 0o1000;
export const IXON = 0o2000;
export const IXANY = 0o4000;
export const IXOFF = 0o10000;
export const IMAXBEL = 0o20000;
export const IUTF8 = 0o40000;

// c_oflag
export const OPOST = 0o1;
export const OLCUC = 0o2;
export const ONLCR = 0o4;
export const OCRNL = 0o10;
export const ONOCR = 0o20;
export const ONLRET = 0o40;

// c_cflag
export const CBAUD = 0o10017;
export const B0 = 0;
export const B9600 = 0o15;
export const B38400 = 0o17;
export const CSIZE = 0o60;
export const CS5 = 0;
export const CS6 = 0o20;
export const CS7 = 0o40;
export const CS8 = 0o60;
export const CSTOPB = 0o100;
export const CREAD = 0o200;
export const PARENB = 0o400;
export const PARODD = 0o1000;
export const HUPCL = 0o2000;
export const CLOCAL = 0o4000;

// c_lflag
export const ISIG = 0o1;
export const ICANON = 0o2;
export const ECHO = 0o10;
export const ECHOE = 0o20;
export const ECHOK = 0o40;
export const ECHONL = 0o100;
export const NOFLSH = 0o200;
export const TOSTOP = 0o400;
export const ECHOCTL = 0o1000;
export const ECHOPRT = 0o2000;
export const ECHOKE = 0o4000;
export const FLUSHO = 0o10000;
export const PENDIN = 0o40000;
export const IEXTEN = 0o100000;

// c_cc indices
export const VINTR = 0;
export const VQUIT = 1;
export const VERASE = 2;
export const VKILL = 3;
export const VEOF = 4;
export const VTIME = 5;
export const VMIN = 6;
export const VSWTC = 7;
export const VSTART = 8;
export const VSTOP = 9;
export const VSUSP = 10;
export const VEOL = 11;
export const VREPRINT = 12;
export const VDISCARD = 13;
export const VWERASE = 14;
export const VLNEXT = 15;
export const VEOL2 = 16;
/** The kernel's c_cc length. */
export const NCCS = 19;

// tcsetattr's `when`, tcflush's queue
export const TCSANOW = 0;
export const TCSADRAIN = 1;
export const TCSAFLUSH = 2;
export const TCIFLUSH = 0;
export const TCOFLUSH = 1;
export const TCIOFLUSH = 2;

// ioctl requests
export const TCGETS = 0x5401;
export const TCSETS = 0x5402;
export const TCSETSW = 0x5403;
export const TCSETSF = 0x5404;
export const TCFLSH = 0x540b;
export const TIOCSCTTY = 0x540e;
export const TIOCGPGRP = 0x540f;
export const TIOCSPGRP = 0x5410;
export const TIOCOUTQ = 0x5411;
export const TIOCGWINSZ = 0x5413;
export const TIOCSWINSZ = 0x5414;
export const FIONREAD = 0x541b;
export const TIOCNOTTY = 0x5422;
export const TIOCGSID = 0x5429;
export const TIOCGPTN = 0x80045430;

export const TERMIOS_BYTES = 36;
export const WINSIZE_BYTES = 8;

export interface Termios {
  iflag: number;
  oflag: number;
  cflag: number;
  lflag: number;
  line: number;
  /** NCCS control characters. */
  cc: number[];
}

export interface Winsize {
  readonly rows: number;
  readonly cols: number;
  readonly xpixel: number;
  readonly ypixel: number;
}

/** Linux's tty_std_termios for a pseudo-terminal (drivers/tty/tty_io.c, pty.c): cooked, echoing,
 * 38400 baud, and INIT_C_CC: ^C ^\ ^? ^U ^D, VTIME 0, VMIN 1, ^Q ^S ^Z, ^R ^O ^W ^V. */
export function defaultTermios(): Termios {
  const cc = new Array<number>(NCCS).fill(0);
  cc[VINTR] = 0x03; cc[VQUIT] = 0x1c; cc[VERASE] = 0x7f; cc[VKILL] = 0x15; cc[VEOF] = 0x04;
  cc[VTIME] = 0; cc[VMIN] = 1; cc[VSTART] = 0x11; cc[VSTOP] = 0x13; cc[VSUSP] = 0x1a;
  cc[VREPRINT] = 0x12; cc[VDISCARD] = 0x0f; cc[VWERASE] = 0x17; cc[VLNEXT] = 0x16;
  return {
    iflag: ICRNL | IXON | IUTF8,
    oflag: OPOST | ONLCR,
    cflag: B38400 | CS8 | CREAD | HUPCL,
    lflag: ISIG | ICANON | ECHO | ECHOE | ECHOK | ECHOCTL | ECHOKE | IEXTEN,
    line: 0,
    cc,
  };
}

export function encodeTermios(t: Termios): Uint8Array {
  const out = new Uint8Array(TERMIOS_BYTES);
  const v = new DataView(out.buffer);
  v.setUint32(0, t.iflag >>> 0, true);
  v.setUint32(4, t.oflag >>> 0, true);
  v.setUint32(8, t.cflag >>> 0, true);
  v.setUint32(12, t.lflag >>> 0, true);
  out[16] = t.line & 0xff;
  for (let i = 0; i < NCCS; i++) out[17 + i] = (t.cc[i] ?? 0) & 0xff;
  return out;
}

/** undefined if the bytes are too short to be a struct termios (EFAULT). */
export function decodeTermios(b: Uint8Array): Termios | undefined {
  if (b.length < TERMIOS_BYTES) return undefined;
  const v = new DataView(b.buffer, b.byteOffset, b.length);
  return {
    iflag: v.getUint32(0, true), oflag: v.getUint32(4, true), cflag: v.getUint32(8, true),
    lflag: v.getUint32(12, true), line: b[16]!, cc: Array.from(b.subarray(17, 17 + NCCS)),
  };
}

export function encodeWinsize(w: Winsize): Uint8Array {
  const out = new Uint8Array(WINSIZE_BYTES);
  const v = new DataView(out.buffer);
  [w.rows, w.cols, w.xpixel, w.ypixel].forEach((x, i) => v.setUint16(i * 2, x & 0xffff, true));
  return out;
}

export function decodeWinsize(b: Uint8Array): Winsize | undefined {
  if (b.length < WINSIZE_BYTES) return undefined;
  const v = new DataView(b.buffer, b.byteOffset, b.length);
  return { rows: v.getUint16(0, true), cols: v.getUint16(2, true), xpixel: v.getUint16(4, true), ypixel: v.getUint16(6, true) };
}
