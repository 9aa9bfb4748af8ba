import { describePrunedCastErrors, type ParityEngine } from "@tablepipe/sql/test-support";
import { afterAll, beforeAll } from "vitest";
import { DuckDb } from "./engine/duckdb-database";
import { runOnDuckDb } from "./engine/run-on-duckdb";

let db: DuckDb;
beforeAll(async () => {
  db = await DuckDb.open();
});
afterAll(() => db.close());

const engine: ParityEngine = {
  name: "duckdb",
  runs: 1,
  run: (p, columnTypes) => runOnDuckDb(p, { columnTypes, database: db }),
};

describePrunedCastErrors(engine);
