/**
 * Seeded pseudo-random numbers for the sample-data generator: xoshiro128** (Blackman & Vigna) whose state is
 * derived from a (seed, row index) pair, so that every generated row has its own stream and the output never
 * depends on how rows are chunked. Only 32-bit integer arithmetic: the same numbers on every machine.
 */

const TWO_POW_32 = 4_294_967_296;

/** The murmur3 32-bit finaliser: a bijection on 32-bit integers that mixes every input bit into every output bit. */
export function mix32(x: number): number {
  let z = x | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/** The low and high 32-bit words of a safe integer (negative integers wrap like two's complement). */
function words(value: number): [number, number] {
  const low = (value % TWO_POW_32) >>> 0;
  const high = Math.floor(value / TWO_POW_32) >>> 0;
  return [low, high];
}

/**
 * A xoshiro128** generator that can be re-seeded in place (no allocation per row).
 * @example const rng = new RowRandom(42); rng.seekRow(7); rng.float() // same number on every run
 */
export class RowRandom {
  private s0 = 1;
  private s1 = 0;
  private s2 = 0;
  private s3 = 0;
  private readonly k0: number;
  private readonly k1: number;
  private readonly k2: number;
  private readonly k3: number;

  /** `seed`: any safe integer; it selects the whole family of row streams. */
  constructor(seed: number) {
    if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be a safe integer, got ${seed}`);
    const [low, high] = words(seed);
    this.k0 = mix32(low ^ 0x243f6a88);
    this.k1 = mix32((this.k0 + high) ^ 0x85a308d3);
    this.k2 = mix32(this.k1 ^ 0x13198a2e);
    this.k3 = mix32(this.k2 ^ 0x03707344);
    this.seekRow(0);
  }

  /**
   * Start the stream of row `index` (a non-negative safe integer). Distinct indexes below 2^32 give distinct
   * states (the first word is a bijection of the index), so no two rows share a stream.
   */
  seekRow(index: number): void {
    const [low, high] = words(index);
    this.s0 = mix32(low ^ this.k0);
    this.s1 = mix32((low + this.k1) ^ high);
    this.s2 = mix32((low ^ this.k2) + Math.imul(high, 0x9e3779b9));
    this.s3 = mix32(low + this.k3) | 1; // never the all-zero state
  }

  /** The next unsigned 32-bit integer. */
  uint32(): number {
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
  float(): number {
    return this.uint32() / TWO_POW_32;
  }

  /** An integer in [0, bound); `rng.int(6)` is a die roll minus one. */
  int(bound: number): number {
    return Math.floor(this.float() * bound);
  }

  /**
   * An approximately standard-normal number: the Irwin–Hall sum of four uniforms, rescaled (bounded by ±3.46).
   * Plain arithmetic only, so it is bit-identical everywhere (no `Math.log`/`Math.cos`).
   */
  normal(): number {
    return (this.float() + this.float() + this.float() + this.float() - 2) * 1.7320508075688772;
  }
}
