/**
 * Where the guide's stage-0 notebook and the production pipeline differ, and where they agree: the cases
 * docs/semantics.md describes, as tests (its snippets are taken from the regions below).
 */
import "@tablepipe/testing/vitest";
import { pipe, schemaOf, typedTable } from "@tablepipe/core";
import { tripRows, zoneRows } from "@tablepipe/testing";
import { addFeatures, filterData, generateTrips, generateZones } from "@tablepipe/tip-model";
import { addDateParts, limitHistory } from "@tablepipe/transforms";
import type { ColumnTable } from "arquero";
import * as aq from "arquero";
import { describe, expect, it } from "vitest";
import { notebookPreparedData } from "../src/notebook";

/** The production transform stage: the guide's filter_data, then add_features. */
const production = (trips: ColumnTable, zones: ColumnTable) =>
  pipe(trips).transform(filterData, { zones }).transform(addFeatures).value();

/** Trip columns both keep, plus the date features (the flag is encoded differently, see below). */
const compared = [
  "vendor_id",
  "pickup_datetime",
  "dropoff_datetime",
  "trip_distance",
  "fare_amount",
  "tip_amount",
  "pickup_location_id",
  "dropoff_location_id",
  "month",
  "day_of_week",
  "day_of_month",
];

describe("the notebook and the production pipeline", () => {
  it("agree on a sample whose zone ids are all in the zone table, once", () => {
    const zones = generateZones().dedupe("zone_id");
    const known = new Set(zones.array("zone_id"));
    const generated = generateTrips({ rows: 5000, seed: 7 });
    // an arquero filter gives a plain table: its schema is the generated one's (time stamps included)
    const trips = typedTable(
      generated
        .filter(
          aq.escape(
            (d: Record<string, number>) =>
              known.has(d.pickup_location_id) && known.has(d.dropoff_location_id),
          ),
        )
        .reify(),
      schemaOf(generated),
    );
    const notebook = notebookPreparedData(trips, zones);
    const prepared = production(trips, zones);
    expect(prepared.numRows()).toBeGreaterThan(500);
    expect(notebook.select(compared)).toEqualTable(prepared.select(compared), { ignoreRowOrder: true });
  });

  // #region unknown-zones
  it("differ on a zone id the zone table lacks: the notebook's inner join drops the trip, the anti-join keeps it", () => {
    const zones = zoneRows.tuples(
      ["zone_id", "zone_name"],
      [
        [1, "Newark Airport"],
        [4, "Alphabet City"],
      ],
    );
    const trips = tripRows.tuples(
      ["pickup_location_id", "dropoff_location_id"],
      [
        [4, 4],
        [57, 4],
        [4, 1],
      ],
    );
    expect(production(trips, zones).array("pickup_location_id")).toEqual([4, 57]); // 57: unknown, kept
    expect(notebookPreparedData(trips, zones).array("pickup_location_id")).toEqual([4]);
  });
  // #endregion unknown-zones

  // #region repeated-zones
  it("differ on a zone listed twice: the notebook's join duplicates the trip, the anti-join never does", () => {
    const zones = zoneRows.tuples(
      ["zone_id", "zone_name"],
      [
        [56, "Corona"],
        [56, "Corona"],
        [2, "Other"],
      ],
    );
    const trips = tripRows.tuples(["pickup_location_id"], [[56]]);
    expect(production(trips, zones).numRows()).toBe(1);
    expect(notebookPreparedData(trips, zones).numRows()).toBe(2);
  });
  // #endregion repeated-zones

  // #region ties
  it("differ on rides tied on pickup time: production's choice does not depend on the input order", () => {
    const zones = zoneRows.tuples(["zone_id"], [[1], [2]]);
    const rides: [string, number][] = [
      ["2018-02-04T18:00", 1.0],
      ["2018-02-04T18:05", 2.0],
      ["2018-02-04T18:10", 3.0], // third and fourth ride of the day start at the same second
      ["2018-02-04T18:10", 4.0],
    ];
    const forward = tripRows.tuples(["pickup_datetime", "trip_distance"], rides);
    const backward = tripRows.tuples(["pickup_datetime", "trip_distance"], [...rides].reverse());
    const kept = (t: ColumnTable) => t.array("trip_distance").toSorted();
    expect(kept(production(forward, zones))).toEqual([1, 2, 3]);
    expect(kept(production(backward, zones))).toEqual([1, 2, 3]); // ties broken by the other columns
    expect(kept(notebookPreparedData(forward, zones))).toEqual([1, 2, 3]);
    expect(kept(notebookPreparedData(backward, zones))).toEqual([1, 2, 4]); // whichever came first
  });
  // #endregion ties

  // #region flag
  it("encode store_and_fwd_flag the other way round: the notebook overwrites it with N = 0", () => {
    const zones = zoneRows.tuples(["zone_id"], [[1], [2]]);
    const trips = tripRows.tuples(["store_and_fwd_flag"], [["N"], ["Y"]]);
    const prepared = production(trips, zones);
    expect(prepared.array("store_and_fwd_flag")).toEqual(["N", "Y"]); // kept as it was
    expect(prepared.array("store_and_fwd_flag_is_N")).toEqual([1, 0]);
    expect(notebookPreparedData(trips, zones).array("store_and_fwd_flag")).toEqual([0, 1]);
  });
  // #endregion flag
});

describe("the semantics both share", () => {
  // #region months
  it("keep months after history_start_month and up to history_end_month: the start month is excluded", () => {
    const trips = tripRows.tuples(
      ["pickup_datetime"],
      [["2017-03-31T23:59"], ["2017-04-01T00:00"], ["2018-11-30T23:59"], ["2018-12-01T00:00"]],
    );
    const kept = limitHistory(trips, { column: "pickup_datetime", after: "201703", through: "201811" });
    expect(kept.array("pickup_datetime")).toEqual([
      Date.UTC(2017, 3, 1, 0, 0),
      Date.UTC(2018, 10, 30, 23, 59),
    ]);
  });
  // #endregion months

  // #region day-of-week
  it("number the days of the week as Spark does: 1 = Sunday ... 7 = Saturday, months 1-12", () => {
    // 2018-02-04 was a Sunday, 2018-02-10 a Saturday.
    const trips = tripRows.tuples(["pickup_datetime"], [["2018-02-04T18:00"], ["2018-02-10T18:00"]]);
    const parts = addDateParts(trips, { column: "pickup_datetime" });
    expect(parts.array("day_of_week")).toEqual([1, 7]);
    expect(parts.array("month")).toEqual([2, 2]);
    // arquero's own functions count from 0: Sunday is 0 and February is 1.
    const raw = trips.derive({
      weekday: (d) => aq.op.utcdayofweek(d.pickup_datetime),
      month0: (d) => aq.op.utcmonth(d.pickup_datetime),
    });
    expect(raw.array("weekday")).toEqual([0, 6]);
    expect(raw.array("month0")).toEqual([1, 1]);
  });
  // #endregion day-of-week

  // #region wall-clock
  it("read hours and dates from the wall-clock time, whatever the machine's time zone", () => {
    const zones = zoneRows.tuples(["zone_id"], [[1], [2]]);
    const trips = tripRows.tuples(
      ["pickup_datetime", "dropoff_datetime"],
      [
        ["2018-02-04T16:30", "2018-02-04T16:59"], // drop-off hour 16: not an evening ride
        ["2018-02-04T23:00", "2018-02-04T23:59"], // hour 23: kept (17 to 23, both inclusive)
        ["2018-02-05T00:10", "2018-02-05T00:30"], // hour 0: not kept
      ],
    );
    const prepared = production(trips, zones);
    expect(prepared.array("dropoff_datetime")).toEqual([Date.UTC(2018, 1, 4, 23, 59)]);
    expect(prepared.array("day_of_month")).toEqual([4]);
    // The tests run under TZ=America/New_York and TZ=Asia/Kolkata: same result in both.
    expect(
      aq
        .table({ t: [Date.UTC(2018, 1, 4, 23, 59)] })
        .derive({ h: (d) => aq.op.utchours(d.t) })
        .get("h", 0),
    ).toBe(23);
  });
  // #endregion wall-clock
});
