import { adds, defineTransform, needs, requireColumns, tableParam } from "@tablepipe/core";
import type { ColumnTable } from "arquero";
import * as aq from "arquero";
import * as z from "zod";

/** Zone id → borough, the first row of an id winning (the real lookup lists some ids twice). */
function boroughsById(zones: ColumnTable, idColumn: string, boroughColumn: string): Map<unknown, string> {
  requireColumns(zones, [idColumn, boroughColumn], "addPickupBorough: zones table");
  const ids = zones.array(idColumn);
  const boroughs = zones.array(boroughColumn);
  const byId = new Map<unknown, string>();
  for (let i = 0; i < ids.length; i++) {
    if (!byId.has(ids[i])) byId.set(ids[i], String(boroughs[i]));
  }
  return byId;
}

// #region addPickupBorough
/**
 * Add the borough of each trip's pickup zone, looked up in the zone table: a left join that never drops or
 * duplicates a trip. A zone id missing from the zone table (or a null id) gets `unknown`; an id listed twice
 * takes its first row. Ids match by value (`1` is not `"1"`), as in the library's anti-joins.
 *
 * Params: `column` (default "pickup_location_id"), `output` (default "pickup_borough"), `zones` (required
 * table), `zoneIdColumn` (default "zone_id"), `boroughColumn` (default "borough"), `unknown` (default "Unknown").
 *
 * @example addPickupBorough(trips, { zones }); // pickup_location_id 132 gives pickup_borough "Queens"
 */
export const addPickupBorough = defineTransform({
  name: "addPickupBorough",
  description: "Add the borough of the pickup zone from the zone table (unknown ids get 'Unknown').",
  columns: { column: needs("pickup_location_id"), output: adds("pickup_borough") },
  params: z.object({
    zones: tableParam().describe("The zone table (zone_id, borough)."),
    zoneIdColumn: z.string().min(1).default("zone_id").describe("The zone table's id column."),
    boroughColumn: z.string().min(1).default("borough").describe("The zone table's borough column."),
    unknown: z.string().default("Unknown").describe("The borough of ids the zone table lacks."),
  }),
  apply: (table, { column, output, zones, zoneIdColumn, boroughColumn, unknown }) => {
    const byId = boroughsById(zones, zoneIdColumn, boroughColumn);
    return table.derive({
      [output]: aq.escape((d: Record<string, unknown>) => byId.get(d[column]) ?? unknown),
    });
  },
});
// #endregion addPickupBorough
