/**
 * Seeded pseudo-random numbers: xoshiro128** (Blackman & Vigna, 2018). Only 32-bit integer arithmetic, so
 * the same sequence on every platform and run. Two ways to seed it:
 * - one stream per seed: `new SeededRandom(deriveSeed(seed, tree))`, e.g. one stream per tree of a model;
 * - one stream per row: `rng.seekRow(index)` re-seeds in place (no allocation), so a generator's output
 *   does not depend on how its rows are chunked.
 */

const TWO_POW_32 = 4_294_967_296;

/** The murmur3 32-bit finaliser: a bijection on 32-bit integers that mixes every input bit into every output bit. */
export function mix32(x: number): number {
  let z = x | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/** One step of splitmix32: a well-mixed 32-bit value from a 32-bit state. */
function splitmix32(state: number): number {
  return mix32(state + 0x9e3779b9);
}

/** The low 32-bit word of a safe integer (negative integers wrap like two's complement). */
function lowWord(value: number): number {
  return (value % TWO_POW_32) >>> 0;
}

/** The high 32-bit word of a safe integer (negative integers wrap like two's complement). */
function highWord(value: number): number {
  return Math.floor(value / TWO_POW_32) >>> 0;
}

/**
 * Derives an independent 32-bit stream seed from a user seed (any safe integer) and a stream number,
 * e.g. one stream per tree: `deriveSeed(42, treeIndex)`.
 */
export function deriveSeed(seed: number, stream: number): number {
  let h = splitmix32(lowWord(seed));
  h = splitmix32(h ^ highWord(seed));
  h = splitmix32(h ^ (stream >>> 0));
  return h;
}

/**
 * A seeded xoshiro128** generator: one stream from its seed, and a family of row streams (`seekRow`).
 * @example const rng = new SeededRandom(42); rng.nextFloat() // same number on every run; rng.seekRow(7) starts row 7's stream
 */
export class SeededRandom {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;
  /** Keys of the row streams, derived from the seed. */
  private readonly k0: number;
  private readonly k1: number;
  private readonly k2: number;
  private readonly k3: number;

  /**
   * `seed`: a safe integer. The stream starts from its low 32 bits expanded through splitmix32; the row
   * streams of `seekRow` depend on all of its bits.
   */
  constructor(seed: number) {
    if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be a safe integer, got ${seed}`);
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
    this.k0 = mix32(lowWord(seed) ^ 0x243f6a88);
    this.k1 = mix32((this.k0 + highWord(seed)) ^ 0x85a308d3);
    this.k2 = mix32(this.k1 ^ 0x13198a2e);
    this.k3 = mix32(this.k2 ^ 0x03707344);
  }

  /** A generator in the given raw state (not all zero), e.g. for checking against reference vectors. */
  static fromState(s0: number, s1: number, s2: number, s3: number): SeededRandom {
    const rng = new SeededRandom(0);
    rng.s0 = s0 | 0;
    rng.s1 = s1 | 0;
    rng.s2 = s2 | 0;
    rng.s3 = s3 | 0;
    return rng;
  }

  /**
   * Starts the stream of row `index` (a non-negative safe integer) of this seed. Distinct indexes below 2^32
   * give distinct states (the first word is a bijection of the index), so no two rows share a stream.
   */
  seekRow(index: number): void {
    const low = lowWord(index);
    const high = highWord(index);
    this.s0 = mix32(low ^ this.k0);
    this.s1 = mix32((low + this.k1) ^ high);
    this.s2 = mix32((low ^ this.k2) + Math.imul(high, 0x9e3779b9));
    this.s3 = mix32(low + this.k3) | 1; // never the all-zero state
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

  /**
   * An approximately standard-normal number: the Irwin–Hall sum of four uniforms, rescaled (bounded by ±3.46).
   * Plain arithmetic only, so it is bit-identical everywhere (no `Math.log`/`Math.cos`).
   */
  nextNormal(): number {
    return (
      (this.nextFloat() + this.nextFloat() + this.nextFloat() + this.nextFloat() - 2) * 1.7320508075688772
    );
  }
}
