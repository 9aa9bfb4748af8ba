import { ExpressionError, formatExpr, type MeasureNode } from "@tablepipe/core";
import {
  type ExpressionInput,
  evaluateExpression,
  NULL_BOOL,
  type Vector,
  vectorToColumn,
} from "@tablepipe/core/internal";
import { groupRows, type RowGroups } from "./row-groups";
import { compareValues } from "./values";

function isNullAt(v: Vector, i: number): boolean {
  if (v.kind === "null") return true;
  if (v.kind === "number") return Number.isNaN(v.values[i]!);
  if (v.kind === "boolean") return v.values[i] === NULL_BOOL;
  return v.values[i] === null;
}

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
      `${measure.fn}(${formatExpr(measure.of!)})`,
      `expected numbers, got ${v.kind}s`,
    );
  }
  return v.values;
}

/** Per-group sums, counts and sums of squares of the non-null numbers. */
function moments(values: Float64Array | undefined, groups: RowGroups) {
  const { groupOf, groupCount } = groups;
  const sums = new Float64Array(groupCount);
  const counts = new Float64Array(groupCount);
  if (values !== undefined) {
    for (let p = 0; p < groupOf.length; ++p) {
      const x = values[p]!;
      if (Number.isNaN(x)) continue;
      const g = groupOf[p]!;
      sums[g]! += x;
      counts[g]! += 1;
    }
  }
  return { sums, counts };
}

/**
 * One measure over each group: a column of `groups.groupCount` values, group by group. Nulls are skipped by
 * every function but `count()` (rows), `first` and `last` (the value on the group's first or last row).
 */
export function measureColumn(
  measure: MeasureNode,
  input: ExpressionInput,
  groups: RowGroups,
  step: string,
): Float64Array | unknown[] {
  const { groupOf, groupCount } = groups;
  const n = groupOf.length;
  if (measure.of === undefined) {
    const counts = new Float64Array(groupCount);
    for (let p = 0; p < n; ++p) counts[groupOf[p]!]! += 1;
    return counts;
  }
  const v = evaluateExpression(measure.of, input, step);
  switch (measure.fn) {
    case "count": {
      const counts = new Float64Array(groupCount);
      for (let p = 0; p < n; ++p) if (!isNullAt(v, p)) counts[groupOf[p]!]! += 1;
      return counts;
    }
    case "sum":
    case "mean": {
      const { sums, counts } = moments(numbersOf(v, step, measure), groups);
      const out = measure.fn === "sum" ? sums : sums.map((s, g) => s / counts[g]!);
      return vectorToColumn(
        { kind: "number", values: out.map((x, g) => (counts[g] === 0 ? Number.NaN : x)) },
        groupCount,
      );
    }
    case "stddev": {
      const values = numbersOf(v, step, measure);
      const { sums, counts } = moments(values, groups);
      const squares = new Float64Array(groupCount);
      if (values !== undefined) {
        for (let p = 0; p < n; ++p) {
          const x = values[p]!;
          if (Number.isNaN(x)) continue;
          const g = groupOf[p]!;
          const d = x - sums[g]! / counts[g]!;
          squares[g]! += d * d;
        }
      }
      const out = squares.map((s, g) => (counts[g]! < 2 ? Number.NaN : Math.sqrt(s / (counts[g]! - 1))));
      return vectorToColumn({ kind: "number", values: out }, groupCount);
    }
    case "min":
    case "max": {
      if (v.kind === "number") return extremeNumbers(v.values, groups, measure.fn === "min");
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

/** Per-group min or max of a number column, missing (NaN) skipped; the first of equal values (0, -0) kept. */
function extremeNumbers(values: Float64Array, groups: RowGroups, min: boolean): Float64Array | unknown[] {
  const { groupOf, groupCount } = groups;
  const best = new Float64Array(groupCount).fill(Number.NaN);
  for (let p = 0; p < groupOf.length; ++p) {
    const x = values[p]!;
    if (Number.isNaN(x)) continue;
    const g = groupOf[p]!;
    const current = best[g]!;
    if (Number.isNaN(current) || (min ? x < current : x > current)) best[g] = x;
  }
  return vectorToColumn({ kind: "number", values: best }, groupCount);
}

function finish(values: (number | string | boolean | null)[], kind: Vector): Float64Array | unknown[] {
  if (kind.kind === "number" && values.every((x) => x !== null)) return Float64Array.from(values as number[]);
  return values;
}
