import { tripRows, zoneRows } from "@tablepipe/testing";
import * as aq from "arquero";
import { describe, expect, it } from "vitest";
import { excludeAirports } from "./exclude-airports";

describe("excludeAirports", () => {
  const zones = zoneRows.tuples(
    ["zone_id", "zone_name"],
    [
      [1, "Newark Airport"],
      [132, "JFK AIRPORT"],
      [138, "LaGuardia Airport"],
      [4, "Alphabet City"],
    ],
  );
  const trips = tripRows.tuples(
    ["pickup_location_id", "dropoff_location_id"],
    [
      [4, 1],
      [132, 4],
      [4, 4],
      [264, 138],
      [138, 264],
    ],
  );

  const zoneColumns = { zoneIdColumn: "zone_id", zoneNameColumn: "zone_name" } as const;
  const onPickup = { column: "pickup_location_id", zones, ...zoneColumns } as const;

  it("drops trips whose pickup zone's name contains 'airport' in any case", () => {
    expect(excludeAirports(trips, onPickup).array("pickup_location_id")).toEqual([4, 4, 264]);
  });

  it("works on the drop-off location too", () => {
    expect(
      excludeAirports(trips, { ...onPickup, column: "dropoff_location_id" }).array("dropoff_location_id"),
    ).toEqual([4, 4, 264]);
  });

  it("keeps a location missing from the zone table, and a null location", () => {
    const table = aq.table({ pickup_location_id: [264, null, 1] });
    expect(excludeAirports(table, onPickup).array("pickup_location_id")).toEqual([264, null]);
  });

  it("never duplicates trips when zone ids repeat (airport or not)", () => {
    const repeated = zoneRows.tuples(
      ["zone_id", "zone_name"],
      [
        [56, "Corona"],
        [56, "Corona"],
        [103, "Governor's Island/Ellis Island/Liberty Island"],
        [103, "Airport annex"],
      ],
    );
    const table = tripRows.tuples(["pickup_location_id"], [[56], [103], [57]]);
    expect(excludeAirports(table, { ...onPickup, zones: repeated }).array("pickup_location_id")).toEqual([
      56, 57,
    ]);
  });

  it("takes the zone table's column names as params", () => {
    const lookup = aq.table({ LocationID: [1, 2], Zone: ["Newark Airport", "Jamaica Bay"] });
    const out = excludeAirports(tripRows.tuples(["pickup_location_id"], [[1], [2]]), {
      column: "pickup_location_id",
      zones: lookup,
      zoneIdColumn: "LocationID",
      zoneNameColumn: "Zone",
    });
    expect(out.array("pickup_location_id")).toEqual([2]);
    expect(() => excludeAirports(trips, { ...onPickup, zones: lookup })).toThrow(
      'excludeAirports: zones table: missing columns "zone_id", "zone_name"; available: LocationID, Zone',
    );
  });

  it("has no default location column or zone columns: each left out is an error naming it", () => {
    const { column: _c, ...noColumn } = onPickup;
    expect(() => excludeAirports(trips, noColumn as never)).toThrow(
      'excludeAirports: param "column": required (it has no default), but not given; expected a column name',
    );
    const { zoneIdColumn: _i, ...noId } = onPickup;
    expect(() => excludeAirports(trips, noId as never)).toThrow(
      'excludeAirports: param "zoneIdColumn": required (it has no default), but not given; expected a column name',
    );
    const { zoneNameColumn: _n, ...noName } = onPickup;
    expect(() => excludeAirports(trips, noName as never)).toThrow(
      /^excludeAirports: param "zoneNameColumn": required/,
    );
    const { zones: _z, ...noZones } = onPickup;
    expect(() => excludeAirports(trips, noZones as never)).toThrow(
      'excludeAirports: param "zones": required (it has no default), but not given; expected an arquero table',
    );
  });
});
