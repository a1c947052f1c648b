/**
 * cp — copy files and directories, as coreutils cp: `cp SOURCE DEST`, `cp SOURCE... DIRECTORY`,
 * `cp -t DIRECTORY SOURCE...`, `cp -T SOURCE DEST`.
 *   -r, -R, --recursive   copy directories recursively (symlinks copied as links unless -L/-H)
 *   -a, --archive         -dR --preserve=all;  -d: -P --preserve=links
 *   -p                    --preserve=mode,ownership,timestamps; --preserve[=LIST], --no-preserve=LIST
 *   -P/-L/-H              never / always / only on the command line follow symbolic links
 *   -f, --force           remove a destination that cannot be opened, then try again
 *   -n, --no-clobber      do not overwrite an existing file (silently, as coreutils 9.1)
 *   -v, --verbose         `'a' -> 'b'` for each file copied
 *   -u, --update          skip a destination at least as new as the source
 *   -l, --link / -s, --symbolic-link   hard / symbolic links instead of copies
 * Not done: -i (prompts), --backup, --sparse, --reflink, --attributes-only.
 */
import { Fatal, program, type Args } from './lib.js';
import { copyTop, type CopyOptions } from './lib/copy.js';
import { pairs } from './lib/targets.js';

const ATTRS = ['mode', 'timestamps', 'ownership', 'links', 'context', 'xattr', 'all'];

/** The attributes --preserve and friends leave on, in command-line order. */
function preserved(a: Args): Set<string> {
  const on = new Set<string>();
  const list = (v: string, opt: string): string[] => {
    const names = v.split(',');
    for (const n of names) {
      if (!ATTRS.includes(n)) throw new Fatal(`invalid argument '${n}' for '--${opt}'\nValid arguments are:\n${ATTRS.map((x) => `  - '${x}'`).join('\n')}\nTry 'cp --help' for more information.`);
    }
    return names.flatMap((n) => (n === 'all' ? ['mode', 'ownership', 'timestamps', 'links'] : [n]));
  };
  for (const [k, v] of a.opts) {
    if (k === 'a') ['mode', 'ownership', 'timestamps', 'links'].forEach((x) => on.add(x));
    else if (k === 'd') on.add('links');
    else if (k === 'p') ['mode', 'ownership', 'timestamps'].forEach((x) => on.add(x));
    else if (k === 'preserve') list(v || 'mode,ownership,timestamps', 'preserve').forEach((x) => on.add(x));
    else if (k === 'no-preserve') list(v, 'no-preserve').forEach((x) => on.delete(x));
  }
  return on;
}

export const main = program('cp', {
  usage: '[OPTION]... [-T] SOURCE DEST\n  or:  cp [OPTION]... SOURCE... DIRECTORY\n  or:  cp [OPTION]... -t DIRECTORY SOURCE...',
  about: 'Copy SOURCE to DEST, or multiple SOURCE(s) to DIRECTORY.',
  short: 'adfHlLnPpRrsTt:uv',
  long: {
    archive: 'a', dereference: 'L', link: 'l', 'symbolic-link': 's', update: 'u', force: 'f', 'no-clobber': 'n', 'no-dereference': 'P', 'preserve=': 'preserve',
    'no-preserve=': 'no-preserve', recursive: 'r', 'target-directory=': 't', 'no-target-directory': 'T', verbose: 'v',
  },
}, (t, a) => {
  const p = preserved(a);
  const recursive = a.has('r') || a.has('R') || a.has('a');
  let deref: CopyOptions['deref'] = recursive ? 'never' : 'always';
  for (const [k] of a.opts) {
    if (k === 'P' || k === 'd' || k === 'a') deref = 'never';
    else if (k === 'L') deref = 'always';
    else if (k === 'H') deref = 'cmdline';
  }
  let noClobber = false;
  let force = false;
  let linkInstead: CopyOptions['linkInstead'];
  for (const [k] of a.opts) {
    if (k === 'n') noClobber = true;
    else if (k === 'f') force = true;
    else if (k === 'l') linkInstead = 'hard';
    else if (k === 's') linkInstead = 'symbolic';
  }
  const o: CopyOptions = {
    recursive, deref, mode: p.has('mode'), owner: p.has('ownership'), times: p.has('timestamps'), links: p.has('links'),
    force, noClobber, verbose: a.has('v'), update: a.has('u'),
    ...(linkInstead ? { linkInstead } : {}),
  };
  let ok = true;
  for (const [src, dst] of pairs(a)) ok = copyTop(t, src, dst, o) && ok;
  return ok ? 0 : 1;
});
