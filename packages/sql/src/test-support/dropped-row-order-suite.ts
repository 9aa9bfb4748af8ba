/** A custom step whose `sql` drops the hidden row-order column: the error names that step and the fix. */
import { defineTransform, needs, pipe, StepFailedError, typedTable } from "@tablepipe/core";
import { rowNumber, sortRows, window } from "@tablepipe/transforms";
import * as aq from "arquero";
import { describe, expect, it } from "vitest";
import * as z from "zod";
import type { ParityEngine } from "./expect-parity";

const TYPES = { a: "int", b: "string" } as const;

const table = () =>
  typedTable(aq.table({ a: [3, 1, 2], b: ["x", "y", "z"] }), {
    a: { type: "int", nullable: false },
    b: { type: "string", nullable: false },
  });

/** Keeps the rows where `a > 1`; `keep`: its rendering keeps `context.rowOrder`, as it must. */
const keepAbove = (keep: boolean) =>
  defineTransform({
    name: keep ? "keepAbove" : "noRowOrder",
    rowLocal: true,
    columns: { a: needs("a") },
    params: z.object({}),
    apply: (tb, { a }) => tb.filter(aq.escape((d: Record<string, number>) => (d[a] as number) > 1)).reify(),
    sql: (p, c) =>
      `SELECT ${[...c.columns.map(c.quote), ...(keep ? [c.rowOrder] : [])].join(", ")} FROM ${c.input} WHERE ${c.quote(p.a)} > 1`,
  });

const MESSAGE =
  /^noRowOrder: its SQL rendering drops the hidden row-order column "__tablepipe_row", which the next steps and the result's order read: a rendering must keep `context\.rowOrder` among its output columns/;

/**
 * A custom rendering that forgets `context.rowOrder` fails with a {@link StepFailedError} naming its step and the
 * fix, whether the result's order or a later step (a sort, a window) then reads the column; the engine's error is
 * its cause. The same rendering keeping the column runs.
 */
export function describeDroppedRowOrder(engine: ParityEngine, enabled = true): void {
  describe.runIf(enabled)(
    `a custom rendering without the row order on ${engine.name}`,
    { timeout: engine.timeoutMs ?? 30_000 },
    () => {
      it("names the step and says to keep context.rowOrder, when it is the last step", async () => {
        const error = await engine
          .run(pipe(table()).transform(keepAbove(false)), TYPES)
          .catch((e: unknown) => e);
        expect(error).toBeInstanceOf(StepFailedError);
        expect((error as StepFailedError).step).toBe("noRowOrder");
        expect((error as Error).message).toMatch(MESSAGE);
        expect((error as Error).cause).toBeInstanceOf(Error);
      });

      it("names that step, not the later one that read the column", async () => {
        const sorted = pipe(table())
          .transform(keepAbove(false))
          .transform(sortRows, { by: ["b"] });
        await expect(engine.run(sorted, TYPES)).rejects.toThrow(MESSAGE);
        const windowed = pipe(table())
          .transform(keepAbove(false))
          .transform(window, { partitionBy: [], orderBy: ["a"], columns: { r: rowNumber() } });
        await expect(engine.run(windowed, TYPES)).rejects.toThrow(MESSAGE);
      });

      it("runs once the rendering keeps context.rowOrder", async () => {
        const { table: out } = await engine.run(
          pipe(table())
            .transform(keepAbove(true))
            .transform(sortRows, { by: ["b"] }),
          TYPES,
        );
        expect(out.objects()).toEqual([
          { a: 3, b: "x" },
          { a: 2, b: "z" },
        ]);
      });
    },
  );
}
