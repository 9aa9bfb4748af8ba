/**
 * The tip model's pipeline in nodejs-polars, as one lazy plan (dev-only benchmark baseline): scan the CSV
 * with time stamps parsed as zone-less Datetime(ms), dedupe all 17 columns, the history window, evening
 * drop-offs, the airport anti-joins, the first 3 rides per pickup zone and day (sorted with the tie-break on
 * every other column, nulls first), the four features. Then OLS from normal equations aggregated in polars,
 * predictions on every fifth row written as CSV; the prepared table is written as Parquet for the
 * equality check.
 *
 * Run: `node bench/dist/polars-job.js DATA_DIR OUTPUT_DIR`; prints one JSON line ({@link BaselineReport}).
 */
import { mkdir, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import pl from "nodejs-polars";
import { baselineArgs, printReport, secondsSince } from "./baseline-output";
import { normalEquationsFrom, normalEquationTerms, olsFromNormalEquations } from "./ols";
import {
  ADDED_COLUMNS,
  DATA_FILES,
  DEFAULTS,
  FEATURES,
  LABEL,
  OUTPUT_FILES,
  pickupBounds,
  TRIP_COLUMNS,
  type TripColumnType,
  tieBreakColumns,
} from "./pipeline-spec";

type PolarsType = typeof pl.Int64 | typeof pl.Float64 | typeof pl.Utf8;

const READ_TYPES: Readonly<Record<TripColumnType, PolarsType>> = {
  int: pl.Int64,
  float: pl.Float64,
  timestamp: pl.Utf8, // parsed below with an explicit format, as zone-less Datetime(ms)
  string: pl.Utf8,
};

const STAMP_FORMAT = "%Y-%m-%d %H:%M:%S";
const DAY = "__pickup_day";

/** drop-off hour within first..last, inclusive, wrapping midnight when first > last. */
function hourWindow(column: string, first: number, last: number) {
  const hour = pl.col(column).dt.hour();
  return first <= last ? hour.gtEq(first).and(hour.ltEq(last)) : hour.gtEq(first).or(hour.ltEq(last));
}

/** The whole transform as one lazy plan over the two CSV files. */
export function preparedPlan(tripsPath: string, zonesPath: string) {
  const schema = Object.fromEntries(TRIP_COLUMNS.map(([name, type]) => [name, READ_TYPES[type]]));
  const stamps = TRIP_COLUMNS.filter(([, type]) => type === "timestamp").map(([name]) => name);
  const airports = pl
    .scanCSV(zonesPath, {
      hasHeader: true,
      schema: { zone_id: pl.Int64, zone_name: pl.Utf8, borough: pl.Utf8 },
    })
    .filter(pl.col("zone_name").str.toLowerCase().str.contains("airport"))
    .select("zone_id")
    .unique();
  const { from, until } = pickupBounds();
  const pickupMs = pl.col("pickup_datetime").cast(pl.Int64);
  return pl
    .scanCSV(tripsPath, { hasHeader: true, schema })
    .withColumns(
      // strptime yields microseconds whatever unit it is given: cast, so that Int64 below is epoch ms.
      ...stamps.map((name) =>
        pl.col(name).str.strptime(pl.Datetime("ms"), STAMP_FORMAT).cast(pl.Datetime("ms")),
      ),
    )
    .unique()
    .filter(
      pickupMs
        .gtEq(from)
        .and(pickupMs.lt(until))
        .and(hourWindow("dropoff_datetime", DEFAULTS.firstEveningHour, DEFAULTS.lastEveningHour)),
    )
    .join(airports, { leftOn: "pickup_location_id", rightOn: "zone_id", how: "anti" })
    .join(airports, { leftOn: "dropoff_location_id", rightOn: "zone_id", how: "anti" })
    .withColumns(pl.col("pickup_datetime").cast(pl.Date).alias(DAY))
    .sort(["pickup_location_id", DAY, "pickup_datetime", ...tieBreakColumns()], false, false)
    .groupBy(["pickup_location_id", DAY])
    .head(DEFAULTS.nFirstDailyRides)
    .drop(DAY)
    .withColumns(
      pl.col("pickup_datetime").dt.month().cast(pl.Int32).alias("month"),
      pl.col("pickup_datetime").dt.weekday().modulo(7).add(1).cast(pl.Int32).alias("day_of_week"),
      pl.col("pickup_datetime").dt.day().cast(pl.Int32).alias("day_of_month"),
      pl
        .when(pl.col("store_and_fwd_flag").eq(pl.lit("N")))
        .then(pl.lit(1))
        .otherwise(pl.lit(0))
        .cast(pl.Int32)
        .alias("store_and_fwd_flag_is_N"),
    )
    .select(...TRIP_COLUMNS.map(([name]) => name), ...ADDED_COLUMNS);
}

async function main(): Promise<void> {
  const { dataDir, outDir } = baselineArgs(process.argv);
  await mkdir(outDir, { recursive: true });

  let started = performance.now();
  const prepared = (
    await preparedPlan(resolve(dataDir, DATA_FILES.trips), resolve(dataDir, DATA_FILES.zones)).collect()
  ).withRowIndex("__row");
  const prepareSeconds = secondsSince(started);

  started = performance.now();
  prepared.drop("__row").writeParquet(join(outDir, OUTPUT_FILES.prepared));
  const writePreparedSeconds = secondsSince(started);

  started = performance.now();
  const { design, pairs } = normalEquationTerms(FEATURES);
  const x = (i: number) => (i === 0 ? pl.lit(1.0) : pl.col(design[i] as string).cast(pl.Float64));
  const y = pl.col(LABEL).cast(pl.Float64);
  const training = prepared.filter(pl.col("__row").modulo(5).neq(0)).dropNulls(...FEATURES, LABEL);
  const sums = training
    .select(
      ...pairs.map(([i, j]) => x(i).mul(x(j)).sum().alias(`xtx_${i}_${j}`)),
      ...design.map((_, i) => x(i).mul(y).sum().alias(`xty_${i}`)),
    )
    .toRecords()[0] as Record<string, number>;
  const { xtx, xty } = normalEquationsFrom(sums, design.length);
  const coefficients = olsFromNormalEquations(xtx, xty);
  const trainSeconds = secondsSince(started);

  started = performance.now();
  let prediction = pl.lit(coefficients[0] ?? 0);
  FEATURES.forEach((feature, i) => {
    prediction = prediction.add(
      pl
        .col(feature)
        .cast(pl.Float64)
        .mul(coefficients[i + 1] ?? 0),
    );
  });
  const test = prepared.filter(pl.col("__row").modulo(5).eq(0)).drop("__row");
  test.withColumns(prediction.alias("prediction")).writeCSV(join(outDir, OUTPUT_FILES.predictions));
  await writeFile(
    join(outDir, OUTPUT_FILES.model),
    `${JSON.stringify({ features: FEATURES, coefficients })}\n`,
  );
  const writeSeconds = secondsSince(started);

  printReport({
    engine: "polars",
    preparedRows: prepared.height,
    trainingRows: training.height,
    testRows: test.height,
    coefficients,
    stages: {
      prepare: prepareSeconds,
      writePrepared: writePreparedSeconds,
      train: trainSeconds,
      write: writeSeconds,
    },
  });
}

await main();
