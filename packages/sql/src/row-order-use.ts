/**
 * What a step's result owes to the order of its input rows. An engine that reads files in parallel can only
 * number their rows in file order on one core; when the compiled query's result is the same whatever order its
 * source rows come in, it need not number them at all (see {@link resultIgnoresRowOrder}).
 */
import type { PlannedStep } from "@tablepipe/core/internal";

/**
 * How a step uses its input's row order, as far as its rendering knows:
 * - `"keeps"`: each row on its own, in its order (a row-local step: a filter, a derive, an anti join);
 * - `"multiset"`: which rows it outputs does not depend on their order (a dedupe on every column, a first-N
 *   whose order ties only rows equal in every column);
 * - `"sorts"`: that, and it numbers its rows by their values alone, ties only between rows equal in every
 *   column (a sort that breaks ties by every column).
 * Unknown (undefined): the step may depend on the order in any way (a dedupe on some columns keeps the first).
 */
export type RowOrderUse = "keeps" | "multiset" | "sorts";

/** A step's use of row order: its rendering's word, else `"keeps"` for a primitive row-local step. */
export function rowOrderUseOf(step: PlannedStep, rendered: RowOrderUse | undefined): RowOrderUse | undefined {
  if (rendered !== undefined) return rendered;
  return step.transform.rowLocal && step.children.length === 0 ? "keeps" : undefined;
}

/**
 * Whether a query of these steps (in order) gives the same rows in the same order whatever order the source
 * rows come in: every step's use is known, one of them sorts, and only row-local steps follow the last sort.
 * Rows equal in every column may swap places, which no one can see. So do rows that differ only in a float's
 * sign of zero: a sort ties `0` and `-0`, as every engine's comparison of results does.
 * @example resultIgnoresRowOrder(["keeps", "multiset", "sorts"]) // true; ["keeps", "multiset"] // false
 */
export function resultIgnoresRowOrder(uses: readonly (RowOrderUse | undefined)[]): boolean {
  const lastSort = uses.lastIndexOf("sorts");
  if (lastSort < 0) return false;
  return uses.every((use, i) => use !== undefined && (i <= lastSort || use === "keeps"));
}
