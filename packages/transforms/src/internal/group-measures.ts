import { ExpressionError, formatExpr, type MeasureNode } from "@tablepipe/core";
import {
  compareValues,
  type ExpressionInput,
  evaluateExpression,
  isNullAt,
  type Vector,
  vectorToColumn,
  withoutNegativeZeros,
} from "@tablepipe/core/internal";
import { groupQuantile } from "./group-quantile";
import { groupStddev } from "./group-stddev";
import { groupRows, type RowGroups } from "./row-groups";

function valueAt(v: Vector, i: number): number | string | boolean | null {
  if (isNullAt(v, i)) return null;
  if (v.kind === "number") return v.values[i]!;
  if (v.kind === "boolean") return v.values[i] === 1;
  return v.kind === "string" ? v.values[i]! : null;
}

function numbersOf(v: Vector, step: string, measure: MeasureNode): Float64Array | undefined {
  if (v.kind === "null") return undefined;
  if (v.kind !== "number") {
    throw new ExpressionError(
      step,
      `${measure.fn}(${formatExpr(measure.of!)}${measure.q === undefined ? "" : `, ${measure.q}`})`,
      `expected numbers, got ${v.kind}s`,
    );
  }
  return v.values;
}

/**
 * What the measures of one `aggregate` share: each expression is evaluated once, the sum and the mean of one
 * expression come from one pass (per-group sums and counts side by side, one cache line per group), and so do
 * its min and max. With many groups each pass is a scatter over arrays larger than the cache, so passes saved
 * are most of the time saved.
 */
export class MeasureCache {
  readonly #vectors = new Map<string, Vector>();
  readonly #moments = new Map<string, Float64Array>();
  readonly #extremes = new Map<string, Float64Array>();
  #rows: Float64Array | undefined;

  constructor(
    readonly input: ExpressionInput,
    readonly groups: RowGroups,
  ) {}

  /** The value of `measure.of` on every row. */
  vector(measure: MeasureNode, step: string): Vector {
    const key = formatExpr(measure.of!);
    let v = this.#vectors.get(key);
    if (v === undefined) {
      v = evaluateExpression(measure.of!, this.input, step);
      this.#vectors.set(key, v);
    }
    return v;
  }

  /** Rows per group. */
  rowCounts(): Float64Array {
    if (this.#rows === undefined) {
      const { groupOf, groupCount } = this.groups;
      const counts = new Float64Array(groupCount);
      for (let p = 0; p < groupOf.length; ++p) counts[groupOf[p]!]! += 1;
      this.#rows = counts;
    }
    return this.#rows;
  }

  /** Per-group sum and count of the non-null numbers of `measure.of`, side by side: `[sum0, count0, sum1, …]`. */
  moments(measure: MeasureNode, step: string): Float64Array {
    const key = formatExpr(measure.of!);
    let found = this.#moments.get(key);
    if (found === undefined) {
      const values = numbersOf(this.vector(measure, step), step, measure);
      const { groupOf, groupCount } = this.groups;
      found = new Float64Array(2 * groupCount);
      if (values !== undefined) {
        for (let p = 0; p < groupOf.length; ++p) {
          const x = values[p]!;
          if (Number.isNaN(x)) continue;
          const at = 2 * groupOf[p]!;
          found[at]! += x;
          found[at + 1]! += 1;
        }
      }
      this.#moments.set(key, found);
    }
    return found;
  }

  /**
   * Per-group min and max of the numbers `values` (of `measure.of`), side by side: `[min0, max0, min1, …]`,
   * NaN for a group without a number; the first of equal values (0, -0) kept (`measureColumn` gives a zero as 0).
   */
  extremes(measure: MeasureNode, values: Float64Array): Float64Array {
    const key = formatExpr(measure.of!);
    let found = this.#extremes.get(key);
    if (found === undefined) {
      const { groupOf, groupCount } = this.groups;
      found = new Float64Array(2 * groupCount).fill(Number.NaN);
      for (let p = 0; p < groupOf.length; ++p) {
        const x = values[p]!;
        if (Number.isNaN(x)) continue;
        const at = 2 * groupOf[p]!;
        const lo = found[at]!;
        if (Number.isNaN(lo)) {
          found[at] = x;
          found[at + 1] = x;
        } else if (x < lo) found[at] = x;
        else if (x > found[at + 1]!) found[at + 1] = x;
      }
      this.#extremes.set(key, found);
    }
    return found;
  }
}

/** Every other value of `pairs`, from `offset`: one half of a side-by-side array of {@link MeasureCache}. */
function half(pairs: Float64Array, offset: 0 | 1): Float64Array {
  const out = new Float64Array(pairs.length / 2);
  for (let g = 0; g < out.length; ++g) out[g] = pairs[2 * g + offset]!;
  return out;
}

/**
 * One measure over each group: a column of `groups.groupCount` values, group by group. Nulls are skipped by
 * every function but `count()` (rows), `first` and `last` (the value on the group's first or last row).
 */
export function measureColumn(
  measure: MeasureNode,
  cache: MeasureCache,
  step: string,
): Float64Array | unknown[] {
  const { groupOf, groupCount } = cache.groups;
  const n = groupOf.length;
  if (measure.of === undefined) return cache.rowCounts().slice();
  const v = cache.vector(measure, step);
  switch (measure.fn) {
    case "count": {
      const counts = new Float64Array(groupCount);
      for (let p = 0; p < n; ++p) if (!isNullAt(v, p)) counts[groupOf[p]!]! += 1;
      return counts;
    }
    case "sum":
    case "mean": {
      const pairs = cache.moments(measure, step);
      const out = new Float64Array(groupCount);
      for (let g = 0; g < groupCount; ++g) {
        const count = pairs[2 * g + 1]!;
        out[g] = count === 0 ? Number.NaN : measure.fn === "sum" ? pairs[2 * g]! : pairs[2 * g]! / count;
      }
      return vectorToColumn({ kind: "number", values: out }, groupCount);
    }
    case "stddev": {
      const values = numbersOf(v, step, measure);
      const out =
        values === undefined
          ? new Float64Array(groupCount).fill(Number.NaN)
          : groupStddev(values, groupOf, groupCount);
      return vectorToColumn({ kind: "number", values: out }, groupCount);
    }
    case "median":
    case "quantile": {
      const values = numbersOf(v, step, measure);
      const q = measure.fn === "median" ? "median" : (measure.q ?? Number.NaN);
      const out =
        values === undefined
          ? new Float64Array(groupCount).fill(Number.NaN)
          : groupQuantile(values, groupOf, groupCount, q);
      return vectorToColumn({ kind: "number", values: out }, groupCount);
    }
    case "min":
    case "max": {
      if (v.kind === "number") {
        // a min or max is a value, in which -0 and 0 are one number: 0, as the engines give it (a parallel
        // aggregate's zero has the sign of whichever partial state came first)
        const best = withoutNegativeZeros(
          half(cache.extremes(measure, v.values), measure.fn === "min" ? 0 : 1),
        );
        return vectorToColumn({ kind: "number", values: best }, groupCount);
      }
      const best: (number | string | boolean | null)[] = new Array(groupCount).fill(null);
      const sign = measure.fn === "min" ? 1 : -1;
      for (let p = 0; p < n; ++p) {
        const x = valueAt(v, p);
        if (x === null) continue;
        const g = groupOf[p]!;
        const current = best[g]!;
        if (current === null || sign * compareValues(x, current) < 0) best[g] = x;
      }
      return finish(best, v);
    }
    case "first":
    case "last": {
      const out: (number | string | boolean | null)[] = new Array(groupCount).fill(null);
      const seen = new Uint8Array(groupCount);
      for (let p = 0; p < n; ++p) {
        const g = groupOf[p]!;
        if (measure.fn === "first" && seen[g] === 1) continue;
        seen[g] = 1;
        out[g] = valueAt(v, p);
      }
      return finish(out, v);
    }
    case "countDistinct": {
      // Distinct (group, value) pairs, hashed on typed arrays like the groups themselves.
      const values = Array.from({ length: n }, (_, p) => valueAt(v, p));
      const rows = Uint32Array.from({ length: n }, (_, p) => p);
      const pairs = groupRows([Float64Array.from(groupOf), values], rows);
      const counts = new Float64Array(groupCount);
      for (const p of pairs.firstPosition) if (values[p] !== null) counts[groupOf[p]!]! += 1;
      return counts;
    }
  }
}

function finish(values: (number | string | boolean | null)[], kind: Vector): Float64Array | unknown[] {
  if (kind.kind === "number" && values.every((x) => x !== null)) return Float64Array.from(values as number[]);
  return values;
}
