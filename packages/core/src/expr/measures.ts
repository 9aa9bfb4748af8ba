import { toExpr } from "./build";
import type { ExprInput, ExprNode, References, RefsOf } from "./nodes";

/** The aggregate functions of a measure, each once (the param check takes its list from here). */
export const MEASURE_FNS = [
  "count",
  "sum",
  "mean",
  "min",
  "max",
  "countDistinct",
  "first",
  "last",
  "stddev",
  "median",
  "quantile",
] as const;

/** The aggregate functions of a measure. */
export type MeasureFn = (typeof MEASURE_FNS)[number];

const FLOAT_MEASURE_FNS = ["mean", "stddev", "median", "quantile"] as const satisfies readonly MeasureFn[];

/** The aggregate functions whose value is a float whatever they measure (a time stamp's mean too). */
export type FloatMeasureFn = (typeof FLOAT_MEASURE_FNS)[number];

/** The measures whose value is a float whatever they measure. */
export const FLOAT_MEASURES: ReadonlySet<MeasureFn> = new Set(FLOAT_MEASURE_FNS);

/** A measure: an aggregate function of an expression over the rows of a group (`count()` has none). */
export interface MeasureNode {
  readonly fn: MeasureFn;
  readonly of?: ExprNode;
  /** `quantile`'s fraction, from 0 to 1. */
  readonly q?: number;
}

/** A measure that carries, in types only, the columns its expression references. */
export type Measure<C extends string = string> = MeasureNode & References<C>;

function measure<A extends ExprInput>(fn: MeasureFn, of: A): Measure<RefsOf<A>> {
  return { fn, of: toExpr(of) };
}

/** The number of rows; with an expression, the number of rows where it is not null (SQL `COUNT`). */
export function count(): Measure<never>;
export function count<A extends ExprInput>(of: A): Measure<RefsOf<A>>;
export function count(of?: ExprInput): Measure {
  return of === undefined ? { fn: "count" } : { fn: "count", of: toExpr(of) };
}
/** The sum of the non-null values, added in row order (the same float on every engine); null when there are none (SQL `SUM`). */
export const sum = <A extends ExprInput>(of: A) => measure("sum", of);
/** The mean of the non-null values (their sum in row order divided by their count); null when there are none. */
export const mean = <A extends ExprInput>(of: A) => measure("mean", of);
/** The smallest non-null value (numbers, time stamps or strings by code unit); null when there are none. */
export const min = <A extends ExprInput>(of: A) => measure("min", of);
/** The largest non-null value; null when there are none. */
export const max = <A extends ExprInput>(of: A) => measure("max", of);
/** The number of distinct non-null values (SQL `COUNT(DISTINCT x)`). */
export const countDistinct = <A extends ExprInput>(of: A) => measure("countDistinct", of);
/** The value on the group's first row in input order, null included. */
export const first = <A extends ExprInput>(of: A) => measure("first", of);
/** The value on the group's last row in input order, null included. */
export const last = <A extends ExprInput>(of: A) => measure("last", of);
/** The sample standard deviation of the non-null values (two passes in row order: the same float on every engine); null for fewer than two or an infinity. */
export const stddev = <A extends ExprInput>(of: A) => measure("stddev", of);
/**
 * The middle of the non-null numbers (time stamps: their epoch milliseconds), or the mean of the two middle ones
 * (`(a + b) / 2`, as pandas' and NumPy's `median`); null when there are none. A float; a zero is `0`.
 * @example aggregate(orders, { by: ["customer"], measures: { typical: median(col("amount")) } })
 */
export const median = <A extends ExprInput>(of: A) => measure("median", of);

/**
 * The `q` quantile (0 ≤ q ≤ 1) of the non-null numbers (time stamps: their epoch milliseconds), interpolated
 * linearly as NumPy's and pandas' default: sorted, the value at position `(n - 1) × q` from 0, between two values
 * `a + (b - a) × t` (`b - (b - a) × (1 - t)` from `t` = 0.5 on, NumPy's formula); null when there are none.
 * A float; a zero is `0`.
 * @example aggregate(trips, { by: ["zone"], measures: { p90: quantile(col("fare"), 0.9) } })
 */
export function quantile<A extends ExprInput>(of: A, q: number): Measure<RefsOf<A>> {
  if (!isQuantileFraction(q))
    throw new RangeError(`quantile: q must be a number from 0 to 1; got ${String(q)}`);
  return { fn: "quantile", of: toExpr(of), q };
}

/** Whether `q` is a fraction `quantile` takes: a number from 0 to 1 (NaN is not). */
export function isQuantileFraction(q: unknown): q is number {
  return typeof q === "number" && q >= 0 && q <= 1;
}
