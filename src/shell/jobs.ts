/**
 * The job table and waiting (POSIX XCU 2.9.3.1, 2.11 job control). A job is the processes of one
 * pipeline or asynchronous list. With job control on (`set -m`, interactive shells) each job has
 * its own process group and a foreground job gets the terminal (tcsetpgrp) while it runs, as bash
 * does — handed over by posix_spawn itself (its tcsetpgrp), so the job owns the terminal from its
 * first instruction and cannot read it from the background (SIGTTIN) before the shell gives it;
 * a job stopped by ^Z is reported `[1]+  Stopped  cmd`. Statuses reaped early (by a WNOHANG
 * poll before a prompt) are kept so `wait` and job listings still see them.
 */
import os, { OSError, termios } from 'posixbox/os';
import type { Shell } from './shell.js';
import { ShellError } from './state.js';

/** tcsetattr's when: after output drains (the termios module's constants are not in its type). */
const TCSADRAIN = 1;

const EINTR = 4;
const ECHILD = 10;

export interface Job {
  readonly id: number;
  readonly pgid: number;
  readonly pids: number[];
  /** Wait status per pid; undefined while running. */
  readonly statuses: (number | undefined)[];
  readonly text: string;
  state: 'Running' | 'Stopped' | 'Done';
  /** Listed as done (by `jobs` or a notification): dropped from the table. */
  reported: boolean;
  /** Its death by a signal was reported by `wait`. */
  announced?: boolean;
  readonly background: boolean;
  /** Its group is the terminal's foreground group already (given at its start, or by `fg`): foreground() need not give it. */
  hasTerminal: boolean;
}

/** The shell's `$?` for a wait status. */
export function exitCode(ws: number): number {
  if ((ws & 0x7f) === 0) return (ws >> 8) & 0xff;
  if ((ws & 0xff) === 0x7f) return 128 + ((ws >> 8) & 0xff);
  return 128 + (ws & 0x7f);
}

export class Jobs {
  readonly list: Job[] = [];
  /** Job ids most recently in use first (for %+ and %-). */
  private order: number[] = [];
  /** Statuses of processes reaped that belong to no job (by pid). */
  readonly orphans = new Map<number, number>();

  constructor(private readonly sh: Shell) {}

  add(pids: number[], pgid: number, text: string, background: boolean, hasTerminal = false): Job {
    const id = this.list.reduce((m, j) => Math.max(m, j.id), 0) + 1;
    const shown = this.sh.st.on('monitor') ? text : '';
    const job: Job = { id, pgid, pids, statuses: pids.map(() => undefined), text: shown, state: 'Running', reported: false, background, hasTerminal };
    this.list.push(job);
    this.touch(id);
    return job;
  }

  touch(id: number): void {
    this.order = [id, ...this.order.filter((x) => x !== id)];
  }

  current(): Job | undefined {
    const live = this.order.map((id) => this.list.find((j) => j.id === id)).filter((j): j is Job => j !== undefined);
    return live.find((j) => j.state === 'Stopped') ?? live[0];
  }

  previous(): Job | undefined {
    const cur = this.current();
    return this.order.map((id) => this.list.find((j) => j.id === id)).find((j) => j !== undefined && j !== cur);
  }

  remove(job: Job): void {
    const i = this.list.indexOf(job);
    if (i >= 0) this.list.splice(i, 1);
    this.order = this.order.filter((x) => x !== job.id);
  }

  private record(pid: number, ws: number): void {
    for (const j of this.list) {
      const k = j.pids.indexOf(pid);
      if (k < 0) continue;
      if ((ws & 0xff) === 0x7f) { j.state = 'Stopped'; return; }
      if (ws === 0xffff) { j.state = 'Running'; return; }
      j.statuses[k] = ws;
      if (j.statuses.every((s) => s !== undefined)) j.state = 'Done';
      return;
    }
    this.orphans.set(pid, ws);
  }

  /** Collect finished children without blocking. */
  reap(): void {
    for (let n = 0; n < 10_000; n++) {
      let got: [number, number];
      try {
        got = os.waitpid(-1, os.WNOHANG | (this.sh.st.on('monitor') ? os.WUNTRACED : 0));
      } catch {
        return;
      }
      if (got[0] <= 0) return;
      this.record(got[0], got[1]);
    }
  }

  /** The status a job ends with: its last process's (or, with pipefail, the last failing one's). */
  status(job: Job): number {
    if (job.state === 'Stopped') return 128 + 20;
    const codes = job.statuses.map((s) => (s === undefined ? 0 : exitCode(s)));
    if (this.sh.st.on('pipefail')) {
      for (let i = codes.length - 1; i >= 0; i--) if (codes[i] !== 0) return codes[i]!;
      return 0;
    }
    return codes[codes.length - 1] ?? 0;
  }

  /**
   * Wait for a job until it ends (or stops, with job control). `interruptible`: a trapped signal
   * ends the wait early (the `wait` builtin); returns undefined then.
   */
  wait(job: Job, interruptible = false): number | undefined {
    const untraced = this.sh.st.on('monitor') ? os.WUNTRACED : 0;
    for (let i = 0; i < job.pids.length; i++) {
      while (job.statuses[i] === undefined && job.state !== 'Stopped') {
        let got: [number, number];
        try {
          got = os.waitpid(job.pids[i]!, untraced);
        } catch (e) {
          if (e instanceof OSError && e.errno === EINTR) {
            if (interruptible && this.sh.pendingSignals.length) return undefined;
            continue;
          }
          if (e instanceof OSError && e.errno === ECHILD) { job.statuses[i] = this.orphans.get(job.pids[i]!) ?? 0; break; }
          throw e;
        }
        this.record(got[0], got[1]);
      }
      if (job.state === 'Stopped') break;
    }
    if (job.statuses.every((s) => s !== undefined)) job.state = 'Done';
    return this.status(job);
  }

  /** Run a job in the foreground: give it the terminal with job control, wait, take the terminal back. */
  foreground(job: Job): number {
    const tty = this.sh.st.on('monitor') && os.isatty(0);
    // The terminal's modes as the shell had them: a job that stops or dies of a signal may leave
    // it raw or without echo (bash restores them then; one that exits keeps what it set, as `stty`).
    const modes = tty ? this.terminalModes() : undefined;
    if (tty && !job.hasTerminal) this.setTerminal(job.pgid);
    job.hasTerminal = false;
    let status: number;
    try {
      status = this.wait(job) ?? 0;
    } finally {
      if (tty) this.setTerminal(os.getpgrp());
    }
    const last = job.statuses[job.statuses.length - 1] ?? 0;
    if (modes && (job.state === 'Stopped' || (last & 0x7f) !== 0)) this.restoreModes(modes);
    if (job.state === 'Stopped') {
      job.reported = false;
      (job as { background: boolean }).background = true; // reported by notify() when it ends
      this.touch(job.id);
      this.sh.write(2, `\n${this.line(job)}\n`);
    } else {
      this.signalled(job);
      this.remove(job);
      const ws = job.statuses[job.statuses.length - 1] ?? 0;
      // ^C ended the foreground job: an interactive shell abandons the rest of the command line
      if (this.sh.interactive && (ws & 0x7f) === 2) throw new ShellError('', 128 + 2);
    }
    return status;
  }

  /** dash reports a foreground job killed by a signal other than SIGINT and SIGPIPE. */
  private signalled(job: Job): void {
    const ws = job.statuses[job.statuses.length - 1];
    if (ws === undefined || (ws & 0x7f) === 0 || (ws & 0xff) === 0x7f) return;
    const sig = ws & 0x7f;
    if (sig === 2 || sig === 13) {
      if (sig === 2 && this.sh.interactive) this.sh.write(2, '\n');
      return;
    }
    const text = signalText(sig);
    this.sh.write(2, `${text}${(ws & 0x80) ? ' (core dumped)' : ''}\n`);
  }

  private terminalModes(): ReturnType<typeof termios.tcgetattr> | undefined {
    try {
      return termios.tcgetattr(0);
    } catch {
      return undefined;
    }
  }

  private restoreModes(modes: ReturnType<typeof termios.tcgetattr>): void {
    try {
      termios.tcsetattr(0, TCSADRAIN, modes);
    } catch {
      /* the terminal went away */
    }
  }

  /**
   * Whether a foreground job started now is handed the terminal by posix_spawn: job control is
   * on and the shell holds its controlling terminal on fd 0 (its group is the foreground group).
   * A shell that does not (a `set -m` script run in the background) leaves it to foreground().
   */
  handsTerminal(): boolean {
    if (!this.sh.st.on('monitor')) return false;
    try {
      return os.tcgetpgrp(0) === os.getpgrp();
    } catch {
      return false;
    }
  }

  setTerminal(pgid: number): void {
    try {
      os.tcsetpgrp(0, pgid);
    } catch {
      /* not our terminal */
    }
  }

  /** `[1]+  Running  cmd` as `jobs` prints it. */
  line(job: Job, withPids = false): string {
    const mark = job === this.current() ? '+' : job === this.previous() ? '-' : ' ';
    let state: string = job.state;
    if (job.state === 'Done') {
      const code = this.status(job);
      const ws = job.statuses[job.statuses.length - 1] ?? 0;
      if ((ws & 0x7f) !== 0 && (ws & 0xff) !== 0x7f) state = signalText(ws & 0x7f);
      else if (code !== 0) state = `Done(${code})`;
    }
    const head = `[${job.id}] ${mark} ${withPids ? `${job.pids[0]} ` : ''}`;
    return `${head}${state.padEnd(Math.max(0, 33 - head.length))}${job.text}`;
  }

  /** Print and drop finished background jobs (before a prompt, and after `jobs`). */
  notify(): void {
    this.reap();
    for (const j of [...this.list]) {
      if (j.state === 'Done' && j.background) {
        if (this.sh.interactive) this.sh.write(2, `${this.line(j)}\n`);
        this.remove(j);
      }
    }
  }
}

const SIGNAL_TEXT: Readonly<Record<number, string>> = {
  1: 'Hangup', 2: 'Interrupt', 3: 'Quit', 4: 'Illegal instruction', 5: 'Trace/breakpoint trap', 6: 'Aborted',
  7: 'Bus error', 8: 'Floating point exception', 9: 'Killed', 10: 'User defined signal 1', 11: 'Segmentation fault',
  12: 'User defined signal 2', 13: 'Broken pipe', 14: 'Alarm clock', 15: 'Terminated', 19: 'Stopped (signal)',
  20: 'Stopped', 21: 'Stopped (tty input)', 22: 'Stopped (tty output)',
};

export function signalText(sig: number): string {
  return SIGNAL_TEXT[sig] ?? `Signal ${sig}`;
}
