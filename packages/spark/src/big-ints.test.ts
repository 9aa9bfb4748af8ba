import { add, col, count, pipe, sum, typedTable } from "@tablepipe/core";
import { expectParity } from "@tablepipe/sql/test-support";
import { aggregate, cumulativeSum, derive, window } from "@tablepipe/transforms";
import * as aq from "arquero";
import { describe, expect, it } from "vitest";
import { sparkParityEngine } from "./test-support";

/** Runs against the Spark Connect server the global setup found (`pnpm spark:start`); none: declared, not run. */
const { engine, enabled } = sparkParityEngine(1);

const INT = { type: "int", nullable: true } as const;

describe.runIf(enabled)("ints past 2^53 on Spark, as in process holds them", { timeout: 180_000 }, () => {
  it("a sum past 2^53 is read as the number in process gives (Spark's exact BIGINT, rounded)", async () => {
    const t = typedTable(
      aq.table({ k: [1, 1, 2, 2], n: [2 ** 53 - 1, 2 ** 53 - 1, 2 ** 62, 2 ** 60 + 256] }),
      {
        k: INT,
        n: INT,
      },
    );
    const p = pipe(t).transform(aggregate, { by: ["k"], measures: { s: sum(col("n")), c: count() } });
    const result = await expectParity(p, engine, {}); // the schema too: s an int column, as in process
    expect(Array.from(result.table.array("s") as ArrayLike<number>)).toEqual([
      2 ** 54 - 2,
      2 ** 62 + 2 ** 60,
    ]);
    expect(Array.from(result.table.array("s") as ArrayLike<number>)).toEqual(
      Array.from(p.run().table.array("s") as ArrayLike<number>),
    );
  });

  it("a sum or running sum past 2^63 is a number, as in process and on DuckDB (not Spark's overflow error)", async () => {
    const t = typedTable(aq.table({ k: [1, 1, 1, 2], n: [2 ** 62, 2 ** 62, 2 ** 62, -(2 ** 62)] }), {
      k: INT,
      n: INT,
    });
    const summed = await expectParity(
      pipe(t).transform(aggregate, { by: ["k"], measures: { s: sum(col("n")) } }),
      engine,
      {},
    );
    expect(Array.from(summed.table.array("s") as ArrayLike<number>)).toEqual([3 * 2 ** 62, -(2 ** 62)]);
    const running = await expectParity(
      pipe(t).transform(window, { partitionBy: [], orderBy: ["k"], columns: { r: cumulativeSum(col("n")) } }),
      engine,
      {},
    );
    expect(Array.from(running.table.array("r") as ArrayLike<number>)).toEqual([
      2 ** 62,
      2 ** 63,
      3 * 2 ** 62,
      2 ** 63,
    ]);
  });

  it("an int column holding whole numbers past 2^53, to -2^63, is shipped and read back", async () => {
    const n = [2 ** 53, -(2 ** 53) - 2, 2 ** 62, -(2 ** 63), 2 ** 63 - 1024, null];
    const p = pipe(typedTable(aq.table({ n }), { n: INT })).transform(derive, {
      columns: { m: add(col("n"), 2) },
    });
    const result = await expectParity(p, engine, {});
    expect(result.table.array("n")).toEqual(n);
    expect(result.table.array("m")).toEqual(p.run().table.array("m"));
  });
});
