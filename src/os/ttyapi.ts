/**
 * Terminals in the os API, with Python's names: os.isatty, ttyname, tcgetpgrp, tcsetpgrp,
 * get_terminal_size; the `termios` module (tcgetattr/tcsetattr and the constants) and the `tty`
 * module (setraw, setcbreak). All of it is ioctl(2) on the descriptor (kernel: proc/tty-ioctl.ts).
 *
 * One difference from Python: tcgetattr's cc list holds numbers (Python gives 1-byte bytes
 * objects, and numbers only for VMIN and VTIME in non-canonical mode); tcsetattr takes either.
 */
import { SYS } from '../kernel/abi/sysno.js';
import { PATH_MAX, AT_FDCWD } from '../kernel/abi/fcntl.js';
import { strerror } from '../kernel/abi/errno.js';
import * as T from '../kernel/abi/termios.js';
import { Errno } from './channel.js';
import { wrap } from './errors.js';
import type { ProcessRuntime } from './runtime-types.js';

/** Python's NCCS (glibc's struct termios): the length of tcgetattr's cc list. */
export const PY_NCCS = 32;

/** termios.error: raised with (errno, message), as Python's termios module raises it. */
export class TermiosError extends Error {
  constructor(readonly errno: number) {
    super(`(${errno}, '${strerror(errno)}')`);
    this.name = 'termios.error';
  }
  get args(): [number, string] {
    return [this.errno, strerror(this.errno)];
  }
  override toString(): string {
    return this.message;
  }
}

/** [iflag, oflag, cflag, lflag, ispeed, ospeed, cc] */
export type TermiosAttrs = [number, number, number, number, number, number, Array<number | string | Uint8Array>];

const ccValue = (x: number | string | Uint8Array | undefined): number =>
  typeof x === 'number' ? x : typeof x === 'string' ? x.charCodeAt(0) || 0 : x?.[0] ?? 0;

const CONSTANTS = Object.fromEntries(Object.entries(T).filter(([, v]) => typeof v === 'number')) as Record<string, number>;

export function makeTtyApi(rt: ProcessRuntime) {
  const { sys } = rt;
  const ioctl = (fd: number, request: number, arg = 0, data: Uint8Array = new Uint8Array(0)): number =>
    sys.callWith('ioctl', SYS.ioctl, [fd, request, arg, data]);
  /** An ioctl whose failure is termios.error. */
  const tio = <R>(fn: () => R): R => {
    try {
      return fn();
    } catch (e) {
      if (e instanceof Errno) throw new TermiosError(e.errno);
      throw e;
    }
  };

  const isatty = (fd: number): boolean => {
    try {
      ioctl(fd, T.TCGETS);
      return true;
    } catch (e) {
      if (e instanceof Errno) return false;
      throw e;
    }
  };

  const tcgetattr = (fd: number): TermiosAttrs => tio(() => {
    ioctl(fd, T.TCGETS);
    const t = T.decodeTermios(sys.outBytes())!;
    const speed = t.cflag & T.CBAUD;
    const cc = Array.from({ length: PY_NCCS }, (_, i) => t.cc[i] ?? 0);
    return [t.iflag, t.oflag, t.cflag, t.lflag, speed, speed, cc];
  });

  const tcsetattr = (fd: number, when: number, attrs: TermiosAttrs): void => {
    const request = when === T.TCSANOW ? T.TCSETS : when === T.TCSADRAIN ? T.TCSETSW : when === T.TCSAFLUSH ? T.TCSETSF : -1;
    if (request < 0) throw new TypeError(`tcsetattr: bad option ${when}`);
    if (!Array.isArray(attrs) || attrs.length !== 7 || !Array.isArray(attrs[6])) {
      throw new TypeError('tcsetattr, arg 3: must be 7 element list');
    }
    const [iflag, oflag, cflag, lflag, , ospeed, cc] = attrs;
    const t: T.Termios = {
      iflag, oflag, lflag, line: 0,
      cflag: (cflag & ~T.CBAUD) | (ospeed & T.CBAUD),
      cc: Array.from({ length: T.NCCS }, (_, i) => ccValue(cc[i])),
    };
    tio(() => ioctl(fd, request, 0, T.encodeTermios(t)));
  };

  const termios = {
    ...CONSTANTS,
    error: TermiosError,
    tcgetattr,
    tcsetattr,
    tcflush: (fd: number, queue: number): void => { tio(() => ioctl(fd, T.TCFLSH, queue)); },
    /** Output is never held back: there is nothing to drain. */
    tcdrain: (fd: number): void => { tio(() => ioctl(fd, T.TCGETS)); },
    tcsendbreak: (fd: number, _duration: number): void => { tio(() => ioctl(fd, T.TCGETS)); },
    /** (rows, columns), Python 3.11's termios.tcgetwinsize. */
    tcgetwinsize(fd: number): [number, number] {
      tio(() => ioctl(fd, T.TIOCGWINSZ));
      const w = T.decodeWinsize(sys.outBytes())!;
      return [w.rows, w.cols];
    },
    tcsetwinsize(fd: number, size: readonly [number, number]): void {
      tio(() => ioctl(fd, T.TIOCSWINSZ, 0, T.encodeWinsize({ rows: size[0], cols: size[1], xpixel: 0, ypixel: 0 })));
    },
  };

  /** Python's tty.cfmakeraw / cfmakecbreak on a tcgetattr list (in place). */
  const cfmakeraw = (mode: TermiosAttrs): void => {
    mode[0] &= ~(T.IGNBRK | T.BRKINT | T.IGNPAR | T.PARMRK | T.INPCK | T.ISTRIP | T.INLCR | T.IGNCR | T.ICRNL | T.IXON | T.IXANY | T.IXOFF);
    mode[1] &= ~T.OPOST;
    mode[2] = (mode[2] & ~(T.CSIZE | T.PARENB)) | T.CS8;
    mode[3] &= ~(T.ECHO | T.ECHOE | T.ECHOK | T.ECHONL | T.ICANON | T.IEXTEN | T.ISIG | T.NOFLSH | T.TOSTOP);
    mode[6][T.VMIN] = 1;
    mode[6][T.VTIME] = 0;
  };
  const cfmakecbreak = (mode: TermiosAttrs): void => {
    mode[3] &= ~(T.ECHO | T.ICANON);
    mode[6][T.VMIN] = 1;
    mode[6][T.VTIME] = 0;
  };
  const tty = {
    cfmakeraw,
    cfmakecbreak,
    /** Raw mode; returns the previous attributes (Python 3.12). */
    setraw(fd: number, when: number = T.TCSAFLUSH): TermiosAttrs {
      const old = tcgetattr(fd);
      const mode: TermiosAttrs = [...old.slice(0, 6), [...old[6]]] as TermiosAttrs;
      cfmakeraw(mode);
      tcsetattr(fd, when, mode);
      return old;
    },
    /** Canonical mode and echo off, signals kept; returns the previous attributes (Python 3.12). */
    setcbreak(fd: number, when: number = T.TCSAFLUSH): TermiosAttrs {
      const old = tcgetattr(fd);
      const mode: TermiosAttrs = [...old.slice(0, 6), [...old[6]]] as TermiosAttrs;
      cfmakecbreak(mode);
      tcsetattr(fd, when, mode);
      return old;
    },
    isatty,
    error: TermiosError,
    IFLAG: 0, OFLAG: 1, CFLAG: 2, LFLAG: 3, ISPEED: 4, OSPEED: 5, CC: 6,
  };

  const os = {
    isatty,
    /** The terminal's path (the name the descriptor was opened by); ENOTTY if it is none. */
    ttyname(fd: number): string {
      wrap('ttyname', undefined, () => ioctl(fd, T.TCGETS));
      wrap('ttyname', undefined, () => sys.callWith('readlinkat', SYS.readlinkat, [AT_FDCWD, `/proc/self/fd/${fd}`, PATH_MAX]));
      return sys.outText();
    },
    tcgetpgrp(fd: number): number {
      wrap('tcgetpgrp', undefined, () => ioctl(fd, T.TIOCGPGRP));
      return sys.num(0);
    },
    tcsetpgrp(fd: number, pgid: number): void {
      wrap('tcsetpgrp', undefined, () => ioctl(fd, T.TIOCSPGRP, pgid));
    },
    /** os.terminal_size: (columns, lines), also as .columns and .lines. */
    get_terminal_size(fd = 1): readonly [number, number] & { readonly columns: number; readonly lines: number } {
      wrap('get_terminal_size', undefined, () => ioctl(fd, T.TIOCGWINSZ));
      const w = T.decodeWinsize(sys.outBytes())!;
      return Object.freeze(Object.assign([w.cols, w.rows] as [number, number], { columns: w.cols, lines: w.rows }));
    },
  };
  return { os, termios, tty };
}
