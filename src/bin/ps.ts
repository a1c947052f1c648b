/**
 * ps — report a snapshot of the processes, as procps-ng's ps with its UNIX options, from /proc:
 *   ps          the processes with the caller's effective uid on the caller's terminal
 *               (`    PID TTY          TIME CMD`; lib/procinfo.ts says how the terminal is found)
 *   -e, -A      every process          -p PIDLIST   those processes (comma or space separated)
 *   -u USERLIST by effective user      -f           full format (UID PID PPID C STIME TTY TIME CMD)
 *   -o FORMAT   columns (pid,ppid,user,comm,args,…; `col=HEADER` renames, `col=` blanks the header)
 *   --no-headers, -h? (BSD's h is not taken)  --headers
 * Status 1 when nothing was listed. BSD options (aux) are not done.
 */
import os, { pwd, time } from 'posixbox/os';
import { entry, writeAll, type Tool } from './lib.js';
import { COLUMNS, layout, type Column, type Now } from './lib/pscols.js';
import { allProcs, bootTime, readProc, type Proc } from './lib/procinfo.js';

const USAGE = '\nUsage:\n ps [options]\n\n Options: -e, -A (all), -f (full), -p PIDLIST, -u USERLIST, -o FORMAT, --no-headers\n';

class PsError extends Error {}

const DEFAULT = 'pid,tname,time,ucmd';
const FULL = 'uid_hack,pid,ppid,c,stime,tname,time,cmd';
const UID_HACK: Column = { ...COLUMNS.get('user')!, header: 'UID' };

function columns(spec: string): Array<{ col: Column; header: string }> {
  const outCols: Array<{ col: Column; header: string }> = [];
  for (const item of spec.split(/[,\s]+/).filter(Boolean)) {
    const eq = item.indexOf('=');
    const name = eq < 0 ? item : item.slice(0, eq);
    const col = name === 'uid_hack' ? UID_HACK : COLUMNS.get(name);
    if (!col) throw new PsError(`unknown user-defined format specifier "${name}"`);
    outCols.push({ col, header: eq < 0 ? col.header : item.slice(eq + 1) });
  }
  return outCols;
}

function list(v: string, what: 'pid' | 'user'): string[] {
  const items = v.split(/[,\s]+/).filter(Boolean);
  if (items.length === 0) throw new PsError(what === 'pid' ? 'process ID list syntax error' : 'user name does not exist');
  if (what === 'pid' && items.some((x) => !/^\d+$/.test(x) || Number(x) === 0)) throw new PsError('process ID list syntax error');
  return items;
}

function userId(u: string): number {
  try { return pwd.getpwnam(u).pw_uid; } catch { /* a number, or no such user */ }
  if (/^\d+$/.test(u)) return Number(u);
  throw new PsError('user name does not exist');
}

export function main(argv: string[]): number {
  return entry(argv[0] || 'ps', (t) => ps(t, argv));
}

function ps(t: Tool, argv: readonly string[]): number {
  const say = (fd: number, s: string): void => { try { writeAll(fd, s); } catch { /* nowhere */ } };
  try {
    let all = false;
    let full = false;
    let headers = true;
    const formats: string[] = [];
    let pids: number[] | undefined;
    let users: number[] | undefined;
    for (let i = 1; i < argv.length; i++) {
      const a = argv[i]!;
      const value = (): string => {
        const v = argv[++i];
        if (v === undefined) throw new PsError('list of process IDs must follow -p');
        return v;
      };
      if (a === '--no-headers' || a === '--no-heading') { headers = false; continue; }
      if (a === '--headers') { headers = true; continue; }
      if (a.startsWith('--pid=')) { pids = [...(pids ?? []), ...list(a.slice(6), 'pid').map(Number)]; continue; }
      if (a.startsWith('--format=')) { formats.push(a.slice(9)); continue; }
      if (!a.startsWith('-') || a.startsWith('--')) throw new PsError(a.startsWith('--') ? `unknown gnu long option` : 'unsupported option (BSD syntax)');
      for (let j = 1; j < a.length; j++) {
        const c = a[j]!;
        const rest = (): string => (j + 1 < a.length ? a.slice(j + 1) : value());
        if (c === 'e' || c === 'A') all = true;
        else if (c === 'f') full = true;
        else if (c === 'o') { formats.push(rest()); break; }
        else if (c === 'p') { pids = [...(pids ?? []), ...list(rest(), 'pid').map(Number)]; break; }
        else if (c === 'u' || c === 'U') { users = [...(users ?? []), ...list(rest(), 'user').map(userId)]; break; }
        else throw new PsError('unsupported SysV option');
      }
    }
    const cols = columns(formats.length ? formats.join(',') : full ? FULL : DEFAULT);
    const self = readProc(os.getpid());
    const euid = os.geteuid();
    const procs = allProcs().filter((p: Proc) => {
      if (pids || users) return (pids?.includes(p.pid) ?? false) || (users?.includes(p.euid) ?? false);
      if (all) return true;
      return p.euid === euid && p.tty === (self?.tty ?? '?');
    });
    const now: Now = { sec: Math.floor(time.time()), boot: bootTime() };
    const lines: string[] = [];
    if (headers && cols.some((c) => c.header !== '')) lines.push(layout(cols.map((c) => c.header), cols.map((c) => c.col)));
    for (const p of procs) lines.push(layout(cols.map((c) => c.col.show(p, now)), cols.map((c) => c.col)));
    t.stdout.write(lines.map((l) => `${l}\n`).join(''));
    return procs.length > 0 ? 0 : 1;
  } catch (e) {
    if (e instanceof PsError) {
      say(2, `error: ${e.message}\n${USAGE}`);
      return 1;
    }
    throw e;
  }
}
