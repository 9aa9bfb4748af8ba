/** The parity properties of the renderings that depend on column types (rename, castColumns, fillNull, union, window). */
import { add, type CastType, col, gt, type Pipe, pipe } from "@tablepipe/core";
import {
  castColumns,
  cumulativeMax,
  cumulativeMean,
  cumulativeMin,
  cumulativeSum,
  denseRank,
  dropDuplicates,
  dropMissing,
  fillBackward,
  fillForward,
  fillNull,
  filter,
  lag,
  lead,
  ntile,
  percentRank,
  rank,
  rename,
  rollingMax,
  rollingMean,
  rollingMin,
  rollingSum,
  rowNumber,
  sortRows,
  union,
  window,
} from "@tablepipe/transforms";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { expectParity, type ParityEngine } from "./expect-parity";
import { ORDER_TYPES, orderRows, ordersTable, STAMPS } from "./random-tables";

const COLUMNS = ["id", "status", "amount", "paid", "at"] as const;

/**
 * The parity properties of rename, castColumns, fillNull, union and window for one SQL engine, as
 * {@link describeParity}: each pipe runs wholly on the engine and equals the in-process result row for row.
 */
export function describeTypedParity(engine: ParityEngine, enabled = true): void {
  const RUNS = { numRuns: engine.runs };
  async function parity(p: Pipe<string>): Promise<void> {
    const result = await expectParity(p, engine, ORDER_TYPES);
    expect(result.placement.every((step) => step.engine === engine.name)).toBe(true);
  }

  describe.runIf(enabled)(
    `parity of the ${engine.name} renderings of rename, castColumns, fillNull, union and window (random tables)`,
    { timeout: engine.timeoutMs ?? 30_000 },
    () => {
      const renames = fc.constantFrom<Record<string, string>>(
        { id: "order_id" },
        { id: "amount", amount: "id" },
        { status: "state", at: "ordered_at", paid: "is_paid" },
        { status: "status" },
      );

      it("rename, swaps too, and the steps after it read the new names", async () => {
        await fc.assert(
          fc.asyncProperty(orderRows, renames, async (rows, columns) => {
            const renamed = pipe(ordersTable(rows)).transform(rename, { columns });
            await parity(renamed);
            const [first] = Object.values(columns) as [string];
            await parity(
              renamed.transform(sortRows, { by: [first] }).transform(dropMissing, { columns: [first] }),
            );
          }),
          RUNS,
        );
      });

      /** The casts castColumns renders for each column of a typed table (a time stamp to int/float/timestamp). */
      const CASTS: Readonly<Record<string, readonly CastType[]>> = {
        id: ["int", "float", "string", "boolean", "timestamp"],
        amount: ["int", "float", "string", "boolean"],
        paid: ["int", "float", "string", "boolean"],
        at: ["int", "float", "timestamp"],
        status: ["string"],
        digits: ["int", "float"],
        word: ["boolean", "string"],
      };
      const castPlan = fc
        .subarray(Object.keys(CASTS), { minLength: 1 })
        .chain((names) =>
          fc.tuple(
            ...names.map((name) =>
              fc.constantFrom(...(CASTS[name] as CastType[])).map((to) => [name, to] as const),
            ),
          ),
        )
        .map((pairs) => Object.fromEntries(pairs) as Record<string, CastType>);
      const textColumns = fc.array(
        fc.record({
          // blanks JavaScript's trim() removes and SQL's trim keeps: tabs, line ends, Unicode spaces (a BOM, which
          // Spark's Arrow reader drops from the start of a text, is tested on DuckDB in read-result.test.ts)
          digits: fc.option(
            fc.constantFrom(
              "12.5",
              " 7 ",
              "-3",
              "1e3",
              ".5",
              "+4.",
              "-0",
              "2E-2",
              "\t7",
              "7\n",
              "\u00a07",
              "\u30007\u2029",
            ),
            { freq: 4 },
          ),
          word: fc.option(fc.constantFrom("true", " FALSE ", "True", "false", "true\t", "\r\nfalse"), {
            freq: 4,
          }),
        }),
      );

      it("castColumns: numbers, booleans, decimal text, true/false text, time stamps as epoch milliseconds", async () => {
        await fc.assert(
          fc.asyncProperty(orderRows, textColumns, castPlan, async (rows, texts, columns) => {
            const n = rows.length;
            const table = ordersTable(rows).assign({
              digits: Array.from(
                { length: n },
                (_, i) => texts[i % Math.max(1, texts.length)]?.digits ?? null,
              ),
              word: Array.from({ length: n }, (_, i) => texts[i % Math.max(1, texts.length)]?.word ?? null),
            });
            const types = { ...ORDER_TYPES, digits: "string", word: "string" } as const;
            const result = await expectParity(pipe(table).transform(castColumns, { columns }), engine, types);
            expect(result.placement.every((step) => step.engine === engine.name)).toBe(true);
          }),
          RUNS,
        );
      });

      const fills = fc.record(
        {
          id: fc.constantFrom(0, -1.5),
          status: fc.constantFrom("none", ""),
          amount: fc.constant(2.5),
          paid: fc.boolean(),
          at: fc.constantFrom(...STAMPS),
        },
        { requiredKeys: [] },
      );

      it("fillNull, a time stamp's fill given as epoch milliseconds", async () => {
        await fc.assert(
          fc.asyncProperty(orderRows, fills, async (rows, columns) => {
            await parity(
              pipe(ordersTable(rows))
                .transform(fillNull, { columns })
                .transform(sortRows, { by: ["id"] }),
            );
          }),
          RUNS,
        );
      });

      it("union: columns matched by name, the other's rows after the input's, order kept through later steps", async () => {
        await fc.assert(
          fc.asyncProperty(orderRows, orderRows, fc.boolean(), async (rows, others, dedupe) => {
            const other = ordersTable(others).select(["at", "paid", "amount", "status", "id"]);
            const united = pipe(ordersTable(rows))
              .transform(filter, { where: gt(col("amount"), 0) })
              .transform(union, { other });
            await parity(dedupe ? united.transform(dropDuplicates, { subset: ["id", "status"] }) : united);
          }),
          RUNS,
        );
      });

      it("window: rowNumber, rank, denseRank, percentRank, ntile, lag, lead, cumulative sums, means, mins and maxes, fillForward, fillBackward, rolling sums, means, mins and maxes over partitions, ascending and descending", async () => {
        const offset = fc.integer({ min: 0, max: 2 });
        await fc.assert(
          fc.asyncProperty(
            orderRows,
            fc.subarray([...COLUMNS]),
            fc.subarray([...COLUMNS]),
            fc.subarray([...COLUMNS]),
            offset,
            async (rows, partitionBy, orderBy, picks, k) => {
              const descending = orderBy.filter((c) => picks.includes(c));
              await parity(
                pipe(ordersTable(rows)).transform(window, {
                  partitionBy,
                  orderBy,
                  descending,
                  columns: {
                    nth: rowNumber(),
                    place: rank(),
                    level: denseRank(),
                    share: percentRank(),
                    bucket: ntile(k + 2),
                    previous: lag(col("amount"), k),
                    next_status: lead(col("status"), k),
                    earlier: lag(col("at")),
                    spent: cumulativeSum(col("amount")),
                    amount: cumulativeSum(add(col("amount"), 1)),
                    usual: cumulativeMean(col("amount")),
                    usual_id: cumulativeMean(col("id")),
                    recent: rollingSum(col("amount"), k + 1),
                    recent_ids: rollingSum(col("id"), k + 2),
                    typical: rollingMean(col("amount"), k + 2),
                    typical_id: rollingMean(col("id"), k + 1),
                    low: rollingMin(col("amount"), k + 1),
                    high_id: rollingMax(col("id"), k + 2),
                    latest: rollingMax(col("at"), k + 2),
                    lowest: cumulativeMin(col("amount")),
                    highest_id: cumulativeMax(col("id")),
                    first_at: cumulativeMin(col("at")),
                    known_status: fillForward(col("status")),
                    known_amount: fillForward(col("amount")),
                    known_paid: fillForward(col("paid")),
                    known_at: fillForward(col("at")),
                    coming_status: fillBackward(col("status")),
                    coming_amount: fillBackward(col("amount")),
                    coming_at: fillBackward(col("at")),
                  },
                }),
              );
            },
          ),
          RUNS,
        );
      });

      it("window: rolling sums, means, mins and maxes over a range of an int, float or time-stamp orderBy column, ascending and descending", async () => {
        await fc.assert(
          fc.asyncProperty(
            orderRows,
            fc.constantFrom("id", "amount", "at"),
            fc.boolean(),
            fc.subarray(["status", "paid"]),
            fc.constantFrom(0, 1, 2.5, 15, 3_600_000, 86_400_000 * 400),
            async (rows, by, down, partitionBy, range) => {
              const frame = { range };
              const table = pipe(ordersTable(rows)).transform(castColumns, { columns: { id: "int" } });
              await parity(
                table.transform(window, {
                  partitionBy,
                  orderBy: [by],
                  descending: down ? [by] : [],
                  columns: {
                    recent: rollingSum(col("amount"), frame),
                    recent_ids: rollingSum(col("id"), frame),
                    typical: rollingMean(col("amount"), frame),
                    low: rollingMin(col("amount"), frame),
                    high_id: rollingMax(col("id"), frame),
                    latest: rollingMax(col("at"), frame),
                  },
                }),
              );
            },
          ),
          RUNS,
        );
      });
    },
  );
}
