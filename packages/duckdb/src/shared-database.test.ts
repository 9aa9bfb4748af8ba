import { col, count, eq, type Pipe, pipe, sum, typedTable } from "@tablepipe/core";
import { aggregate, dropDuplicates, filter, join, sortRows } from "@tablepipe/transforms";
import * as aq from "arquero";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { DuckDb } from "./engine/duckdb-database";
import { duckdb } from "./engine/duckdb-engine";
import { duckdbTable } from "./engine/file-sources";
import { runOnDuckDb } from "./engine/run-on-duckdb";
import { expectSameTable } from "./test-support";

const n = 600;
const readings = typedTable(
  aq.table({
    device_id: Array.from({ length: n }, (_, i) => `dev-${i % 7}`),
    value: Array.from({ length: n }, (_, i) => (i * 37) % 101),
  }),
  { device_id: { type: "string", nullable: false }, value: { type: "float", nullable: false } },
);
const devices = typedTable(
  aq.table({ device_id: ["dev-0", "dev-1", "dev-2", "dev-3"], site: ["a", "b", "a", "c"] }),
  { device_id: { type: "string", nullable: false }, site: { type: "string", nullable: false } },
);

/** Pipes of different shapes: an aggregate, a sort, a join with a lookup table, a dedupe after a filter. */
const pipes: readonly Pipe<string>[] = [
  pipe(readings).transform(aggregate, {
    by: ["device_id"],
    measures: { n: count(), total: sum(col("value")) },
  }),
  pipe(readings).transform(sortRows, { by: ["value"] }),
  pipe(readings).transform(join, { right: devices, on: ["device_id"], how: "inner" }),
  pipe(readings)
    .transform(filter, { where: eq(col("device_id"), "dev-3") })
    .transform(dropDuplicates),
];

describe("runs at the same time on one shared DuckDb", () => {
  it("each give the table and trace of the same run alone, through the engine and runOnDuckDb", async () => {
    const db = await DuckDb.open();
    try {
      const settings = async () =>
        (
          await db.connection.runAndReadAll(
            "SELECT current_setting('disabled_optimizers') AS d, current_setting('enable_profiling') AS p",
          )
        ).getRowObjects();
      const before = await settings();
      const engine = duckdb({ database: db });
      const alone = [];
      for (const p of pipes) alone.push(await p.run({ engine }));
      // several rounds: which run met another's query or settings varied from round to round
      for (let round = 0; round < 4; round++) {
        const together = await Promise.all([
          ...pipes.map((p) => p.run({ engine })),
          ...pipes.map((p) => runOnDuckDb(p, { database: db })),
        ]);
        for (const [i, result] of together.entries()) {
          const expected = alone[i % pipes.length];
          if (expected === undefined) throw new Error("no run alone");
          expect(result.table.numRows()).toBe(expected.table.numRows());
          expectSameTable(result.table, expected.table);
          expect(result.trace.map((t) => [t.step, t.rowsIn, t.rowsOut])).toEqual(
            expected.trace.map((t) => [t.step, t.rowsIn, t.rowsOut]),
          );
        }
      }
      // the database's own settings are as they were once every run is done
      expect(await settings()).toEqual(before);
    } finally {
      db.close();
    }
  });

  it("go on after a run that failed, or was refused: its turn ends with it", async () => {
    const db = await DuckDb.open();
    try {
      const missing = duckdbTable("no_such_table", z.object({ device_id: z.string(), value: z.number() }));
      const [failed, sorted] = await Promise.allSettled([
        runOnDuckDb(pipes[1] as Pipe<string>, { database: db, source: missing }),
        runOnDuckDb(pipes[1] as Pipe<string>, { database: db }),
      ]);
      expect(failed.status === "rejected" && String(failed.reason)).toMatch(/no_such_table/);
      expect(sorted.status === "fulfilled" && sorted.value.table.numRows()).toBe(n);
      // a run refused for the database's settings ends its turn too: the next one runs once they are reset
      await db.connection.run("SET default_collation = 'nocase'");
      await expect(runOnDuckDb(pipes[1] as Pipe<string>, { database: db })).rejects.toThrow(
        /default_collation/,
      );
      await db.connection.run("RESET default_collation");
      expect((await runOnDuckDb(pipes[1] as Pipe<string>, { database: db })).table.numRows()).toBe(n);
    } finally {
      db.close();
    }
  });
});
