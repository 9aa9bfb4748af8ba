/** A user's step whose SQL gives a column of a SQL type the compiler does not know. */
import { adds, defineTransform, needs } from "@tablepipe/core";
import * as aq from "arquero";
import * as z from "zod";

/**
 * A user's step that copies a number column: in process as it is, in SQL as the SQL type `sqlType` (a DECIMAL,
 * a HUGEINT), which the compiler does not know: the copy's type is unknown to it.
 */
export const copyAs = defineTransform({
  name: "copyAs",
  description: "Copy a number column (in SQL, as another SQL type).",
  columns: { column: needs(), output: adds() },
  params: z.object({ sqlType: z.string() }),
  apply: (table, { column, output }) => {
    const copied = table.reify();
    return copied.assign(aq.table({ [output]: Array.from(copied.array(column) as ArrayLike<unknown>) }));
  },
  sql: ({ column, output, sqlType }, c) =>
    `SELECT *, CAST(${c.quote(column)} AS ${sqlType}) AS ${c.quote(output)} FROM ${c.input}`,
});
