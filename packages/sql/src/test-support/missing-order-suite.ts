/** The parity of orders over a column holding null, undefined and NaN: one missing value, as the engines' NULL. */
import { pipe } from "@tablepipe/core";
import { firstNPerGroup, rank, rowNumber, sortRows, topNPerGroup, window } from "@tablepipe/transforms";
import * as aq from "arquero";
import { describe, expect, it } from "vitest";
import { expectParity, type ParityEngine } from "./expect-parity";

/** The column types the engine loads the table with. */
const TYPES = { g: "string", z: "float", v: "string" } as const;

/**
 * z holds null, NaN and undefined (one NULL on the engines) among numbers. Ordered by z, the missing rows tie
 * and are told apart by g, then v, then row order, never by the kind of missing value (rows 3 and 5 tie on
 * every column).
 */
const mixed = () =>
  aq.table({
    g: ["a", "a", "b", "b", "a", "b", "a"],
    z: [null, Number.NaN, 1, undefined, Number.NaN, null, -2],
    v: ["b", "a", "c", "a", "c", "a", "b"],
  });

/**
 * Every step that orders rows, over a column holding null, undefined and NaN: `sortRows` (by it, ascending and
 * descending, and by another column with it as a tie-break), `window` (`rowNumber` and `rank`, with and without
 * partitions), `firstNPerGroup` and `topNPerGroup` give the engine's result in process.
 */
export function describeMissingOrderParity(engine: ParityEngine, enabled = true): void {
  describe.runIf(enabled)(
    `null, undefined and NaN are one missing value in every order, in process as on ${engine.name}`,
    { timeout: engine.timeoutMs ?? 30_000 },
    () => {
      it("sortRows, window, firstNPerGroup and topNPerGroup", async () => {
        const pipes = [
          pipe(mixed()).transform(sortRows, { by: ["z"] }),
          pipe(mixed()).transform(sortRows, { by: ["z"], descending: ["z"] }),
          pipe(mixed()).transform(sortRows, { by: ["v"] }),
          pipe(mixed()).transform(window, {
            columns: { n: rowNumber(), r: rank() },
            partitionBy: [],
            orderBy: ["z"],
          }),
          pipe(mixed()).transform(window, {
            columns: { n: rowNumber() },
            partitionBy: ["g"],
            orderBy: ["z"],
            descending: ["z"],
          }),
          pipe(mixed()).transform(firstNPerGroup, { keys: ["g"], orderBy: ["z"], n: 2 }),
          pipe(mixed()).transform(topNPerGroup, { keys: [], orderBy: ["z"], descending: ["z"], n: 3 }),
        ];
        for (const p of pipes) {
          const result = await expectParity(p, engine, TYPES);
          expect(result.placement.every((step) => step.engine === engine.name)).toBe(true);
        }
      });
    },
  );
}
