import { caseWhen, col, eq, mul, pipe, sub, typedTable } from "@tablepipe/core";
import { fixedOrders } from "@tablepipe/sql/test-support";
import { derive, fillNull, join, limitHistory } from "@tablepipe/transforms";
import * as aq from "arquero";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DuckDb } from "./engine/duckdb-database";
import { duckdb } from "./engine/duckdb-engine";
import { pipeToSql } from "./pipe-to-sql";

let db: DuckDb;
beforeAll(async () => {
  db = await DuckDb.open();
});
afterAll(() => db.close());

/** A run's query with its relations named as pipeToSql names them (`input`, `lookup_0`, ...). */
const asPrinted = (sql: string): string =>
  sql.replace(/"tablepipe_source_\d+"/g, '"input"').replace(/"tablepipe_lookup_\d+_(\d+)"/g, '"lookup_$1"');

describe("pipeToSql prints the query a run on DuckDB runs", () => {
  it("types a derived column as the run does: a fill after a case-when derive runs on DuckDB in both", async () => {
    const t = typedTable(aq.table({ unit: ["F", "C"], value: [212, null] }), {
      unit: { type: "string", nullable: false },
      value: { type: "float", nullable: true },
    });
    const p = pipe(t)
      .transform(derive, {
        columns: {
          temp_c: caseWhen([[eq(col("unit"), "F"), mul(sub(col("value"), 32), 5 / 9)]], col("value")),
        },
      })
      .transform(fillNull, { columns: { temp_c: -999 } });
    const run = await p.run({ engine: duckdb({ database: db }) });
    expect(run.placement.map((step) => step.engine)).toEqual(["duckdb", "duckdb"]);
    const printed = pipeToSql(p);
    expect(printed).not.toContain("then in process");
    expect(printed).toBe(asPrinted(run.sql));
  });

  it("types a plain table's columns by their values, and by the columnTypes the run is given", async () => {
    const p = pipe(fixedOrders())
      .transform(limitHistory, { column: "at", after: "202312", through: "202402" })
      .transform(join, { right: aq.table({ id: [1, 2], name: ["a", "b"] }), on: ["id"], how: "left" })
      .transform(fillNull, { columns: { amount: 0 } });
    const columnTypes = { at: "timestamp" } as const;
    const run = await p.run({ engine: duckdb({ database: db, columnTypes }) });
    expect(pipeToSql(p, { columnTypes })).toBe(asPrinted(run.sql));
  });
});
