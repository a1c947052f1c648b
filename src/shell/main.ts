/**
 * The shell program: `sh [-abCefimnuvx] [-o option]… [-c command [name [arg…]] | -s [arg…] |
 * file [arg…]]`. Sets up the variables from the environment, reads a login shell's profiles
 * (argv[0] starting with `-`, or -l) and an interactive shell's $ENV, then reads and runs
 * commands line by line until end of input or `exit`, runs the EXIT trap and exits. An
 * interactive shell (stdin and stderr terminals, or -i) prompts, ignores SIGQUIT and SIGTERM,
 * catches SIGINT, and runs with job control. `--subshell FD` is the hidden entry of subshell.ts.
 */
import os, { signal } from 'posixbox/os';
import { Lexer, ParseError } from './lexer.js';
import { BreakSignal, ContinueSignal, ExitSignal, ReturnSignal, ShellError } from './state.js';
import { Shell } from './shell.js';
import { parseOptions, dot } from './builtins/core.js';
import { parserFor } from './exec/source.js';
import { runList } from './exec/run.js';
import { runAction } from './exec/traps.js';
import { expandHere } from './expand/word.js';
import { InteractiveInput, LineCancelled, StdinReader } from './input.js';
import { readSnapshot, restoreSnapshot } from './subshell.js';
import { openError } from './exec/redir.js';


function initVars(sh: Shell): void {
  const st = sh.st;
  for (const [k, v] of os.environ.entries()) st.vars.set(k, { value: v, exported: true, readonly: false });
  const setDefault = (k: string, v: string): void => { if (!st.vars.has(k)) st.vars.set(k, { value: v, exported: false, readonly: false }); };
  setDefault('IFS', ' \t\n');
  setDefault('PS2', '> ');
  setDefault('PS4', '+ ');
  setDefault('OPTIND', '1');
  st.vars.set('PPID', { value: String(os.getppid()), exported: st.vars.get('PPID')?.exported ?? false, readonly: false });
  let cwd = '/';
  try { cwd = os.getcwd(); } catch { /* removed */ }
  const pwd = st.get('PWD');
  let keep = false;
  if (pwd?.startsWith('/')) {
    try {
      const a = os.stat(pwd);
      const b = os.stat('.');
      keep = a.st_ino === b.st_ino && a.st_dev === b.st_dev;
    } catch { /* stale */ }
  }
  st.vars.set('PWD', { value: keep ? pwd : cwd, exported: st.vars.get('PWD')?.exported ?? true, readonly: false });
  st.pid = os.getpid();
}

/** Run EXIT's action (once) and give the status to exit with. */
function finish(sh: Shell, status: number): number {
  const action = sh.st.traps.get('EXIT');
  if (action) {
    sh.st.traps.delete('EXIT');
    sh.st.status = status;
    try {
      runAction(sh, action);
    } catch (e) {
      if (e instanceof ExitSignal) return e.status & 0xff;
      if (e instanceof ShellError) { sh.err(e.message); return e.status; }
      throw e;
    }
  }
  return status & 0xff;
}

/** Read and run commands from a lexer until its input ends. Throws ExitSignal to exit. */
function loop(sh: Shell, lx: Lexer, input?: InteractiveInput): number {
  let p = parserFor(sh, lx);
  for (;;) {
    if (input) {
      sh.jobs.notify();
      input.fresh = true;
    }
    let list;
    try {
      list = p.parseLine();
    } catch (e) {
      if (e instanceof LineCancelled && input) {
        // ^C at PS2: drop what was typed of the command, and prompt afresh (status 130, as bash)
        sh.st.status = 130;
        lx = new Lexer('', () => input.line(), lx.line + 1);
        p = parserFor(sh, lx);
        continue;
      }
      if (!(e instanceof ParseError)) throw e;
      sh.st.lineno = e.line;
      sh.err(e.message);
      sh.st.status = 2;
      if (!input) throw new ExitSignal(2);
      // the rest of the line is dropped: the next line read is the one after it
      lx = new Lexer('', () => input.line(), lx.src[lx.pos - 1] === '\n' ? lx.line : lx.line + 1);
      p = parserFor(sh, lx);
      continue;
    }
    if (list === null) return sh.st.status;
    if (list.length === 0 || (sh.st.on('noexec') && !input)) continue;
    try {
      sh.st.status = runList(sh, list);
    } catch (e) {
      if (e instanceof ShellError) {
        if (e.message) sh.err(e.message);
        sh.st.status = e.status;
        if (!input) throw new ExitSignal(e.status);
      } else if (e instanceof BreakSignal || e instanceof ContinueSignal) {
        /* outside a loop: nothing */
      } else if (e instanceof ReturnSignal) {
        sh.st.status = e.status;
      } else {
        throw e;
      }
    }
    if (input) sh.pendingSignals.length = 0;
  }
}

function readFile(path: string): string {
  const fd = os.open(path, os.O_RDONLY | os.O_CLOEXEC);
  try {
    const parts: string[] = [];
    const decoder = new TextDecoder();
    for (let b = os.read(fd, 65536); b.length > 0; b = os.read(fd, 65536)) parts.push(decoder.decode(b, { stream: true }));
    return parts.join('') + decoder.decode();
  } finally {
    os.close(fd);
  }
}

function source(sh: Shell, path: string): void {
  try {
    os.stat(path);
  } catch {
    return;
  }
  try {
    dot(sh, ['.', path]);
  } catch (e) {
    if (e instanceof ShellError) sh.err(e.message);
    else throw e;
  }
}

function setupInteractive(sh: Shell): void {
  signal.signal(3, signal.SIG_IGN);
  signal.signal(15, signal.SIG_IGN);
  signal.signal(2, () => { sh.pendingSignals.push(2); });
  if (!os.isatty(0)) {
    sh.write(2, `${sh.st.arg0}: 0: can't access tty; job control turned off\n`);
    return;
  }
  sh.st.opts.add('monitor');
  for (const s of [20, 21, 22]) signal.signal(s, signal.SIG_IGN);
  try {
    const pid = os.getpid();
    if (os.getpgrp() !== pid) os.setpgid(0, 0);
    os.tcsetpgrp(0, pid);
  } catch {
    /* no controlling terminal */
  }
}

function runSubshell(sh: Shell, fd: number): number {
  const body = restoreSnapshot(sh, readSnapshot(fd));
  let status = 0;
  try {
    status = runList(sh, body);
  } catch (e) {
    if (e instanceof ExitSignal) status = e.status;
    else if (e instanceof ShellError) { sh.err(e.message); status = e.status; }
    else if (e instanceof ReturnSignal) status = e.status;
    else if (!(e instanceof BreakSignal || e instanceof ContinueSignal)) throw e;
  }
  return finish(sh, status);
}

export function main(argv: string[]): number {
  const sh = new Shell();
  if (argv[1] === '--subshell') return runSubshell(sh, Number(argv[2]));
  initVars(sh);
  const st = sh.st;
  st.arg0 = argv[0] ?? 'sh';
  let args = argv.slice(1);
  let command: string | undefined;
  let forceInteractive = false;
  let fromStdin = false;
  let login = st.arg0.startsWith('-');
  let i = 0;
  try {
    for (; i < args.length; i++) {
      const a = args[i]!;
      if (a === '--' || a === '-') { i++; break; }
      if (!/^[-+]./.test(a)) break;
      if (a === '-o' || a === '+o') {
        if (args[i + 1] === undefined) break;
        parseOptions(sh, [a, args[++i]!], 'sh', true);
        continue;
      }
      for (const c of a.slice(1)) {
        if (a[0] === '-' && c === 'c') command = '';
        else if (a[0] === '-' && c === 'i') forceInteractive = true;
        else if (a[0] === '-' && c === 's') fromStdin = true;
        else if (a[0] === '-' && c === 'l') login = true;
        else parseOptions(sh, [`${a[0]}${c}`], 'sh', true);
      }
    }
  } catch (e) {
    if (e instanceof ShellError) { sh.write(2, `${st.arg0}: 0: ${e.message.replace(/^sh: /, '')}\n`); return 2; }
    throw e;
  }
  args = args.slice(i);
  if (command !== undefined) {
    command = args[0];
    if (command === undefined) { sh.write(2, `${st.arg0}: 0: -c requires an argument\n`); return 2; }
    if (args.length > 1) st.arg0 = args[1]!;
    st.positional = args.slice(2);
  } else if (!fromStdin && args.length > 0) {
    st.arg0 = args[0]!;
    st.positional = args.slice(1);
  } else {
    st.positional = args;
  }
  const script = command === undefined && !fromStdin ? (args[0] === undefined ? undefined : args[0]) : undefined;
  sh.interactive = forceInteractive || (command === undefined && script === undefined && os.isatty(0) && os.isatty(2));
  if (sh.interactive) st.opts.add('interactive');
  if (command === undefined && script === undefined) st.opts.add('stdin');
  let status = 0;
  try {
    if (sh.interactive) setupInteractive(sh);
    if (login) {
      source(sh, '/etc/profile');
      const home = st.get('HOME');
      if (home) source(sh, `${home}/.profile`);
    }
    if (sh.interactive && st.get('ENV')) {
      const lx = new Lexer(st.get('ENV')!, null);
      lx.sub = { paren: () => [], text: () => [] };
      source(sh, expandHere(sh, { parts: lx.scan('here'), text: '' }));
    }
    if (command !== undefined) {
      status = loop(sh, new Lexer(command, null));
    } else if (script !== undefined) {
      let text: string;
      try {
        text = readFile(script);
      } catch (e) {
        sh.write(2, `${argv[0] ?? 'sh'}: 0: ${openError(e, 'open', script).message}\n`);
        return 2;
      }
      const lines = text.split(/(?<=\n)/);
      let next = 0;
      status = loop(sh, new Lexer('', () => {
        const l = lines[next++];
        if (l !== undefined && st.on('verbose')) sh.write(2, l);
        return l ?? null;
      }));
    } else if (sh.interactive) {
      const input = new InteractiveInput(sh);
      status = loop(sh, new Lexer('', () => input.line()), input);
    } else {
      const reader = new StdinReader(0);
      status = loop(sh, new Lexer('', () => {
        const l = reader.line();
        if (l !== null && st.on('verbose')) sh.write(2, l);
        return l;
      }));
    }
  } catch (e) {
    if (e instanceof ExitSignal) status = e.status;
    else if (e instanceof ShellError) { sh.err(e.message); status = e.status; }
    else throw e;
  }
  return finish(sh, status);
}
