import * as z from "zod";

const month = z.string().regex(/^\d{4}(0[1-9]|1[0-2])$/, "expected a month as yyyyMM, e.g. 201712");

// #region FarePerMileConfig
/**
 * The fare-per-mile job's parameters. Every field is a command-line flag (`min_miles` is `--min-miles`), with
 * its default and description in `--help`.
 */
export const FarePerMileConfig = z.object({
  after: month.default("201712").describe("keep pickups after this month (exclusive), yyyyMM"),
  through: month.default("201812").describe("keep pickups up to and including this month, yyyyMM"),
  min_miles: z.number().min(0).default(0.5).describe("trips shorter than this are not measured"),
  data_dir: z
    .string()
    .optional()
    .describe("folder with taxi_trip_data.csv and taxi_zone_geo.csv; default: a generated sample"),
  sample_rows: z.int().min(1).default(50_000).describe("rows of the generated sample, when no data_dir"),
  seed: z.int().default(42).describe("seed of the generated sample"),
  out: z.string().default("fare-per-mile.csv").describe("CSV file the answer is written to"),
  overwrite: z
    .boolean()
    .default(false)
    .describe("replace --out even when tablepipe did not write it, or it changed since"),
});
// #endregion FarePerMileConfig

/** The fare-per-mile job's parameters, validated, defaults applied. */
export type FarePerMileConfig = z.output<typeof FarePerMileConfig>;
