/**
 * ps's output columns (procps-ng's format specifiers): header, width, alignment and how a
 * process shows in it. Widths are procps': PIDs are 7 wide (as for Linux's default pid_max of
 * 4194304), user and group names 8, times `[DD-]HH:MM:SS`.
 */
import { time } from 'posixbox/os';
import { groupName, userName } from './ids.js';
import { HZ, type Proc } from './procinfo.js';

export interface Column {
  readonly header: string;
  readonly width: number;
  readonly right: boolean;
  /** Args-like columns may run past their width when last. */
  readonly wide?: boolean;
  show(p: Proc, now: Now): string;
}

export interface Now {
  /** Seconds since the Epoch. */
  readonly sec: number;
  readonly boot: number;
}

const PID = 7;

function cputime(ticks: number): string {
  const s = Math.floor(ticks / HZ);
  const days = Math.floor(s / 86400);
  const hms = [Math.floor((s % 86400) / 3600), Math.floor((s % 3600) / 60), s % 60].map((n) => String(n).padStart(2, '0')).join(':');
  return days > 0 ? `${days}-${hms}` : hms;
}

function elapsed(s: number): string {
  const days = Math.floor(s / 86400);
  const h = Math.floor((s % 86400) / 3600);
  const m = String(Math.floor((s % 3600) / 60)).padStart(2, '0');
  const sec = String(s % 60).padStart(2, '0');
  if (days > 0) return `${days}-${String(h).padStart(2, '0')}:${m}:${sec}`;
  if (h > 0) return `${String(h).padStart(2, '0')}:${m}:${sec}`;
  return `${m}:${sec}`;
}

const startSec = (p: Proc, n: Now): number => n.boot + Math.floor(p.start / HZ);

/** STIME: the time of day if within a day, else month and day if this year, else the year. */
function stime(p: Proc, n: Now): string {
  const t = startSec(p, n);
  const tm = time.localtime(t);
  if (n.sec - t < 86400) return time.strftime('%H:%M', tm);
  if (tm.year === time.localtime(n.sec).year) return time.strftime('%b%d', tm);
  return time.strftime('%Y', tm);
}

const args = (p: Proc): string => (p.args.length ? p.args.join(' ') : `[${p.comm}]`);
const user = (id: number): string => {
  const n = userName(id) ?? String(id);
  return n.length > 8 ? `${n.slice(0, 7)}+` : n;
};
const group = (id: number): string => {
  const n = groupName(id) ?? String(id);
  return n.length > 8 ? `${n.slice(0, 7)}+` : n;
};

const col = (header: string, width: number, right: boolean, show: Column['show'], wide = false): Column => ({ header, width, right, show, wide });

export const COLUMNS: ReadonlyMap<string, Column> = new Map(Object.entries({
  pid: col('PID', PID, true, (p) => String(p.pid)),
  ppid: col('PPID', PID, true, (p) => String(p.ppid)),
  pgid: col('PGID', PID, true, (p) => String(p.pgid)),
  pgrp: col('PGRP', PID, true, (p) => String(p.pgid)),
  sid: col('SID', PID, true, (p) => String(p.sid)),
  sess: col('SESS', PID, true, (p) => String(p.sid)),
  uid: col('UID', 5, true, (p) => String(p.euid)),
  euid: col('EUID', 5, true, (p) => String(p.euid)),
  ruid: col('RUID', 5, true, (p) => String(p.ruid)),
  gid: col('GID', 5, true, (p) => String(p.egid)),
  egid: col('EGID', 5, true, (p) => String(p.egid)),
  rgid: col('RGID', 5, true, (p) => String(p.rgid)),
  user: col('USER', 8, false, (p) => user(p.euid)),
  euser: col('EUSER', 8, false, (p) => user(p.euid)),
  ruser: col('RUSER', 8, false, (p) => user(p.ruid)),
  uname: col('USER', 8, false, (p) => user(p.euid)),
  group: col('GROUP', 8, false, (p) => group(p.egid)),
  egroup: col('EGROUP', 8, false, (p) => group(p.egid)),
  rgroup: col('RGROUP', 8, false, (p) => group(p.rgid)),
  comm: col('COMMAND', 15, false, (p) => p.comm),
  ucmd: col('CMD', 15, false, (p) => p.comm),
  ucomm: col('COMMAND', 15, false, (p) => p.comm),
  args: col('COMMAND', 27, false, args, true),
  command: col('COMMAND', 27, false, args, true),
  cmd: col('CMD', 27, false, args, true),
  tty: col('TT', 8, false, (p) => p.tty),
  tt: col('TT', 8, false, (p) => p.tty),
  tname: col('TTY', 8, false, (p) => p.tty),
  time: col('TIME', 8, true, (p) => cputime(p.ticks)),
  cputime: col('TIME', 8, true, (p) => cputime(p.ticks)),
  etime: col('ELAPSED', 11, true, (p, n) => elapsed(Math.max(0, n.sec - startSec(p, n)))),
  etimes: col('ELAPSED', 7, true, (p, n) => String(Math.max(0, n.sec - startSec(p, n)))),
  stime: col('STIME', 5, false, stime),
  start_time: col('START', 5, false, stime),
  s: col('S', 1, false, (p) => p.state),
  stat: col('STAT', 4, false, (p) => p.state),
  state: col('S', 1, false, (p) => p.state),
  c: col('C', 2, true, () => '0'),
  ni: col('NI', 3, true, (p) => String(p.nice)),
  nice: col('NI', 3, true, (p) => String(p.nice)),
}));

/** A line of cells: right-aligned cells padded on the left, left-aligned ones on the right but the last. */
export function layout(cells: readonly string[], cols: readonly Column[]): string {
  const parts = cells.map((c, i) => {
    const k = cols[i]!;
    const last = i === cells.length - 1;
    let v = c;
    if (k.wide && !last && v.length > k.width) v = v.slice(0, k.width);
    if (k.right) return v.padStart(k.width);
    return last ? v : v.padEnd(k.width);
  });
  return parts.join(' ').replace(/\s+$/, '');
}
