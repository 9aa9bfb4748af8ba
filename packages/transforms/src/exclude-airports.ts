import { defineTransform, needs, tableParam } from "@tablepipe/core";
import { markBuiltIn } from "@tablepipe/core/internal";
import type { ColumnTable } from "arquero";
import * as z from "zod";
import {
  type AntiJoinSpec,
  antiJoin,
  antiJoinCondition,
  antiJoinPositions,
  requireLookupColumns,
} from "./internal/anti-join";
import { rowsAt } from "./internal/rows";
import { columnName } from "./schemas";

/** The anti-join `excludeAirports` runs: the zones whose name contains "airport", in any case. */
function airportSpec(params: {
  column: string;
  zones: ColumnTable;
  zoneIdColumn: string;
  zoneNameColumn: string;
}): AntiJoinSpec {
  return {
    column: params.column,
    lookup: params.zones,
    lookupKey: params.zoneIdColumn,
    where: { column: params.zoneNameColumn, contains: "airport", ignoreCase: true },
    step: "excludeAirports",
    lookupLabel: "zones table",
  };
}

/**
 * Drop trips from or to an airport: {@link excludeMatching} on a location column against the zones whose
 * name contains "airport" in any case (the guide's `lower(zone_name) LIKE '%airport%'`).
 * A location missing from the zone table is kept; a null location is kept; duplicate zone rows never
 * duplicate trips. Input order is kept.
 *
 * Params, all required: `column` (the location column), `zones` (the zone table), `zoneIdColumn` (the zone
 * table's id column) and `zoneNameColumn` (its name column).
 *
 * @example
 * const zoneColumns = { zones, zoneIdColumn: "zone_id", zoneNameColumn: "zone_name" };
 * excludeAirports(trips, { column: "pickup_location_id", ...zoneColumns });  // on the pickup location
 * excludeAirports(trips, { column: "dropoff_location_id", ...zoneColumns }); // on the drop-off location
 */
export const excludeAirports = defineTransform({
  name: "excludeAirports",
  rowLocal: true,
  description:
    "Drop rows whose location is a zone with 'airport' in its name (a left anti-join on the zone table).",
  columns: { column: needs() },
  params: z.object({
    zones: tableParam().describe("The zone table: an id and a name per zone."),
    zoneIdColumn: columnName.describe("The zone table's id column (matched against `column`)."),
    zoneNameColumn: columnName.describe("The zone table's name column (tested for 'airport')."),
  }),
  // the lookup's key and predicate columns, before any row is read
  check: (params) => requireLookupColumns(airportSpec(params)),
  apply: (table, params) => antiJoin(table, airportSpec(params)),
  keepRows: (table, rows, params) => rowsAt(rows, antiJoinPositions(table, rows, airportSpec(params))),
  keepWhere: (params, input) => antiJoinCondition(airportSpec(params), input),
});

markBuiltIn(excludeAirports);
