// The README example of @tablepipe/testing (see core.ts for how it is checked).
// #region example
import { assertTablesEqual, tripRows, zoneRows } from "@tablepipe/testing";
import { excludeAirports } from "@tablepipe/transforms";

export function testingExample(): void {
  const trips = tripRows.tuples(["pickup_location_id"], [[1], [132]]); // the other 16 columns: defaults
  const zones = zoneRows.tuples(["zone_id", "zone_name"], [[132, "JFK Airport"]]);
  const expected = tripRows.tuples(["pickup_location_id"], [[1]]);
  const airports = {
    column: "pickup_location_id",
    zones,
    zoneIdColumn: "zone_id",
    zoneNameColumn: "zone_name",
  } as const;
  assertTablesEqual(excludeAirports(trips, airports), expected); // throws a row diff when they differ
}
// #endregion example
