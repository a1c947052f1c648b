/**
 * os.syscall(nr, ...args): any system call by number, as glibc's syscall(2) offers it in C. The
 * kernel checks every argument itself (a program may send it anything), so this only marshals:
 * a number goes in an argument slot, a string (UTF-8) or a Uint8Array goes to the data area with
 * its length in the slot. It returns the call's value or raises OSError with the errno. Answers
 * carrying bytes or extra numbers are left in the channel (syscall_out gives the bytes).
 */
import { ARGS_COUNT } from '../kernel/abi/channel.js';
import { wrap } from './errors.js';
import { cInt, pyTypeName } from './pyargs.js';
import type { ProcessRuntime } from './runtime-types.js';

export type RawArg = number | string | Uint8Array;

export function makeSyscallApi(rt: ProcessRuntime) {
  const { sys } = rt;
  return {
    syscall(nr: number, ...args: RawArg[]): number {
      const n = cInt(nr);
      if (args.length > ARGS_COUNT) throw new TypeError(`syscall takes at most ${ARGS_COUNT} arguments after the number`);
      for (const a of args) {
        if (typeof a !== 'number' && typeof a !== 'string' && !(a instanceof Uint8Array)) {
          throw new TypeError(`syscall arguments must be numbers, strings or bytes, not ${pyTypeName(a)}`);
        }
      }
      return wrap('syscall', undefined, () => sys.callWith(`syscall_${n}`, n, args, true));
    },
    /** The bytes the last answer carried (a read's data, a stat's text), as a copy. */
    syscall_out: (): Uint8Array => sys.outBytes(),
  };
}
