/**
 * Reading processes from /proc as procps' readproc does: /proc/<pid>/stat (state, ppid, pgrp,
 * session, tty_nr, utime+stime, start time), status (the real and effective ids) and cmdline.
 * A process that ends while being read is skipped.
 */
import os, { OSError } from 'posixbox/os';

export interface Proc {
  readonly pid: number;
  readonly ppid: number;
  readonly pgid: number;
  readonly sid: number;
  readonly comm: string;
  readonly state: string;
  readonly ttyNr: number;
  /** The terminal's name (`pts/0`) or `?` (see terminalOf). */
  readonly tty: string;
  /** utime + stime, in clock ticks. */
  readonly ticks: number;
  /** Start time in clock ticks after boot (see bootTime). */
  readonly start: number;
  readonly nice: number;
  readonly ruid: number;
  readonly euid: number;
  readonly rgid: number;
  readonly egid: number;
  readonly args: readonly string[];
}

/** Clock ticks per second (USER_HZ). */
export const HZ = 100;

const decoder = new TextDecoder();

export function readText(path: string): string {
  const fd = os.open(path, os.O_RDONLY);
  try {
    const parts: string[] = [];
    for (let i = 0; i < 1024; i++) {
      const b = os.read(fd, 65536);
      if (b.length === 0) break;
      parts.push(decoder.decode(b, { stream: true }));
    }
    return parts.join('') + decoder.decode();
  } finally {
    os.close(fd);
  }
}

/** Boot time in seconds since the Epoch: /proc/stat's btime; 0 when the kernel does not give one. */
export function bootTime(): number {
  try {
    const m = /^btime (\d+)$/m.exec(readText('/proc/stat'));
    return m ? Number(m[1]) : 0;
  } catch (e) {
    if (e instanceof OSError) return 0;
    throw e;
  }
}

export function readProc(pid: number): Proc | undefined {
  try {
    const stat = readText(`/proc/${pid}/stat`);
    const open = stat.indexOf('(');
    const close = stat.lastIndexOf(')');
    if (open < 0 || close < open) return undefined;
    const comm = stat.slice(open + 1, close);
    const f = stat.slice(close + 2).trim().split(/\s+/); // f[0] is field 3 (state)
    const num = (field: number): number => Number(f[field - 3] ?? 0) || 0;
    const status = readText(`/proc/${pid}/status`);
    const ids = (key: string): number[] => (new RegExp(`^${key}:\\s+(.*)$`, 'm').exec(status)?.[1] ?? '0 0').trim().split(/\s+/).map(Number);
    const [ruid = 0, euid = 0] = ids('Uid');
    const [rgid = 0, egid = 0] = ids('Gid');
    const cmd = readText(`/proc/${pid}/cmdline`);
    const args = cmd === '' ? [] : cmd.replace(/\0$/, '').split('\0');
    return {
      pid, comm, state: f[0] ?? '?', ppid: num(4), pgid: num(5), sid: num(6), ttyNr: num(7), tty: terminalOf(pid, num(7)),
      ticks: num(14) + num(15), nice: num(19), start: num(22), ruid, euid, rgid, egid, args,
    };
  } catch (e) {
    if (e instanceof OSError) return undefined;
    throw e;
  }
}

/** Every process /proc lists, by pid. */
export function allProcs(): Proc[] {
  const pids = os.listdir('/proc').filter((n) => /^\d+$/.test(n)).map(Number).sort((a, b) => a - b);
  return pids.map(readProc).filter((p): p is Proc => p !== undefined);
}

/**
 * A process's terminal: from tty_nr when the kernel gives one; when it gives 0, from what the
 * process's standard descriptors are open on (/proc/<pid>/fd/0, 1, 2 → /dev/pts/N), which is
 * what a controlling terminal almost always is. Unreadable (another user's process): `?`.
 */
function terminalOf(pid: number, nr: number): string {
  if (nr !== 0) return ttyName(nr);
  for (const fd of [0, 1, 2]) {
    try {
      const m = /^\/dev\/(pts\/\d+|tty\d+|ttyS\d+|console)$/.exec(os.readlink(`/proc/${pid}/fd/${fd}`));
      if (m) return m[1]!;
    } catch (e) {
      if (!(e instanceof OSError)) throw e;
    }
  }
  return '?';
}

/** The terminal's name for a tty_nr, as procps shows it (`pts/0`, `tty1`), or `?`. */
export function ttyName(nr: number): string {
  if (nr === 0) return '?';
  const major = (nr >>> 8) & 0xfff;
  const minor = (nr & 0xff) | ((nr >>> 12) & 0xfff00);
  if (major >= 136 && major <= 143) return `pts/${(major - 136) * 256 + minor}`;
  if (major === 4 && minor < 64) return `tty${minor}`;
  if (major === 4) return `ttyS${minor - 64}`;
  if (major === 5 && minor === 0) return 'tty';
  if (major === 5 && minor === 1) return 'console';
  return '?';
}
