import { adds, defineTransform, needs } from "@tablepipe/core";
import { markBuiltIn, sameValue } from "@tablepipe/core/internal";
import * as z from "zod";
import { columnValues } from "./internal/columns";
import { assignColumns, visibleRows } from "./internal/rows";

/**
 * Add a 0/1 indicator column: 1 where `column` equals `value` exactly (same type, same case), else 0,
 * `null` and missing values included. The source column is kept. The new column is an `Int32Array`.
 *
 * Params, all required: `column` (the column tested), `output` (the new column), `value` (encoded as 1).
 *
 * @example
 * encodeFlag(trips, { column: "store_and_fwd_flag", value: "N", output: "store_and_fwd_flag_is_N" }); // "N" -> 1; "Y", null -> 0
 * encodeFlag(trips, { column: "payment_type", value: 1, output: "paid_by_card" });
 */
export const encodeFlag = defineTransform({
  name: "encodeFlag",
  rowLocal: true,
  description: "Add a 0/1 column: 1 where a column equals a value, else 0.",
  columns: { column: needs(), output: adds({ type: "int" }) },
  params: z.object({
    value: z
      .union([z.string(), z.number(), z.boolean()], { error: "expected a string, number or boolean" })
      .describe("The value encoded as 1."),
  }),
  apply: (table, { column, output, value }) => {
    const rows = visibleRows(table);
    const values = columnValues(table, column);
    const flags = new Int32Array(rows.length);
    if (typeof value === "string") {
      for (let i = 0; i < rows.length; ++i) flags[i] = values[rows[i]!] === value ? 1 : 0;
    } else {
      for (let i = 0; i < rows.length; ++i) flags[i] = sameValue(values[rows[i]!], value) ? 1 : 0;
    }
    return assignColumns(table, rows, { [output]: flags });
  },
});

markBuiltIn(encodeFlag);
