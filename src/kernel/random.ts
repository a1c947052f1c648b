/**
 * The kernel's seeded random source (sfc32, seeded through splitmix32): /dev/urandom, getrandom
 * and the per-process seeds of user-space generators all draw from it, so a run is reproducible.
 */
export interface RandomSource {
  next(): number;
  fill(buf: Uint8Array): void;
}

function splitmix32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/** A generator of uint32 values; the same seed gives the same sequence everywhere. */
export function makeRandom(seed: number): RandomSource {
  const init = splitmix32(seed);
  let a = init(), b = init(), c = init(), d = init();
  const next = (): number => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = ((c << 21) | (c >>> 11)) >>> 0;
    c = (c + t) >>> 0;
    return t;
  };
  for (let i = 0; i < 12; i++) next();
  return {
    next,
    fill(buf: Uint8Array) {
      for (let i = 0; i < buf.length; i += 4) {
        let v = next();
        for (let j = i; j < Math.min(i + 4, buf.length); j++) { buf[j] = v & 0xff; v >>>= 8; }
      }
    },
  };
}
