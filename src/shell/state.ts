/**
 * The shell's state: variables (with export and readonly attributes), functions, aliases,
 * positional parameters, options, traps and the special parameters `$?` `$$` `$!`. All of it is
 * plain data so that subshell.ts can serialize it whole for a subshell process. Control-flow
 * signals (break, continue, return, exit) and shell errors are exceptions defined here.
 */
import type { Command } from './ast.js';

export interface Var {
  /** undefined: declared (exported or readonly) but unset. */
  value: string | undefined;
  exported: boolean;
  readonly: boolean;
}

/** The options in dash's order (`set -o` lists them so; `$-` lists the letters in reverse), and pipefail. */
export const OPTIONS: readonly (readonly [string, string])[] = [
  ['e', 'errexit'], ['f', 'noglob'], ['I', 'ignoreeof'], ['i', 'interactive'], ['m', 'monitor'], ['n', 'noexec'],
  ['s', 'stdin'], ['x', 'xtrace'], ['v', 'verbose'], ['V', 'vi'], ['E', 'emacs'], ['C', 'noclobber'], ['a', 'allexport'],
  ['b', 'notify'], ['u', 'nounset'], ['p', 'privileged'], ['', 'nolog'], ['', 'debug'], ['', 'pipefail'],
];

export class ShellState {
  vars = new Map<string, Var>();
  funcs = new Map<string, Command>();
  aliases = new Map<string, string>();
  positional: string[] = [];
  arg0 = 'sh';
  /** Options on, by long name (errexit, nounset, …). */
  opts = new Set<string>();
  status = 0;
  pid = 0;
  lastBg: number | undefined;
  /** Trap actions by condition name (EXIT, INT, …); '' means ignore. */
  traps = new Map<string, string>();
  lineno = 1;
  /** Depth of function calls (return is valid inside). */
  funcDepth = 0;
  /** Depth of loops (break/continue are valid inside). */
  loopDepth = 0;

  get(name: string): string | undefined {
    return this.vars.get(name)?.value;
  }

  /** Called after a variable is assigned (the shell forgets its command hash when PATH changes). */
  onSet: ((name: string) => void) | undefined;

  /** Set a variable; throws ShellError if it is read-only. */
  set(name: string, value: string): void {
    this.onSet?.(name);
    const v = this.vars.get(name);
    if (v?.readonly) throw new ShellError(`${name}: is read only`, 2);
    if (v) v.value = value;
    else this.vars.set(name, { value, exported: this.opts.has('allexport'), readonly: false });
    if (v && this.opts.has('allexport')) v.exported = true;
  }

  unset(name: string): void {
    const v = this.vars.get(name);
    if (v?.readonly) throw new ShellError(`${name}: is read only`, 2);
    this.vars.delete(name);
  }

  on(opt: string): boolean {
    return this.opts.has(opt);
  }

  /** `$-`: the single-letter options that are on. */
  flags(): string {
    return OPTIONS.filter(([c, n]) => c && this.opts.has(n)).map(([c]) => c).reverse().join('');
  }

  /** The environment for a command: exported variables that are set, plus `extra`. */
  environ(extra?: ReadonlyMap<string, string>): Map<string, string> {
    const env = new Map<string, string>();
    for (const [k, v] of this.vars) if (v.exported && v.value !== undefined) env.set(k, v.value);
    if (extra) for (const [k, v] of extra) env.set(k, v);
    return env;
  }
}

/** An error the shell reports as `sh: LINE: message`; status is what `$?` becomes. */
export class ShellError extends Error {
  constructor(message: string, readonly status = 2, readonly fatal = true) {
    super(message);
  }
}

export class BreakSignal {
  constructor(public n: number) {}
}
export class ContinueSignal {
  constructor(public n: number) {}
}
export class ReturnSignal {
  constructor(readonly status: number) {}
}
/** Unwinds to the top level, which runs the EXIT trap and exits with `status`. */
export class ExitSignal {
  constructor(readonly status: number) {}
}
