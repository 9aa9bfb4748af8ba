import {
  type ExprInput,
  type ExprNode,
  isExprNode,
  type References,
  type RefsOf,
  toExpr,
} from "@tablepipe/core";
import * as z from "zod";

/** The functions of a window column. */
export type WindowFn = "rowNumber" | "rank" | "lag" | "lead" | "cumulativeSum";

/** A window function: what a column of `window` computes over its partition's rows, in their order. */
export interface WindowFunctionNode {
  readonly fn: WindowFn;
  /** The expression `lag`, `lead` and `cumulativeSum` read (none for `rowNumber` and `rank`). */
  readonly of?: ExprNode;
  /** How many rows back (`lag`) or ahead (`lead`). */
  readonly offset?: number;
}

/** A window function that carries, in types only, the columns its expression references. */
export type WindowFunction<C extends string = string> = WindowFunctionNode & References<C>;

/**
 * The row's number in its partition's order, from 1 (SQL's `ROW_NUMBER()`); ties are broken by the other
 * columns, so it never depends on the input's order.
 * @example window(orders, { partitionBy: ["customer_id"], orderBy: ["ordered_at"], columns: { nth: rowNumber() } })
 */
export function rowNumber(): WindowFunction<never> {
  return { fn: "rowNumber" };
}

/**
 * The row's rank in its partition's order (SQL's `RANK()`): rows equal in every `orderBy` column share a
 * rank, and the next rank skips (1, 1, 3).
 * @example window(scores, { partitionBy: ["game"], orderBy: ["points"], descending: ["points"], columns: { place: rank() } })
 */
export function rank(): WindowFunction<never> {
  return { fn: "rank" };
}

/**
 * The value of an expression `offset` rows earlier in the partition's order (default 1); null on the first
 * rows (SQL's `LAG`).
 * @example window(orders, { partitionBy: ["customer_id"], orderBy: ["ordered_at"], columns: { previous: lag(col("amount")) } })
 */
export function lag<A extends ExprInput>(of: A, offset = 1): WindowFunction<RefsOf<A>> {
  return { fn: "lag", of: toExpr(of), offset };
}

/**
 * The value of an expression `offset` rows later in the partition's order (default 1); null on the last
 * rows (SQL's `LEAD`).
 * @example window(orders, { partitionBy: ["customer_id"], orderBy: ["ordered_at"], columns: { next: lead(col("ordered_at")) } })
 */
export function lead<A extends ExprInput>(of: A, offset = 1): WindowFunction<RefsOf<A>> {
  return { fn: "lead", of: toExpr(of), offset };
}

/**
 * The running sum of a numeric expression over the partition's rows up to this one, in order, nulls skipped;
 * null while no value has been seen, and from a sum of +Infinity and -Infinity (NaN) on (SQL's
 * `SUM(x) OVER (... ROWS UNBOUNDED PRECEDING)`).
 * @example window(orders, { partitionBy: ["customer_id"], orderBy: ["ordered_at"], columns: { spent: cumulativeSum(col("amount")) } })
 */
export function cumulativeSum<A extends ExprInput>(of: A): WindowFunction<RefsOf<A>> {
  return { fn: "cumulativeSum", of: toExpr(of) };
}

const WITHOUT_EXPRESSION = new Set<unknown>(["rowNumber", "rank"]);
const WITH_EXPRESSION = new Set<unknown>(["lag", "lead", "cumulativeSum"]);

function isWindowFunction(value: unknown): boolean {
  if (typeof value !== "object" || value === null) return false;
  const { fn, of, offset } = value as Record<string, unknown>;
  if (WITHOUT_EXPRESSION.has(fn)) return of === undefined && offset === undefined;
  if (!WITH_EXPRESSION.has(fn) || !isExprNode(of)) return false;
  if (fn === "cumulativeSum") return offset === undefined;
  return typeof offset === "number" && Number.isInteger(offset) && offset >= 0;
}

/** A zod schema for a window function param. */
export function windowFunctionParam() {
  return z.custom<WindowFunction>(isWindowFunction, {
    message:
      "expected a window function (rowNumber(), rank(), lag(col(...), n), lead(...), cumulativeSum(...))",
  });
}
