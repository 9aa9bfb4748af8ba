/**
 * The tip model's pipeline in DuckDB, as one fused SQL query (dev-only benchmark baseline): read the CSV with
 * time stamps as zone-less TIMESTAMPs (TimeZone UTC), dedupe all 17 columns, the history window, evening
 * drop-offs, the airport anti-joins, the first 3 rides per pickup zone and day (tie-break on every other
 * column), the four features. Then OLS from normal equations aggregated in SQL, predictions on every fifth
 * row, written as CSV; the prepared table is written as Parquet for the equality check.
 *
 * Run: `node bench/dist/duckdb-job.js DATA_DIR OUTPUT_DIR`; prints one JSON line ({@link BaselineReport}).
 */
import { mkdir, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { baselineArgs, printReport, secondsSince } from "./baseline-output";
import { normalEquationsFrom, normalEquationTerms, olsFromNormalEquations } from "./ols";
import {
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

const SQL_TYPES: Readonly<Record<TripColumnType, string>> = {
  int: "BIGINT",
  float: "DOUBLE",
  timestamp: "TIMESTAMP",
  string: "VARCHAR",
};

const quote = (text: string): string => `'${text.replaceAll("'", "''")}'`;
const timestampLiteral = (ms: number): string =>
  `TIMESTAMP ${quote(new Date(ms).toISOString().replace("T", " ").replace("Z", ""))}`;

/** `hour(col)` within first..last, inclusive, wrapping midnight when first > last. */
function hourWindow(column: string, first: number, last: number): string {
  const hour = `hour(${column})`;
  return first <= last
    ? `${hour} BETWEEN ${first} AND ${last}`
    : `(${hour} >= ${first} OR ${hour} <= ${last})`;
}

/** The whole transform as one query over the two CSV files. */
export function preparedQuery(tripsPath: string, zonesPath: string): string {
  const columns = TRIP_COLUMNS.map(([name, type]) => `${quote(name)}: ${quote(SQL_TYPES[type])}`).join(", ");
  const { from, until } = pickupBounds();
  const order = ["pickup_datetime", ...tieBreakColumns()].map((c) => `${c} ASC NULLS FIRST`).join(", ");
  return `
    WITH trips AS (
      SELECT DISTINCT * FROM read_csv(${quote(tripsPath)}, header = true, auto_detect = false, delim = ',',
        quote = '"', escape = '"', columns = {${columns}}, timestampformat = '%Y-%m-%d %H:%M:%S')
    ),
    airports AS (
      SELECT zone_id FROM read_csv(${quote(zonesPath)}, header = true, auto_detect = false,
        columns = {'zone_id': 'BIGINT', 'zone_name': 'VARCHAR', 'borough': 'VARCHAR'})
      WHERE zone_name ILIKE '%airport%'
    ),
    filtered AS (
      SELECT * FROM trips t
      WHERE t.pickup_datetime >= ${timestampLiteral(from)} AND t.pickup_datetime < ${timestampLiteral(until)}
        AND ${hourWindow("t.dropoff_datetime", DEFAULTS.firstEveningHour, DEFAULTS.lastEveningHour)}
        AND NOT EXISTS (SELECT 1 FROM airports a WHERE a.zone_id = t.pickup_location_id)
        AND NOT EXISTS (SELECT 1 FROM airports a WHERE a.zone_id = t.dropoff_location_id)
    )
    SELECT *,
      CAST(month(pickup_datetime) AS INTEGER) AS month,
      CAST(dayofweek(pickup_datetime) + 1 AS INTEGER) AS day_of_week,
      CAST(dayofmonth(pickup_datetime) AS INTEGER) AS day_of_month,
      CASE WHEN store_and_fwd_flag = 'N' THEN 1 ELSE 0 END AS store_and_fwd_flag_is_N
    FROM filtered
    QUALIFY row_number() OVER (
      PARTITION BY pickup_location_id, CAST(pickup_datetime AS DATE) ORDER BY ${order}
    ) <= ${DEFAULTS.nFirstDailyRides}`;
}

/** The normal-equation sums over the training rows (every row but each fifth, by row id). */
function normalEquationsQuery(): string {
  const { design, pairs } = normalEquationTerms(FEATURES);
  const x = (i: number): string => (i === 0 ? "1.0" : `CAST(${design[i]} AS DOUBLE)`);
  const sums = [
    ...pairs.map(([i, j]) => `sum(${x(i)} * ${x(j)}) AS xtx_${i}_${j}`),
    ...design.map((_, i) => `sum(${x(i)} * CAST(${LABEL} AS DOUBLE)) AS xty_${i}`),
    "count(*) AS n",
  ];
  const complete = [...FEATURES, LABEL].map((c) => `${c} IS NOT NULL`).join(" AND ");
  return `SELECT ${sums.join(", ")} FROM prepared WHERE rowid % 5 <> 0 AND ${complete}`;
}

async function main(): Promise<void> {
  const { dataDir, outDir } = baselineArgs(process.argv);
  await mkdir(outDir, { recursive: true });
  // No ICU extension (none can be downloaded here): DuckDB then has no time zones at all, and TIMESTAMP is
  // zone-less wall-clock time, as the brief asks (the equivalent of TimeZone UTC).
  const instance = await DuckDBInstance.create(":memory:");
  const db = await instance.connect();

  let started = performance.now();
  const tripsPath = resolve(dataDir, DATA_FILES.trips);
  const zonesPath = resolve(dataDir, DATA_FILES.zones);
  await db.run(`CREATE TABLE prepared AS ${preparedQuery(tripsPath, zonesPath)}`);
  const prepareSeconds = secondsSince(started);

  started = performance.now();
  await db.run(`COPY prepared TO ${quote(join(outDir, OUTPUT_FILES.prepared))} (FORMAT parquet)`);
  const writePreparedSeconds = secondsSince(started);

  started = performance.now();
  const sums = (await db.runAndReadAll(normalEquationsQuery())).getRowObjectsJS()[0] ?? {};
  const values = Object.fromEntries(Object.entries(sums).map(([k, v]) => [k, Number(v)]));
  const { xtx, xty } = normalEquationsFrom(values, FEATURES.length + 1);
  const coefficients = olsFromNormalEquations(xtx, xty);
  const trainingRows = values.n ?? 0;
  const trainSeconds = secondsSince(started);

  started = performance.now();
  const prediction = [
    String(coefficients[0] ?? 0),
    ...FEATURES.map((f, i) => `${coefficients[i + 1] ?? 0} * CAST(${f} AS DOUBLE)`),
  ].join(" + ");
  await db.run(
    `COPY (SELECT *, ${prediction} AS prediction FROM prepared WHERE rowid % 5 = 0) ` +
      `TO ${quote(join(outDir, OUTPUT_FILES.predictions))} (FORMAT csv, HEADER)`,
  );
  await writeFile(
    join(outDir, OUTPUT_FILES.model),
    `${JSON.stringify({ features: FEATURES, coefficients })}\n`,
  );
  const writeSeconds = secondsSince(started);

  const counts = (
    await db.runAndReadAll(
      "SELECT count(*) AS n, count(*) FILTER (WHERE rowid % 5 = 0) AS test FROM prepared",
    )
  ).getRowObjectsJS()[0];
  printReport({
    engine: "duckdb",
    preparedRows: Number(counts?.n ?? 0),
    trainingRows,
    testRows: Number(counts?.test ?? 0),
    coefficients,
    stages: {
      prepare: prepareSeconds,
      writePrepared: writePreparedSeconds,
      train: trainSeconds,
      write: writeSeconds,
    },
  });
  db.closeSync();
}

await main();
