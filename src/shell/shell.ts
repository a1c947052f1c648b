/**
 * The running shell: its state (state.ts), the job table, the command hash table and the
 * services expansion needs (command substitution, home directories, pathname expansion). The
 * execution itself is in exec/*.ts; this class holds what they share and the error reporting in
 * dash's form: `$0: LINE: message` on standard error.
 */
import os, { pwd, signal } from 'posixbox/os';
import type { List } from './ast.js';
import { glob } from './expand/glob.js';
import type { ExpandHost } from './expand/word.js';
import { Jobs } from './jobs.js';
import { ShellState } from './state.js';
import { commandSubstitution } from './exec/subst.js';
import { runExternal } from './exec/simple.js';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export class Shell implements ExpandHost {
  readonly st = new ShellState();
  readonly jobs = new Jobs(this);
  interactive = false;
  /** This process is a subshell of another shell (no job control, no EXIT trap of the parent). */
  subshell = false;
  /** Command name → path, remembered by PATH searches (the `hash` builtin). */
  readonly hash = new Map<string, string>();
  /** > 0 while running a condition (if/while test, left of && ||, after !): set -e does not apply. */
  condDepth = 0;
  /** The status of the last command substitution (the status of an assignment-only command). */
  substStatus = 0;
  /** Signals caught by a trap and not yet handled. */
  readonly pendingSignals: number[] = [];
  /** A trap action is running (its own `exit` ends the shell with the status from before it). */
  inTrap = false;
  /** `$?` when the running trap action started (what a bare `exit` in it uses). */
  trapStatus = 0;
  /** getopts' place: the OPTIND it last set and the offset in that argument. */
  getoptsInd = 1;
  getoptsCur = 1;
  getoptsOff = 0;
  /** The assignments before the special builtin running now (exec exports them). */
  assignEnv = new Map<string, string>();
  /** Saved variables of the running functions' `local`s, innermost last. */
  readonly locals: Map<string, import('./state.js').Var | undefined>[] = [];
  /** Running a `.` file (return ends it). */
  sourcing = false;

  /** Job control was switched on or off (`set -m`). */
  monitorChanged(): void {
    // the shell hands the terminal to foreground jobs and takes it back from the background
    if (this.st.on('monitor') && !this.interactive) {
      try {
        signal.signal(21, signal.SIG_IGN);
        signal.signal(22, signal.SIG_IGN);
      } catch {
        /* cannot happen for these signals */
      }
    }
  }

  constructor() {
    this.st.onSet = (name) => { if (name === 'PATH') this.hash.clear(); };
  }

  /** Standard output of the builtin running for a command substitution in this process. */
  capture: string[] | undefined;

  /** Report an error in dash's form. */
  err(message: string): void {
    this.write(2, `${this.st.arg0}: ${this.st.lineno}: ${message}\n`);
  }

  write(fd: number, text: string | Uint8Array): boolean {
    if (fd === 1 && this.capture) {
      this.capture.push(typeof text === 'string' ? text : decoder.decode(text));
      return true;
    }
    try {
      os.writeAll(fd, typeof text === 'string' ? encoder.encode(text) : text);
      return true;
    } catch {
      return false;
    }
  }

  /** Run an external command (the `command` builtin). */
  runExternal(argv: string[], pathVar?: string): number {
    return runExternal(this, argv, new Map(), [], pathVar);
  }

  cmdsubst(body: List): string {
    return commandSubstitution(this, body);
  }

  home(user: string): string | undefined {
    if (user === '') return this.st.get('HOME') ?? '';
    try {
      return pwd.getpwnam(user).pw_dir;
    } catch {
      return undefined;
    }
  }

  glob(pat: string): string[] {
    return glob(pat);
  }
}
