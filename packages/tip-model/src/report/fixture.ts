import type { TraceEntry } from "@tablepipe/core";
import type { ReportInput } from "./types";

/** A primitive step of a synthetic trace. */
function leaf(step: string, rowsIn: number, rowsOut: number, ms: number): TraceEntry {
  return { step, transform: step, rowsIn, rowsOut, ms, children: [] };
}

/** The funnel of a typical tip-model run, `filterData` and `addFeatures` with their steps. */
export function sampleFunnel(): TraceEntry[] {
  const filterSteps = [
    leaf("dropDuplicates", 100_000, 99_500, 85.2),
    leaf("limitHistory", 99_500, 74_000, 40.1),
    leaf("keepEveningRides", 74_000, 31_000, 38.7),
    { ...leaf("excludeAirports", 31_000, 29_400, 12.5), step: "excludePickupAirports" },
    { ...leaf("excludeAirports", 29_400, 28_100, 11.9), step: "excludeDropoffAirports" },
    leaf("firstNDaily", 28_100, 9_800, 210.4),
  ];
  return [
    {
      step: "filterData",
      transform: "filterData",
      rowsIn: 100_000,
      rowsOut: 9_800,
      ms: 398.8,
      children: filterSteps,
    },
    { step: "addFeatures", transform: "addFeatures", rowsIn: 9_800, rowsOut: 9_800, ms: 22.3, children: [] },
  ];
}

/** Test-set predictions from a fixed formula (no randomness): tips between 0 and ~12, a few outliers. */
export function samplePredictionArrays(rows: number): { actual: Float64Array; predicted: Float64Array } {
  const actual = new Float64Array(rows);
  const predicted = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    const base = (i * 7_919) % 1_000;
    const tip = i % 10 === 0 ? 0 : base / 100 + (i % 997 === 0 ? 40 : 0);
    actual[i] = tip;
    predicted[i] = tip * 0.7 + 0.9 + (((i * 104_729) % 200) - 100) / 80;
  }
  return { actual, predicted };
}

/** A complete synthetic report input for tests; `rows` is the number of test predictions. */
export function sampleReportInput(rows = 5_000): ReportInput {
  return {
    title: "tip-model run",
    generatedFrom: "generated sample, 100,000 trips (seed 42)",
    config: {
      history_start_month: "201703",
      history_end_month: "201811",
      first_evening_hour: 17,
      last_evening_hour: 23,
      n_first_daily_rides_to_keep: 3,
      test_fraction: 0.2,
      seed: 42,
      model: "random-forest",
      data_dir: null,
    },
    funnel: sampleFunnel(),
    metrics: {
      training: { rmse: 1.2345, mae: 0.8123, r2: 0.4567, count: 7_840 },
      test: { rmse: 1.3012, mae: 0.8456, r2: 0.4021, count: 1_960 },
    },
    importances: [
      { feature: "fare_amount", importance: 0.41 },
      { feature: "trip_distance", importance: 0.22 },
      { feature: "payment_type", importance: 0.17 },
      { feature: "tolls_amount", importance: 0.06 },
      { feature: "rate_code", importance: 0.04 },
      { feature: "passenger_count", importance: 0.03 },
      { feature: "month", importance: 0.025 },
      { feature: "day_of_week", importance: 0.02 },
      { feature: "day_of_month", importance: 0.015 },
      { feature: "imp_surcharge", importance: 0.007 },
      { feature: "store_and_fwd_flag_is_N", importance: 0.003 },
    ],
    predictions: samplePredictionArrays(rows),
    model: {
      name: "random-forest",
      params: { nTrees: 10, maxDepth: 4, featureSubset: "auto", bootstrap: true, seed: 42 },
    },
  };
}
