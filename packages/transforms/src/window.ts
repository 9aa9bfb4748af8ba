import {
  type ColumnType,
  col,
  defineTransform,
  type ExprColumns,
  ExpressionError,
  exprColumns,
  expressionType,
  formatExpr,
  needsEach,
  type StaticContract,
  type TableSchema,
  withStaticContract,
} from "@tablepipe/core";
import {
  type ExpressionInput,
  evaluateExpression,
  isNullAt,
  keepsLargest,
  markBuiltIn,
  meansNumbers,
  rollingExtreme,
  sameValue,
  sumsNumbers,
  type Vector,
  vectorToColumn,
} from "@tablepipe/core/internal";
import * as z from "zod";
import { columnValues } from "./internal/columns";
import { expressionInput } from "./internal/expression-input";
import { type FrameBounds, rangeFrameBounds, rowFrameBounds } from "./internal/frame-bounds";
import { rollingExtremes } from "./internal/rolling-extremes";
import { rollingFrames } from "./internal/rolling-frames";
import { groupRows } from "./internal/row-groups";
import { assignColumns, visibleRows } from "./internal/rows";
import { sortedPositions } from "./internal/sorted-positions";
import { frameText, rangeFrame, type WindowFunctionNode, windowFunctionParam } from "./window-functions";

/** The columns of `window`: it needs its expressions' columns and adds (or overwrites) the named ones. */
export interface WindowColumns extends StaticContract {
  needs: ExprColumns<this["params"]>;
  adds: this["params"] extends { columns: infer M } ? keyof M & string : never;
  removes: never;
}

/**
 * The type of a window column: row numbers and ranks are ints, lag/lead the input's (nullable: null past the
 * partition's edge), `fillForward` and `fillBackward` the input's (nullable where the input is: null until a value
 * is seen, or after the last one), sums
 * numbers (an int's an int), means floats, a rolling min/max the input's. A sum or mean
 * is nullable when its input is (null until a value is seen, or over a frame of nulls) or is a float (+Infinity
 * and -Infinity give NaN, a missing value); of ints or time stamps, finite values, it never is NaN. A rolling
 * min/max is nullable when its input is (its frame always holds the row itself).
 */
function windowType(f: WindowFunctionNode, input: TableSchema): ColumnType {
  if (f.fn === "rowNumber" || f.fn === "rank" || f.fn === "denseRank" || f.fn === "ntile") {
    return { type: "int", nullable: false };
  }
  if (f.fn === "percentRank") return { type: "float", nullable: false };
  const of = f.of === undefined ? undefined : expressionType(f.of, input);
  if (of === undefined || of.type === "unknown") return { type: "unknown", nullable: true };
  if (sumsNumbers(f)) {
    const type = of.type === "int" && !meansNumbers(f) ? "int" : "float";
    return { type, nullable: of.nullable || of.type === "float" };
  }
  const keepsNulls = rollingExtreme(f) || f.fn === "fillForward" || f.fn === "fillBackward";
  return { type: of.type, nullable: keepsNulls ? of.nullable : true };
}

interface Ordered {
  /** Positions (indices into the visible rows), partition by partition, each in order. */
  readonly sorted: Uint32Array;
  /** Where each partition starts in `sorted` (length partitions + 1). */
  readonly start: Int32Array;
  /** The frames of a rolling function's `{ range }`, by the one orderBy column; `step` names it in an error. */
  readonly rangeBounds: (fn: WindowFunctionNode, step: string) => FrameBounds;
}

/** `values[from[i]]` for each position, `-1` giving null: a gather of a vector. */
function gatherVector(v: Vector, from: Int32Array): Vector {
  switch (v.kind) {
    case "null":
      return v;
    case "number":
      return { kind: "number", values: Float64Array.from(from, (p) => (p < 0 ? Number.NaN : v.values[p]!)) };
    case "boolean":
      return { kind: "boolean", values: Uint8Array.from(from, (p) => (p < 0 ? 2 : v.values[p]!)) };
    case "string":
      return { kind: "string", values: Array.from(from, (p) => (p < 0 ? null : v.values[p]!)) };
  }
}

/**
 * The numbers a sum, mean or rolling min/max reads (time stamps are numbers here; a column of nulls reads as all
 * missing), or the step's error naming the call and what it `expected`.
 */
function numbersOf(
  fn: WindowFunctionNode,
  value: Vector,
  n: number,
  step: string,
  expected: string,
): Float64Array {
  if (value.kind === "number") return value.values;
  if (value.kind === "null") return new Float64Array(n).fill(Number.NaN);
  const frame = fn.rows === undefined && fn.range === undefined ? "" : `, ${frameText(fn)}`;
  const call = `${formatExpr(fn.of!)}${frame}`;
  throw new ExpressionError(step, `${fn.fn}(${call})`, `expected ${expected}, got ${value.kind}s`);
}

/**
 * The order values a range frame measures, by position: the one `orderBy` column's numbers (time stamps and
 * dates as epoch milliseconds), missing as NaN; an error naming the call when there is not exactly one orderBy
 * column, or it is not numbers.
 */
function rangeKeys(input: ExpressionInput, order: readonly string[], call: string): Float64Array {
  const name = order.length === 1 ? order[0]! : undefined;
  if (name === undefined) {
    const got = order.length === 0 ? "none" : order.map((column) => `"${column}"`).join(", ");
    throw new TypeError(
      `${call}: a range frame measures one orderBy column (numbers, dates or time stamps); got ${got}`,
    );
  }
  const keys = evaluateExpression(col(name), input, call);
  if (keys.kind === "number") return keys.values;
  if (keys.kind === "null") return new Float64Array(input.rowCount).fill(Number.NaN);
  throw new TypeError(
    `${call}: a range frame measures its orderBy column "${name}": expected numbers, dates or time stamps, got ${keys.kind}s`,
  );
}

/**
 * Each row's `ntile` bucket: its partition's rows in order dealt into `buckets` groups, the first `size % buckets`
 * of them one row larger (SQL's `NTILE`); a partition of fewer rows than buckets gives 1, 2, 3, ...
 */
function ntileColumn({ sorted, start }: Ordered, buckets: number): Float64Array {
  const out = new Float64Array(sorted.length);
  for (let g = 0; g + 1 < start.length; ++g) {
    const size = start[g + 1]! - start[g]!;
    const small = Math.floor(size / buckets);
    const larger = size % buckets;
    // the first `larger` buckets hold `small + 1` rows, the rest `small`
    const inLarger = larger * (small + 1);
    for (let j = 0; j < size; ++j) {
      const bucket = j < inLarger ? Math.floor(j / (small + 1)) : larger + Math.floor((j - inLarger) / small);
      out[sorted[start[g]! + j]!] = bucket + 1;
    }
  }
  return out;
}

/**
 * Each position's source for a fill: the nearest position, in its partition's order, up to it (or from it on,
 * `backward`) whose value is not missing; -1 where there is none.
 */
function filledFrom({ sorted, start }: Ordered, value: Vector, backward: boolean): Int32Array {
  const from = new Int32Array(sorted.length);
  for (let g = 0; g + 1 < start.length; ++g) {
    const size = start[g + 1]! - start[g]!;
    let seen = -1;
    for (let j = 0; j < size; ++j) {
      const k = backward ? start[g + 1]! - 1 - j : start[g]! + j;
      if (!isNullAt(value, sorted[k]!)) seen = sorted[k]!;
      from[sorted[k]!] = seen;
    }
  }
  return from;
}

function windowColumn(
  fn: WindowFunctionNode,
  ordered: Ordered,
  value: Vector | undefined,
  peers: (a: number, b: number) => boolean,
  step: string,
): Float64Array | unknown[] {
  const { sorted, start } = ordered;
  const n = sorted.length;
  const out = new Float64Array(n);
  if (fn.fn === "fillForward" || fn.fn === "fillBackward") {
    return vectorToColumn(gatherVector(value!, filledFrom(ordered, value!, fn.fn === "fillBackward")), n);
  }
  if (fn.fn === "lag" || fn.fn === "lead") {
    const from = new Int32Array(n);
    const shift = fn.fn === "lag" ? -(fn.offset ?? 1) : (fn.offset ?? 1);
    for (let g = 0; g + 1 < start.length; ++g) {
      for (let k = start[g]!; k < start[g + 1]!; ++k) {
        const at = k + shift;
        from[sorted[k]!] = at >= start[g]! && at < start[g + 1]! ? sorted[at]! : -1;
      }
    }
    return vectorToColumn(gatherVector(value!, from), n);
  }
  // a cumulative frame: every row of the partition up to the row
  const bounds = (): FrameBounds =>
    rangeFrame(fn) ? ordered.rangeBounds(fn, step) : rowFrameBounds(start, fn.rows ?? n);
  if (rollingExtreme(fn)) {
    const values = numbersOf(fn, value!, n, step, "numbers or time stamps");
    const extremes = rollingExtremes(values, sorted, start, bounds(), keepsLargest(fn));
    return vectorToColumn({ kind: "number", values: extremes }, n);
  }
  if (sumsNumbers(fn)) {
    const numbers = numbersOf(fn, value!, n, step, "numbers");
    if (fn.fn !== "cumulativeSum") {
      return vectorToColumn(
        { kind: "number", values: rollingFrames(numbers, sorted, start, bounds(), meansNumbers(fn)) },
        n,
      );
    }
    for (let g = 0; g + 1 < start.length; ++g) {
      // "no value seen yet" is kept apart from a computed NaN (Infinity + -Infinity), which stays
      // for the rest of the partition, as in arithmetic and SQL
      let sum = Number.NaN;
      let seen = false;
      for (let k = start[g]!; k < start[g + 1]!; ++k) {
        const x = numbers[sorted[k]!]!;
        if (!Number.isNaN(x)) {
          sum = seen ? sum + x : x;
          seen = true;
        }
        out[sorted[k]!] = sum;
      }
    }
    return vectorToColumn({ kind: "number", values: out }, n);
  }
  if (fn.fn === "ntile") return ntileColumn(ordered, fn.buckets!);
  for (let g = 0; g + 1 < start.length; ++g) {
    let current = 0;
    let distinct = 0;
    const size = start[g + 1]! - start[g]!;
    for (let k = start[g]!; k < start[g + 1]!; ++k) {
      const number = k - start[g]! + 1;
      if (fn.fn === "rowNumber" || k === start[g]! || !peers(sorted[k - 1]!, sorted[k]!)) {
        current = number;
        distinct++;
      }
      out[sorted[k]!] =
        fn.fn === "denseRank"
          ? distinct
          : fn.fn === "percentRank"
            ? size > 1
              ? (current - 1) / (size - 1)
              : 0
            : current;
    }
  }
  return out;
}

/**
 * Add columns computed over each row's partition in an order: SQL's window functions
 * (`f() OVER (PARTITION BY ... ORDER BY ...)`), with `rowNumber()`, `rank()`, `denseRank()`, `percentRank()`,
 * `ntile(n)`, `lag(expr, n)`, `lead(expr, n)`,
 * `cumulativeSum(expr)`, `cumulativeMean(expr)`, `cumulativeMin(expr)`, `cumulativeMax(expr)`, `fillForward(expr)`,
 * `fillBackward(expr)`, and
 * `rollingSum(expr, frame)`, `rollingMean(expr, frame)`,
 * `rollingMin(expr, frame)` and `rollingMax(expr, frame)` over the row and the `rows - 1` rows before it (a frame of
 * `rows`), or the rows whose one orderBy value lies within `range` before the row's (a frame of `{ range }`).
 *
 * - Partitions: equal values in every `partitionBy` column; missing values (null, undefined, NaN) form one
 *   partition, as in SQL; no `partitionBy` means one partition.
 * - Order: each `orderBy` column ascending (missing values first), or descending when listed in `descending`
 *   (the exact reverse: missing values last), as in `sortRows`. Ties are broken by every other column
 *   ascending, so `rowNumber`, `lag`, `lead`, the fills and the sums never depend on the input's order; `rank`
 *   gives rows equal in every `orderBy` column the same rank.
 * - Output: every row, in input order, with the new columns (each computed from the input's columns).
 *
 * Params: `partitionBy`, `orderBy`, `columns` (required), `descending` (default `[]`: the `orderBy` columns
 * to order descending).
 *
 * @example
 * window(orders, {
 *   partitionBy: ["customer_id"],
 *   orderBy: ["ordered_at"],
 *   columns: { nth: rowNumber(), previous: lag(col("amount")), spent: cumulativeSum(col("amount")) },
 * });
 */
export const window = withStaticContract<WindowColumns>()(
  defineTransform({
    name: "window",
    description:
      "Add columns computed over each row's partition in an order (row number, rank, dense and percent rank, ntile, lag, lead, fill forward and backward, running and rolling sums, running and rolling min and max).",
    columns: { partitionBy: needsEach(), orderBy: needsEach(), descending: needsEach([]) },
    params: z.object({
      columns: z
        .record(z.string().min(1, "expected a non-empty column name"), windowFunctionParam())
        .describe("The new columns: { name: window function }."),
    }),
    contract: ({ columns }) => ({
      needs: [
        ...new Set(Object.values(columns).flatMap((f) => (f.of === undefined ? [] : exprColumns(f.of)))),
      ],
      adds: Object.keys(columns),
      // like derive, window overwrites a column it is asked to compute (documented in semantics.md)
      replaces: Object.keys(columns),
    }),
    types: ({ columns }, input) =>
      Object.fromEntries(Object.entries(columns).map(([name, f]) => [name, windowType(f, input)])),
    apply: (table, { partitionBy, orderBy, descending, columns }) => {
      const order = [...new Set(orderBy)];
      const stray = descending.find((name) => !order.includes(name));
      if (stray !== undefined) {
        throw new TypeError(
          `window: param "descending": "${stray}" is not one of the orderBy columns (${order.join(", ")})`,
        );
      }
      const keys = [...new Set(partitionBy)];
      const rows = visibleRows(table);
      const groups = groupRows(
        keys.map((name) => columnValues(table, name)),
        rows,
      );
      const rest = table.columnNames().filter((name) => !keys.includes(name) && !order.includes(name));
      const { groupOf, groupCount } = groups;
      // by partition (its number, a column over the backing rows), then the order columns, then the rest
      const partition = new Float64Array(table.totalRows());
      for (let p = 0; p < rows.length; ++p) partition[rows[p]!] = groupOf[p]!;
      const sorted = sortedPositions(
        rows,
        [partition, ...[...order, ...rest].map((name) => columnValues(table, name))],
        [false, ...order.map((name) => descending.includes(name))],
      );
      const start = new Int32Array(groupCount + 1);
      for (let p = 0; p < rows.length; ++p) start[groupOf[p]! + 1]! += 1;
      for (let g = 0; g < groupCount; ++g) start[g + 1]! += start[g]!;
      const orderValues = order.map((name) => columnValues(table, name));
      const peers = (a: number, b: number): boolean =>
        orderValues.every((values) => sameValue(values[rows[a]!], values[rows[b]!]));
      const input = expressionInput(table, rows);
      // the orderBy column's values, read once for every range frame of the step
      let orderKeys: Float64Array | undefined;
      const rangeBounds = (f: WindowFunctionNode, step: string): FrameBounds => {
        orderKeys ??= rangeKeys(input, order, `${step}: ${f.fn}(${formatExpr(f.of!)}, ${frameText(f)})`);
        return rangeFrameBounds(orderKeys, sorted, start, f.range!, descending.includes(order[0]!));
      };
      const ordered: Ordered = { sorted, start, rangeBounds };
      const data: Record<string, Float64Array | unknown[]> = {};
      for (const [name, fn] of Object.entries(columns)) {
        const step = `window: column "${name}"`;
        const value = fn.of === undefined ? undefined : evaluateExpression(fn.of, input, step);
        data[name] = windowColumn(fn, ordered, value, peers, step);
      }
      return assignColumns(table, rows, data);
    },
  }),
);

markBuiltIn(window);
