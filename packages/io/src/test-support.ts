/** Helpers shared by the io tests (not exported from the package). */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as z from "zod";

/** A fresh folder under the OS temp folder, and a function that deletes it. */
export function tempFolder(): {
  dir: string;
  file: (name: string, content: string | Uint8Array) => string;
  remove: () => void;
} {
  const dir = mkdtempSync(join(tmpdir(), "tablepipe-io-"));
  return {
    dir,
    file: (name, content) => {
      const path = join(dir, name);
      writeFileSync(path, content);
      return path;
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** The guide's 17-column trip row. */
export const TripRow = z.object({
  vendor_id: z.int(),
  pickup_datetime: z.date(),
  dropoff_datetime: z.date(),
  passenger_count: z.int(),
  trip_distance: z.number(),
  rate_code: z.int(),
  store_and_fwd_flag: z.string().nullable(),
  payment_type: z.int(),
  fare_amount: z.number(),
  extra: z.number(),
  mta_tax: z.number(),
  tip_amount: z.number(),
  tolls_amount: z.number(),
  imp_surcharge: z.number(),
  total_amount: z.number(),
  pickup_location_id: z.int(),
  dropoff_location_id: z.int(),
});

/** Aliases mapping the TLC layouts onto {@link TripRow}. */
export const tripAliases = {
  vendor_id: ["VendorID"],
  pickup_datetime: ["tpep_pickup_datetime"],
  dropoff_datetime: ["tpep_dropoff_datetime"],
  rate_code: ["RatecodeID", "rate_code_id"],
  imp_surcharge: ["improvement_surcharge"],
  pickup_location_id: ["PULocationID"],
  dropoff_location_id: ["DOLocationID"],
};

/** UTC wall-clock milliseconds, with a 1-based month. */
export const utc = (y: number, mo: number, d: number, h = 0, mi = 0, s = 0, ms = 0): number =>
  Date.UTC(y, mo - 1, d, h, mi, s, ms);
