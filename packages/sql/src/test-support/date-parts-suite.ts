/** The parity of every date part (`year` ... `second`, `quarter`, `dayOfYear`) on random instants, as in process. */
import {
  col,
  day,
  dayOfWeek,
  dayOfYear,
  hour,
  minute,
  month,
  pipe,
  quarter,
  second,
  typedTable,
  year,
} from "@tablepipe/core";
import { derive } from "@tablepipe/transforms";
import * as aq from "arquero";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { expectParity, type ParityEngine } from "./expect-parity";

const MS_PER_DAY = 86_400_000;

/** Instants at the edges of days, quarters, years and leap years, before and after 1970, some with a fraction of a millisecond. */
const EDGES: readonly number[] = [
  Date.UTC(2024, 1, 29, 12), // a leap day: day 60
  Date.UTC(2023, 11, 31, 23, 59, 59, 999), // day 365
  Date.UTC(2024, 11, 31, 23, 59, 59), // day 366
  Date.UTC(1900, 2, 1), // 1900 was not a leap year: day 60
  Date.UTC(2000, 11, 31, 6, 7, 8), // 2000 was: day 366
  Date.UTC(2018, 2, 31, 23, 59, 30, 500), // the last second of a quarter
  Date.UTC(2018, 3, 1), // and the first of the next
  -0.4, // 1969-12-31 23:59:59.9996: second 59, as the millisecond it falls in
  0,
  Date.UTC(1969, 0, 1),
  Date.UTC(1800, 6, 4, 5, 6, 7, 250.5),
];

/** Every date part of `at`, as a derive. */
const PARTS = {
  y: year(col("at")),
  q: quarter(col("at")),
  mo: month(col("at")),
  d: day(col("at")),
  doy: dayOfYear(col("at")),
  dow: dayOfWeek(col("at")),
  h: hour(col("at")),
  mi: minute(col("at")),
  s: second(col("at")),
};

/**
 * Every date part of a `timestamp` and of a `date` column, for one SQL engine: the in-process values on random
 * instants from 1700 to 2300 (tenths of a millisecond among them) and on the edges of days, quarters and leap
 * years, every step on the engine.
 */
export function describeDatePartsParity(engine: ParityEngine, enabled = true): void {
  /** The date parts of `instants` as a column of `type`, on the engine and in process. */
  async function parts(
    instants: readonly (number | null)[],
    type: "timestamp" | "date",
  ): Promise<aq.ColumnTable> {
    const table = typedTable(aq.table({ at: instants }), { at: { type, nullable: true } });
    // a date column loads as the engine loads time stamps (its schema says it is a date)
    const result = await expectParity(pipe(table).transform(derive, { columns: PARTS }), engine, {
      at: "timestamp",
    });
    expect(result.placement.every((step) => step.engine === engine.name)).toBe(true);
    return result.table;
  }

  describe.runIf(enabled)(
    `date parts on ${engine.name}, as in process`,
    { timeout: engine.timeoutMs ?? 30_000 },
    () => {
      it("on the edges of days, quarters and leap years, before and after 1970", async () => {
        const table = await parts([...EDGES, null], "timestamp");
        expect(table.array("doy")).toEqual([60, 365, 366, 60, 366, 90, 91, 365, 1, 1, 185, null]);
        expect(table.array("q")).toEqual([1, 4, 4, 1, 4, 1, 2, 4, 1, 1, 3, null]);
        expect(table.array("s")).toEqual([0, 59, 59, 0, 8, 30, 0, 59, 0, 0, 7, null]);
      });

      it("on random instants from 1700 to 2300, as time stamps and as dates", async () => {
        const instant = fc
          .integer({ min: Date.UTC(1700, 0, 1), max: Date.UTC(2300, 0, 1) })
          .chain((ms) => fc.integer({ min: 0, max: 9 }).map((tenth) => ms + tenth / 10));
        await fc.assert(
          fc.asyncProperty(fc.array(fc.option(instant, { freq: 8 }), { maxLength: 20 }), async (instants) => {
            await parts(instants, "timestamp");
            const days = instants.map((ms) =>
              ms === null ? null : Math.floor(ms / MS_PER_DAY) * MS_PER_DAY,
            );
            await parts(days, "date");
          }),
          { numRuns: engine.runs },
        );
      });
    },
  );
}
