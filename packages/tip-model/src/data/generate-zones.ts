import { typedTable } from "@tablepipe/core";
import type { ColumnTable } from "arquero";
import { table } from "arquero";
import { zoneCatalog } from "./zone-catalog";
import { type TaxiZoneGeo, taxiZoneGeoSchema } from "./zone-schema";

/**
 * The rows of the generated zone table, ordered by id: 263 rows like the real lookup, ids 56 and 103 repeated,
 * ids 57, 104, 105, 264 and 265 absent, airports 1 "Newark Airport", 132 "JFK Airport", 138 "LaGuardia Airport".
 */
export function zoneRows(): TaxiZoneGeo[] {
  return zoneCatalog().flatMap((zone) =>
    Array.from({ length: zone.lookupRows }, () => ({
      zone_id: zone.id,
      zone_name: zone.name,
      borough: zone.borough,
    })),
  );
}

/**
 * The generated zone table (`taxi_zone_geo` layout) as an arquero table; the same on every call.
 * @example generateZones().numRows() // 263
 */
export function generateZones(): ColumnTable {
  const rows = zoneRows();
  const zones = table({
    zone_id: Float64Array.from(rows, (r) => r.zone_id),
    zone_name: rows.map((r) => r.zone_name),
    borough: rows.map((r) => r.borough),
  });
  // Carries taxiZoneGeoSchema's column types, checked (263 rows), as a read zone table does.
  return typedTable(zones, taxiZoneGeoSchema);
}
