/**
 * chmod — change file mode bits, as coreutils chmod: `chmod MODE[,MODE]... FILE...` with octal or
 * symbolic modes (see lib/mode.ts), or --reference=RFILE. A mode may also come as an option
 * (`chmod -w f`): then, as there, a result that the umask made differ from the plain reading is
 * reported (`new permissions are r--rw-rw-, not r--r--r--`) and the status is 1.
 *   -R, --recursive  also everything below a directory (symlinks found on the way are left alone)
 *   -v, --verbose / -c, --changes  describe every file / only files whose mode changed
 *   -f, --silent, --quiet  no error messages (the status still says)
 */
import os, { OSError, stat } from 'posixbox/os';
import { Fatal, program, quote, quoteaf, quotef, reason, UsageError, type Args, type Tool } from './lib.js';
import { adjustMode, compileMode, permString, type ModeChanges } from './lib/mode.js';

const ENOENT = 2;
const MODE_OPTION = /^-[^-]*[rwxXstugoa0-7,+=]/;

export function main(argv: string[]): number {
  // Arguments like -w or -x,g+r are modes, not options (coreutils takes the whole word as the mode).
  const rest: string[] = [];
  const modes: string[] = [];
  let ended = false;
  for (const arg of argv.slice(1)) {
    if (!ended && MODE_OPTION.test(arg)) modes.push(arg);
    else rest.push(arg);
    ended ||= arg === '--';
  }
  return program('chmod', {
    usage: '[OPTION]... MODE[,MODE]... FILE...\n  or:  chmod [OPTION]... OCTAL-MODE FILE...\n  or:  chmod [OPTION]... --reference=RFILE FILE...',
    about: 'Change the mode of each FILE to MODE. With --reference, change the mode of each FILE to that of RFILE.',
    short: 'cfvR',
    long: { changes: 'c', silent: 'f', quiet: 'f', verbose: 'v', recursive: 'R', 'reference=': 'reference' },
  }, (t, a) => chmod(t, a, modes.join(',')))([argv[0] ?? 'chmod', ...rest]);
}

function chmod(t: Tool, a: Args, optionMode: string): number {
  const files = [...a.operands];
  const ref = a.last('reference');
  const text = ref !== undefined ? undefined : optionMode || files.shift();
  if (text === undefined && ref === undefined) throw new UsageError('missing operand');
  if (files.length === 0) throw new UsageError(text === undefined || optionMode ? 'missing operand' : `missing operand after ${quote(text)}`);
  let changes: ModeChanges | undefined;
  if (ref !== undefined) {
    try {
      changes = compileMode((os.stat(ref).st_mode & 0o7777).toString(8).padStart(5, '0'));
    } catch (e) {
      throw new Fatal(`failed to get attributes of ${quoteaf(ref)}: ${reason(e)}`);
    }
  } else {
    changes = compileMode(text!);
    if (!changes) throw new UsageError(`invalid mode: ${quote(text!)}`);
  }
  const umask = os.umask(0);
  os.umask(umask);
  const quiet = a.has('f');
  const warn = (msg: string): void => { if (!quiet) t.warn(msg); };
  const describe = (msg: string, changed: boolean): void => {
    if (a.has('v') || (a.has('c') && changed)) t.stdout.write(`${msg}\n`);
  };
  const octal = (m: number): string => `${(m & 0o7777).toString(8).padStart(4, '0')} (${permString(m)})`;
  let ok = true;

  const visit = (file: string, top: boolean): void => {
    let st;
    try {
      st = top ? os.stat(file) : os.lstat(file);
    } catch (e) {
      const dangling = top && e instanceof OSError && e.errno === ENOENT && (() => {
        try { return stat.S_ISLNK(os.lstat(file).st_mode); } catch { return false; }
      })();
      warn(dangling ? `cannot operate on dangling symlink ${quoteaf(file)}` : `cannot access ${quoteaf(file)}: ${reason(e)}`);
      ok = false;
      return;
    }
    if (stat.S_ISLNK(st.st_mode)) {
      describe(`neither symbolic link ${quoteaf(file)} nor referent has been changed`, false);
      return;
    }
    const old = st.st_mode & 0o7777;
    const isDir = stat.S_ISDIR(st.st_mode);
    const mode = adjustMode(old, isDir, umask, changes!).mode;
    try {
      os.chmod(file, mode);
      describe(mode === old ? `mode of ${quoteaf(file)} retained as ${octal(old)}`
        : `mode of ${quoteaf(file)} changed from ${octal(old)} to ${octal(mode)}`, mode !== old);
    } catch (e) {
      warn(`changing permissions of ${quoteaf(file)}: ${reason(e)}`);
      describe(`failed to change mode of ${quoteaf(file)} from ${octal(old)} to ${octal(mode)}`, false);
      ok = false;
    }
    if (optionMode) {
      const naive = adjustMode(old, isDir, 0, changes!).mode;
      if (mode & ~naive) {
        warn(`${quotef(file)}: new permissions are ${permString(mode)}, not ${permString(naive)}`);
        ok = false;
      }
    }
    if (a.has('R') && isDir) {
      let names: string[] = [];
      try {
        names = os.listdir(file);
      } catch (e) {
        warn(`cannot read directory ${quoteaf(file)}: ${reason(e)}`);
        ok = false;
      }
      for (const name of names) visit(`${file.replace(/\/+$/, '')}/${name}`, false);
    }
  };
  for (const file of files) visit(file, true);
  return ok ? 0 : 1;
}
