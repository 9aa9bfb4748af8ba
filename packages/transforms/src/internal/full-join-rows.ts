/**
 * The rows of a full join: a left join's rows (each left row with its matches, or alone), then the right rows
 * no left row matched, in the right's order, their key columns taken from the right; and of a right join.
 */

import type { ColumnValues } from "./columns";
import type { JoinMatches } from "./join-types";

/** The left's and the right's backing row of each output row (-1: none). */
export interface FullJoinRows {
  readonly left: Int32Array;
  readonly right: Int32Array;
}

/**
 * The rows of a full join: the pairs of a left join's `matches`, then the right rows (of `rightRows`, in its
 * order; `rightSize` backing rows) that no pair holds, without a left row.
 */
export function fullJoinRows(matches: JoinMatches, rightRows: Uint32Array, rightSize: number): FullJoinRows {
  const matched = new Uint8Array(rightSize);
  for (const row of matches.right) if (row >= 0) matched[row] = 1;
  const unmatched = rightRows.filter((row) => matched[row] === 0);
  const pairs = matches.left.length;
  const left = new Int32Array(pairs + unmatched.length).fill(-1);
  left.set(matches.left);
  const right = new Int32Array(pairs + unmatched.length);
  right.set(matches.right);
  right.set(unmatched, pairs);
  return { left, right };
}

/**
 * The rows of a right join: a full join's `rows` without those of a left row no right row matched (every
 * row has a right row: the pairs in the left's order, then the unmatched right rows in the right's).
 */
export function rightJoinRows(rows: FullJoinRows): FullJoinRows {
  let count = 0;
  for (let i = 0; i < rows.right.length; ++i) if (rows.right[i]! >= 0) count++;
  const left = new Int32Array(count);
  const right = new Int32Array(count);
  let at = 0;
  for (let i = 0; i < rows.right.length; ++i) {
    if (rows.right[i]! < 0) continue;
    left[at] = rows.left[i]!;
    right[at++] = rows.right[i]!;
  }
  return { left, right };
}

/**
 * A key column of a full (or right) join: the left's value on a row with a left row, else the right's (SQL's
 * `COALESCE(l.k, r.k)`). A left Float64Array stays one unless a key is taken from a right column that is not one.
 */
export function fullJoinKey(
  left: ColumnValues,
  right: ColumnValues,
  rows: FullJoinRows,
): Float64Array | unknown[] {
  const n = rows.left.length;
  const typed = left instanceof Float64Array && (right instanceof Float64Array || !rows.left.includes(-1));
  const out = typed ? new Float64Array(n) : new Array<unknown>(n);
  for (let i = 0; i < n; ++i) {
    const l = rows.left[i]!;
    out[i] = l >= 0 ? left[l] : right[rows.right[i]!];
  }
  return out;
}
