// The README example of @tablepipe/sql (see core.ts for how it is checked).
// #region example
import { pipe } from "@tablepipe/core";
import { pipeToSql } from "@tablepipe/sql";
import { dropDuplicates, sortRows } from "@tablepipe/transforms";
import * as aq from "arquero";

export function sqlExample(): string {
  const orders = aq.table({ id: [2, 1, 1], amount: [5, 10, 10] });
  // numberRows: how the engine gives the loaded source its row-order column (here DuckDB's rowid)
  return pipeToSql(
    pipe(orders)
      .transform(dropDuplicates)
      .transform(sortRows, { by: ["id"] }),
    {
      dialect: "duckdb",
      numberRows: (relation) => `SELECT *, rowid AS "__tablepipe_row" FROM "${relation}"`,
    },
  );
  // WITH "source" AS (...), "dropDuplicates" AS (...), "sortRows(id)" AS (...) SELECT "id", "amount" FROM ...
}
// #endregion example
