/** The parity of `lag`/`lead` at the ends of their offset's range: 0 (the row itself) and 2^31 - 1. */
import { col, pipe } from "@tablepipe/core";
import { lag, lead, window } from "@tablepipe/transforms";
import * as aq from "arquero";
import { describe, expect, it } from "vitest";
import { expectParity, type ParityEngine } from "./expect-parity";

/**
 * `lag`/`lead` with offset 0 and with the largest offset every engine takes (2^31 - 1, Spark's int): the step
 * runs on the engine and gives the in-process values (the row's own value; nulls). A larger offset is refused by
 * the param check before any engine sees it.
 */
export function describeWindowOffsetParity(engine: ParityEngine, enabled = true): void {
  describe.runIf(enabled)(
    `lag and lead on ${engine.name}: offsets 0 and 2^31 - 1 give the in-process values`,
    { timeout: engine.timeoutMs ?? 30_000 },
    () => {
      it("the row itself at 0, nulls at 2^31 - 1", async () => {
        const t = aq.table({ k: ["a", "a", "b"], i: [1, 2, 1], v: [10, 20, 30] });
        const p = pipe(t).transform(window, {
          partitionBy: ["k"],
          orderBy: ["i"],
          columns: {
            same: lag(col("v"), 0),
            ahead: lead(col("v"), 0),
            back: lag(col("v"), 2 ** 31 - 1),
            far: lead(col("v"), 2 ** 31 - 1),
          },
        });
        const result = await expectParity(p, engine, { k: "string", i: "int", v: "float" });
        expect(result.placement.every((step) => step.engine === engine.name)).toBe(true);
        expect(result.table.array("same")).toEqual([10, 20, 30]);
        expect(result.table.array("far")).toEqual([null, null, null]);
      });
    },
  );
}
