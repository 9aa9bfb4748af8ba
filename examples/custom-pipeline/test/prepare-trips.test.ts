import "@tablepipe/testing/vitest";
import { MissingColumnsError, pipe } from "@tablepipe/core";
import { tripRows, zoneRows } from "@tablepipe/testing";
import { table } from "arquero";
import { describe, expect, it } from "vitest";
import { addFarePerMile } from "../src/add-fare-per-mile";
import { prepareTrips } from "../src/prepare-trips";
import { farePerMileByBoroughAndHour } from "../src/summarize";

const zones = zoneRows.tuples(
  ["zone_id", "zone_name", "borough"],
  [
    [4, "Alphabet City", "Manhattan"],
    [61, "Crown Heights North", "Brooklyn"],
    [132, "JFK Airport", "Queens"],
  ],
);

// #region test-prepareTrips
describe("prepareTrips", () => {
  it("keeps one year of measurable, non-airport trips and adds fare per mile and borough", () => {
    const trips = tripRows.tuples(
      ["pickup_datetime", "pickup_location_id", "dropoff_location_id", "fare_amount", "trip_distance"],
      [
        ["2018-03-01T08:10", 4, 61, 12, 4], // kept: 3 dollars a mile, Manhattan
        ["2018-03-01T08:10", 4, 61, 12, 4], // an exact duplicate: dropped
        ["2017-12-31T23:59", 4, 61, 12, 4], // December 2017: the window starts after it
        ["2018-12-31T23:59", 61, 4, 10, 2], // kept: the last minute of the window, Brooklyn
        ["2018-06-01T17:00", 132, 4, 52, 17], // from JFK: dropped
        ["2018-06-01T17:00", 4, 132, 52, 17], // to JFK: dropped
        ["2018-06-01T17:00", 4, 61, 3, 0.1], // too short to measure: dropped
        ["2018-06-01T17:00", 57, 4, 9, 3], // zone 57 is not in the zone table: kept, borough Unknown
      ],
    );
    const prepared = pipe(trips).transform(prepareTrips, { zones }).value();
    const expected = table({
      pickup_location_id: [4, 61, 57],
      fare_per_mile: [3, 5, 3],
      pickup_borough: ["Manhattan", "Brooklyn", "Unknown"],
    });
    expect(prepared.select("pickup_location_id", "fare_per_mile", "pickup_borough")).toEqualTable(expected);
  });

  it("traces every step inside it, so a surprising row count points at one step", () => {
    const trips = tripRows.tuples(["pickup_location_id"], [[4], [132]]);
    const { trace } = pipe(trips).transform(prepareTrips, { zones }).run();
    const steps = trace[0]?.children.map((entry) => `${entry.step} ${entry.rowsIn}→${entry.rowsOut}`);
    expect(steps).toEqual([
      "dropDuplicates 2→2",
      "limitHistory(pickup_datetime) 2→2",
      "excludeAirports(pickup_location_id) 2→1",
      "excludeAirports(dropoff_location_id) 1→1",
      "addFarePerMile 1→1",
      "dropMissing(fare_per_mile) 1→1",
      "addPickupBorough 1→1",
    ]);
  });
});
// #endregion test-prepareTrips

// #region typed-pipe
describe("the typed pipe", () => {
  it("does not compile when the table lacks a column a step needs (and throws if forced)", () => {
    const zonesOnly = zoneRows.rows([{}]);
    // @ts-expect-error a zone table has no fare_amount or trip_distance: this pipe does not compile
    const wrong = () => pipe(zonesOnly).transform(addFarePerMile).value();
    expect(wrong).toThrow(MissingColumnsError);
  });
});
// #endregion typed-pipe

describe("farePerMileByBoroughAndHour", () => {
  it("counts the trips and takes the median and mean per borough and pickup hour", () => {
    const prepared = table({
      pickup_borough: ["Brooklyn", "Brooklyn", "Brooklyn", "Manhattan"],
      pickup_datetime: [
        Date.UTC(2018, 2, 1, 8, 5),
        Date.UTC(2018, 2, 2, 8, 55),
        Date.UTC(2018, 2, 2, 9, 0),
        Date.UTC(2018, 2, 1, 8, 0),
      ],
      fare_per_mile: [3, 4, 10, 6.005],
    });
    const expected = table({
      pickup_borough: ["Brooklyn", "Brooklyn", "Manhattan"],
      pickup_hour: [8, 9, 8],
      trips: [2, 1, 1],
      median_fare_per_mile: [3.5, 10, 6.01],
      mean_fare_per_mile: [3.5, 10, 6.01],
    });
    expect(farePerMileByBoroughAndHour(prepared)).toEqualTable(expected, { tolerance: 1e-9 });
  });
});
