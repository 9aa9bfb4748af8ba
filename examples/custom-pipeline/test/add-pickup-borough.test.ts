import "@tablepipe/testing/vitest";
import { tripRows, zoneRows } from "@tablepipe/testing";
import { table } from "arquero";
import { describe, expect, it } from "vitest";
import { addPickupBorough } from "../src/add-pickup-borough";

// #region test-addPickupBorough
describe("addPickupBorough", () => {
  const zones = zoneRows.tuples(
    ["zone_id", "borough"],
    [
      [4, "Manhattan"],
      [56, "Queens"],
      [56, "Queens"], // listed twice, as in the real lookup
      [61, "Brooklyn"],
    ],
  );

  it.each([
    [4, "Manhattan"],
    [61, "Brooklyn"],
    [57, "Unknown"], // missing from the zone table: kept, not dropped as an inner join would
  ])("pickup zone %i is in %s", (zone, borough) => {
    const trips = tripRows.tuples(["pickup_location_id"], [[zone]]);
    expect(addPickupBorough(trips, { zones }).array("pickup_borough")).toEqual([borough]);
  });

  it("never drops or duplicates a trip, whatever the zone table holds", () => {
    const trips = tripRows.tuples(["pickup_location_id"], [[56], [57], [4]]);
    const expected = table({
      pickup_location_id: [56, 57, 4],
      pickup_borough: ["Queens", "Unknown", "Manhattan"],
    });
    expect(addPickupBorough(trips, { zones }).select("pickup_location_id", "pickup_borough")).toEqualTable(
      expected,
    );
  });
});
// #endregion test-addPickupBorough

describe("addPickupBorough with other layouts", () => {
  it("reads other column names and labels unknown zones as asked", () => {
    const lookup = table({ LocationID: [1], Borough: ["EWR"] });
    const trips = table({ PULocationID: [1, 2] });
    const out = addPickupBorough(trips, {
      column: "PULocationID",
      output: "borough",
      zones: lookup,
      zoneIdColumn: "LocationID",
      boroughColumn: "Borough",
      unknown: "n/a",
    });
    expect(out.array("borough")).toEqual(["EWR", "n/a"]);
  });

  it("names the zone table's missing column", () => {
    const trips = tripRows.rows([{}]);
    const zones = table({ zone_id: [1] });
    expect(() => addPickupBorough(trips, { zones })).toThrow(/zones table.*borough/);
  });
});
