/**
 * Stores into the syscall channel through a DataView. Once a Worker is locked down (confine.ts),
 * Object.prototype and the typed arrays' prototypes are frozen, and V8 11 (Node 20) then takes a
 * slow path for every indexed store into a typed array — about 25× slower, loads unaffected,
 * measured in a Worker with and without lockdown — which would double a getpid round trip. A
 * DataView's setters are no indexed stores and keep their speed. Typed arrays (the kernel's side
 * of the channel) use the platform's byte order, so these stores do too.
 */
import { ARGS_OFFSET, RET_OFFSET } from '../kernel/abi/channel.js';

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

export class ChannelStores {
  private readonly dv: DataView;

  constructor(sab: SharedArrayBuffer) {
    this.dv = new DataView(sab);
  }

  /** ctl[i] = v */
  ctl(i: number, v: number): void {
    this.dv.setInt32(i * 4, v, LITTLE_ENDIAN);
  }

  /** args[i] = v */
  arg(i: number, v: number): void {
    this.dv.setFloat64(ARGS_OFFSET + i * 8, v, LITTLE_ENDIAN);
  }

  /** ret[i] = v */
  ret(i: number, v: number): void {
    this.dv.setFloat64(RET_OFFSET + i * 8, v, LITTLE_ENDIAN);
  }
}

/** A table of unsigned 32-bit words in private memory, stored the same way. */
export class WordTable {
  private readonly dv: DataView;

  constructor(length: number, fill: number) {
    this.dv = new DataView(new ArrayBuffer(length * 4));
    for (let i = 0; i < length; i++) this.dv.setUint32(i * 4, fill, true);
  }

  get(i: number): number {
    return this.dv.getUint32(i * 4, true);
  }

  set(i: number, v: number): void {
    this.dv.setUint32(i * 4, v, true);
  }
}
