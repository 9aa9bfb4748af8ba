/** The parity of `unpivot` and `pivot`, reshaping between long and wide tables, on a SQL engine. */
import { col, eq, gt, isIn, lower, type Pipe, pipe, trim, upper } from "@tablepipe/core";
import { derive, filter, PIVOT_AGGREGATES, pivot, unpivot } from "@tablepipe/transforms";
import type { ColumnTable } from "arquero";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { expectParity, expectSameFailure, type ParityEngine } from "./expect-parity";
import { ORDER_TYPES, orderRows, ordersTable } from "./random-tables";

/**
 * Values of the random orders' `status` to name columns: not `""` (no column name), nor `"paid"` and `"Paid"`
 * (a `by` column, and a name DuckDB takes for it).
 */
const STATUSES = ["open", "JFK Airport"];

/** Each cell of a table: a missing value (null, undefined, NaN, an invalid Date) null, a Date its epoch ms, else as it is (`-0` kept). */
function strictRows(table: ColumnTable): unknown[][] {
  const columns = table.columnNames().map((name) => table.array(name) as ArrayLike<unknown>);
  const cell = (v: unknown): unknown => {
    const x = v instanceof Date ? v.getTime() : v;
    return x === undefined || (typeof x === "number" && Number.isNaN(x)) ? null : x;
  };
  return Array.from({ length: table.numRows() }, (_, row) => columns.map((column) => cell(column[row])));
}

/**
 * `unpivot` and `pivot` for one SQL engine: each pipe runs wholly on the engine (the steps after them too) and
 * equals the in-process run, row for row and in the same order (random order tables: missing values in every
 * column, repeated keys, empty tables).
 */
export function describeReshapeParity(engine: ParityEngine, enabled = true): void {
  const RUNS = { numRuns: engine.runs };
  async function parity(p: Pipe<string>): Promise<void> {
    const result = await expectParity(p, engine, ORDER_TYPES);
    expect(result.placement.map((step) => step.engine)).toEqual(result.placement.map(() => engine.name));
    // the same values bit for bit: toEqual compares numbers with Object.is (-0 is not 0)
    expect(strictRows(result.table)).toEqual(strictRows(p.run().table));
  }

  describe.runIf(enabled)(
    `unpivot and pivot on ${engine.name}, as in process`,
    { timeout: engine.timeoutMs ?? 30_000 },
    () => {
      it("unpivot: one row per listed column of each row, in row order then the listed order", async () => {
        const listed = fc.constantFrom(["id", "amount"], ["amount", "id"], ["amount"]);
        await fc.assert(
          fc.asyncProperty(orderRows, listed, fc.boolean(), async (rows, columns, dropMissing) => {
            await parity(
              pipe(ordersTable(rows))
                .transform(unpivot, { columns, nameColumn: "measure", valueColumn: "value", dropMissing })
                .transform(derive, { columns: { double: col("value") } }),
            );
          }),
          RUNS,
        );
      });

      it("unpivot of strings, booleans and time stamps, then a filter on the new columns", async () => {
        const listed = fc.constantFrom(["status"], ["paid"], ["at"]);
        await fc.assert(
          fc.asyncProperty(orderRows, listed, async (rows, columns) => {
            await parity(
              pipe(ordersTable(rows))
                .transform(unpivot, { columns, nameColumn: "measure", valueColumn: "value" })
                .transform(filter, { where: eq(col("measure"), columns[0] as string) }),
            );
          }),
          RUNS,
        );
      });

      it("unpivot after a filter, on the rows it keeps", async () => {
        await fc.assert(
          fc.asyncProperty(orderRows, async (rows) => {
            await parity(
              pipe(ordersTable(rows))
                .transform(filter, { where: gt(col("amount"), 0) })
                .transform(unpivot, { columns: ["amount", "id"], nameColumn: "k", valueColumn: "v" }),
            );
          }),
          RUNS,
        );
      });

      it("pivot: every measure of numbers, time stamps and strings, by keys or none, undeclared names left out", async () => {
        const values = fc.constantFrom("amount", "id", "at", "paid", "status");
        const by = fc.constantFrom([], ["id"], ["paid", "id"]);
        await fc.assert(
          fc.asyncProperty(orderRows, values, by, async (rows, valuesFrom, keys) => {
            // in process refuses a sum or mean of strings or booleans, naming it: not a rendering's case
            const numbers = valuesFrom === "amount" || valuesFrom === "id" || valuesFrom === "at";
            const ofNumbers = new Set(["sum", "mean", "stddev", "median"]);
            const measures = PIVOT_AGGREGATES.filter((fn) => numbers || !ofNumbers.has(fn));
            for (const aggregate of measures) {
              await parity(
                pipe(ordersTable(rows))
                  .transform(pivot, {
                    by: keys.filter((key) => key !== valuesFrom),
                    namesFrom: "status",
                    valuesFrom,
                    names: STATUSES,
                    aggregate,
                    ignoreUndeclared: true,
                  })
                  .transform(derive, { columns: { again: col("open") } }),
              );
            }
          }),
          RUNS,
        );
      });

      it("pivot on names made by lower, upper or trim (a string the compiler sees), on the engine too", async () => {
        const named = { lower: lower(col("status")), upper: upper(col("status")), trim: trim(col("status")) };
        const names = { lower: ["open", "jfk airport"], upper: ["OPEN", "JFK AIRPORT"], trim: STATUSES };
        await fc.assert(
          fc.asyncProperty(orderRows, fc.constantFrom("lower", "upper", "trim"), async (rows, fn) => {
            await parity(
              pipe(ordersTable(rows))
                .transform(derive, { columns: { name: named[fn as keyof typeof named] } })
                .transform(pivot, {
                  by: ["id"],
                  namesFrom: "name",
                  valuesFrom: "amount",
                  names: names[fn as keyof typeof names],
                  aggregate: "sum",
                  ignoreUndeclared: true,
                }),
            );
          }),
          RUNS,
        );
      });

      it("pivot sums and means floats in row order, bit for bit, as aggregate does", async () => {
        const amounts = [0.1, 1e16, 0.2, -1e16, 0.3, 1 / 3, -0, Number.NaN, 0.7, 2 ** 53, 1, -(2 ** 53)];
        const rows = amounts.map((amount, i) => ({
          id: i % 3 === 0 ? null : i % 2,
          status: i % 4 === 1 ? "JFK Airport" : "open",
          amount,
          paid: null,
          at: null,
        }));
        for (const aggregate of ["sum", "mean"] as const) {
          for (const by of [[], ["id"]]) {
            await parity(
              pipe(ordersTable(rows)).transform(pivot, {
                by,
                namesFrom: "status",
                valuesFrom: "amount",
                names: STATUSES,
                aggregate,
              }),
            );
          }
        }
      });

      it("pivot of names all declared runs its check on the engine; an undeclared one fails as in process, naming its row", async () => {
        await fc.assert(
          fc.asyncProperty(orderRows, async (rows) => {
            await parity(
              pipe(ordersTable(rows))
                .transform(filter, { where: isIn(col("status"), STATUSES) })
                .transform(pivot, {
                  by: ["id"],
                  namesFrom: "status",
                  valuesFrom: "amount",
                  names: STATUSES,
                  aggregate: "sum",
                }),
            );
          }),
          RUNS,
        );
        const orders = ordersTable([
          { id: 1, status: "paid", amount: 3, paid: true, at: null },
          { id: 2, status: "open", amount: -0, paid: null, at: null },
          { id: 1, status: "JFK Airport", amount: 1, paid: false, at: null },
          { id: 2, status: null, amount: 2, paid: true, at: null },
        ]);
        const names = { by: ["id"], namesFrom: "status", valuesFrom: "amount", aggregate: "max" } as const;
        await expectSameFailure(
          pipe(orders).transform(pivot, { ...names, names: ["paid", "open"] }),
          engine,
          ORDER_TYPES,
          /^pivot\(.*\): column "status" holds "JFK Airport" at row 2, which is not a declared name \("paid", "open"\)/,
        );
        await expectSameFailure(
          pipe(orders.slice(3).concat(orders.slice(0, 2))).transform(pivot, {
            ...names,
            names: ["paid", "open"],
          }),
          engine,
          ORDER_TYPES,
          /holds a missing value at row 0, which is not a declared name/,
        );
      });

      it("unpivot then pivot gives the wide table back, -0 and missing values as they were", async () => {
        await fc.assert(
          fc.asyncProperty(orderRows, async (rows) => {
            await parity(
              pipe(ordersTable(rows))
                .transform(unpivot, { columns: ["amount", "id"], nameColumn: "k", valueColumn: "v" })
                .transform(pivot, {
                  by: ["status", "paid", "at"],
                  namesFrom: "k",
                  valuesFrom: "v",
                  names: ["amount", "id"],
                  aggregate: "first",
                }),
            );
          }),
          RUNS,
        );
      });
    },
  );
}
