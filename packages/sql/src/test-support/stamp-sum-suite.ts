/**
 * The parity of sums of time stamps: `aggregate`'s `sum`, `mean`, `stddev` and `window`'s `cumulativeSum`,
 * `rollingSum` and `rollingMean`.
 */
import { col, mean, pipe, stddev, sum } from "@tablepipe/core";
import {
  aggregate,
  castColumns,
  cumulativeSum,
  rollingMean,
  rollingSum,
  window,
} from "@tablepipe/transforms";
import * as aq from "arquero";
import { describe, expect, it } from "vitest";
import { expectParity, type ParityEngine } from "./expect-parity";
import { STAMPS } from "./random-tables";

/** The column types the engine loads the stamp tables with. */
const TYPES = { key: "int", at: "timestamp" } as const;

/**
 * The sums of a time stamp for one SQL engine, equal to the in-process run, which sums the epoch milliseconds:
 * by key and over the whole table, with nulls, a group of nulls only and an empty input, the result a float
 * column that a following `castColumns` renders on the engine too. `fractions`: the engine keeps a fraction of a
 * millisecond in a loaded time stamp (DuckDB and Spark, to the microsecond), so the cases hold some.
 */
export function describeStampSumParity(engine: ParityEngine, enabled = true, fractions = false): void {
  const at = [STAMPS[0], null, STAMPS[6], STAMPS[8], STAMPS[3], null, STAMPS[2]] as (number | null)[];
  if (fractions) at.push(-0.4, 1.5, Date.UTC(2018, 2, 1) - 0.25);
  const key = at.map((_, i) => (i === 5 ? 4 : i % 3)); // key 4: one null stamp only
  const stamps = () => aq.table({ key, at });

  /** The pipe on the engine, every step there, as in process; the result's column `name`. */
  async function onEngine(p: ReturnType<typeof pipe<string>>, name: string): Promise<unknown[]> {
    const result = await expectParity(p, engine, TYPES);
    expect(result.placement.every((step) => step.engine === engine.name)).toBe(true);
    return Array.from(result.table.array(name) as ArrayLike<unknown>);
  }

  describe.runIf(enabled)(
    `sums of time stamps on ${engine.name}: their epoch milliseconds, as in process`,
    { timeout: engine.timeoutMs ?? 30_000 },
    () => {
      it("aggregate: sum, mean and stddev by key and over the table; a group of nulls is null", async () => {
        const measures = { total: sum(col("at")), average: mean(col("at")), spread: stddev(col("at")) };
        for (const by of [["key"], []]) {
          const totals = await onEngine(pipe(stamps()).transform(aggregate, { by, measures }), "total");
          if (by.length === 1) expect(totals.at(-1)).toBeNull();
          else
            expect(totals[0]).toBeCloseTo(
              at.reduce<number>((a, x) => a + (x ?? 0), 0),
              0,
            );
        }
        if (fractions) {
          const tiny = aq.table({ key: [1, 1, 2], at: [-0.4, 1.5, 1.25] });
          const p = pipe(tiny).transform(aggregate, { by: ["key"], measures });
          expect(await onEngine(p, "total")).toEqual([1.1, 1.25]);
        }
      });

      it("aggregate of an empty input: no group by key, one null row over the table", async () => {
        const empty = () => stamps().filter(() => false);
        const measures = { total: sum(col("at")), average: mean(col("at")) };
        expect(
          await onEngine(pipe(empty()).transform(aggregate, { by: ["key"], measures }), "total"),
        ).toEqual([]);
        expect(await onEngine(pipe(empty()).transform(aggregate, { by: [], measures }), "total")).toEqual([
          null,
        ]);
      });

      it("window: a running sum by key in order, nulls keeping the sum so far; rolling sums and means", async () => {
        const running = {
          running: cumulativeSum(col("at")),
          recent: rollingSum(col("at"), 2),
          typical: rollingMean(col("at"), 3),
        };
        for (const partitionBy of [["key"], []]) {
          for (const descending of [[], ["at"]]) {
            const p = pipe(stamps()).transform(window, {
              partitionBy,
              orderBy: ["at"],
              descending,
              columns: running,
            });
            await onEngine(p, "running");
          }
        }
        const empty = pipe(stamps().filter(() => false)).transform(window, {
          partitionBy: [],
          orderBy: ["at"],
          columns: running,
        });
        expect(await onEngine(empty, "running")).toEqual([]);
      });

      it("the sum is a float column: castColumns of it to text runs on the engine", async () => {
        const p = pipe(stamps())
          .transform(aggregate, { by: ["key"], measures: { total: sum(col("at")) } })
          .transform(window, {
            partitionBy: [],
            orderBy: ["key"],
            columns: { running: cumulativeSum(col("total")) },
          })
          .transform(castColumns, { columns: { total: "string", running: "string" } });
        const texts = await onEngine(p, "total");
        expect(texts[0]).toBe(String(p.run().table.array("total")[0]));
      });
    },
  );
}
