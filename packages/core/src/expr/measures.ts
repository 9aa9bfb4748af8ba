import { toExpr } from "./build";
import type { ExprInput, ExprNode, References, RefsOf } from "./nodes";

/** The aggregate functions of a measure. */
export type MeasureFn =
  | "count"
  | "sum"
  | "mean"
  | "min"
  | "max"
  | "countDistinct"
  | "first"
  | "last"
  | "stddev";

/** A measure: an aggregate function of an expression over the rows of a group (`count()` has none). */
export interface MeasureNode {
  readonly fn: MeasureFn;
  readonly of?: ExprNode;
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
