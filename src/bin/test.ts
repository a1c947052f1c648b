/**
 * test and [ — evaluate a conditional expression, as coreutils' test (the shell's builtin code,
 * src/shell/builtins/test.ts, with coreutils' messages: `test: invalid integer 'a'`). Installed
 * also as /bin/[ (which wants a closing `]`). `--help` and `--version` alone are honoured, as
 * coreutils does for `[` (and for test only when they are the sole argument).
 */
import { runTest } from '../shell/builtins/test.js';
import { soleHelpOrVersion, tool } from './lib.js';

const SPEC = { usage: 'EXPRESSION\n  or:  [ EXPRESSION ]', about: 'Exit with the status determined by EXPRESSION.' };

export function main(argv: string[]): number {
  const name = argv[0] ?? 'test';
  if (/(^|\/)\[$/.test(name) && soleHelpOrVersion('[', SPEC, argv)) return 0;
  const t = tool(name);
  return runTest(argv, (m) => t.warn(m), true);
}
