// An ES module using the installed packages: pipe a small table through transforms, fit a model, check a table.
import assert from "node:assert/strict";
import { defineTransform, needs, pipe } from "@tablepipe/core";
import { linearRegression, regressionMetrics } from "@tablepipe/models";
import { assertTablesEqual, tripRows, zoneRows } from "@tablepipe/testing";
import { addFeatures, FEATURE_COLUMNS, filterData, generateTrips, generateZones } from "@tablepipe/tip-model";
import { dropMissing, excludeAirports } from "@tablepipe/transforms";
import * as aq from "arquero";
import { z } from "zod";

const keepPaid = defineTransform({
  name: "keepPaid",
  columns: { column: needs("fare_amount") },
  params: z.object({ min: z.number().default(0) }),
  apply: (table, { column, min }) => table.filter(aq.escape((d) => d[column] > min)).reify(),
});

const trips = generateTrips({ rows: 5000, seed: 1 });
const zones = generateZones();
const { table: prepared, trace } = pipe(trips)
  .transform(keepPaid)
  .transform(filterData, { zones })
  .transform(addFeatures)
  .transform(dropMissing, { columns: [...FEATURE_COLUMNS, "tip_amount"] })
  .run();
assert.equal(trace.length, 4);
assert.ok(prepared.numRows() > 100, `expected > 100 prepared rows, got ${prepared.numRows()}`);

const model = linearRegression().fit(prepared, { features: [...FEATURE_COLUMNS], label: "tip_amount" });
const metrics = regressionMetrics(model.withPredictions(prepared), { label: "tip_amount" });
assert.ok(metrics.r2 > 0 && metrics.r2 <= 1, `r2 ${metrics.r2}`);

const airportTrips = tripRows.tuples(["pickup_location_id"], [[1], [132]]);
const airports = zoneRows.tuples(["zone_id", "zone_name"], [[132, "JFK Airport"]]);
assertTablesEqual(
  excludeAirports(airportTrips, {
    column: "pickup_location_id",
    zones: airports,
    zoneIdColumn: "zone_id",
    zoneNameColumn: "zone_name",
  }),
  tripRows.tuples(["pickup_location_id"], [[1]]),
);

console.log(`esm: ${prepared.numRows()} prepared rows, linear regression R² ${metrics.r2.toFixed(3)}`);
