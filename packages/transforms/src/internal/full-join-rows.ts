/**
 * The rows of a full join: a left join's rows (each left row with its matches, or alone), then the right rows
 * no left row matched, in the right's order, their key columns taken from the right.
 */

import type { ColumnValues } from "./columns";
import type { JoinMatches } from "./join-types";

/** The right rows (backing rows, in `rightRows`' order) that no pair of `matches` holds. */
export function unmatchedRightRows(
  matches: JoinMatches,
  rightRows: Uint32Array,
  rightSize: number,
): Uint32Array {
  const matched = new Uint8Array(rightSize);
  for (const row of matches.right) if (row >= 0) matched[row] = 1;
  return rightRows.filter((row) => matched[row] === 0);
}

/**
 * One output column of `matches` then `unmatched` rows: the left side's values at the matched pairs' left rows,
 * then, on the unmatched right rows, the right side's values (a key column) or nulls (`right` undefined). A
 * column of numbers without a null stays a Float64Array.
 */
export function fullJoinColumn(
  left: ColumnValues,
  matches: JoinMatches,
  right: ColumnValues | undefined,
  unmatched: Uint32Array,
): Float64Array | unknown[] {
  const n = matches.left.length + unmatched.length;
  const typed = left instanceof Float64Array && (unmatched.length === 0 || right instanceof Float64Array);
  const out = typed ? new Float64Array(n) : new Array<unknown>(n);
  for (let i = 0; i < matches.left.length; ++i) out[i] = left[matches.left[i]!];
  const at = matches.left.length;
  for (let j = 0; j < unmatched.length; ++j) out[at + j] = right === undefined ? null : right[unmatched[j]!];
  return out;
}

/** The right's rows of a full join's output: the matched pairs' (-1 where a left row is alone), then `unmatched`. */
export function fullJoinRightRows(matches: JoinMatches, unmatched: Uint32Array): Int32Array {
  const out = new Int32Array(matches.right.length + unmatched.length);
  out.set(matches.right);
  out.set(unmatched, matches.right.length);
  return out;
}
