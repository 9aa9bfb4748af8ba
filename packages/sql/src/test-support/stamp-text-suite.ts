/** The parity of a time stamp cast to a string: its wall-clock text on every engine. */
import { cast, coalesce, col, contains, pipe, timestamp, truncate, typedTable } from "@tablepipe/core";
import { derive, filter } from "@tablepipe/transforms";
import type { ColumnTable } from "arquero";
import * as aq from "arquero";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { expectParity, type ParityEngine } from "./expect-parity";

/** The column types the engine loads the tables with (a date is a time stamp at midnight). */
const TYPES = { at: "timestamp", day: "timestamp", n: "int" } as const;

/** A typed table of a nullable time-stamp column, a date column and an int column. */
function stamps(at: readonly (number | null)[]): ColumnTable {
  return typedTable(
    aq.table({
      at: [...at],
      day: at.map((ms) => (ms === null ? null : Math.floor(ms / 86_400_000) * 86_400_000)),
      n: at.map((_, i) => i),
    }),
    {
      at: { type: "timestamp", nullable: true },
      day: { type: "date", nullable: true },
      n: { type: "int", nullable: false },
    },
  );
}

const AT = [
  Date.UTC(2024, 1, 29, 10, 0, 0),
  Date.UTC(2024, 1, 29, 23, 59, 59, 120),
  Date.UTC(1969, 11, 31, 23, 59, 59, 999),
  null,
  Date.UTC(2024, 0, 1, 0, 0, 0, 1),
  Date.UTC(2000, 2, 26, 2, 30, 0, 500),
  Date.UTC(1900, 0, 1),
];

/** The texts the cases derive. */
const TEXTS = {
  at: cast(col("at"), "string"),
  day: cast(col("day"), "string"),
  month: cast(truncate(col("at"), "month"), "string"),
  either: cast(coalesce(col("at"), timestamp("2020-05-06 07:08:09")), "string"),
  number: cast(col("n"), "string"),
};

/**
 * A time stamp (a `timestamp` or `date` column, a `truncate`, a `coalesce` of time stamps) cast to a string, for
 * one SQL engine, equal to the in-process run: its wall-clock text, `2024-02-29 23:59:59.12`, the fraction of a
 * second without trailing zeros; a date is its midnight.
 */
export function describeStampTextParity(engine: ParityEngine, enabled = true): void {
  /** The pipe on the engine, every step there, as in process. */
  async function onEngine(p: ReturnType<typeof pipe<string>>): Promise<ColumnTable> {
    const result = await expectParity(p, engine, TYPES);
    expect(result.placement.every((step) => step.engine === engine.name)).toBe(true);
    return result.table;
  }

  describe.runIf(enabled)(
    `a time stamp cast to a string on ${engine.name}, as in process`,
    { timeout: engine.timeoutMs ?? 30_000 },
    () => {
      it("is its wall-clock text, in a derive and in a filter", async () => {
        const table = await onEngine(pipe(stamps(AT)).transform(derive, { columns: TEXTS }));
        expect(table.array("at")).toEqual([
          "2024-02-29 10:00:00",
          "2024-02-29 23:59:59.12",
          "1969-12-31 23:59:59.999",
          null,
          "2024-01-01 00:00:00.001",
          "2000-03-26 02:30:00.5",
          "1900-01-01 00:00:00",
        ]);
        expect(table.array("day")).toEqual([
          "2024-02-29 00:00:00",
          "2024-02-29 00:00:00",
          "1969-12-31 00:00:00",
          null,
          "2024-01-01 00:00:00",
          "2000-03-26 00:00:00",
          "1900-01-01 00:00:00",
        ]);
        expect(table.array("either")[3]).toBe("2020-05-06 07:08:09");
        const kept = await onEngine(
          pipe(stamps(AT)).transform(filter, { where: contains(cast(col("at"), "string"), "02-29") }),
        );
        expect(kept.array("n")).toEqual([0, 1]);
      });

      it("on random time stamps", async () => {
        const stamp = fc.oneof(
          fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2100, 0, 1) }),
          fc.constant(null),
        );
        await fc.assert(
          fc.asyncProperty(fc.array(stamp, { maxLength: 20 }), async (at) => {
            await onEngine(pipe(stamps(at)).transform(derive, { columns: TEXTS }));
          }),
          { numRuns: engine.runs },
        );
      });
    },
  );
}
