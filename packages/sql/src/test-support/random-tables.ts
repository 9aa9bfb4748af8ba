/**
 * Random typed tables for the parity tests: nulls in every column, few distinct values (so ties and duplicate
 * keys are common), empty tables, and time stamps around daylight-saving changes and day/month boundaries.
 */
import { inferSchema, typedTable } from "@tablepipe/core";
import * as aq from "arquero";
import fc from "fast-check";
import type { ColumnType } from "../column-types";

/** Wall-clock instants near New York's daylight-saving changes, midnights, a month end and before 1970. */
export const STAMPS: readonly number[] = [
  Date.UTC(2018, 2, 11, 1, 59), // New York springs forward at 02:00 (this wall-clock time exists here)
  Date.UTC(2018, 2, 11, 2, 30), // a time that does not exist in New York: must not move
  Date.UTC(2018, 2, 11, 3, 0),
  Date.UTC(2018, 10, 4, 1, 30), // falls back: an hour that happens twice in New York
  Date.UTC(2018, 10, 4, 23, 59),
  Date.UTC(2018, 10, 5, 0, 0),
  Date.UTC(2017, 2, 31, 23, 59, 59, 999),
  Date.UTC(2017, 3, 1, 0, 0),
  Date.UTC(1969, 11, 31, 23, 30), // before the epoch: negative milliseconds
  Date.UTC(1969, 11, 31, 23, 59, 30, 500), // and within a minute: truncates down, to 23:59 and 23:00
];

/** One row of a random order table. */
export interface OrderRow {
  readonly id: number | null;
  readonly status: string | null;
  readonly amount: number | null;
  readonly paid: boolean | null;
  readonly at: number | null;
}

const nullable = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | null> => fc.option(arb, { freq: 4 });

const orderRow: fc.Arbitrary<OrderRow> = fc.record({
  id: nullable(fc.integer({ min: 1, max: 4 })),
  status: nullable(fc.constantFrom("paid", "open", "Paid", "", "JFK Airport")),
  amount: nullable(fc.constantFrom(0, 5, 10, 12.5, -3)),
  paid: nullable(fc.boolean()),
  at: nullable(fc.constantFrom(...STAMPS)),
});

/** Random order rows, often with exact duplicates, sometimes none at all. */
export const orderRows: fc.Arbitrary<OrderRow[]> = fc
  .array(orderRow, { maxLength: 24 })
  .chain((rows) => fc.subarray(rows).map((repeated) => [...rows, ...repeated]));

/** The column types of an order table (time stamps are epoch milliseconds in process). */
export const ORDER_TYPES: Readonly<Record<string, ColumnType>> = {
  id: "float",
  status: "string",
  amount: "float",
  paid: "boolean",
  at: "timestamp",
  zone_id: "float",
  zone_name: "string",
  label: "string",
};

/** Order rows as a table: nullable columns as arrays with null; `at` declared a time stamp (epoch ms). */
export function ordersTable(rows: readonly OrderRow[]): aq.ColumnTable {
  const table = aq.table({
    id: rows.map((r) => r.id),
    status: rows.map((r) => r.status),
    amount: rows.map((r) => r.amount),
    paid: rows.map((r) => r.paid),
    at: rows.map((r) => r.at),
  });
  return typedTable(table, { ...inferSchema(table), at: { type: "timestamp", nullable: true } });
}

/**
 * `rows` order rows drawn from the same values as {@link orderRows} with fast-check's generator seeded by `seed`:
 * a table large enough that an engine splits it among its threads (DuckDB: row groups of 122,880 rows), with
 * many ties and exact duplicates.
 */
export function largeOrdersTable(rows: number, seed: number): aq.ColumnTable {
  return ordersTable(fc.sample(orderRow, { numRuns: rows, seed }));
}

/**
 * Five fixed orders for the engines' own tests: a repeated row, a null id, a null amount, a null time stamp,
 * time stamps on both sides of a year's end (`at` declared a timestamp).
 */
export function fixedOrders(): aq.ColumnTable {
  return typedTable(
    aq.table({
      id: [1, 1, 2, null, 2],
      amount: [10, 10, 5, 12.5, null],
      at: [
        Date.UTC(2024, 0, 5, 9),
        Date.UTC(2024, 0, 5, 9),
        Date.UTC(2023, 11, 31, 23),
        null,
        Date.UTC(2024, 2, 1),
      ],
    }),
    {
      id: { type: "int", nullable: true },
      amount: { type: "float", nullable: true },
      at: { type: "timestamp", nullable: true },
    },
  );
}

/** A random lookup table keyed by `id` values: repeated keys, null keys, names with "airport" in any case. */
export const lookupTable: fc.Arbitrary<aq.ColumnTable> = fc
  .array(
    fc.record({
      zone_id: nullable(fc.integer({ min: 1, max: 5 })),
      zone_name: nullable(fc.constantFrom("JFK Airport", "Newark airport", "Midtown", "AIRPORT", "Harlem")),
    }),
    { maxLength: 8 },
  )
  .map((rows) => aq.table({ zone_id: rows.map((r) => r.zone_id), zone_name: rows.map((r) => r.zone_name) }));
