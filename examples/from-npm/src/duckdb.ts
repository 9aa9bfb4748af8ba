// The README example of @tablepipe/duckdb (see core.ts for how it is checked).
// #region example
import { col, gt, pipe } from "@tablepipe/core";
import { duckdb } from "@tablepipe/duckdb";
import { dropDuplicates, filter } from "@tablepipe/transforms";
import * as aq from "arquero";

export async function duckdbExample() {
  const orders = aq.table({ id: [1, 1, 2, 3], amount: [10, 10, 5, 12.5] });
  const steps = pipe(orders)
    .transform(dropDuplicates)
    .transform(filter, { where: gt(col("amount"), 6) });
  // the same pipe, run inside DuckDB: the same table and trace, plus the query and where each step ran
  const { table, trace, placement } = await steps.run({ engine: duckdb() });
  return {
    ids: table.array("id"),
    trace: trace.map((t) => `${t.step} ${t.rowsIn} → ${t.rowsOut}`),
    engines: placement.map((p) => p.engine),
  };
  // { ids: [1, 3], trace: ["dropDuplicates 4 → 3", "filter 3 → 2"], engines: ["duckdb", "duckdb"] }
}
// #endregion example
