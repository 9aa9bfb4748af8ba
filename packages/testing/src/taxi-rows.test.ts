import { describe, expect, it } from "vitest";
import { Trip, tripRows, ZoneGeo, zoneRows } from "./taxi-rows";

const utc = (day: number, hour: number, minute: number): Date =>
  new Date(Date.UTC(2018, 1, day, hour, minute, 0));

describe("the guide's Trip and ZoneGeo defaults", () => {
  it("Trip has the guide's 17 columns in order, with its defaults exactly", () => {
    expect(tripRows.row()).toStrictEqual({
      vendor_id: 1,
      pickup_datetime: utc(4, 18, 0),
      dropoff_datetime: utc(4, 19, 30),
      passenger_count: 2,
      trip_distance: 50.2,
      rate_code: 3,
      store_and_fwd_flag: "N",
      payment_type: 1,
      fare_amount: 10.5,
      extra: 0.1,
      mta_tax: 0.5,
      tip_amount: 0.8,
      tolls_amount: 0.1,
      imp_surcharge: 1.2,
      total_amount: 15.2,
      pickup_location_id: 1,
      dropoff_location_id: 2,
    });
    expect(Object.keys(Trip.shape)).toEqual(tripRows.columns);
    expect(tripRows.columns).toEqual([
      "vendor_id",
      "pickup_datetime",
      "dropoff_datetime",
      "passenger_count",
      "trip_distance",
      "rate_code",
      "store_and_fwd_flag",
      "payment_type",
      "fare_amount",
      "extra",
      "mta_tax",
      "tip_amount",
      "tolls_amount",
      "imp_surcharge",
      "total_amount",
      "pickup_location_id",
      "dropoff_location_id",
    ]);
  });

  it("Trip's time stamps are 2018-02-04 18:00 and 19:30 UTC in every time zone", () => {
    const row = tripRows.row();
    expect(row.pickup_datetime.toISOString()).toBe("2018-02-04T18:00:00.000Z");
    expect(row.dropoff_datetime.toISOString()).toBe("2018-02-04T19:30:00.000Z");
    expect(row.pickup_datetime.getUTCHours()).toBe(18);
  });

  it("ZoneGeo has the guide's defaults", () => {
    expect(zoneRows.row()).toStrictEqual({ zone_id: 1, zone_name: "Snack Zone", borough: "Food Borough" });
    expect(Object.keys(ZoneGeo.shape)).toEqual(["zone_id", "zone_name", "borough"]);
  });

  it("builds the guide's airport test data", () => {
    const trips = tripRows.tuples(
      ["pickup_location_id", "dropoff_location_id"],
      [
        [1, 1],
        [100, 1],
        [1, 100],
        [100, 100],
      ],
    );
    expect(trips.numRows()).toBe(4);
    expect(trips.numCols()).toBe(17);
    expect(trips.array("pickup_location_id")).toEqual([1, 100, 1, 100]);
    expect(trips.array("dropoff_location_id")).toEqual([1, 1, 100, 100]);
    expect(trips.array("vendor_id")).toEqual([1, 1, 1, 1]);

    const zones = zoneRows.tuples(["zone_id", "zone_name"], [[100, "is airport or so"]]);
    expect(zones.objects()).toEqual([
      { zone_id: 100, zone_name: "is airport or so", borough: "Food Borough" },
    ]);
  });

  it("builds the guide's feature test data from time stamps written as text", () => {
    const trips = tripRows.tuples(
      ["pickup_datetime", "store_and_fwd_flag"],
      [
        ["2021-01-01T12:00:00", "Y"],
        [new Date(Date.UTC(2021, 5, 15, 9, 30)), "N"],
      ],
    );
    expect(Array.from(trips.array("pickup_datetime") as ArrayLike<number>)).toEqual([
      Date.UTC(2021, 0, 1, 12),
      Date.UTC(2021, 5, 15, 9, 30),
    ]);
  });

  it("stores the numbers and time stamps (epoch milliseconds) as Float64Array, like the table reader", () => {
    const trips = tripRows.rows([{}]);
    for (const column of ["vendor_id", "trip_distance", "pickup_location_id", "pickup_datetime"]) {
      expect(trips.column(column)).toBeInstanceOf(Float64Array);
    }
    expect(trips.get("pickup_datetime", 0)).toBe(Date.UTC(2018, 1, 4, 18));
    expect(trips.get("dropoff_datetime", 0)).toBe(Date.UTC(2018, 1, 4, 19, 30));
  });
});
