import { defineTransform, needsEach } from "@tablepipe/core";
import { markBuiltIn } from "@tablepipe/core/internal";
import { columnValues } from "./internal/columns";
import { clearMissing } from "./internal/missing-rows";
import { keepPositions, positionsOf, visibleRows } from "./internal/rows";

/**
 * Drop rows with a missing value (null, undefined, NaN or an invalid Date) in any of `columns` — what a
 * model's fit needs of its feature and label columns. Keeps the input's row order.
 *
 * Params: `columns` (required).
 *
 * @example dropMissing(prepared, { columns: ["passenger_count", "rate_code", "tip_amount"] })
 */
export const dropMissing = defineTransform({
  name: "dropMissing",
  rowLocal: true,
  description: "Drop rows with a missing value (null, undefined, NaN) in any of the given columns.",
  columns: { columns: needsEach() },
  types: ({ columns }, input) =>
    Object.fromEntries(
      columns.map((name) => [
        name,
        { ...input[name], type: input[name]?.type ?? "unknown", nullable: false },
      ]),
    ),
  apply: (table, { columns }) => {
    const rows = visibleRows(table);
    const keep = new Uint8Array(rows.length).fill(1);
    for (const name of new Set(columns)) clearMissing(columnValues(table, name), rows, keep);
    return keepPositions(table, rows, positionsOf(keep));
  },
});

markBuiltIn(dropMissing);
