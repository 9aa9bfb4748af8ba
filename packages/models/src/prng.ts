/**
 * Seeded pseudo-random numbers: xoshiro128** (Blackman & Vigna, 2018) seeded through splitmix32.
 * Small, fast on 32-bit integer arithmetic, and the same sequence on every platform and run.
 */

const TWO_POW_32 = 4_294_967_296;

/** One step of splitmix32: a well-mixed 32-bit value from a 32-bit state. */
function splitmix32(state: number): number {
  let z = (state + 0x9e3779b9) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/**
 * Derives an independent 32-bit stream seed from a user seed (any safe integer) and a stream number,
 * e.g. one stream per tree: `deriveSeed(42, treeIndex)`.
 */
export function deriveSeed(seed: number, stream: number): number {
  const low = (seed % TWO_POW_32) >>> 0;
  const high = Math.floor(seed / TWO_POW_32) >>> 0;
  let h = splitmix32(low);
  h = splitmix32(h ^ high);
  h = splitmix32(h ^ (stream >>> 0));
  return h;
}

/** A seeded xoshiro128** generator. `new Random(42).nextFloat()` is the same number on every run. */
export class Random {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;

  /** Seeds the four state words from `seed` (a 32-bit integer) through splitmix32. */
  constructor(seed: number) {
    let state = seed >>> 0;
    state = splitmix32(state);
    this.s0 = state;
    state = splitmix32(state);
    this.s1 = state;
    state = splitmix32(state);
    this.s2 = state;
    state = splitmix32(state);
    this.s3 = state;
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 1;
  }

  /** A generator in the given raw state (not all zero), e.g. for checking against reference vectors. */
  static fromState(s0: number, s1: number, s2: number, s3: number): Random {
    const rng = new Random(0);
    rng.s0 = s0 | 0;
    rng.s1 = s1 | 0;
    rng.s2 = s2 | 0;
    rng.s3 = s3 | 0;
    return rng;
  }

  /** The next unsigned 32-bit integer. */
  nextUint32(): number {
    const s1 = this.s1;
    const product = Math.imul(s1, 5);
    const result = Math.imul((product << 7) | (product >>> 25), 9);
    const t = s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= this.s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = (this.s3 << 11) | (this.s3 >>> 21);
    return result >>> 0;
  }

  /** A float in [0, 1) with 32 bits of randomness. */
  nextFloat(): number {
    return this.nextUint32() / TWO_POW_32;
  }

  /** An integer in [0, bound), bound <= 2^32; `rng.nextInt(6)` is a die roll minus one. */
  nextInt(bound: number): number {
    return Math.floor(this.nextFloat() * bound);
  }
}
