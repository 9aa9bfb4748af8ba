/** A user's own transform named like a library transform: it runs as its own `apply` says, on every engine. */
import { defineTransform, pipe, typedTable } from "@tablepipe/core";
import { fillNull } from "@tablepipe/transforms";
import * as aq from "arquero";
import { describe, expect, it } from "vitest";
import * as z from "zod";
import { expectParity, type ParityEngine } from "./expect-parity";

const TYPES = { device_id: "string", value: "float" } as const;

const readings = () =>
  typedTable(aq.table({ device_id: ["d1", "d1", "d2", "d2"], value: [21.5, null, null, 3] }), {
    device_id: { type: "string", nullable: false },
    value: { type: "float", nullable: true },
  });

/** A team's own `fillNull`, params shaped as the library's: a forward fill per device, else the value given. */
const ownFillNull = defineTransform({
  name: "fillNull",
  params: z.object({ columns: z.record(z.string(), z.number()) }),
  apply: (table, { columns }) => {
    const ids = table.array("device_id") as unknown[];
    const out: Record<string, unknown[]> = {};
    for (const [column, fallback] of Object.entries(columns)) {
      const last = new Map<unknown, number>();
      out[column] = (table.array(column) as (number | null)[]).map((v, i) => {
        if (v === null) return last.get(ids[i]) ?? fallback;
        last.set(ids[i], v);
        return v;
      });
    }
    return table.assign(aq.table(out));
  },
});

/**
 * The library's rendering goes to the library's transform object only: a user's transform of the same name and
 * params but no `sql` runs in process (its own `apply`), the library's `fillNull` still on the engine.
 */
export function describeSameNamedTransform(engine: ParityEngine, enabled = true): void {
  describe.runIf(enabled)(
    `a user's transform named like a library one on ${engine.name}`,
    { timeout: engine.timeoutMs ?? 30_000 },
    () => {
      it("runs the user's fillNull in process, as its apply says", async () => {
        const p = pipe(readings()).transform(ownFillNull, { columns: { value: -1 } });
        const result = await expectParity(p, engine, TYPES);
        expect(result.table.array("value")).toEqual([21.5, 21.5, -1, 3]);
        expect(result.placement).toEqual([{ step: "fillNull", engine: "in-process" }]);
      });

      it("still runs the library's fillNull on the engine", async () => {
        const p = pipe(readings()).transform(fillNull, { columns: { value: -1 } });
        const result = await expectParity(p, engine, TYPES);
        expect(result.table.array("value")).toEqual([21.5, -1, -1, 3]);
        expect(result.placement).toEqual([{ step: "fillNull", engine: engine.name }]);
      });
    },
  );
}
