/**
 * Write a Parquet copy of a generated sample with tablepipe's own writer (what a user does once to make
 * repeated runs read Parquet): `node bench/dist/to-parquet.js DATA_DIR OUT_DIR`. Time stamps become
 * TIMESTAMP(MILLIS) without a zone, ints INT32, the rest DOUBLE and UTF8; row groups of 100,000 rows.
 */
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { readTable, writeTable } from "@tablepipe/io";
import { taxiTripSchema, taxiZoneGeoSchema } from "@tablepipe/tip-model";
import { DATA_FILES } from "./pipeline-spec";

async function main(): Promise<void> {
  const [dataDir, outDir] = process.argv.slice(2);
  if (dataDir === undefined || outDir === undefined) throw new Error("usage: to-parquet DATA_DIR OUT_DIR");
  await mkdir(outDir, { recursive: true });
  const trips = await readTable(join(dataDir, DATA_FILES.trips), taxiTripSchema);
  await writeTable(trips, join(outDir, "taxi_trip_data.parquet"), { schema: taxiTripSchema });
  const zones = await readTable(join(dataDir, DATA_FILES.zones), taxiZoneGeoSchema);
  await writeTable(zones, join(outDir, "taxi_zone_geo.parquet"), { schema: taxiZoneGeoSchema });
}

await main();
