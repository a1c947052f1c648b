/**
 * uname — print system information, as coreutils uname: fields in the order -s kernel name,
 * -n node name, -r release, -v version, -m machine, -p processor, -i hardware platform,
 * -o operating system. No option: -s. -a: all but -p and -i when they are unknown (as here).
 */
import os from 'posixbox/os';
import { program, quote, UsageError } from './lib.js';

const ORDER = ['s', 'n', 'r', 'v', 'm', 'p', 'i', 'o'] as const;

export const main = program('uname', {
  usage: '[OPTION]...',
  about: 'Print certain system information. With no OPTION, same as -s.',
  short: 'asnrvmpio',
  long: {
    all: 'a', 'kernel-name': 's', nodename: 'n', 'kernel-release': 'r', 'kernel-version': 'v',
    machine: 'm', processor: 'p', 'hardware-platform': 'i', 'operating-system': 'o',
  },
}, (t, a) => {
  if (a.operands.length > 0) throw new UsageError(`extra operand ${quote(a.operands[0]!)}`);
  const u = os.uname();
  const value: Record<(typeof ORDER)[number], string> = {
    s: u.sysname, n: u.nodename, r: u.release, v: u.version, m: u.machine, p: 'unknown', i: 'unknown', o: 'GNU/Linux',
  };
  const all = a.has('a');
  const wanted = ORDER.filter((k) => a.has(k) || (all && value[k] !== 'unknown'));
  t.stdout.write(`${(wanted.length > 0 ? wanted : ['s' as const]).map((k) => value[k]).join(' ')}\n`);
  return 0;
});
