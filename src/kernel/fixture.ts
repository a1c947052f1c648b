/**
 * Fixtures: a JSON description of a whole system and the first process (the CLI's --fixture,
 * the lessons' F0). Turned into boot options and spawn options; validated, with clear messages.
 *
 *   { "clock": "2010-12-04T19:47:07Z", "rootDev": 234881026, "tmpMode": "01777",
 *     "users": [...], "groups": [...], "files": [...],
 *     "process": { "uid", "gid", "groups", "login", "umask", "cwd", "env": [["K","V"], ...], "pid" } }
 */
import type { FileSpec, GroupSpec, SystemSpec, UserSpec } from './setup.js';
import { parseMode } from './setup.js';

export interface ProcessSpec {
  readonly uid: number;
  readonly gid: number;
  readonly groups: readonly number[];
  readonly login: string;
  readonly umask: number;
  readonly cwd: string;
  readonly env: ReadonlyArray<readonly [string, string]>;
  readonly pid?: number;
}

export interface Fixture {
  readonly system: SystemSpec & { readonly clock?: string | number; readonly rootDev?: number };
  readonly process: ProcessSpec;
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

function obj(x: Json | undefined, what: string): { [k: string]: Json } {
  if (x === null || typeof x !== 'object' || Array.isArray(x)) throw new Error(`fixture: ${what} must be an object`);
  return x;
}
function arr(x: Json | undefined, what: string): Json[] {
  if (x === undefined) return [];
  if (!Array.isArray(x)) throw new Error(`fixture: ${what} must be an array`);
  return x;
}
function num(x: Json | undefined, what: string): number {
  if (typeof x !== 'number' || !Number.isInteger(x)) throw new Error(`fixture: ${what} must be an integer`);
  return x;
}
function optNum(x: Json | undefined, what: string): number | undefined {
  return x === undefined ? undefined : num(x, what);
}
function str(x: Json | undefined, what: string): string {
  if (typeof x !== 'string') throw new Error(`fixture: ${what} must be a string`);
  return x;
}
function optStr(x: Json | undefined, what: string): string | undefined {
  return x === undefined ? undefined : str(x, what);
}
function modeOf(x: Json | undefined, what: string): string | number | undefined {
  if (x === undefined) return undefined;
  if (typeof x === 'number' || typeof x === 'string') {
    parseMode(x, 0);
    return x;
  }
  throw new Error(`fixture: ${what} must be an octal string or a number`);
}

const FILE_TYPES = new Set(['file', 'dir', 'symlink', 'fifo', 'chardev']);

export function parseFixture(json: unknown): Fixture {
  const root = obj(json as Json, 'the fixture');
  const users: UserSpec[] = arr(root.users, 'users').map((u, i) => {
    const o = obj(u, `users[${i}]`);
    return {
      name: str(o.name, `users[${i}].name`), uid: num(o.uid, `users[${i}].uid`), gid: num(o.gid, `users[${i}].gid`),
      ...(o.home !== undefined ? { home: str(o.home, `users[${i}].home`) } : {}),
      ...(o.shell !== undefined ? { shell: str(o.shell, `users[${i}].shell`) } : {}),
      ...(o.gecos !== undefined ? { gecos: str(o.gecos, `users[${i}].gecos`) } : {}),
      ...(o.password !== undefined ? { password: str(o.password, `users[${i}].password`) } : {}),
      ...(o.createHome !== undefined ? { createHome: o.createHome === true } : {}),
    };
  });
  const groups: GroupSpec[] = arr(root.groups, 'groups').map((g, i) => {
    const o = obj(g, `groups[${i}]`);
    return {
      name: str(o.name, `groups[${i}].name`), gid: num(o.gid, `groups[${i}].gid`),
      members: arr(o.members, `groups[${i}].members`).map((m, j) => str(m, `groups[${i}].members[${j}]`)),
    };
  });
  const files: FileSpec[] = arr(root.files, 'files').map((f, i) => {
    const o = obj(f, `files[${i}]`);
    const type = optStr(o.type, `files[${i}].type`);
    if (type !== undefined && !FILE_TYPES.has(type)) throw new Error(`fixture: files[${i}].type must be one of ${[...FILE_TYPES].join(', ')}`);
    const path = str(o.path, `files[${i}].path`);
    if (!path.startsWith('/')) throw new Error(`fixture: files[${i}].path must be absolute`);
    const spec: FileSpec = {
      path,
      ...(type !== undefined ? { type: type as FileSpec['type'] } : {}),
      ...(o.mode !== undefined ? { mode: modeOf(o.mode, `files[${i}].mode`)! } : {}),
      ...(o.uid !== undefined ? { uid: num(o.uid, `files[${i}].uid`) } : {}),
      ...(o.gid !== undefined ? { gid: num(o.gid, `files[${i}].gid`) } : {}),
      ...(o.mtime !== undefined ? { mtime: num(o.mtime, `files[${i}].mtime`) } : {}),
      ...(o.atime !== undefined ? { atime: num(o.atime, `files[${i}].atime`) } : {}),
      ...(o.content !== undefined ? { content: str(o.content, `files[${i}].content`) } : {}),
      ...(o.size !== undefined ? { size: num(o.size, `files[${i}].size`) } : {}),
      ...(o.target !== undefined ? { target: str(o.target, `files[${i}].target`) } : {}),
    };
    return spec;
  });
  const p = root.process === undefined ? {} : obj(root.process, 'process');
  const env = arr(p.env, 'process.env').map((kv, i) => {
    const pair = arr(kv, `process.env[${i}]`);
    return [str(pair[0], `process.env[${i}][0]`), str(pair[1], `process.env[${i}][1]`)] as const;
  });
  const uid = optNum(p.uid, 'process.uid') ?? 0;
  const pid = optNum(p.pid, 'process.pid');
  const tmp = modeOf(root.tmpMode, 'tmpMode');
  const clock = root.clock;
  return {
    system: {
      users, groups, files,
      ...(typeof clock === 'string' || typeof clock === 'number' ? { clock } : {}),
      ...(root.rootDev !== undefined ? { rootDev: num(root.rootDev, 'rootDev') } : {}),
      ...(tmp !== undefined ? { tmpMode: parseMode(tmp, 0o1777) } : {}),
      ...(root.hostname !== undefined ? { hostname: str(root.hostname, 'hostname') } : {}),
    },
    process: {
      uid,
      gid: optNum(p.gid, 'process.gid') ?? 0,
      groups: arr(p.groups, 'process.groups').map((g, i) => num(g, `process.groups[${i}]`)),
      login: optStr(p.login, 'process.login') ?? users.find((u) => u.uid === uid)?.name ?? '',
      umask: parseMode(modeOf(p.umask, 'process.umask'), 0o022),
      cwd: optStr(p.cwd, 'process.cwd') ?? '/',
      env,
      ...(pid !== undefined ? { pid } : {}),
    },
  };
}
