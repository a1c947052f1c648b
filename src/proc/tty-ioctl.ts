/**
 * The terminal ioctls (Linux's tty_ioctl, tty_jobctrl.c, n_tty_ioctl): termios get/set, window
 * size, controlling terminal, foreground process group. Anything but a terminal is ENOTTY, as is
 * a request a terminal does not know.
 *
 * Arguments travel as Linux's do: `arg` is the integer argument (a pid for TIOCSPGRP, the steal
 * flag of TIOCSCTTY, the queue of TCFLSH), `data` the struct a pointer argument points to
 * (struct termios, struct winsize; see abi/termios.ts). An integer result comes back as nums[0],
 * a struct as the answer's bytes.
 */
import { EFAULT, EINVAL, ENOTTY, EPERM, ESRCH } from '../kernel/abi/errno.js';
import { SIGCONT, SIGHUP, SIGTTOU } from '../kernel/abi/signal.js';
import {
  FIONREAD, TCFLSH, TCGETS, TCIFLUSH, TCIOFLUSH, TCOFLUSH, TCSETS, TCSETSF, TCSETSW, TIOCGPGRP, TIOCGSID,
  TIOCGWINSZ, TIOCNOTTY, TIOCOUTQ, TIOCSCTTY, TIOCSPGRP, TIOCSWINSZ, decodeTermios, decodeWinsize,
  encodeTermios, encodeWinsize,
} from '../kernel/abi/termios.js';
import { SysError } from '../kernel/errors.js';
import { Park, type Result } from '../kernel/syscall.js';
import type { Kernel } from '../kernel/kernel.js';
import { ttyOf, type Tty } from '../fs/tty.js';
import type { OpenFile } from '../fs/types.js';
import { canRead } from '../fs/open.js';
import { checkChange, controllingTty, setControlling, signalGroup } from './jobctl.js';
import type { Process } from './process.js';

/** A change a background process may not make: wait stopped (SIGTTOU) and retry, as ERESTARTSYS. */
function asForeground(k: Kernel, p: Process, tty: Tty, call: () => Result, eio = true): Result {
  const attempt = (): Result => {
    let verdict: 'ok' | 'stopped';
    try {
      verdict = checkChange(k, p, tty, SIGTTOU);
    } catch (e) {
      if (!eio && e instanceof SysError) throw new SysError(ENOTTY); // tiocspgrp turns EIO into ENOTTY
      throw e;
    }
    return verdict === 'ok' ? call() : new Park('ioctl', attempt);
  };
  return attempt();
}

const value = (n: number): Result => ({ value: 0, nums: [n] });

export function ttyIoctl(k: Kernel, p: Process, file: OpenFile, request: number, arg: number, data: Uint8Array): Result {
  const tty = ttyOf(file);
  if (!tty) throw new SysError(ENOTTY);
  const mine = controllingTty(k, p) === tty;
  switch (request) {
    case TCGETS:
      return { value: 0, data: encodeTermios(tty.termios) };
    case TCSETS: case TCSETSW: case TCSETSF: {
      const t = decodeTermios(data);
      if (!t) throw new SysError(EFAULT);
      return asForeground(k, p, tty, () => {
        if (request === TCSETSF) tty.ld.flushInput();
        tty.setTermios(t); // output is never held back, so TCSETSW has nothing to drain
        return 0;
      });
    }
    case TIOCGWINSZ:
      return { value: 0, data: encodeWinsize(tty.winsize) };
    case TIOCSWINSZ: {
      const w = decodeWinsize(data);
      if (!w) throw new SysError(EFAULT);
      tty.resize(w);
      return 0;
    }
    case TIOCGPGRP:
      if (!mine) throw new SysError(ENOTTY);
      return value(tty.pgrp ?? 0);
    case TIOCGSID:
      if (!mine || tty.session === undefined) throw new SysError(ENOTTY);
      return value(tty.session);
    case TIOCSPGRP:
      return asForeground(k, p, tty, () => {
        if (!mine || tty.session !== p.sid) throw new SysError(ENOTTY);
        if (arg < 0 || !Number.isInteger(arg)) throw new SysError(EINVAL);
        const members = [...k.procs.values()].filter((q) => q.pgid === arg && q.state !== 'Z' && q !== k.init);
        if (members.length === 0) throw new SysError(ESRCH);
        if (members.some((q) => q.sid !== p.sid)) throw new SysError(EPERM);
        tty.pgrp = arg;
        return 0;
      }, false);
    case TIOCSCTTY:
      if (p.pid === p.sid && tty.session === p.sid) return 0;
      if (p.pid !== p.sid || controllingTty(k, p)) throw new SysError(EPERM);
      if (!canRead(file.flags) && p.creds.euid !== 0) throw new SysError(EPERM);
      if (tty.session !== undefined && !(arg === 1 && p.creds.euid === 0)) throw new SysError(EPERM);
      setControlling(tty, p);
      return 0;
    case TIOCNOTTY:
      if (!mine) throw new SysError(ENOTTY);
      if (p.pid === p.sid) {
        // The session leader gives up the terminal (disassociate_ctty): its foreground job hangs up.
        const fg = tty.pgrp;
        tty.session = undefined;
        tty.pgrp = undefined;
        if (fg !== undefined) {
          signalGroup(k, fg, SIGHUP);
          signalGroup(k, fg, SIGCONT);
        }
      }
      return 0;
    case FIONREAD:
      return value(tty.ld.available);
    case TIOCOUTQ:
      return value(0);
    case TCFLSH:
      if (arg !== TCIFLUSH && arg !== TCOFLUSH && arg !== TCIOFLUSH) throw new SysError(EINVAL);
      if (arg !== TCOFLUSH) tty.ld.flushInput();
      return 0;
    default:
      throw new SysError(ENOTTY);
  }
}
