/**
 * sudo's cached credentials ("time stamps"), as sudoers' timestamp_type=tty keeps them: after a
 * user authenticates on a terminal, sudo on that same terminal and in the same session does not
 * ask again for TIMEOUT seconds. One file per user, /run/sudo/ts/<user> (directory 0700, files
 * 0600, root's), one line per terminal: `<tty> <session id> <seconds>`. Without a terminal
 * nothing is cached. `sudo -k` forgets this terminal's entry, `sudo -K` the user's whole file.
 */
import os, { time } from 'posixbox/os';

const DIR = '/run/sudo/ts';
/** sudoers' timestamp_timeout: 15 minutes. */
export const TIMEOUT = 15 * 60;
/** The most entries kept per user. */
const MAX_ENTRIES = 64;

interface Entry {
  readonly tty: string;
  readonly sid: number;
  readonly time: number;
}

/** The caller's terminal and session, or undefined without a terminal. */
function where(): { tty: string; sid: number } | undefined {
  for (const fd of [0, 1, 2]) {
    try {
      return { tty: os.ttyname(fd), sid: os.getsid(0) };
    } catch {
      // not a terminal: try the next
    }
  }
  return undefined;
}

function read(user: string): Entry[] {
  let text: string;
  try {
    text = os.readText(`${DIR}/${user}`);
  } catch {
    return [];
  }
  return text.split('\n').map((l) => l.split(' ')).filter((f) => f.length === 3)
    .map(([tty, sid, t]) => ({ tty: tty!, sid: Number(sid), time: Number(t) }))
    .filter((e) => Number.isFinite(e.sid) && Number.isFinite(e.time));
}

function write(user: string, entries: readonly Entry[]): void {
  try {
    for (const d of ['/run', '/run/sudo', DIR]) {
      try { os.mkdir(d, d === '/run' ? 0o755 : 0o700); } catch { /* exists */ }
    }
    const fd = os.open(`${DIR}/${user}`, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600);
    try {
      os.writeAll(fd, entries.slice(-MAX_ENTRIES).map((e) => `${e.tty} ${e.sid} ${e.time}\n`).join(''));
    } finally {
      os.close(fd);
    }
  } catch {
    // cannot record: sudo asks next time, which is safe
  }
}

/** Whether `user` authenticated on this terminal, in this session, less than TIMEOUT ago. */
export function fresh(user: string): boolean {
  const here = where();
  if (!here) return false;
  const now = time.time();
  return read(user).some((e) => e.tty === here.tty && e.sid === here.sid && now - e.time >= 0 && now - e.time < TIMEOUT);
}

/** Record that `user` just authenticated here. */
export function record(user: string): void {
  const here = where();
  if (!here) return;
  const rest = read(user).filter((e) => e.tty !== here.tty);
  write(user, [...rest, { tty: here.tty, sid: here.sid, time: time.time() }]);
}

/** sudo -k: forget this terminal's entry; sudo -K (`all`): the user's whole file. */
export function forget(user: string, all: boolean): void {
  if (all) {
    try { os.unlink(`${DIR}/${user}`); } catch { /* nothing cached */ }
    return;
  }
  const here = where();
  if (!here) return;
  const entries = read(user);
  if (entries.some((e) => e.tty === here.tty)) write(user, entries.filter((e) => e.tty !== here.tty));
}
