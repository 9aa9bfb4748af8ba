import { compose, type Pipe, pipe, step, tableParam } from "@tablepipe/core";
import { expectParity } from "@tablepipe/sql/test-support";
import { excludeMatching, join, union } from "@tablepipe/transforms";
import * as aq from "arquero";
import { describe, expect, it } from "vitest";
import * as z from "zod";
import { runOnSpark, type SparkPipeResult } from "./engine/run-on-spark";
import { sparkTestSession } from "./test-support";

/** Runs against the Spark Connect server the global setup found (`pnpm spark:start`); none: declared, not run. */
const sparkTest = sparkTestSession("spark-lookup-types");
const { remote } = sparkTest;

/** Run a pipe in process and on Spark; assert equal tables; returns Spark's result. */
async function onSpark(
  p: Pipe<string>,
  columnTypes?: Record<string, "int">,
): Promise<SparkPipeResult<string>> {
  return (await expectParity(
    p,
    {
      name: "spark",
      runs: 1,
      run: (q, types) => runOnSpark(q, { remote: sparkTest.session, columnTypes: types }),
    },
    columnTypes,
  )) as SparkPipeResult<string>;
}

const orders = aq.table({ order_id: [1, 2, 3], customer_id: [7, 8, 9] });

describe.runIf(remote !== "")("lookup and other tables' types on Spark", { timeout: 120_000 }, () => {
  it("a right or lookup key holding no value matches nothing, as in process", async () => {
    const right = aq.table({ customer_id: [null, null], name: ["Ann", "Bo"] });
    for (const how of ["inner", "left"] as const) {
      const result = await onSpark(pipe(orders).transform(join, { right, on: ["customer_id"], how }));
      expect(result.placement.map((s) => s.engine)).toEqual(["spark"]);
    }
    const lookup = aq.table({ zone: [null], name: [null] });
    await onSpark(
      pipe(orders).transform(excludeMatching, { column: "customer_id", lookup, lookupKey: "zone" }),
    );
  });

  it("a composite's typed table param is a lookup like any other, as in process", async () => {
    const withRegions = compose({
      name: "withRegions",
      params: z.object({ ids: tableParam(z.object({ customer_id: z.int(), region_id: z.int() })) }),
      steps: (p) => [step(join, { right: p.ids, on: ["customer_id"], how: "left" })],
    });
    const regions = aq.table({ region_id: [1, 2], region: ["north", "south"] });
    const result = await onSpark(
      pipe(orders)
        .transform(withRegions, { ids: aq.table({ customer_id: [7, 8], region_id: [1, 2] }) })
        .transform(join, { right: regions, on: ["region_id"] }),
    );
    expect(result.placement.map((s) => s.engine)).toEqual(["spark", "spark"]);
    expect(result.table.array("region")).toEqual(["north", "south"]);
  });

  it("union's other table is loaded with the input's types: nulls only, or fractions in an int column", async () => {
    await onSpark(pipe(orders).transform(union, { other: aq.table({ order_id: [4], customer_id: [null] }) }));
    const result = await onSpark(
      pipe(aq.table({ x: [1] })).transform(union, { other: aq.table({ x: [2.5] }) }),
      {
        x: "int",
      },
    );
    expect(result.placement.map((s) => s.engine)).toEqual(["spark"]);
    expect(Array.from(result.table.array("x") as ArrayLike<number>)).toEqual([1, 2.5]);
  });
});
