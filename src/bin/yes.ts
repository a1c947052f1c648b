/**
 * yes — print `y`, or the operands joined by spaces, over and over, as coreutils yes. When the
 * reader goes away SIGPIPE ends it; if a write fails otherwise (SIGPIPE ignored, /dev/full), it
 * prints `yes: standard output: <error>` and exits 1. Options stop at the first operand.
 */
import { BLOCK, program, WriteError } from './lib.js';

const encoder = new TextEncoder();

export const main = program('yes', {
  usage: '[STRING]...',
  about: "Repeatedly output a line with all specified STRING(s), or 'y'.",
  short: '+',
}, (t, a) => {
  const line = encoder.encode(`${a.operands.length > 0 ? a.operands.join(' ') : 'y'}\n`);
  // Whole lines, a block or more per write (written as they are, not copied into the buffer).
  const copies = Math.max(1, Math.ceil(BLOCK / line.length));
  const buf = new Uint8Array(line.length * copies);
  for (let i = 0; i < copies; i++) buf.set(line, i * line.length);
  for (;;) {
    try {
      t.stdout.write(buf);
    } catch (e) {
      if (!(e instanceof WriteError)) throw e;
      t.warn(`standard output: ${e.message}`);
      return 1;
    }
  }
});
