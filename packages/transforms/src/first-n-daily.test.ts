import "@tablepipe/testing/vitest";
import { tripRows } from "@tablepipe/testing";
import * as aq from "arquero";
import { describe, expect, it } from "vitest";
import { firstNDaily } from "./first-n-daily";
import { withTimestamps } from "./internal/test-support";

const stamps = (table: aq.ColumnTable, column = "pickup_datetime"): string[] =>
  Array.from(table.array(column) as ArrayLike<number>, (ms) => new Date(ms).toISOString().slice(0, 16));

/** The grouping of most tests (every param is required). */
const byPickup = { key: "pickup_location_id", timestamp: "pickup_datetime" } as const;

describe("firstNDaily", () => {
  it("keeps the first 3 pickups per zone and calendar day, in input order", () => {
    const trips = tripRows.tuples(
      ["pickup_location_id", "pickup_datetime"],
      [
        [1, "2018-02-04T23:00"],
        [1, "2018-02-04T18:00"],
        [2, "2018-02-04T18:00"],
        [1, "2018-02-04T19:00"],
        [1, "2018-02-04T20:00"],
        [1, "2018-02-05T00:00"],
        [1, "2018-02-04T17:59"],
      ],
    );
    const out = firstNDaily(trips, { ...byPickup, n: 3 });
    expect(out.array("pickup_location_id")).toEqual([1, 2, 1, 1, 1]);
    expect(stamps(out)).toEqual([
      "2018-02-04T18:00",
      "2018-02-04T18:00",
      "2018-02-04T19:00",
      "2018-02-05T00:00",
      "2018-02-04T17:59",
    ]);
  });

  it("treats the New York DST day as one wall-clock day, hours unshifted", () => {
    // 2018-03-11 has no 02:xx in New York; every stamp here is still on the 11th.
    const trips = tripRows.tuples(
      ["pickup_datetime"],
      [
        ["2018-03-11T23:59"],
        ["2018-03-11T03:00"],
        ["2018-03-11T01:59"],
        ["2018-03-10T23:59"],
        ["2018-03-11T00:30"],
      ],
    );
    expect(stamps(firstNDaily(trips, { ...byPickup, n: 2 }))).toEqual([
      "2018-03-11T01:59",
      "2018-03-10T23:59",
      "2018-03-11T00:30",
    ]);
  });

  it("breaks ties on the time stamp deterministically, by the remaining columns", () => {
    const rows = [
      { fare_amount: 12 },
      { fare_amount: 8 },
      { fare_amount: 10 },
      { fare_amount: 8, tip_amount: 0.1 },
    ];
    const forward = firstNDaily(tripRows.rows(rows), { ...byPickup, n: 2 });
    const backward = firstNDaily(tripRows.rows([...rows].reverse()), { ...byPickup, n: 2 });
    expect(forward).toEqualTable(backward, { ignoreRowOrder: true });
    expect(
      (forward.objects() as { fare_amount: number; tip_amount: number }[]).map((r) => [
        r.fare_amount,
        r.tip_amount,
      ]),
    ).toEqual([
      [8, 0.8],
      [8, 0.1],
    ]);
  });

  it("keeps a null key as a key of its own, and rows without a time stamp as one group per key", () => {
    const table = aq.table({
      pickup_location_id: [null, null, 7, 7, 7, 7],
      pickup_datetime: [
        new Date(Date.UTC(2018, 0, 1, 9)),
        new Date(Date.UTC(2018, 0, 1, 8)),
        null,
        null,
        undefined,
        new Date(Date.UTC(2018, 0, 1, 8)),
      ],
      id: [0, 1, 2, 3, 4, 5],
    });
    expect(firstNDaily(table, { ...byPickup, n: 1 }).array("id")).toEqual([1, 2, 5]);
    expect(firstNDaily(table, { ...byPickup, n: 2 }).array("id")).toEqual([0, 1, 2, 3, 5]);
  });

  it("reads epoch milliseconds and other column names", () => {
    const day = Date.UTC(2018, 0, 1);
    const table = withTimestamps(
      aq.table({ zone: [1, 1, 1], at: Float64Array.from([day + 3, day + 1, day + 2]) }),
      "at",
    );
    const out = firstNDaily(table, { key: "zone", timestamp: "at", n: 1 });
    expect(out.array("at")).toEqual([day + 1]);
    expect(out.column("at")).toBeInstanceOf(Float64Array);
  });

  it("handles an empty table", () => {
    expect(firstNDaily(tripRows.empty(), { ...byPickup, n: 3 })).toEqualTable(tripRows.empty());
  });

  it("has no default key, time stamp or n: each left out is an error naming it", () => {
    const trips = tripRows.empty();
    expect(() => firstNDaily(trips, { timestamp: "pickup_datetime", n: 3 } as never)).toThrow(
      'firstNDaily: param "key": required (it has no default), but not given; expected a column name',
    );
    expect(() => firstNDaily(trips, { key: "pickup_location_id", n: 3 } as never)).toThrow(
      'firstNDaily: param "timestamp": required (it has no default), but not given; expected a column name',
    );
    expect(() => firstNDaily(trips, byPickup as never)).toThrow(
      'firstNDaily: param "n": required (it has no default), but not given; expected a number',
    );
  });
});
