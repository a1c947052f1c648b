/**
 * printf — format and print data, as coreutils printf (the shell's builtin code,
 * src/shell/builtins/printf.ts, with coreutils' messages: `printf: 'abc': expected a numeric
 * value`, `printf: missing operand`).
 */
import { printf } from '../shell/builtins/printf.js';
import { toBytes } from '../shell/builtins/printf.js';
import { entry, soleHelpOrVersion, writeAll, type Tool } from './lib.js';

const SPEC = { usage: 'FORMAT [ARGUMENT]...\n  or:  printf OPTION', about: 'Print ARGUMENT(s) according to FORMAT.' };

export function main(argv: string[]): number {
  if (soleHelpOrVersion('printf', SPEC, argv)) return 0;
  return entry(argv[0] || 'printf', (t) => run(t, argv.slice(1)));
}

function run(t: Tool, argv: readonly string[]): number {
  const args = argv[0] === '--' ? argv.slice(1) : argv;
  if (args.length === 0) {
    t.warn('missing operand');
    try { writeAll(2, `Try '${t.name} --help' for more information.\n`); } catch { /* nowhere to report */ }
    return 1;
  }
  const status = printf(args[0]!, args.slice(1), {
    out: (s) => t.stdout.write(toBytes(s)),
    warn: (m) => {
      const gnu = m.replace(/^(.*): expected numeric value$/, "'$1': expected a numeric value")
        .replace(/^(%.*): invalid directive$/, '$1: invalid conversion specification')
        .replace(/^(.*): not completely converted$/, "'$1': value not completely converted");
      t.warn(gnu); // standard output flushed first, as coreutils' error() does
    },
  });
  return status === 0 ? 0 : 1;
}
