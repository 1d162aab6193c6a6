import { randomBytes } from 'node:crypto';

/** Randomness comes from here so agent DNA, names and ids are reproducible in tests. */
export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
}

export const systemRandom: Random = { next: () => randomBytes(4).readUInt32BE(0) / 0x1_0000_0000 };

/** mulberry32: a tiny, well-known seeded generator; good enough for tests and simulations. */
export function seededRandom(seed: number): Random {
  let a = seed >>> 0;
  return {
    next() {
      a = (a + 0x6d2b79f5) >>> 0;
      let t = a;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    },
  };
}
