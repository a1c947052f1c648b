/**
 * execve (Linux's fs/exec.c and its binfmt handlers): find the image, check it may be executed,
 * pick the loader by what the file starts with, then replace the process's program.
 *
 * Loaders, in order: `#!posixbox` (a JavaScript program image: an ES module with a main), any
 * other `#!interpreter [arg]` (run the interpreter with the script's path, at most 4 deep), a
 * `.js`/`.mjs` name (JavaScript, as binfmt_misc can match an extension); `\0asm` (WebAssembly)
 * comes with the WASI issue. Anything else is ENOEXEC.
 *
 * Set-user-ID and set-group-ID bits count on program images only (`#!posixbox` and `.js`
 * images, as ELF on Linux), never on `#!` scripts: Linux ignores them there, since the script
 * could be swapped or its interpreter steered (PATH, IFS) between the check and the run.
 */
import { EACCES, ELOOP, ENOEXEC } from '../kernel/abi/errno.js';
import { O_RDONLY, X_OK } from '../kernel/abi/fcntl.js';
import { S_ISGID, S_ISREG, S_ISUID, S_IXGRP } from '../kernel/abi/stat.js';
import { execCredentials } from '../kernel/creds.js';
import { SysError } from '../kernel/errors.js';
import type { Kernel } from '../kernel/kernel.js';
import type { FsContext } from '../fs/types.js';
import { RegularFile } from '../fs/inode.js';
import { MAY_READ, genericPermission, inodePermission } from '../fs/perm.js';
import { touchAtime } from '../fs/file-ops.js';
import type { Image, Process } from './process.js';
import { SyscallLog } from './syscall-log.js';

export interface LoadedImage {
  readonly image: Image;
  readonly argv: readonly string[];
  /** The image's owner if it is set-user-ID (and the mount allows it); never a script's. */
  readonly setuid: number | undefined;
  readonly setgid: number | undefined;
  /** Whether the caller may read every file loaded (would_dump: else the process is not dumpable). */
  readonly readable: boolean;
}

const MAX_INTERPRETER_DEPTH = 4;
const BINPRM_BUF_SIZE = 256;
const decoder = new TextDecoder();

function readByFile(k: Kernel, path: string, ctx: FsContext): Uint8Array {
  // The kernel reads the image itself: executing needs x permission, not r (as on Linux).
  const file = k.vfs.open({ ...ctx, creds: k.init.creds }, path, O_RDONLY, 0);
  try {
    const size = k.vfs.fstat(file).size;
    const buf = new Uint8Array(size);
    let off = 0;
    for (let guard = 0; off < size && guard < 1 << 20; guard++) {
      const n = k.vfs.read(file, buf.subarray(off));
      if (n === 0) break;
      off += n;
    }
    return buf.subarray(0, off);
  } finally {
    k.vfs.close(file);
  }
}

/**
 * A memory file's bytes as exec reads them, with its access time touched as the read would.
 * The bytes may be the file's own store (a view, not a copy): use them before anything else runs.
 */
function readMemoryFile(k: Kernel, node: RegularFile): Uint8Array {
  touchAtime(node, k.vfs.now());
  return node.contents(); // a view when the store holds it in one piece (any program's size), else a copy
}

/**
 * The decoded text of a JavaScript image, kept per inode until the file's contents change (its
 * generation moves): a shell running `ls` a hundred times decodes it once.
 */
function imageText(k: Kernel, node: RegularFile, bytes: Uint8Array): string {
  const hit = k.imageCache.get(node);
  if (hit && hit.generation === node.generation) return hit.source;
  const source = decoder.decode(bytes);
  k.imageCache.set(node, { generation: node.generation, source });
  return source;
}

/** Resolve and load path for exec by ctx's credentials. */
export function loadImage(k: Kernel, ctx: FsContext, path: string, argv: readonly string[], depth = 0): LoadedImage {
  const node = k.vfs.lookup(ctx, path, true);
  if (!S_ISREG(node.mode)) throw new SysError(EACCES);
  inodePermission(ctx.creds, node, X_OK);
  const memory = node instanceof RegularFile ? node : undefined;
  const bytes = memory ? readMemoryFile(k, memory) : readByFile(k, path, ctx);
  const text = (): string => (memory ? imageText(k, memory, bytes) : decoder.decode(bytes));
  const nosuid = node.sb.nosuid;
  const setuid = !nosuid && node.mode & S_ISUID ? node.uid : undefined;
  const setgid = !nosuid && node.mode & S_ISGID && node.mode & S_IXGRP ? node.gid : undefined;
  const readable = genericPermission(ctx.creds, node, MAY_READ);
  if (bytes[0] === 0x23 && bytes[1] === 0x21) {
    const head = decoder.decode(bytes.subarray(2, BINPRM_BUF_SIZE));
    const line = head.split('\n')[0]!.trim();
    const sp = line.search(/[ \t]/);
    const interp = sp < 0 ? line : line.slice(0, sp);
    const arg = sp < 0 ? '' : line.slice(sp).trim();
    if (interp === 'posixbox') return { image: { source: text(), path }, argv, setuid, setgid, readable };
    if (interp === '') throw new SysError(ENOEXEC);
    if (depth >= MAX_INTERPRETER_DEPTH) throw new SysError(ELOOP);
    const next = [interp, ...(arg ? [arg] : []), path, ...argv.slice(1)];
    // A script's own set-id bits are ignored: the credentials come from the image finally
    // loaded (the interpreter's bits, if it has any), as Linux's binfmt_script + bprm_fill_uid.
    const inner = loadImage(k, ctx, interp, next, depth + 1);
    return { ...inner, readable: readable && inner.readable };
  }
  if (/\.m?js$/.test(path)) return { image: { source: text(), path }, argv, setuid, setgid, readable };
  throw new SysError(ENOEXEC);
}

/**
 * Replace p's program (the point of no return of execve): set-id credentials, close-on-exec
 * descriptors closed, caught signals back to default, a new Worker with the new image.
 * Dumpability is decided afresh (begin_new_exec): the process is dumpable unless its effective
 * ids now differ from its real ones or it could not read the image.
 */
export function commitExec(k: Kernel, p: Process, loaded: LoadedImage, env: readonly string[]): void {
  const before = p.creds;
  const c = execCredentials(p.creds, loaded.setuid, loaded.setgid);
  p.creds = c;
  p.dumpable = loaded.readable && c.euid === c.ruid && c.egid === c.rgid;
  p.fds.closeOnExec();
  p.signals.resetForExec();
  p.argv = [...loaded.argv];
  p.env = [...env];
  p.image = loaded.image;
  p.execed = true;
  // The record for fork by replay belongs to the old image: the new one starts with none.
  p.log = new SyscallLog();
  p.replay = undefined;
  p.seed = k.random.next();
  k.execWorker(p, c.euid !== before.euid || c.egid !== before.egid);
}
