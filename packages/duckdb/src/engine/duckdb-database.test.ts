import { describe, expect, it } from "vitest";
import { DuckDb } from "./duckdb-database";

/** A query that runs for minutes unless it is interrupted. */
const ENDLESS = "SELECT sum(i % 7) FROM range(1000000000000) t(i)";

describe("DuckDb.open's signal", () => {
  it("interrupts the running query when aborted; later uses of the connection throw its reason", async () => {
    const controller = new AbortController();
    const db = await DuckDb.open(undefined, { signal: controller.signal });
    try {
      const query = db.connection.run(ENDLESS);
      // aborted once the query runs (no timer decides the outcome: it cannot end by itself first)
      setTimeout(() => controller.abort(new Error("interrupted by SIGINT")), 50);
      await expect(query).rejects.toThrow(/interrupt/i);
      expect(() => db.connection).toThrow("interrupted by SIGINT");
    } finally {
      db.close();
    }
  });

  it("refuses to open once aborted, and leaves a database whose signal is never aborted alone", async () => {
    await expect(DuckDb.open(undefined, { signal: AbortSignal.abort(new Error("stop")) })).rejects.toThrow(
      "stop",
    );
    const db = await DuckDb.open(undefined, { signal: new AbortController().signal });
    try {
      const rows = (await db.connection.runAndReadAll("SELECT 42 AS answer")).getRowObjects();
      expect(rows).toEqual([{ answer: 42 }]);
    } finally {
      db.close();
    }
  });
});
