// The README example of @tablepipe/core. Type-checked in the workspace and, against the published .d.ts, in
// the scratch project of scripts/from-npm.sh; run by test/readme-examples.test.ts.
// #region example
import { defineTransform, needs, pipe } from "@tablepipe/core";
import * as aq from "arquero";
import * as z from "zod";

/** A transform: a name, its columns, params with defaults, and a pure implementation. */
export const keepAbove = defineTransform({
  name: "keepAbove",
  columns: { column: needs("fare_amount") },
  params: z.object({ min: z.number().default(0) }),
  apply: (table, { column, min }) =>
    table.filter(aq.escape((d: Record<string, number>) => d[column]! > min)).reify(),
});

export function coreExample() {
  const fares = aq.table({ fare_amount: [0, 7.5, 52], tip_amount: [0, 1.5, 10] });
  const { table, trace } = pipe(fares).transform(keepAbove, { min: 5 }).run();
  return { rows: table.numRows(), trace: trace.map((t) => `${t.step} ${t.rowsIn} → ${t.rowsOut}`) };
  // { rows: 2, trace: ["keepAbove 3 → 2"] }
}
// #endregion example
