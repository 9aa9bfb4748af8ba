import { col, pipe, typedTable } from "@tablepipe/core";
import { expectParity } from "@tablepipe/sql/test-support";
import { cumulativeSum, rollingMean, rollingSum, window } from "@tablepipe/transforms";
import * as aq from "arquero";
import { describe, expect, it } from "vitest";
import { sparkParityEngine } from "./test-support";

/** Runs against the Spark Connect server the global setup found (`pnpm spark:start`); none: declared, not run. */
const { engine, enabled } = sparkParityEngine(1);

/** Floats whose sums round differently in another order: 0.1 + 0.2 + 0.3 is not 0.3 + 0.2 + 0.1. */
function floats(n: number): number[] {
  let seed = 7;
  return Array.from({ length: n }, () => {
    seed = (seed * 48271) % 2147483647;
    return Math.round((seed / 2147483647) * 1e6) / 1e3 - 300;
  });
}

describe.runIf(enabled)("rolling and running float sums on Spark, bit for bit", { timeout: 180_000 }, () => {
  it("adds each frame's floats one after another in order, as in process, a range's frames too", async () => {
    const x = floats(400);
    const t = typedTable(aq.table({ k: Array.from(x, (_, i) => i), g: Array.from(x, (_, i) => i % 3), x }), {
      k: { type: "int", nullable: false },
      g: { type: "int", nullable: false },
      x: { type: "float", nullable: false },
    });
    const p = pipe(t).transform(window, {
      partitionBy: ["g"],
      orderBy: ["k"],
      columns: {
        s5: rollingSum(col("x"), 5),
        // the rows whose k is within 12 before (k steps by 3 in a partition): the same 5-row frames
        r12: rollingSum(col("x"), { range: 12 }),
        m7: rollingMean(col("x"), 7),
        running: cumulativeSum(col("x")),
      },
    });
    const result = await expectParity(p, engine, {});
    expect(result.placement.every((step) => step.engine === "spark")).toBe(true);
    // the parity check allows 1e-9; these are equal to the last bit
    const local = p.run().table;
    for (const name of ["s5", "r12", "m7", "running"]) {
      expect([name, ...Array.from(result.table.array(name) as ArrayLike<number>)]).toEqual([
        name,
        ...Array.from(local.array(name) as ArrayLike<number>),
      ]);
    }
    // the data tells orders apart: a frame summed last to first differs somewhere
    const reversed = x.map((_, k) => {
      const frame = x.filter((__, j) => j % 3 === k % 3 && j <= k).slice(-5);
      return frame.reduceRight((a, v) => a + v, 0);
    });
    expect(reversed).not.toEqual(Array.from(result.table.array("s5") as ArrayLike<number>));
    expect(Array.from(result.table.array("r12") as ArrayLike<number>)).toEqual(
      Array.from(result.table.array("s5") as ArrayLike<number>),
    );
  });
});
