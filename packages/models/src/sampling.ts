import type { SeededRandom } from "./seeded-random";

/**
 * Draws the per-row sample weights of one tree into `weights` and lists the rows with positive weight
 * (ascending) in `inBag`; returns how many. With replacement (Spark's bootstrap), each row's weight is
 * a Poisson(rate) count; without, a row is kept with probability `rate` (weight 1), and rate 1 keeps
 * every row without drawing. If no row is drawn (tiny tables), every row is used with weight 1.
 */
export function drawSampleWeights(
  rate: number,
  withReplacement: boolean,
  rng: SeededRandom,
  weights: Float64Array,
  inBag: Uint32Array,
): number {
  const rows = weights.length;
  let count = 0;
  if (withReplacement) {
    const cdf = poissonCdf(rate);
    const last = cdf.length - 1;
    for (let i = 0; i < rows; i++) {
      // Inversion: the smallest k with u <= P(X <= k).
      const u = rng.nextFloat();
      let w = 0;
      while (w < last && u > (cdf[w] as number)) w += 1;
      weights[i] = w;
      if (w > 0) {
        inBag[count] = i;
        count += 1;
      }
    }
  } else if (rate < 1) {
    for (let i = 0; i < rows; i++) {
      const w = rng.nextFloat() < rate ? 1 : 0;
      weights[i] = w;
      if (w > 0) {
        inBag[count] = i;
        count += 1;
      }
    }
  }
  if (count === 0) {
    weights.fill(1);
    for (let i = 0; i < rows; i++) inBag[i] = i;
    count = rows;
  }
  return count;
}

/** P(X <= k) for X ~ Poisson(lambda), k = 0, 1, ... until it reaches 1 in double precision (at most 64 terms). */
export function poissonCdf(lambda: number): Float64Array {
  const out: number[] = [];
  let p = Math.exp(-lambda);
  let cdf = p;
  for (let k = 0; k < 64 && cdf < 1; k++) {
    out.push(cdf);
    p *= lambda / (k + 1);
    cdf += p;
  }
  out.push(1);
  return Float64Array.from(out);
}
