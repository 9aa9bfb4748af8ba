import { pipe, typedTable } from "@tablepipe/core";
import { castColumns } from "@tablepipe/transforms";
import * as aq from "arquero";
import { afterAll, beforeAll, expect, it } from "vitest";
import { DuckDb } from "./engine/duckdb-database";
import { expectParity } from "./test-support";

let db: DuckDb;
beforeAll(async () => {
  db = await DuckDb.open();
});
afterAll(() => db.close());

it("castColumns trims a byte-order mark and other Unicode blanks on DuckDB, as JavaScript's trim() does", async () => {
  const texts = typedTable(aq.table({ s: ["\ufeff7", "7\ufeff", "\u20288\u2029", "\u202f9"] }), {
    s: { type: "string", nullable: false },
  });
  const { table } = await expectParity(pipe(texts).transform(castColumns, { columns: { s: "float" } }), db);
  expect(table.array("s")).toEqual([7, 7, 8, 9]);
});
