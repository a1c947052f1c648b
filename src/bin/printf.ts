/**
 * printf — format and print data, as coreutils printf (the shell's builtin code,
 * src/shell/builtins/printf.ts, with coreutils' messages: `printf: 'abc': expected a numeric
 * value`, `printf: missing operand`).
 */
import { printf } from '../shell/builtins/printf.js';
import { toBytes } from '../shell/builtins/printf.js';
import { reason, soleHelpOrVersion, tool, writeAll } from './lib.js';

const SPEC = { usage: 'FORMAT [ARGUMENT]...\n  or:  printf OPTION', about: 'Print ARGUMENT(s) according to FORMAT.' };

export function main(argv: string[]): number {
  if (soleHelpOrVersion('printf', SPEC, argv)) return 0;
  const t = tool(argv[0] || 'printf');
  let args = argv.slice(1);
  if (args[0] === '--') args = args.slice(1);
  if (args.length === 0) {
    t.warn('missing operand');
    try { writeAll(2, `Try '${t.name} --help' for more information.\n`); } catch { /* nowhere to report */ }
    return 1;
  }
  let out = '';
  const flush = (): boolean => {
    try {
      writeAll(1, toBytes(out));
      out = '';
      return true;
    } catch (e) {
      t.warn(`write error: ${reason(e)}`);
      return false;
    }
  };
  const status = printf(args[0]!, args.slice(1), {
    out: (s) => { out += s; },
    warn: (m) => {
      flush();
      const gnu = m.replace(/^(.*): expected numeric value$/, "'$1': expected a numeric value")
        .replace(/^(%.*): invalid directive$/, '$1: invalid conversion specification')
        .replace(/^(.*): not completely converted$/, "'$1': value not completely converted");
      t.warn(gnu);
    },
  });
  if (!flush()) return 1;
  return status === 0 ? 0 : 1;
}
