/**
 * The pseudo-terminal table (Linux's devpts, fs/devpts and drivers/tty/pty.c): allocating a pair
 * takes the lowest free index N, registers the slave's driver as character device 136:N and makes
 * the node /dev/pts/N (crw--w---- owned by the user, group tty); the node goes away when both
 * sides are closed. /dev/tty (5:0) opens the caller's controlling terminal.
 */
import { ENXIO, EIO } from '../kernel/abi/errno.js';
import { O_NOCTTY, O_RDWR } from '../kernel/abi/fcntl.js';
import { S_IFCHR, makedev } from '../kernel/abi/stat.js';
import { SysError } from '../kernel/errors.js';
import type { Device } from './devfs.js';
import { Directory, type Fs, SpecialFile, addEntry, removeEntry } from './inode.js';
import { Tty, TtyFile, type TtyHooks } from './tty.js';
import type { Vfs } from './vfs.js';
import type { OpenFile } from './types.js';

export const PTS_MAJOR = 136;
export const TTY_GID = 5;

/** What opening a terminal needs from the kernel besides TtyHooks. */
export interface PtsHooks extends TtyHooks {
  /** A slave opened without O_NOCTTY: a session leader without a terminal takes it (tty_open). */
  opened(tty: Tty): void;
  /** The caller's controlling terminal (/dev/tty), if any. */
  controlling(): Tty | undefined;
}

export class PtyTable {
  private readonly ttys = new Map<number, Tty>();

  constructor(private readonly vfs: Vfs, private readonly hooks: PtsHooks) {
    vfs.devices.set(makedev(5, 0), {
      open: (flags) => {
        const tty = hooks.controlling();
        if (!tty) throw new SysError(ENXIO, 'no controlling terminal');
        return this.slaveOps(tty, flags | O_NOCTTY);
      },
      ops: { seekable: false, read: () => 0, write: (_f, d) => d.length },
    });
  }

  get(index: number): Tty | undefined {
    return this.ttys.get(index);
  }

  /** Every terminal, by index. */
  all(): Tty[] {
    return [...this.ttys.values()];
  }

  /** The terminal whose session is sid. */
  ofSession(sid: number): Tty | undefined {
    for (const t of this.ttys.values()) if (t.session === sid && t.masterOpen) return t;
    return undefined;
  }

  /** A new pair, the node owned by uid. */
  open(uid: number): Tty {
    let n = 0;
    while (this.ttys.has(n)) n++;
    const tty = new Tty(n, this.hooks);
    this.ttys.set(n, tty);
    const rdev = makedev(PTS_MAJOR, n);
    const device: Device = {
      open: (flags) => this.slaveOps(tty, flags),
      ops: { seekable: false, read: () => 0, write: (_f, d) => d.length },
    };
    this.vfs.devices.set(rdev, device);
    const dir = this.ptsDir();
    if (dir) addEntry(dir, String(n), new SpecialFile(dir.sb as Fs, S_IFCHR | 0o620, uid, TTY_GID, this.vfs.now(), rdev));
    return tty;
  }

  /** The host let go of the master side. */
  closeMaster(tty: Tty): void {
    tty.hangup();
    this.maybeFree(tty);
  }

  /** A description of the slave side, made by the kernel (a process's stdio) rather than open(2). */
  openSlave(tty: Tty): OpenFile {
    const node = this.ptsDir()?.lookupChild(String(tty.index)) ?? this.vfs.anonNode(S_IFCHR | 0o620, this.vfs.rootContext().creds);
    return this.vfs.openNode(node, O_RDWR, this.slaveOps(tty, O_RDWR | O_NOCTTY), tty.path);
  }

  private slaveOps(tty: Tty, flags: number): TtyFile {
    if (!tty.masterOpen) throw new SysError(EIO);
    const ops = new TtyFile(tty, (t) => this.maybeFree(t));
    if (!(flags & O_NOCTTY)) this.hooks.opened(tty);
    return ops;
  }

  private maybeFree(tty: Tty): void {
    if (tty.masterOpen || tty.slaveOpens > 0 || this.ttys.get(tty.index) !== tty) return;
    this.ttys.delete(tty.index);
    this.vfs.devices.delete(makedev(PTS_MAJOR, tty.index));
    const dir = this.ptsDir();
    if (dir?.lookupChild(String(tty.index))) removeEntry(dir, String(tty.index));
  }

  private ptsDir(): Directory | undefined {
    try {
      const d = this.vfs.lookup(this.vfs.rootContext(), '/dev/pts', true);
      return d instanceof Directory ? d : undefined;
    } catch (e) {
      if (e instanceof SysError) return undefined; // a bare VFS: terminals without nodes
      throw e;
    }
  }
}
