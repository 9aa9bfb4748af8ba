/**
 * Sampling helpers for the generator, all plain arithmetic on a uniform number in [0, 1): discrete choices from
 * weights, and continuous values from piecewise-linear quantile tables (an inverse CDF through given points).
 */

/**
 * A discrete distribution over the indexes of `weights`, sampled by binary search on the cumulative weights.
 * @example new Discrete([7, 3]).pick(0.5) // 0 (index 0 has 70% of the mass)
 */
export class Discrete {
  private readonly cumulative: Float64Array;
  private readonly total: number;

  constructor(weights: readonly number[]) {
    this.cumulative = new Float64Array(weights.length);
    let sum = 0;
    weights.forEach((w, i) => {
      if (!(w >= 0)) throw new RangeError(`weight ${i} must be >= 0, got ${w}`);
      sum += w;
      this.cumulative[i] = sum;
    });
    if (!(sum > 0)) throw new RangeError("weights must not all be 0");
    this.total = sum;
  }

  /** The number of outcomes. */
  get size(): number {
    return this.cumulative.length;
  }

  /** The probability of outcome `index`. */
  probability(index: number): number {
    const upper = this.cumulative[index] ?? 0;
    const lower = index > 0 ? (this.cumulative[index - 1] ?? 0) : 0;
    return (upper - lower) / this.total;
  }

  /** The outcome for the uniform number `u` in [0, 1). */
  pick(u: number): number {
    const target = u * this.total;
    const c = this.cumulative;
    let lo = 0;
    let hi = c.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((c[mid] as number) > target) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }
}

/**
 * A continuous distribution given by its quantiles: `points` are `[probability, value]` pairs from `[0, min]`
 * to `[1, max]`, linearly interpolated in between.
 * @example new Quantiles([[0, 0], [0.5, 1.6], [1, 30]]).at(0.5) // 1.6 (the median)
 */
export class Quantiles {
  private readonly ps: Float64Array;
  private readonly vs: Float64Array;

  constructor(points: readonly (readonly [number, number])[]) {
    const first = points[0];
    const last = points[points.length - 1];
    if (first === undefined || last === undefined || first[0] !== 0 || last[0] !== 1) {
      throw new RangeError("quantile points must run from probability 0 to probability 1");
    }
    this.ps = Float64Array.from(points, (p) => p[0]);
    this.vs = Float64Array.from(points, (p) => p[1]);
    for (let i = 1; i < points.length; i++) {
      if (
        !((this.ps[i] as number) > (this.ps[i - 1] as number)) ||
        (this.vs[i] as number) < (this.vs[i - 1] as number)
      ) {
        throw new RangeError(`quantile points must increase (point ${i})`);
      }
    }
  }

  /** The value at probability `u` in [0, 1). */
  at(u: number): number {
    const ps = this.ps;
    let i = 1;
    while (i < ps.length - 1 && (ps[i] as number) <= u) i++;
    const p0 = ps[i - 1] as number;
    const v0 = this.vs[i - 1] as number;
    return v0 + ((u - p0) / ((ps[i] as number) - p0)) * ((this.vs[i] as number) - v0);
  }
}
