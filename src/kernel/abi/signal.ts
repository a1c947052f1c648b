/** Linux signal numbers (x86-64) and their default actions (signal(7)). */

export const SIGHUP = 1;
export const SIGINT = 2;
export const SIGQUIT = 3;
export const SIGILL = 4;
export const SIGTRAP = 5;
export const SIGABRT = 6;
export const SIGBUS = 7;
export const SIGFPE = 8;
export const SIGKILL = 9;
export const SIGUSR1 = 10;
export const SIGSEGV = 11;
export const SIGUSR2 = 12;
export const SIGPIPE = 13;
export const SIGALRM = 14;
export const SIGTERM = 15;
export const SIGSTKFLT = 16;
export const SIGCHLD = 17;
export const SIGCONT = 18;
export const SIGSTOP = 19;
export const SIGTSTP = 20;
export const SIGTTIN = 21;
export const SIGTTOU = 22;
export const SIGURG = 23;
export const SIGXCPU = 24;
export const SIGXFSZ = 25;
export const SIGVTALRM = 26;
export const SIGPROF = 27;
export const SIGWINCH = 28;
export const SIGIO = 29;
export const SIGPWR = 30;
export const SIGSYS = 31;
export const NSIG = 65;

export type DefaultAction = 'term' | 'core' | 'ign' | 'stop' | 'cont';

const NAMES: readonly string[] = [
  '', 'SIGHUP', 'SIGINT', 'SIGQUIT', 'SIGILL', 'SIGTRAP', 'SIGABRT', 'SIGBUS', 'SIGFPE', 'SIGKILL',
  'SIGUSR1', 'SIGSEGV', 'SIGUSR2', 'SIGPIPE', 'SIGALRM', 'SIGTERM', 'SIGSTKFLT', 'SIGCHLD',
  'SIGCONT', 'SIGSTOP', 'SIGTSTP', 'SIGTTIN', 'SIGTTOU', 'SIGURG', 'SIGXCPU', 'SIGXFSZ',
  'SIGVTALRM', 'SIGPROF', 'SIGWINCH', 'SIGIO', 'SIGPWR', 'SIGSYS',
];

/** 'SIGTERM' for 15, 'SIGRTMIN+n' for real-time signals. */
export function signalName(sig: number): string {
  if (sig > 0 && sig < NAMES.length) return NAMES[sig] ?? `SIG${sig}`;
  if (sig >= 34 && sig < NSIG) return `SIGRTMIN+${sig - 34}`;
  return `SIG${sig}`;
}

/** 15 for 'SIGTERM' or 'TERM'; undefined if unknown. */
export function signalFromName(name: string): number | undefined {
  const full = name.startsWith('SIG') ? name : `SIG${name}`;
  const i = NAMES.indexOf(full);
  return i > 0 ? i : undefined;
}

/** The default action of each signal, as signal(7) tabulates it. */
export function defaultAction(sig: number): DefaultAction {
  switch (sig) {
    case SIGQUIT: case SIGILL: case SIGTRAP: case SIGABRT: case SIGBUS: case SIGFPE:
    case SIGSEGV: case SIGXCPU: case SIGXFSZ: case SIGSYS:
      return 'core';
    case SIGCHLD: case SIGURG: case SIGWINCH:
      return 'ign';
    case SIGSTOP: case SIGTSTP: case SIGTTIN: case SIGTTOU:
      return 'stop';
    case SIGCONT:
      return 'cont';
    default:
      return 'term';
  }
}

/** strsignal(3) texts for the book's and shells' messages. */
const DESCRIPTIONS: ReadonlyMap<number, string> = new Map([
  [SIGHUP, 'Hangup'], [SIGINT, 'Interrupt'], [SIGQUIT, 'Quit'], [SIGILL, 'Illegal instruction'],
  [SIGTRAP, 'Trace/breakpoint trap'], [SIGABRT, 'Aborted'], [SIGBUS, 'Bus error'],
  [SIGFPE, 'Floating point exception'], [SIGKILL, 'Killed'], [SIGUSR1, 'User defined signal 1'],
  [SIGSEGV, 'Segmentation fault'], [SIGUSR2, 'User defined signal 2'], [SIGPIPE, 'Broken pipe'],
  [SIGALRM, 'Alarm clock'], [SIGTERM, 'Terminated'], [SIGSTKFLT, 'Stack fault'],
  [SIGCHLD, 'Child exited'], [SIGCONT, 'Continued'], [SIGSTOP, 'Stopped (signal)'],
  [SIGTSTP, 'Stopped'], [SIGTTIN, 'Stopped (tty input)'], [SIGTTOU, 'Stopped (tty output)'],
  [SIGURG, 'Urgent I/O condition'], [SIGXCPU, 'CPU time limit exceeded'],
  [SIGXFSZ, 'File size limit exceeded'], [SIGVTALRM, 'Virtual timer expired'],
  [SIGPROF, 'Profiling timer expired'], [SIGWINCH, 'Window changed'], [SIGIO, 'I/O possible'],
  [SIGPWR, 'Power failure'], [SIGSYS, 'Bad system call'],
]);

export function strsignal(sig: number): string {
  return DESCRIPTIONS.get(sig) ?? `Unknown signal ${sig}`;
}
