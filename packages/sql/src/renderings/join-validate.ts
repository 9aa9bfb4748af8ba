import { columnArray } from "@tablepipe/core";
import { firstRepeatedKey, repeatedJoinKeyError } from "@tablepipe/core/internal";
import type { ColumnTable } from "arquero";

/**
 * Throw the in-process `join`'s `validate` error (before any query runs) when a key appears more than once in
 * the right table, naming the first right row, in order, whose key appears again (both checks make it first).
 */
export function refuseRepeatedRightKey(
  validate: "many-to-one" | "one-to-one",
  keys: readonly string[],
  right: ColumnTable,
): void {
  const columns = keys.map((key) => columnArray(right, key));
  const repeated = firstRepeatedKey(columns);
  if (repeated >= 0) {
    throw repeatedJoinKeyError(
      validate,
      keys,
      columns.map((column) => column[repeated]),
      "right",
    );
  }
}
