/** Terminal calls: ioctl (the terminal requests of proc/tty-ioctl.ts). */
import { partial, type SyscallEntry } from '../syscall.js';
import { ttyIoctl } from '../../proc/tty-ioctl.js';
import { checkFd } from './common.js';

export const ttyCalls: ReadonlyArray<readonly [number, SyscallEntry]> = [
  [16, partial('ioctl', ['int', 'int', 'int', 'bytes'], (k, p, a) =>
    ttyIoctl(k, p, checkFd(p, a.int(0)), a.int(1), a.int(2), a.bytes(3)),
  'terminal requests (TCGETS, TCSETS*, TIOC[GS]WINSZ, TIOC[GS]PGRP, TIOCSCTTY, TIOCNOTTY, TIOCGSID, ' +
  'FIONREAD, TIOCOUTQ, TCFLSH); anything else is ENOTTY')],
];
