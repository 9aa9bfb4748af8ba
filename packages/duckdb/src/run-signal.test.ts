import { col, gt, pipe } from "@tablepipe/core";
import { filter } from "@tablepipe/transforms";
import * as aq from "arquero";
import { describe, expect, it, vi } from "vitest";
import { DuckDb } from "./engine/duckdb-database";
import { duckdb } from "./engine/duckdb-engine";
import type { DuckDbFileSource } from "./engine/file-sources";

/** A source whose load runs for minutes unless it is interrupted (as the DuckDb interrupt test's query). */
const endless: DuckDbFileSource = {
  format: "table",
  path: "range(10^12)",
  columns: [["n", "float"]],
  sql: "SELECT sum(i % 7)::DOUBLE AS n FROM range(1000000000000) t(i)",
};

const p = pipe(aq.table({ n: [1, 2, 3] })).transform(filter, { where: gt(col("n"), 1) });

describe("pipe.run({ engine: duckdb(), signal })", () => {
  it("interrupts the running query when aborted, and rejects with the signal's reason", async () => {
    const controller = new AbortController();
    const run = p.run({ engine: duckdb({ source: endless }), signal: controller.signal });
    // aborted once the query runs (no timer decides the outcome: it cannot end by itself first)
    setTimeout(() => controller.abort(new Error("interrupted by SIGINT")), 100);
    await expect(run).rejects.toThrow("interrupted by SIGINT");
  });

  it("rejects an aborted signal before opening a database; runs to its end with one never aborted", async () => {
    const open = vi.spyOn(DuckDb, "open");
    try {
      const signal = AbortSignal.abort(new Error("stop"));
      await expect(p.run({ engine: duckdb(), signal })).rejects.toThrow("stop");
      expect(open).not.toHaveBeenCalled();
      const { table } = await p.run({ engine: duckdb(), signal: new AbortController().signal });
      expect(table.array("n")).toEqual([2, 3]);
    } finally {
      open.mockRestore();
    }
  });

  it("with a database, takes the signal it was opened with, and refuses another", async () => {
    const controller = new AbortController();
    const db = await DuckDb.open(undefined, { signal: controller.signal });
    try {
      const { table } = await p.run({ engine: duckdb({ database: db }), signal: controller.signal });
      expect(table.numRows()).toBe(2);
      await expect(
        p.run({ engine: duckdb({ database: db }), signal: new AbortController().signal }),
      ).rejects.toThrow(
        "signal interrupts the database a run opens; with `database`, open it with DuckDb.open(path, { signal })",
      );
    } finally {
      db.close();
    }
  });
});
