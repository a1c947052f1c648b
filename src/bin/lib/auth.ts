/**
 * Authentication for su and sudo: the shadow database, checking a password against it, reading a
 * password from a terminal with echo off (or a plain line from a pipe), and the environment a
 * login gets. What PAM's pam_unix (with `nullok`) and its misc_conv conversation do, over
 * /etc/shadow as posixbox's setup writes it:
 *
 *   name:plain$SECRET:…   the password is SECRET (posixbox stores clear text, marked `plain$`)
 *   name::…               no password: authentication succeeds without asking (nullok)
 *   name:*:… / name:!…:…  locked: no password matches
 *
 * Any other field (a crypt(3) hash such as `$6$…`) is not understood, and no password matches it.
 * /etc/shadow is mode 0640 root: only a set-user-ID root program can read it.
 */
import os, { OSError, pwd, signal, termios } from 'posixbox/os';

export type Passwd = ReturnType<typeof pwd.getpwnam>;

/** The bytes of a password line read at most. */
const MAX_PASSWORD = 4096;
const EINTR = 4;
/** Linux's signal numbers (the signal module has them by name at run time, but its type does not list them). */
const SIGHUP = 1;
const SIGINT = 2;
const SIGQUIT = 3;
const SIGTERM = 15;
const decoder = new TextDecoder();

type Attrs = ReturnType<typeof termios.tcgetattr>;
/** termios constants (present at run time; the module's type does not list them). */
const T = termios as typeof termios & Readonly<Record<'ECHO' | 'ECHONL' | 'TCSAFLUSH' | 'TCSANOW', number>>;

/** getpwnam, or undefined if there is no such user (or no readable /etc/passwd). */
export function lookupUser(name: string): Passwd | undefined {
  try {
    return pwd.getpwnam(name);
  } catch {
    return undefined;
  }
}

export function lookupUid(uid: number): Passwd | undefined {
  try {
    return pwd.getpwuid(uid);
  } catch {
    return undefined;
  }
}

/** The password field of `name` in /etc/shadow; undefined when unreadable or absent. */
export function shadowField(name: string): string | undefined {
  let text: string;
  try {
    text = os.readText('/etc/shadow');
  } catch {
    return undefined;
  }
  for (const line of text.split('\n')) {
    const f = line.split(':');
    if (f[0] === name && f.length >= 2) return f[1];
  }
  return undefined;
}

/** Whether authenticating as `name` asks for a password at all (an empty field does not). */
export function needsPassword(name: string): boolean {
  return shadowField(name) !== '';
}

/** Whether `typed` is `name`'s password. */
export function passwordMatches(name: string, typed: string): boolean {
  const field = shadowField(name);
  if (field === undefined) return false;
  if (field === '') return true;
  if (field.startsWith('plain$')) return field.slice('plain$'.length) === typed;
  return false; // locked ('*', '!…') or a hash posixbox does not compute
}

/** A terminal's attributes, or undefined if `fd` is not one. */
function ttyAttrs(fd: number): Attrs | undefined {
  try {
    return termios.tcgetattr(fd);
  } catch {
    return undefined;
  }
}

/**
 * Print `prompt` on `outFd` and read a line from `inFd`, without its newline. On a terminal, echo
 * is off while it is typed, and a newline is printed after it (the Enter the terminal did not
 * echo). Returns null at end of input with nothing typed (or an error reading).
 */
export function readPassword(prompt: string, inFd: number, outFd: number): string | null {
  const say = (text: string): void => {
    try { os.writeAll(outFd, text); } catch { /* no place to prompt: read anyway, as PAM does */ }
  };
  const saved = ttyAttrs(inFd);
  if (saved === undefined) {
    say(prompt);
    return readLine(inFd);
  }
  // A signal that ends the program (^C, ^\\, a hang-up) must not leave the terminal without echo:
  // catch it, restore the terminal, then die of it, as sudo's tgetpass does.
  const fatal = [SIGHUP, SIGINT, SIGQUIT, SIGTERM];
  const before = fatal.map((sig) => signal.signal(sig, (n: number) => {
    try { termios.tcsetattr(inFd, T.TCSANOW, saved); } catch { /* the terminal is gone */ }
    say('\n');
    signal.signal(n, signal.SIG_DFL);
    signal.raise_signal(n);
  }));
  // echo off before the prompt shows, so nothing typed after it can be echoed (or flushed)
  const quiet: Attrs = [...saved.slice(0, 6), [...saved[6]]] as Attrs;
  quiet[3] &= ~(T.ECHO | T.ECHONL);
  termios.tcsetattr(inFd, T.TCSAFLUSH, quiet);
  try {
    say(prompt);
    return readLine(inFd);
  } finally {
    termios.tcsetattr(inFd, T.TCSANOW, saved);
    say('\n');
    fatal.forEach((sig, i) => signal.signal(sig, before[i]!));
  }
}

/** Bytes up to a newline, one read(2) each so nothing after the line is taken from the input. */
function readLine(fd: number): string | null {
  const bytes: number[] = [];
  for (let n = 0; n < MAX_PASSWORD; n++) {
    let b: Uint8Array;
    try {
      b = os.read(fd, 1);
    } catch (e) {
      if (e instanceof OSError && e.errno === EINTR) continue;
      return null;
    }
    if (b.length === 0) return bytes.length > 0 ? decoder.decode(Uint8Array.from(bytes)) : null;
    if (b[0] === 0x0a) break;
    bytes.push(b[0]!);
  }
  return decoder.decode(Uint8Array.from(bytes));
}

/**
 * Become `user`: supplementary groups from /etc/group (initgroups), then the gid, then the uid,
 * real, effective and saved alike. Throws OSError (EPERM when not privileged).
 */
export function becomeUser(user: Passwd): void {
  os.initgroups(user.pw_name, user.pw_gid);
  os.setresgid(user.pw_gid, user.pw_gid, user.pw_gid);
  os.setresuid(user.pw_uid, user.pw_uid, user.pw_uid);
}

/** PATH for a login, as util-linux's su and login default it (ENV_SUPATH for root, ENV_PATH else). */
export function loginPath(uid: number): string {
  return uid === 0 ? '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' : '/usr/local/bin:/usr/bin:/bin';
}

/** The shell of a passwd entry: its pw_shell, or /bin/sh when that is empty. */
export function shellOf(user: Passwd): string {
  return user.pw_shell || '/bin/sh';
}

/** argv[0] of a login shell: `-` and the shell's base name (`-sh`). */
export function loginArgv0(shell: string): string {
  return `-${shell.slice(shell.lastIndexOf('/') + 1)}`;
}
