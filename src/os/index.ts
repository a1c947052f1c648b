/**
 * `posixbox/os`: the module programs import. It hands out the running process's os module and
 * its companions (stat, signal, time, sys, atexit, pwd, grp, open, select), which the process runtime
 * built when the Worker became a process.
 *
 *   import os, { sys, time, stat } from 'posixbox/os';
 *   export function main(argv) { console.log(os.getcwd()); return 0; }
 */
import { registry } from './registry.js';
import type { makeModules, OsModule } from './osmodule.js';

type Modules = ReturnType<typeof makeModules>;
type Companions = {
  stat: typeof import('./statmod.js').statModule;
  signal: ReturnType<typeof import('./pymodules.js').makeSignal>;
  resource: ReturnType<typeof import('./pymodules.js').makeResource>;
  subprocess: OsModule['subprocess'];
  time: ReturnType<typeof import('./pymodules.js').makeTime>;
  sys: ReturnType<typeof import('./pymodules.js').makeSys>;
  atexit: ReturnType<typeof import('./pymodules.js').makeAtexit>;
  open: ReturnType<typeof import('./pymodules.js').makeOpen>;
  pwd: OsModule['pwd'];
  grp: OsModule['grp'];
  path: OsModule['path'];
  OSError: typeof import('./errors.js').OSError;
  termios: ReturnType<typeof import('./ttyapi.js').makeTtyApi>['termios'];
  tty: ReturnType<typeof import('./ttyapi.js').makeTtyApi>['tty'];
  select: ReturnType<typeof import('./selectmod.js').makeSelect>;
};

const mod = (registry() as Modules | undefined)?.get('posixbox/os') as ({ default: OsModule } & Companions) | undefined;
if (!mod) throw new Error('posixbox/os can only be imported by a program running as a posixbox process');

const os: OsModule = mod.default;
export default os;
export const { stat, signal, time, sys, atexit, open, pwd, grp, path, OSError, resource, select, termios, tty } = mod;
