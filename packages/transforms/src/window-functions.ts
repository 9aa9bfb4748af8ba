import {
  describeValue,
  type ExprInput,
  type ExprNode,
  formatExpr,
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
  /** How many rows back (`lag`) or ahead (`lead`): a whole number from 0 to 2^31 - 1. */
  readonly offset?: number;
}

/** The largest `lag`/`lead` offset: the engines take a 32-bit int (Spark fails on more, DuckDB and arquero do not). */
const MAX_WINDOW_OFFSET = 2 ** 31 - 1;

/** What is wrong with a `lag`/`lead` offset, or undefined when it is a whole number from 0 to the maximum. */
function offsetProblem(fn: "lag" | "lead", offset: unknown): string | undefined {
  if (typeof offset === "number" && Number.isInteger(offset) && offset >= 0 && offset <= MAX_WINDOW_OFFSET) {
    return undefined;
  }
  const other = fn === "lag" ? "lead(...) for rows ahead" : "lag(...) for rows back";
  const what = fn === "lag" ? "the rows back" : "the rows ahead";
  return `expected a whole number >= 0 and <= ${MAX_WINDOW_OFFSET}, ${what} (${other})`;
}

/** `lag`/`lead` with its offset checked at once, so a bad one is refused where it is written. */
function shifted<C extends string>(fn: "lag" | "lead", of: ExprInput, offset: number): WindowFunction<C> {
  const node = toExpr(of);
  const problem = offsetProblem(fn, offset);
  if (problem !== undefined) {
    throw new RangeError(
      `${fn}(${formatExpr(node)}, ${describeValue(offset)}): offset: ${problem}; got ${describeValue(offset)}`,
    );
  }
  return { fn, of: node, offset };
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
 * The value of an expression `offset` rows earlier in the partition's order (default 1, a whole number from 0
 * to 2^31 - 1: `lead` looks ahead); null on the first rows (SQL's `LAG`).
 * @example window(orders, { partitionBy: ["customer_id"], orderBy: ["ordered_at"], columns: { previous: lag(col("amount")) } })
 */
export function lag<A extends ExprInput>(of: A, offset = 1): WindowFunction<RefsOf<A>> {
  return shifted("lag", of, offset);
}

/**
 * The value of an expression `offset` rows later in the partition's order (default 1, a whole number from 0
 * to 2^31 - 1: `lag` looks back); null on the last rows (SQL's `LEAD`).
 * @example window(orders, { partitionBy: ["customer_id"], orderBy: ["ordered_at"], columns: { next: lead(col("ordered_at")) } })
 */
export function lead<A extends ExprInput>(of: A, offset = 1): WindowFunction<RefsOf<A>> {
  return shifted("lead", of, offset);
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

/** Whether a value is a window function's node, whatever its offset (checked on its own, to name it). */
function isWindowFunction(value: unknown): boolean {
  if (typeof value !== "object" || value === null) return false;
  const { fn, of, offset } = value as Record<string, unknown>;
  if (WITHOUT_EXPRESSION.has(fn)) return of === undefined && offset === undefined;
  if (!WITH_EXPRESSION.has(fn) || !isExprNode(of)) return false;
  return fn !== "cumulativeSum" || offset === undefined;
}

/** A zod schema for a window function param; a `lag`/`lead` offset out of range is named as `<param>.offset`. */
export function windowFunctionParam() {
  return z
    .custom<WindowFunction>(isWindowFunction, {
      message:
        "expected a window function (rowNumber(), rank(), lag(col(...), n), lead(...), cumulativeSum(...))",
    })
    .superRefine((value, ctx) => {
      if (value.fn !== "lag" && value.fn !== "lead") return;
      if (value.offset === undefined) return;
      const problem = offsetProblem(value.fn, value.offset);
      if (problem !== undefined) ctx.addIssue({ code: "custom", message: problem, path: ["offset"] });
    });
}
