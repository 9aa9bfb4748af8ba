/**
 * A float `min`/`max` over many rows: DuckDB's parallel aggregate gives a group's zero the sign of whichever
 * partial state came first, so both sides give a zero as 0 (in process the first of equal values would win).
 */
import { col, max, min, pipe, typedTable } from "@tablepipe/core";
import { aggregate, pivot } from "@tablepipe/transforms";
import * as aq from "arquero";
import { describe, expect, it } from "vitest";
import { duckdbParityEngine } from "./test-support";

const ROWS = 200_000;

/** `x` alternates -0 and 0: a group's first row holds -0 in half the groups. */
const zeros = () =>
  typedTable(
    aq.table({
      g: Int32Array.from({ length: ROWS }, (_, i) => i % 10),
      m: Array.from({ length: ROWS }, (_, i) => (i % 3 === 0 ? "a" : "b")),
      x: Float64Array.from({ length: ROWS }, (_, i) => (i % 2 === 0 ? -0 : 0)),
    }),
    {
      g: { type: "int", nullable: false },
      m: { type: "string", nullable: false },
      x: { type: "float", nullable: false },
    },
  );

const signs = (values: ArrayLike<unknown>): string[] =>
  Array.from(values, (v) => (Object.is(v, -0) ? "-0" : String(v)));

describe("a float min and max of -0 and 0 over many rows", { timeout: 60_000 }, () => {
  const engine = duckdbParityEngine(1);

  it("are 0 in every group, on DuckDB as in process (aggregate and pivot)", async () => {
    const pipes = [
      pipe(zeros()).transform(aggregate, { by: ["g"], measures: { lo: min(col("x")), hi: max(col("x")) } }),
      pipe(zeros()).transform(pivot, {
        by: ["g"],
        namesFrom: "m",
        valuesFrom: "x",
        names: ["a", "b"],
        aggregate: "min",
      }),
    ];
    for (const p of pipes) {
      const local = p.run().table;
      const onDuckDb = (await engine.run(p, {})).table;
      for (const name of local.columnNames().filter((c) => c !== "g")) {
        expect([name, ...signs(local.array(name) as ArrayLike<unknown>)]).toEqual([
          name,
          ...Array.from({ length: 10 }, () => "0"),
        ]);
        expect([name, ...signs(onDuckDb.array(name) as ArrayLike<unknown>)]).toEqual([
          name,
          ...signs(local.array(name) as ArrayLike<unknown>),
        ]);
      }
    }
  });
});
