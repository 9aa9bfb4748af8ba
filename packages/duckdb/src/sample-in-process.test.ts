import { col, count, gt, pipe, sum } from "@tablepipe/core";
import { expectParity } from "@tablepipe/sql/test-support";
import { aggregate, filter, sample } from "@tablepipe/transforms";
import * as aq from "arquero";
import { describe, expect, it } from "vitest";
import { duckdbParityEngine } from "./test-support";

const engine = duckdbParityEngine(1);

describe("sample on DuckDB", () => {
  it("runs in process on the rows DuckDB hands it: the same sample, and the steps after it, as in process", async () => {
    const n = 5000;
    const t = aq.table({
      id: Array.from({ length: n }, (_, i) => i),
      amount: Array.from({ length: n }, (_, i) => (i * 7) % 100),
    });
    const p = pipe(t)
      .transform(filter, { where: gt(col("amount"), 10) })
      .transform(sample, { fraction: 0.2, seed: 11 })
      .transform(aggregate, { by: [], measures: { rows: count(), total: sum(col("amount")) } });
    const result = await expectParity(p, engine, { id: "int", amount: "int" });
    expect(result.placement.map((step) => step.engine)).toEqual(["duckdb", "in-process", "in-process"]);
    expect(result.table.get("rows", 0)).toBeGreaterThan(700);
  });
});
