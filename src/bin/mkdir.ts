/**
 * mkdir — make directories, as coreutils mkdir:
 *   -m, --mode=MODE  the new directories' mode, octal or symbolic, applied to a=rwx and not
 *                    masked by the umask (`-m 777` gives 0777; `-m g+w` gives 0777 as well)
 *   -p, --parents    make missing parents too (mode u+wx on top of what the umask leaves) and
 *                    accept a directory that already exists
 *   -v, --verbose    `mkdir: created directory 'x'` on stdout for each one made
 */
import os, { OSError, stat } from 'posixbox/os';
import { program, quote, quoteaf, reason, UsageError, Fatal, type Tool } from './lib.js';
import { adjustMode, compileMode } from './lib/mode.js';

const EEXIST = 17;
const ENOTDIR = 20;

function isDir(path: string): boolean {
  try { return stat.S_ISDIR(os.stat(path).st_mode); } catch { return false; }
}

export const main = program('mkdir', {
  usage: '[OPTION]... DIRECTORY...',
  about: 'Create the DIRECTORY(ies), if they do not already exist.',
  short: 'm:pv',
  long: { 'mode=': 'm', parents: 'p', verbose: 'v' },
}, (t, a) => {
  if (a.operands.length === 0) throw new UsageError('missing operand');
  const umask = os.umask(0);
  os.umask(umask);
  const modeText = a.last('m');
  let mode = 0o777 & ~umask;
  if (modeText !== undefined) {
    const changes = compileMode(modeText);
    if (!changes) throw new Fatal(`invalid mode ${quote(modeText)}`);
    mode = adjustMode(0o777, true, umask, changes).mode;
  }
  let status = 0;
  for (const path of a.operands) {
    try {
      if (a.has('p')) makeParents(t, path, umask, a.has('v'));
      try {
        os.mkdir(path, mode & 0o777);
      } catch (e) {
        if (a.has('p') && e instanceof OSError && e.errno === EEXIST && isDir(path)) continue;
        throw e;
      }
      // mkdir(2) masks with the umask and drops special bits; -m's mode is exact.
      if (modeText !== undefined && (mode & ~0o777 || mode & umask)) os.chmod(path, mode);
      if (a.has('v')) t.stdout.write(`${t.name}: created directory ${quoteaf(path)}\n`);
    } catch (e) {
      t.warn(`cannot create directory ${quoteaf(e instanceof OSError && e.filename !== undefined && e.filename !== path ? e.filename : path)}: ${reason(e)}`);
      status = 1;
    }
  }
  return status;
});

/**
 * Make each missing ancestor of `path`, with mode u+wx on top of what the umask allows (the umask
 * is lowered for the call, as coreutils does); an ancestor that exists must be a directory.
 */
function makeParents(t: Tool, path: string, umask: number, verbose: boolean): void {
  const parts = path.split('/');
  for (let i = 1; i < parts.length; i++) {
    if (parts[i - 1] === '' || parts.slice(i).every((p) => p === '')) continue;
    const prefix = parts.slice(0, i).join('/');
    try {
      if (umask & 0o300) os.umask(umask & ~0o300);
      try {
        os.mkdir(prefix, 0o777);
      } finally {
        if (umask & 0o300) os.umask(umask);
      }
      if (verbose) t.stdout.write(`${t.name}: created directory ${quoteaf(prefix)}\n`);
    } catch (e) {
      if (!(e instanceof OSError) || e.errno !== EEXIST) throw e;
      if (!isDir(prefix)) throw new OSError(ENOTDIR, 'mkdir', prefix);
    }
  }
}
