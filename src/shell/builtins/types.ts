/** A builtin: argv in, exit status out; errors as ShellError (fatal for special builtins). */
import type { Shell } from '../shell.js';

export type Builtin = (sh: Shell, argv: string[]) => number;
