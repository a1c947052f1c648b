/**
 * tee — copy standard input to standard output and to files, as GNU coreutils 9.1 tee: files
 * truncated (or -a appended), created with mode 0666 less the umask; `-` is a file named `-`
 * here as in coreutils 9.1 (it is not standard output). A file that cannot be opened or written
 * is reported (`tee: F: reason`) and dropped; the others go on; status 1. -i (ignore SIGINT) and
 * -p are accepted and have no effect. Not done: --output-error.
 */
import os, { OSError } from 'posixbox/os';
import { program, quotef, reason, writeAll, WriteError } from './lib.js';

export const main = program('tee', {
  usage: '[OPTION]... [FILE]...',
  about: 'Copy standard input to each FILE, and also to standard output.',
  short: 'aip',
  long: { append: 'a', 'ignore-interrupts': 'i' },
}, (t, a) => {
  let status = 0;
  const flags = os.O_WRONLY | os.O_CREAT | (a.has('a') ? os.O_APPEND : os.O_TRUNC);
  const outputs: Array<{ name: string; fd: number }> = [{ name: 'standard output', fd: 1 }];
  for (const name of a.operands) {
    try {
      outputs.push({ name, fd: os.open(name, flags, 0o666) });
    } catch (e) {
      t.warn(`${quotef(name)}: ${reason(e)}`);
      status = 1;
    }
  }
  // Every output unbuffered, standard output too (setvbuf _IONBF), as coreutils' tee: each read is
  // written through at once.
  t.stdout.setBuffering('none');
  let live = outputs;
  try {
    for (let n = 0; n < 1 << 16; n++) {
      const b = os.read(0, 65536);
      if (b.length === 0) break;
      live = live.filter((o) => {
        try {
          if (o.fd === 1) t.stdout.write(b);
          else writeAll(o.fd, b);
          return true;
        } catch (e) {
          t.warn(`${o.fd === 1 ? o.name : quotef(o.name)}: ${e instanceof WriteError ? e.message : reason(e)}`);
          status = 1;
          return false;
        }
      });
    }
  } catch (e) {
    if (!(e instanceof OSError)) throw e;
    t.warn(`read error: ${e.strerror}`);
    status = 1;
  } finally {
    for (const o of outputs) if (o.fd !== 1) os.close(o.fd);
  }
  return status;
});
