/**
 * Schema propagation: on random typed tables, every transform's output carries (schemaOf) exactly the schema
 * its contract says (schemaAfter of the contract with the input's types), its values fit that schema, and a
 * pipe's pre-flight predicts it before any row is read.
 */
import {
  add,
  type ColumnType,
  checkTableSchema,
  col,
  count,
  div,
  gt,
  lower,
  max,
  mean,
  month,
  mul,
  pipe,
  schemaAfter,
  schemaOf,
  sum,
  type Transform,
  truncate,
  typedTable,
} from "@tablepipe/core";
import * as aq from "arquero";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDateParts } from "./add-date-parts";
import { aggregate } from "./aggregate";
import { castColumns } from "./cast-columns";
import { derive } from "./derive";
import { dropDuplicates } from "./drop-duplicates";
import { dropMissing } from "./drop-missing";
import { encodeFlag } from "./encode-flag";
import { excludeMatching } from "./exclude-matching";
import { fillNull } from "./fill-null";
import { filter } from "./filter";
import { firstNDaily } from "./first-n-daily";
import { firstNPerGroup } from "./first-n-per-group";
import { orderRows, ordersTable } from "./internal/test-support";
import { join } from "./join";
import { keepHourWindow } from "./keep-hour-window";
import { limitHistory } from "./limit-history";
import { rename } from "./rename";
import { select } from "./select";
import { sortRows } from "./sort-rows";
import { topNPerGroup } from "./top-n-per-group";
import { union } from "./union";
import { window } from "./window";
import { lag, rowNumber } from "./window-functions";

const ORDER_SCHEMA = {
  customer_id: { type: "int", nullable: true },
  status: { type: "string", nullable: true },
  amount: { type: "float", nullable: true },
  ordered_at: { type: "timestamp", nullable: false },
} as const satisfies Record<string, ColumnType>;

const customers = typedTable(aq.table({ customer_id: [1, 2, 3], region: ["north", "south", "north"] }), {
  customer_id: { type: "int", nullable: false },
  region: { type: "string", nullable: false },
});

/** Every transform, with params that fit the order tables. */
const STEPS: readonly [string, Transform, Record<string, unknown>][] = [
  ["dropDuplicates", dropDuplicates, {}],
  ["dropMissing", dropMissing, { columns: ["amount", "customer_id"] }],
  ["limitHistory", limitHistory, { column: "ordered_at", after: "202312", through: "202401" }],
  ["keepHourWindow", keepHourWindow, { column: "ordered_at", from: 8, to: 17 }],
  ["addDateParts", addDateParts, { column: "ordered_at" }],
  ["encodeFlag", encodeFlag, { column: "status", output: "is_paid", value: "paid" }],
  [
    "derive",
    derive,
    {
      columns: {
        double: mul(col("amount"), 2),
        next: add(col("customer_id"), 1),
        ratio: div(col("amount"), 3),
        big: gt(col("amount"), 5),
        day: truncate(col("ordered_at"), "day"),
        m: month(col("ordered_at")),
        shout: lower(col("status")),
      },
    },
  ],
  ["filter", filter, { where: gt(col("amount"), 5) }],
  ["castColumns", castColumns, { columns: { customer_id: "string", amount: "int" } }],
  ["fillNull", fillNull, { columns: { amount: 0, status: "none" } }],
  ["rename", rename, { columns: { amount: "total", status: "state" } }],
  ["select", select, { columns: ["ordered_at", "customer_id"] }],
  [
    "aggregate",
    aggregate,
    {
      by: ["customer_id"],
      measures: {
        n: count(),
        total: sum(col("amount")),
        last_at: max(col("ordered_at")),
        avg: mean(col("amount")),
      },
    },
  ],
  [
    "window",
    window,
    {
      partitionBy: ["customer_id"],
      orderBy: ["ordered_at"],
      columns: { nth: rowNumber(), prev: lag(col("amount")) },
    },
  ],
  ["sortRows", sortRows, { by: ["amount"], descending: ["amount"] }],
  ["firstNPerGroup", firstNPerGroup, { keys: ["customer_id"], orderBy: ["ordered_at"], n: 1 }],
  ["topNPerGroup", topNPerGroup, { keys: ["status"], orderBy: ["amount"], descending: ["amount"], n: 2 }],
  ["firstNDaily", firstNDaily, { key: "customer_id", timestamp: "ordered_at", n: 1 }],
  ["join (left)", join, { right: customers, on: ["customer_id"], how: "left" }],
  ["join (inner)", join, { right: customers, on: ["customer_id"] }],
  ["union", union, {}],
  [
    "excludeMatching",
    excludeMatching,
    { column: "customer_id", lookup: customers, lookupKey: "customer_id" },
  ],
];

describe("schema propagation", () => {
  for (const [name, transform, params] of STEPS) {
    it(`${name}: the output carries the schema its contract says, and its values fit it`, () => {
      fc.assert(
        fc.property(orderRows, orderRows, (rows, others) => {
          const input = typedTable(ordersTable(rows), ORDER_SCHEMA);
          const given = name === "union" ? { other: typedTable(ordersTable(others), ORDER_SCHEMA) } : params;
          const resolved = transform.resolveParams(given);
          const expected = schemaAfter(
            input.columnNames(),
            ORDER_SCHEMA,
            transform.contract(resolved, ORDER_SCHEMA),
          );
          const output = transform(input, given as never);
          expect(schemaOf(output)).toEqual(expected);
          // The schema lists the columns in the table's order (a renamed column in its place).
          expect(Object.keys(schemaOf(output))).toEqual(output.columnNames());
          expect(Object.keys(expected)).toEqual(output.columnNames());
          checkTableSchema(output, expected, name);
          // The pre-flight predicts the same schema, in the same order, before any row is read.
          const planned = pipe(input).transform(transform as never, given as never);
          expect(planned.check()).toEqual(output.columnNames());
          expect(Object.keys(schemaOf(planned.value()))).toEqual(output.columnNames());
          expect(schemaOf(planned.value())).toEqual(expected);
          // A typed input gives typed outputs: no column is left unknown.
          expect(Object.values(expected).filter((t) => t.type === "unknown")).toEqual([]);
        }),
        { seed: 11, numRuns: 25 },
      );
    });
  }

  it("gives the types a reader expects: date parts are ints, measures typed from their inputs", () => {
    const input = typedTable(ordersTable([]), ORDER_SCHEMA);
    expect(schemaOf(addDateParts(input, { column: "ordered_at" })).day_of_week).toEqual({
      type: "int",
      nullable: false,
    });
    const totals = aggregate(input, {
      by: ["status"],
      measures: { n: count(), last_at: max(col("ordered_at")) },
    });
    expect(schemaOf(totals)).toEqual({
      status: { type: "string", nullable: true },
      n: { type: "int", nullable: false },
      last_at: { type: "timestamp", nullable: true },
    });
  });
});
