import type { Table } from "@tablepipe/core";
import { pipe, step } from "@tablepipe/core";
import type { ColumnTable } from "arquero";
import { describe, expectTypeOf, it } from "vitest";
import { addDateParts } from "./add-date-parts";
import { dropDuplicates } from "./drop-duplicates";
import { dropMissing } from "./drop-missing";
import { encodeFlag } from "./encode-flag";
import { excludeAirports } from "./exclude-airports";
import { excludeMatching } from "./exclude-matching";
import { firstNDaily } from "./first-n-daily";
import { firstNPerGroup } from "./first-n-per-group";
import { keepHourWindow } from "./keep-hour-window";
import { limitHistory } from "./limit-history";
import { sortRows } from "./sort-rows";

type OrderColumns = "ordered_at" | "customer_id" | "shop_id" | "express" | "amount";
declare const orders: Table<OrderColumns>;
declare const shops: ColumnTable;
const shopColumns = { zones: shops, zoneIdColumn: "id", zoneNameColumn: "name" } as const;

describe("typed columns, with the caller's column names", () => {
  it("resolves the columns from the params: a pipe over another data set", () => {
    const out = pipe(orders)
      .transform(dropDuplicates)
      .transform(limitHistory, { column: "ordered_at", after: "202312", through: "202406" })
      .transform(keepHourWindow, { column: "ordered_at", from: 9, to: 17 })
      .transform(excludeAirports, { column: "shop_id", ...shopColumns })
      .transform(firstNDaily, { key: "customer_id", timestamp: "ordered_at", n: 1 })
      .transform(addDateParts, { column: "ordered_at" })
      .transform(encodeFlag, { column: "express", value: true, output: "is_express" })
      .transform(sortRows, { by: ["customer_id", "ordered_at"] })
      .value();
    expectTypeOf(out).toEqualTypeOf<
      Table<
        OrderColumns | "month" | "day_of_week" | "day_of_month" | "is_express",
        { month: "int"; day_of_week: "int"; day_of_month: "int"; is_express: "int" }
      >
    >();
    expectTypeOf(addDateParts(orders, { column: "ordered_at", month: "m" })).toEqualTypeOf<
      Table<
        OrderColumns | "m" | "day_of_week" | "day_of_month",
        { m: "int"; day_of_week: "int"; day_of_month: "int" }
      >
    >();
  });

  it("does not compile when a named column is not in the table", () => {
    // @ts-expect-error no such column
    limitHistory(orders, { column: "pickup_datetime", after: "202312", through: "202406" });
    // @ts-expect-error no such column in the subset
    dropDuplicates(orders, { subset: ["amount", "tip"] });
    dropDuplicates(orders, { subset: ["amount"] });
    // @ts-expect-error keys must be columns of the table
    firstNPerGroup(orders, { keys: ["vendor_id"], orderBy: ["ordered_at"], n: 1 });
    // @ts-expect-error the location column must be in the table
    excludeAirports(orders, { column: "pickup_location_id", ...shopColumns });
    // @ts-expect-error in a pipe too, lists included
    pipe(orders).transform(dropMissing, { columns: ["amount", "tip_amount"] });
    // @ts-expect-error and in a prepared step run by a pipe
    pipe(orders).step(step(firstNDaily, { key: "customer_id", timestamp: "pickup_datetime", n: 1 }));
  });
});

describe("no defaults that name a data set's columns, months, hours or counts", () => {
  it("does not compile when a required param is left out", () => {
    // @ts-expect-error the column is required (it once defaulted to the taxi data's pickup_datetime)
    limitHistory(orders, { after: "202312", through: "202406" });
    // @ts-expect-error through is required (it once defaulted to the guide's "201811")
    limitHistory(orders, { column: "ordered_at", after: "202312" });
    // @ts-expect-error after is required
    limitHistory(orders, { column: "ordered_at", through: "202406" });
    // @ts-expect-error every param is required
    limitHistory(orders);
    // @ts-expect-error the key is required
    firstNDaily(orders, { timestamp: "ordered_at", n: 1 });
    // @ts-expect-error the time stamp is required
    firstNDaily(orders, { key: "customer_id", n: 1 });
    // @ts-expect-error n is required (it once defaulted to the guide's 3)
    firstNDaily(orders, { key: "customer_id", timestamp: "ordered_at" });
    // @ts-expect-error the location column is required
    excludeAirports(orders, shopColumns);
    // @ts-expect-error the zone table's id column is required
    excludeAirports(orders, { column: "shop_id", zones: shops, zoneNameColumn: "name" });
    // @ts-expect-error the zone table's name column is required
    excludeAirports(orders, { column: "shop_id", zones: shops, zoneIdColumn: "id" });
    // @ts-expect-error keys, orderBy and n are required
    firstNPerGroup(orders, { keys: ["customer_id"] });
    // @ts-expect-error the column is required
    keepHourWindow(orders, { from: 9, to: 17 });
    // @ts-expect-error a general hour window has no default bounds
    keepHourWindow(orders, { column: "ordered_at" });
    // @ts-expect-error the time-stamp column is required
    addDateParts(orders);
    // @ts-expect-error column, output and value are required
    encodeFlag(orders, { column: "express" });
    // @ts-expect-error the columns are required
    dropMissing(orders);
    // @ts-expect-error the lookup key is required
    excludeMatching(orders, { column: "shop_id", lookup: shops, where: { column: "name", equals: "x" } });
    // @ts-expect-error a required param left out of a pipe step
    pipe(orders).transform(firstNDaily, { key: "customer_id", n: 1 });
    // @ts-expect-error a pipe step with no params at all
    pipe(orders).transform(limitHistory);
    // @ts-expect-error a prepared step too
    step(keepHourWindow, { from: 9, to: 17 });
  });

  it("keeps the natural defaults: dropDuplicates and sortRows over every column", () => {
    expectTypeOf(dropDuplicates(orders)).toEqualTypeOf<Table<OrderColumns>>();
    expectTypeOf(sortRows(orders)).toEqualTypeOf<Table<OrderColumns>>();
  });

  it("types the params", () => {
    // @ts-expect-error months are yyyyMM strings
    limitHistory(orders, { column: "ordered_at", after: 202312, through: "202406" });
    // @ts-expect-error the bounds are named after / through
    limitHistory(orders, { column: "ordered_at", start: "202312", through: "202406" });
    excludeMatching(orders, {
      column: "shop_id",
      lookup: shops,
      lookupKey: "id",
      where: { anyOf: [{ column: "name", in: ["JFK", 1] }] },
    });
    excludeMatching(orders, {
      column: "shop_id",
      lookup: shops,
      lookupKey: "id",
      // @ts-expect-error predicates are data: an unknown test does not compile
      where: { column: "name", like: "%airport%" },
    });
  });
});
