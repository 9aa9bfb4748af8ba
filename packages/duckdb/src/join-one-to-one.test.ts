import { pipe, StepFailedError } from "@tablepipe/core";
import { expectParity, inProcessMessage } from "@tablepipe/sql/test-support";
import { join } from "@tablepipe/transforms";
import * as aq from "arquero";
import { describe, expect, it } from "vitest";
import { duckdbParityEngine } from "./test-support";

const engine = duckdbParityEngine(1);

describe("join with validate one-to-one on DuckDB, on a table it splits among its threads", () => {
  it("names the first left row in row order whose key appears again, as in process", async () => {
    // 250,000 rows (row groups of 122,880), odd rows without a key (never a repeat): key 7 repeats at the end,
    // key 5 in the first and the last row group (named: its first row comes before 7's)
    const n = 250_000;
    const id = Array.from({ length: n }, (_, i) => (i % 2 === 0 ? i + 10 : null));
    id[n - 1] = 7;
    id[n - 3] = 7;
    id[240_001] = 5;
    id[1] = 5;
    const left = aq.table({ id, amount: Array.from({ length: n }, (_, i) => i) });
    const right = aq.table({ id: [5, 7, 10], label: ["a", "b", "c"] });
    for (const how of ["inner", "semi"] as const) {
      const p = pipe(left).transform(join, { right, on: ["id"], how, validate: "one-to-one" });
      const message = inProcessMessage(p);
      expect(message).toBe(
        'join(id): validate "one-to-one": the key (id = 5) appears more than once in the left table',
      );
      const error = await engine.run(p, { id: "int", amount: "int" }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StepFailedError);
      expect((error as Error).message).toBe(message);
    }
  });

  it("runs on DuckDB over unique keys, every left row once, in order", async () => {
    const n = 250_000;
    const left = aq.table({
      id: Array.from({ length: n }, (_, i) => n - i),
      flag: Array.from({ length: n }, (_, i) => i % 3 === 0),
    });
    const right = aq.table({ id: [1, 5, 249_999, 300_000], label: ["a", "b", "c", "d"] });
    const p = pipe(left).transform(join, { right, on: ["id"], how: "left", validate: "one-to-one" });
    const result = await expectParity(p, engine, { id: "int" });
    expect(result.placement.map((s) => s.engine)).toEqual(["duckdb"]);
  });
});

describe("a full join on DuckDB", () => {
  it("over a table it splits among its threads: the left rows in order, then the unmatched right rows", async () => {
    const n = 250_000;
    const left = aq.table({ id: Array.from({ length: n }, (_, i) => (i % 5 === 0 ? null : n - i)) });
    const right = aq.table({ id: [3, null, 1, 300_000, 5, 2], label: ["a", "b", "c", "d", "e", "f"] });
    const p = pipe(left).transform(join, { right, on: ["id"], how: "full" });
    const result = await expectParity(p, engine, { id: "int" });
    expect(result.placement.map((step) => step.engine)).toEqual(["duckdb"]);
    expect(result.table.slice(n).objects()).toEqual([
      { id: null, label: "b" },
      { id: 300_000, label: "d" },
      { id: 5, label: "e" },
    ]);
  });

  it("with validate one-to-one runs in process (its left keys' check is not rendered), the same rows", async () => {
    const left = aq.table({ id: [4, 1, null, 2], amount: [10, 20, 30, 40] });
    const right = aq.table({ id: [2, 9, 4], label: ["b", "z", "d"] });
    const p = pipe(left).transform(join, { right, on: ["id"], how: "full", validate: "one-to-one" });
    const result = await expectParity(p, engine, { id: "int", amount: "int" });
    expect(result.placement.map((step) => step.engine)).toEqual(["in-process"]);
    expect(result.table.array("label")).toEqual(["d", null, null, "b", "z"]);
  });
});
