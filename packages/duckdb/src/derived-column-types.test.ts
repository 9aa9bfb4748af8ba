import { add, cast, col, pipe, typedTable } from "@tablepipe/core";
import { expectSameFailure } from "@tablepipe/sql/test-support";
import { derive } from "@tablepipe/transforms";
import * as aq from "arquero";
import { describe, it } from "vitest";
import { duckdbParityEngine } from "./test-support";

const engine = duckdbParityEngine(1);

describe("a column derived from arithmetic is a float column on DuckDB, as its DOUBLE is", () => {
  it("a later step's cast of it to int past 2^63 fails with the in-process error, naming the row", async () => {
    const table = typedTable(aq.table({ x: [1, 1e30] }), { x: { type: "float", nullable: false } });
    const p = pipe(table)
      .transform(derive, { columns: { d: add(col("x"), 1) } })
      .transform(derive, { columns: { e: cast(col("d"), "int") } });
    await expectSameFailure(p, engine, { x: "float" }, /cannot convert .* to int \(row 1\)/);
  });
});
