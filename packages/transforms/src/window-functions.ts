import {
  describeValue,
  type ExprInput,
  type ExprNode,
  formatExpr,
  isExprNode,
  type References,
  type RefsOf,
  toExpr,
  type WindowFn,
  type WindowFunctionNode,
} from "@tablepipe/core";
import { isWholeAtLeast } from "@tablepipe/core/internal";
import * as z from "zod";

export type { WindowFn, WindowFunctionNode };

/** The window functions over a rolling frame of rows. */
type RollingFn = "rollingSum" | "rollingMean" | "rollingMin" | "rollingMax";

/**
 * A rolling frame: a number of rows (the row and the `rows - 1` before it), or `{ range }`, the rows whose one
 * `orderBy` column lies within `range` before the row's value (milliseconds for a time stamp).
 * @example rollingSum(col("amount"), 7) // this row and the 6 before it
 * @example rollingSum(col("amount"), { range: 7 * 86_400_000 }) // every row of the 7 days up to this one's time
 */
export type RollingFrame = number | { readonly range: number };

/**
 * The largest `lag`/`lead` offset and rolling frame, as `isWholeAtLeast` bounds them: the engines take a 32-bit int
 * (Spark fails on more, DuckDB and arquero do not).
 */
const MAX_WINDOW_OFFSET = 2 ** 31 - 1;

/** What is wrong with a `lag`/`lead` offset, or undefined when it is a whole number from 0 to the maximum. */
function offsetProblem(fn: "lag" | "lead", offset: unknown): string | undefined {
  if (isWholeAtLeast(offset, 0)) return undefined;
  const other = fn === "lag" ? "lead(...) for rows ahead" : "lag(...) for rows back";
  const what = fn === "lag" ? "the rows back" : "the rows ahead";
  return `expected a whole number >= 0 and <= ${MAX_WINDOW_OFFSET}, ${what} (${other})`;
}

/** What is wrong with a rolling frame's row count, or undefined when it is a whole number from 1 to the maximum. */
function rowsProblem(rows: unknown): string | undefined {
  if (isWholeAtLeast(rows, 1)) return undefined;
  return `expected a whole number >= 1 and <= ${MAX_WINDOW_OFFSET}, the rows of the frame (the row and those before it)`;
}

/** What is wrong with a range frame's width, or undefined when it is a finite number >= 0. */
function rangeProblem(range: unknown): string | undefined {
  if (typeof range === "number" && Number.isFinite(range) && range >= 0) return undefined;
  return "expected a finite number >= 0, how far before the row's orderBy value the frame reaches (milliseconds for a time stamp)";
}

/**
 * A rolling function's frame as it is written: its rows, or `{ range: n }`.
 * @example frameText({ range: 60 }) // "{ range: 60 }"
 */
export function frameText(fn: Pick<WindowFunctionNode, "rows" | "range">): string {
  return fn.range === undefined ? describeValue(fn.rows) : `{ range: ${describeValue(fn.range)} }`;
}

/** An object given as a rolling frame as it is written: `{ rows: 3 }`, `{}`; anything else as describeValue shows it. */
function writtenFrame(frame: unknown): string {
  if (typeof frame !== "object" || frame === null || Array.isArray(frame)) return describeValue(frame);
  const entries = Object.entries(frame).map(([key, value]) => `${key}: ${describeValue(value)}`);
  return entries.length === 0 ? "{}" : `{ ${entries.join(", ")} }`;
}

/**
 * The error for an object given as a rolling frame that is not `{ range }` alone (`{ rows: 3 }` in plain
 * JavaScript), or undefined for any other frame (a number's, or `{ range }`'s, are checked on their own).
 */
function frameShapeError(fn: RollingFn, node: ExprNode, frame: unknown): RangeError | undefined {
  if (typeof frame !== "object" || frame === null) return undefined;
  const keys = Array.isArray(frame) ? [] : Object.keys(frame);
  if (keys.length === 1 && keys[0] === "range") return undefined;
  const call = `${fn}(${formatExpr(node)}, `;
  const rows = (frame as { rows?: unknown }).rows;
  const hint =
    isWholeAtLeast(rows, 1) && !keys.includes("range")
      ? ` (for ${rows} rows, pass the number: ${call}${rows}))`
      : "";
  const written = writtenFrame(frame);
  return new RangeError(
    `${call}${written}): frame: expected a number of rows (the row and those before it) or { range } alone ` +
      `(how far before the row's orderBy value the frame reaches); got ${written}${hint}`,
  );
}

/** A rolling function with its frame checked at once, so a bad one is refused where it is written. */
function rolling<C extends string>(fn: RollingFn, of: ExprInput, frame: RollingFrame): WindowFunction<C> {
  const node = toExpr(of);
  const shapeError = frameShapeError(fn, node, frame);
  if (shapeError !== undefined) throw shapeError;
  const byRange = typeof frame === "object" && frame !== null;
  const [part, value, problem] = byRange
    ? (["range", frame.range, rangeProblem(frame.range)] as const)
    : (["rows", frame, rowsProblem(frame)] as const);
  if (problem !== undefined) {
    const written = frameText(byRange ? { range: frame.range } : { rows: frame });
    throw new RangeError(
      `${fn}(${formatExpr(node)}, ${written}): ${part}: ${problem}; got ${describeValue(value)}`,
    );
  }
  return byRange ? { fn, of: node, range: frame.range } : { fn, of: node, rows: frame };
}

/** True for a rolling function whose frame is a range of the order column's values (`{ range }`). */
export function rangeFrame(fn: WindowFunctionNode): boolean {
  return fn.range !== undefined;
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
 * The row's rank in its partition's order without gaps (SQL's `DENSE_RANK()`): rows equal in every `orderBy`
 * column share a rank, and the next rank is one more (1, 1, 2).
 * @example window(scores, { partitionBy: ["game"], orderBy: ["points"], descending: ["points"], columns: { level: denseRank() } })
 */
export function denseRank(): WindowFunction<never> {
  return { fn: "denseRank" };
}

/**
 * The row's relative rank in its partition, from 0 to 1 (SQL's `PERCENT_RANK()`): (rank - 1) / (rows - 1), 0 in a
 * partition of one row; rows equal in every `orderBy` column share it.
 * @example window(scores, { partitionBy: ["game"], orderBy: ["points"], columns: { share_below: percentRank() } })
 */
export function percentRank(): WindowFunction<never> {
  return { fn: "percentRank" };
}

/** What is wrong with `ntile`'s buckets, or undefined when they are a whole number from 1 to the maximum. */
function bucketsProblem(buckets: unknown): string | undefined {
  if (isWholeAtLeast(buckets, 1)) return undefined;
  return `expected a whole number >= 1 and <= ${MAX_WINDOW_OFFSET}, the number of buckets`;
}

/**
 * The row's bucket, 1 to `buckets`, when its partition's rows in order (ties broken by the other columns, as
 * `rowNumber`) are dealt into `buckets` groups as equal as can be, the first ones one row larger (SQL's `NTILE`).
 * @example window(trips, { partitionBy: [], orderBy: ["fare_amount"], columns: { quartile: ntile(4) } })
 */
export function ntile(buckets: number): WindowFunction<never> {
  const problem = bucketsProblem(buckets);
  if (problem !== undefined) {
    throw new RangeError(
      `ntile(${describeValue(buckets)}): buckets: ${problem}; got ${describeValue(buckets)}`,
    );
  }
  return { fn: "ntile", buckets };
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

/**
 * The running mean of a numeric expression over the partition's rows up to this one, in order, nulls skipped: the
 * running sum over the count of values so far (pandas' `expanding().mean()`); null while no value has been seen,
 * and from a sum of +Infinity and -Infinity (NaN) on; a float (SQL's `AVG(x) OVER (... ROWS UNBOUNDED PRECEDING)`).
 * @example window(orders, { partitionBy: ["customer_id"], orderBy: ["ordered_at"], columns: { usual: cumulativeMean(col("amount")) } })
 */
export function cumulativeMean<A extends ExprInput>(of: A): WindowFunction<RefsOf<A>> {
  return { fn: "cumulativeMean", of: toExpr(of) };
}

/**
 * The smallest value of a numeric or time-stamp expression over the partition's rows up to this one, in order:
 * the minimum so far, of its type (an int's an int), nulls skipped; null while no value has been seen; a zero is
 * `0`, never `-0` (SQL's `MIN(x) OVER (... ROWS UNBOUNDED PRECEDING)`).
 * @example window(prices, { partitionBy: ["symbol"], orderBy: ["day"], columns: { low_so_far: cumulativeMin(col("close")) } })
 */
export function cumulativeMin<A extends ExprInput>(of: A): WindowFunction<RefsOf<A>> {
  return { fn: "cumulativeMin", of: toExpr(of) };
}

/**
 * The largest value so far of a numeric or time-stamp expression (see {@link cumulativeMin}).
 * @example window(prices, { partitionBy: ["symbol"], orderBy: ["day"], columns: { high_so_far: cumulativeMax(col("close")) } })
 */
export function cumulativeMax<A extends ExprInput>(of: A): WindowFunction<RefsOf<A>> {
  return { fn: "cumulativeMax", of: toExpr(of) };
}

/**
 * The last value of an expression that is not null over the partition's rows up to this one, in order (pandas'
 * `ffill`, SQL's `LAST_VALUE(x IGNORE NULLS) OVER (... ROWS UNBOUNDED PRECEDING)`): a missing value is filled
 * with the one before it; null until a value is seen. Of any type, kept.
 * @example window(readings, { partitionBy: ["sensor"], orderBy: ["at"], columns: { level: fillForward(col("level")) } })
 */
export function fillForward<A extends ExprInput>(of: A): WindowFunction<RefsOf<A>> {
  return { fn: "fillForward", of: toExpr(of) };
}

/**
 * The next value of an expression that is not null over the partition's rows from this one on, in order (pandas'
 * `bfill`, SQL's `FIRST_VALUE(x IGNORE NULLS) OVER (... ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING)`): a
 * missing value is filled with the one after it; null after the last value. Of any type, kept.
 * @example window(readings, { partitionBy: ["sensor"], orderBy: ["at"], columns: { level: fillBackward(col("level")) } })
 */
export function fillBackward<A extends ExprInput>(of: A): WindowFunction<RefsOf<A>> {
  return { fn: "fillBackward", of: toExpr(of) };
}

/**
 * The sum of a numeric expression over a rolling frame: the row and the `rows - 1` rows before it in the
 * partition's order (fewer at the partition's start), or with `{ range }` the rows whose one `orderBy` column
 * lies within `range` before the row's value (its peers included: SQL's `RANGE` frame); nulls skipped; null
 * when the frame holds no value, or +Infinity and -Infinity (NaN). The values are added one after another in
 * order, frame by frame (SQL's `SUM(x) OVER (... ROWS BETWEEN rows - 1 PRECEDING AND CURRENT ROW)`), so a
 * partition holding a fraction costs up to a frame's rows of additions per row, as on Spark; one of whole
 * numbers keeps a running total, one addition per row.
 * @example window(sales, { partitionBy: ["store"], orderBy: ["day"], columns: { week: rollingSum(col("amount"), 7) } })
 * @example window(trips, { partitionBy: ["zone"], orderBy: ["at"], columns: { last_hour: rollingSum(col("fare"), { range: 3_600_000 }) } })
 */
export function rollingSum<A extends ExprInput>(of: A, frame: RollingFrame): WindowFunction<RefsOf<A>> {
  return rolling("rollingSum", of, frame);
}

/**
 * The mean of a numeric expression over a rolling frame (see {@link rollingSum}): the frame's sum over its count
 * of values, nulls skipped; null when the frame holds no value (SQL's `AVG(x) OVER (... ROWS BETWEEN ...)`).
 * @example window(sales, { partitionBy: ["store"], orderBy: ["day"], columns: { weekly: rollingMean(col("amount"), 7) } })
 */
export function rollingMean<A extends ExprInput>(of: A, frame: RollingFrame): WindowFunction<RefsOf<A>> {
  return rolling("rollingMean", of, frame);
}

/**
 * The smallest value of a numeric or time-stamp expression over a rolling frame (see {@link rollingSum}), of its
 * type (an int's an int), nulls skipped; null when the frame holds no value; a zero is `0`, never `-0` (SQL's
 * `MIN(x) OVER (... ROWS BETWEEN rows - 1 PRECEDING AND CURRENT ROW)`).
 * @example window(prices, { partitionBy: ["symbol"], orderBy: ["day"], columns: { low_5d: rollingMin(col("close"), 5) } })
 */
export function rollingMin<A extends ExprInput>(of: A, frame: RollingFrame): WindowFunction<RefsOf<A>> {
  return rolling("rollingMin", of, frame);
}

/**
 * The largest value of a numeric or time-stamp expression over a rolling frame (see {@link rollingMin}).
 * @example window(prices, { partitionBy: ["symbol"], orderBy: ["day"], columns: { high_5d: rollingMax(col("close"), 5) } })
 */
export function rollingMax<A extends ExprInput>(of: A, frame: RollingFrame): WindowFunction<RefsOf<A>> {
  return rolling("rollingMax", of, frame);
}

const WITHOUT_EXPRESSION = new Set<unknown>(["rowNumber", "rank", "denseRank", "percentRank", "ntile"]);
const SHIFTS = new Set<unknown>(["lag", "lead"]);
const ROLLING = new Set<unknown>(["rollingSum", "rollingMean", "rollingMin", "rollingMax"]);

/** Whether a value is a window function's node, whatever its offset or rows (checked on their own, to name them). */
function isWindowFunction(value: unknown): boolean {
  if (typeof value !== "object" || value === null) return false;
  const { fn, of, offset, rows, range, buckets } = value as Record<string, unknown>;
  if (buckets !== undefined && fn !== "ntile") return false;
  if (WITHOUT_EXPRESSION.has(fn)) {
    const plain = of === undefined && offset === undefined && rows === undefined && range === undefined;
    return plain && (fn === "ntile") === (buckets !== undefined);
  }
  if (!isExprNode(of)) return false;
  if (SHIFTS.has(fn)) return rows === undefined && range === undefined;
  if (ROLLING.has(fn)) return offset === undefined && (rows === undefined) !== (range === undefined);
  const running =
    fn === "cumulativeSum" ||
    fn === "cumulativeMean" ||
    fn === "cumulativeMin" ||
    fn === "cumulativeMax" ||
    fn === "fillForward" ||
    fn === "fillBackward";
  return running && offset === undefined && rows === undefined && range === undefined;
}

/** A zod schema for a window function param; a `lag`/`lead` offset out of range is named as `<param>.offset`. */
export function windowFunctionParam() {
  return z
    .custom<WindowFunction>(isWindowFunction, {
      message:
        "expected a window function (rowNumber(), rank(), denseRank(), percentRank(), ntile(n), lag(col(...), n), lead(...), cumulativeSum(...), cumulativeMean(...), cumulativeMin(...), cumulativeMax(...), fillForward(...), fillBackward(...), rollingSum(col(...), rows or { range }), rollingMean(...), rollingMin(...), rollingMax(...))",
    })
    .superRefine((value, ctx) => {
      if (value.fn === "ntile") {
        const problem = bucketsProblem(value.buckets);
        if (problem !== undefined) ctx.addIssue({ code: "custom", message: problem, path: ["buckets"] });
        return;
      }
      if (ROLLING.has(value.fn)) {
        const byRange = value.range !== undefined;
        const problem = byRange ? rangeProblem(value.range) : rowsProblem(value.rows);
        const path = [byRange ? "range" : "rows"];
        if (problem !== undefined) ctx.addIssue({ code: "custom", message: problem, path });
        return;
      }
      if (value.fn !== "lag" && value.fn !== "lead") return;
      if (value.offset === undefined) return;
      const problem = offsetProblem(value.fn, value.offset);
      if (problem !== undefined) ctx.addIssue({ code: "custom", message: problem, path: ["offset"] });
    });
}
