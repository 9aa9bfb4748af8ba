/** Random small order tables for the property tests: nulls and duplicate keys by construction. */
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
