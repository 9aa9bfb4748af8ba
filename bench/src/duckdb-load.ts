/**
 * How fast an in-memory table loads into DuckDB (`runOnDuckDb` on a pipe that keeps no row, so loading is
 * nearly all of it): `npx tsx bench/src/duckdb-load.ts [rows]` (default 1,000,000). Prints the fastest of 3.
 */
import { lit, pipe } from "@tablepipe/core";
import { DuckDb, runOnDuckDb } from "@tablepipe/duckdb";
import { filter } from "@tablepipe/transforms";
import * as aq from "arquero";

const rows = Number(process.argv[2] ?? 1_000_000);
const floats = (seed: number) =>
  Float64Array.from({ length: rows }, (_, i) => ((i * 7919 + seed) % 1000) / 10);
const table = aq.table({
  fare: floats(1),
  tip: floats(2),
  distance: floats(3),
  zone: Float64Array.from({ length: rows }, (_, i) => (i % 263) + 1),
  at: Float64Array.from({ length: rows }, (_, i) => Date.UTC(2018, 0, 1) + i * 1000),
  flag: Array.from({ length: rows }, (_, i) => (i % 10 === 0 ? "Y" : "N")),
  paid: Array.from({ length: rows }, (_, i) => i % 3 === 0),
});
const db = await DuckDb.open();
const times: number[] = [];
for (let run = 0; run < 3; run++) {
  const started = performance.now();
  await runOnDuckDb(pipe(table).transform(filter, { where: lit(false) }), {
    database: db,
    columnTypes: { at: "timestamp", zone: "int" },
  });
  times.push(performance.now() - started);
}
db.close();
console.log(
  `${rows.toLocaleString("en-US")} rows × 7 columns loaded into DuckDB: ${(Math.min(...times) / 1000).toFixed(2)} s (fastest of 3)`,
);
