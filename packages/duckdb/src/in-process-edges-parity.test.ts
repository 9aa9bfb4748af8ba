/** Edge cases found by the parity fuzz where the in-process steps differed from DuckDB (now the same). */
import { col, pipe, typedTable } from "@tablepipe/core";
import { castColumns, cumulativeSum, derive, fillNull, window } from "@tablepipe/transforms";
import * as aq from "arquero";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DuckDb } from "./engine/duckdb-database";
import { expectParity } from "./test-support";

let db: DuckDb;
beforeAll(async () => {
  db = await DuckDb.open();
});
afterAll(() => db.close());

const engines = (result: { placement: readonly { engine: string }[] }) =>
  result.placement.map((p) => p.engine);

describe("window cumulativeSum over +Infinity then -Infinity", () => {
  const values = { g: [1, 1, 1, 1, 2, 2], o: [1, 2, 3, 4, 1, 2], x: [Infinity, -Infinity, 1.25, 2, null, 3] };
  const sums = { partitionBy: ["g"], orderBy: ["o"], columns: { w: cumulativeSum(col("x")) } };

  it("stays missing for the rest of the partition, as DuckDB's NaN (NaN and null compared as missing)", async () => {
    const typed = typedTable(aq.table(values), {
      g: { type: "int", nullable: false },
      o: { type: "int", nullable: false },
      x: { type: "float", nullable: true },
    });
    const p = pipe(typed).transform(window, sums);
    expect(p.run().table.array("w")).toEqual([Infinity, null, null, null, null, 3]);
    const result = await expectParity(p, db);
    expect(engines(result)).toEqual(["duckdb"]);
  });

  it("runs on an untyped table, where x is a non-nullable float (the sum may still be missing)", async () => {
    const plain = aq.table({ o: [1, 2, 3, 4], x: [Infinity, -Infinity, 1.25, 2] });
    const p = pipe(plain).transform(window, {
      partitionBy: [],
      orderBy: ["o"],
      columns: { w: cumulativeSum(col("x")) },
    });
    const result = await expectParity(p, db);
    expect(engines(result)).toEqual(["duckdb"]);
  });
});

describe("an empty mapping of columns", () => {
  it("castColumns, derive, fillNull and window with columns {} give the table unchanged, as DuckDB does", async () => {
    const k = typedTable(aq.table({ k: [2, 1] }), { k: { type: "int", nullable: true } });
    const steps = [
      pipe(k).transform(castColumns, { columns: {} }),
      pipe(k).transform(derive, { columns: {} }),
      pipe(k).transform(fillNull, { columns: {} }),
      pipe(k).transform(window, { partitionBy: [], orderBy: ["k"], columns: {} }),
    ];
    for (const p of steps) {
      expect(p.run().table.objects()).toEqual([{ k: 2 }, { k: 1 }]);
      await expectParity(p, db);
    }
  });
});
