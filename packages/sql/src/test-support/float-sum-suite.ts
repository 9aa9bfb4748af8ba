/**
 * The parity of float sums, means and standard deviations, bit for bit: values whose sum depends on the order
 * they are added in.
 */
import { col, count, first, mean, pipe, stddev, sum, typedTable } from "@tablepipe/core";
import { addGroupMeasures, aggregate, rowNumber, window } from "@tablepipe/transforms";
import type { ColumnTable } from "arquero";
import * as aq from "arquero";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { expectParity, type ParityEngine } from "./expect-parity";
import { STAMPS } from "./random-tables";

/** The column types the engine loads the tables with. */
const TYPES = { key: "int", n: "int", amount: "float", at: "timestamp" } as const;

/** Values whose sums round differently in another order (0.1 + 1e16 - 1e16 is 0, 1e16 - 1e16 + 0.1 is 0.1). */
const TRICKY = [0.1, 0.2, 0.3, 0.7, 1e16, -1e16, 1 / 3, 2 ** 53, -(2 ** 53), 1.5, -0, 1e-300, 123456.78];

/** The measures compared bit for bit. */
const FLOATS = ["total", "average", "spread", "stamps", "average_stamp", "stamp_spread"];

/** The cells of a column, a missing value (null, NaN) as null, every number as it is (`-0` kept). */
function cells(table: ColumnTable, name: string): unknown[] {
  return Array.from(table.array(name) as ArrayLike<unknown>, (v) =>
    v === undefined || (typeof v === "number" && Number.isNaN(v)) ? null : v,
  );
}

/**
 * Float `sum`, `mean` and `stddev` (of floats and of time stamps' epoch milliseconds) of `aggregate` and
 * `addGroupMeasures` for one SQL engine, equal to
 * the in-process run bit for bit (`Object.is`, not to a tolerance): each group's values (and a stddev's squared
 * deviations) added one by one in row order, as in process, also after a `window` step (whose engine result holds
 * the rows in another order), by keys (a null key among them) and over the table.
 */
export function describeFloatSumParity(engine: ParityEngine, enabled = true): void {
  /**
   * `aggregate` (or, `onRows`, `addGroupMeasures`) after a window step, on the engine and in process; asserts the
   * same bits in every measure.
   */
  async function sameBits(rows: ColumnTable, by: string[], onRows = false): Promise<ColumnTable> {
    // declared, not read from the values: whole numbers alone would make `amount` an int column
    const table = typedTable(rows, {
      key: { type: "int", nullable: true },
      n: { type: "int", nullable: false },
      amount: { type: "float", nullable: true },
      at: { type: "timestamp", nullable: true },
    });
    const measures = {
      total: sum(col("amount")),
      average: mean(col("amount")),
      spread: stddev(col("amount")),
      stamps: sum(col("at")),
      average_stamp: mean(col("at")),
      stamp_spread: stddev(col("at")),
      rows: count(),
      first_amount: first(col("amount")),
    };
    const windowed = pipe(table).transform(window, {
      partitionBy: ["n"],
      orderBy: ["amount"],
      columns: { nth: rowNumber() },
    });
    const p = onRows
      ? windowed.transform(addGroupMeasures, { by, measures })
      : windowed.transform(aggregate, { by, measures });
    const result = await expectParity(p, engine, TYPES);
    expect(result.placement.every((step) => step.engine === engine.name)).toBe(true);
    const reference = p.run().table;
    for (const name of FLOATS) {
      expect({ [name]: cells(result.table, name) }).toEqual({ [name]: cells(reference, name) });
      const same = cells(result.table, name).every((v, i) => Object.is(v, cells(reference, name)[i]));
      expect(same, `${name}: ${cells(result.table, name)} vs ${cells(reference, name)}`).toBe(true);
    }
    return result.table;
  }

  describe.runIf(enabled)(
    `float sums on ${engine.name}: added in row order, bit for bit as in process`,
    { timeout: engine.timeoutMs ?? 30_000 },
    () => {
      it("sum and mean after a window step, by key (a null key, a group of nulls, one of -0) and over the table", async () => {
        const rows: [number | null, number | null][] = [
          [null, 0.1],
          [1, 1e16],
          [2, 0.2],
          [null, -1e16],
          [1, 0.1],
          [1, -1e16],
          ...Array.from({ length: 40 }, (_, i): [number | null, number] => [
            i % 3 === 0 ? null : i % 3,
            0.01,
          ]),
          [5, -0],
          [5, -0],
          [6, null],
          [2, 1e16],
          [null, 0.3],
          [2, -1e16],
          [2, 0.7],
        ];
        // `n` orders the window apart from the input order: its engine result holds the rows in another order
        const table = aq.table({
          key: rows.map(([key]) => key),
          n: rows.map((_, i) => (i * 7) % 5),
          amount: rows.map(([, amount]) => amount),
          // epoch milliseconds with a tenth of one (kept to the microsecond on every engine): their sums round
          at: rows.map((_, i) => (i % 10 === 9 ? null : STAMPS[i % STAMPS.length]! + (i % 4) / 10)),
        });
        const byKey = await sameBits(table, ["key"]);
        expect(Object.is(cells(byKey, "total")[3], 0)).toBe(true); // key 5: -0 only, summed from 0
        expect(cells(byKey, "total")[4]).toBeNull(); // key 6: a null only
        await sameBits(table, []);
        await sameBits(
          table.filter(() => false),
          [],
        );
        const onRows = await sameBits(table, ["key"], true);
        expect(onRows.numRows()).toBe(rows.length);
        await sameBits(table, [], true);
      });

      it("stddev of values whose engine's own stddev_samp gives other last digits, in every row order", async () => {
        // in process 70.73587955543836 and 0.10000000000000003, where stddev_samp gave ...834 and 0.1
        const groups = [
          [141.005, 0, 60.55833333333333],
          [0.1, 0.2, 0.30000000000000004],
          [16.556, 0, 12.151, 1.036, 29.099, -2.9916666666666676, 0],
        ];
        const orders = groups.flatMap((values) => [
          values,
          [...values].reverse(),
          [...values].sort((a, b) => a - b),
        ]);
        const rows = orders.flatMap((values, key) => values.map((amount) => [key, amount] as const));
        const table = aq.table({
          key: rows.map(([key]) => key),
          n: rows.map((_, i) => (i * 7) % 5),
          amount: rows.map(([, amount]) => amount),
          at: rows.map((_, i) => STAMPS[i % STAMPS.length]! + (i % 4) / 10),
        });
        const spreads = cells(await sameBits(table, ["key"]), "spread");
        expect(spreads[0]).toBe(70.73587955543836);
        expect(spreads[3]).toBe(0.10000000000000003);
        await sameBits(table, []);
      });

      it("random sums of values whose sum depends on the order", async () => {
        const rows = fc.array(
          fc.record({
            key: fc.option(fc.integer({ min: 0, max: 3 })),
            n: fc.integer({ min: 0, max: 4 }),
            at: fc.option(
              fc
                .constantFrom(...STAMPS)
                .chain((at) => fc.integer({ min: 0, max: 9 }).map((tenth) => at + tenth / 10)),
            ),
            amount: fc.option(
              fc.oneof(fc.constantFrom(...TRICKY), fc.double({ noNaN: true, noDefaultInfinity: true })),
            ),
          }),
          { maxLength: 60 },
        );
        await fc.assert(
          fc.asyncProperty(rows, fc.boolean(), fc.boolean(), async (drawn, byKey, onRows) => {
            const table = aq.table({
              key: drawn.map((row) => row.key),
              n: drawn.map((row) => row.n),
              amount: drawn.map((row) => row.amount),
              at: drawn.map((row) => row.at),
            });
            await sameBits(table, byKey ? ["key"] : [], onRows);
          }),
          { numRuns: engine.runs },
        );
      });
    },
  );
}
