/** Random small order tables for the property tests: nulls and duplicate keys by construction. */
import { type ColumnType, inferSchema, typedTable } from "@tablepipe/core";
import * as aq from "arquero";
import fc from "fast-check";

export interface OrderRow {
  customer_id: number | null;
  status: string | null;
  amount: number | null;
  ordered_at: number;
}

export const orderRow: fc.Arbitrary<OrderRow> = fc.record({
  customer_id: fc.option(fc.integer({ min: 1, max: 4 }), { freq: 5 }),
  status: fc.option(fc.constantFrom("paid", "open"), { freq: 5 }),
  amount: fc.option(fc.constantFrom(0, 5, 10, 12.5), { freq: 5 }),
  ordered_at: fc.constantFrom(Date.UTC(2024, 0, 1, 9), Date.UTC(2024, 0, 1, 18), Date.UTC(2024, 1, 3, 7)),
});

export const orderRows = fc.array(orderRow, { maxLength: 20 });

/** A table of order rows: nullable columns as arrays with null, the time stamps as a Float64Array. */
export function ordersTable(rows: readonly OrderRow[]): aq.ColumnTable {
  return aq.table({
    customer_id: rows.map((r) => r.customer_id),
    status: rows.map((r) => r.status),
    amount: rows.map((r) => r.amount),
    ordered_at: Float64Array.from(rows.map((r) => r.ordered_at)),
  });
}

/**
 * `table` with `columns` declared as time stamps (epoch milliseconds are numbers: a plain table's are not
 * time stamps), every other column typed from its values.
 */
export function withTimestamps(table: aq.ColumnTable, ...columns: readonly string[]): aq.ColumnTable {
  const schema: Record<string, ColumnType> = { ...inferSchema(table) };
  for (const name of columns) {
    schema[name] = { type: "timestamp", nullable: schema[name]?.nullable ?? false };
  }
  return typedTable(table, schema);
}
