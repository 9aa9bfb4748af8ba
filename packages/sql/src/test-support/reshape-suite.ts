/** The parity of `unpivot` and `pivot`, reshaping between long and wide tables, on a SQL engine. */
import { col, eq, gt, type Pipe, pipe } from "@tablepipe/core";
import { derive, filter, unpivot } from "@tablepipe/transforms";
import type { ColumnTable } from "arquero";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { expectParity, type ParityEngine } from "./expect-parity";
import { ORDER_TYPES, orderRows, ordersTable } from "./random-tables";

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
    },
  );
}
