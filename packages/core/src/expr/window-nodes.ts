/**
 * The shape of a window function (`@tablepipe/transforms`' `rowNumber`, `lag`, `rollingSum`, ...) and what kind of
 * frame it reads: one definition for the in-process `window` and the SQL renderings of every engine.
 */
import type { ExprNode } from "./nodes";

/** The functions of a window column. */
export type WindowFn =
  | "rowNumber"
  | "rank"
  | "denseRank"
  | "percentRank"
  | "ntile"
  | "lag"
  | "lead"
  | "cumulativeSum"
  | "cumulativeMean"
  | "cumulativeMin"
  | "cumulativeMax"
  | "fillForward"
  | "fillBackward"
  | "rollingSum"
  | "rollingMean"
  | "rollingMin"
  | "rollingMax";

/** A window function: what a column of `window` computes over its partition's rows, in their order. */
export interface WindowFunctionNode {
  readonly fn: WindowFn;
  /** The expression `lag`, `lead`, the cumulative and rolling functions and the fills read (none for `rowNumber` and the ranks). */
  readonly of?: ExprNode;
  /** How many rows back (`lag`) or ahead (`lead`): a whole number from 0 to 2^31 - 1. */
  readonly offset?: number;
  /** The rows of a rolling frame (`rollingSum`, `rollingMean`, `rollingMin`, `rollingMax`): the row and the `rows - 1` before it, 1 to 2^31 - 1. */
  readonly rows?: number;
  /**
   * A rolling frame by value instead (SQL's `RANGE` frame): the rows whose one `orderBy` column lies within
   * `range` before the row's (its peers included), a finite number >= 0 in that column's unit (milliseconds for
   * a time stamp).
   */
  readonly range?: number;
  /** The buckets of `ntile`: a whole number from 1 to 2^31 - 1. */
  readonly buckets?: number;
}

/** True for the window functions that sum numbers: a running sum or mean, a rolling sum or mean. */
export function sumsNumbers(fn: Pick<WindowFunctionNode, "fn">): boolean {
  return (
    fn.fn === "cumulativeSum" ||
    fn.fn === "cumulativeMean" ||
    fn.fn === "rollingSum" ||
    fn.fn === "rollingMean"
  );
}

/** True for the window functions that give a mean: `cumulativeMean`, `rollingMean` (a float whatever they read). */
export function meansNumbers(fn: Pick<WindowFunctionNode, "fn">): boolean {
  return fn.fn === "cumulativeMean" || fn.fn === "rollingMean";
}

/**
 * True for the window functions over a frame's extremes: `rollingMin`, `rollingMax`, and `cumulativeMin`,
 * `cumulativeMax` (whose frame is the partition's rows up to the row).
 */
export function rollingExtreme(fn: Pick<WindowFunctionNode, "fn">): boolean {
  return (
    fn.fn === "rollingMin" || fn.fn === "rollingMax" || fn.fn === "cumulativeMin" || fn.fn === "cumulativeMax"
  );
}

/** True for the window functions that keep the largest value of their frame: `rollingMax`, `cumulativeMax`. */
export function keepsLargest(fn: Pick<WindowFunctionNode, "fn">): boolean {
  return fn.fn === "rollingMax" || fn.fn === "cumulativeMax";
}
