import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * The group-by and join benchmark (#12, #17 goal 5) as plain data every engine renders: a generated fact table
 * of N rows (`id`, a group key with N/10 distinct values, a join key, a value, a quantity) and a dimension
 * table of N/100 rows keyed by the join key. At 10M rows: a group-by of 10M rows by 1M keys and a
 * 10M × 100k join; and the fact table written back as CSV. The engine jobs import only this file (no tablepipe package, so their timings stay theirs).
 */

/**
 * The operations timed: a group-by, a join, writing the fact table back as CSV, the group-by's measures
 * beside every row (a window over each row's group), and a group-by of the value's median and 90th percentile.
 */
export const OPS = ["groupby", "join", "writecsv", "groupmeasures", "quantiles"] as const;
export type Op = (typeof OPS)[number];

/** File names inside an ops sample folder. */
export const OPS_FILES = { facts: "facts.csv", dims: "dims.csv" } as const;

/** Columns of the fact table, in file order: ints except `value` (a float with two decimals). */
export const FACT_COLUMNS = ["id", "gkey", "jkey", "value", "qty"] as const;
/** Columns of the dimension table: `jkey` is unique, `label` is text. */
export const DIM_COLUMNS = ["jkey", "label", "weight"] as const;

/** A count with its thousands separated: `1,000,000`. */
const fullCount = (count: number): string => count.toLocaleString("en-US");

/**
 * What an operation does to `rows` facts, in words, its counts written by `n` (the bench's notes write them in
 * full, its table compactly: `1M`).
 * @example opsLabel("join", 1_000_000) // "join of 1,000,000 × 10,000 rows"
 */
export function opsLabel(op: Op, rows: number, n: (count: number) => string = fullCount): string {
  const { groupKeys, dimRows } = opsShape(rows);
  const labels: Readonly<Record<Op, string>> = {
    groupby: `group-by of ${n(rows)} rows by ${n(groupKeys)} keys`,
    join: `join of ${n(rows)} × ${n(dimRows)} rows`,
    writecsv: `CSV write of ${n(rows)} rows`,
    groupmeasures: `group measures on ${n(rows)} rows by ${n(groupKeys)} keys`,
    quantiles: `median and 90th percentile of ${n(rows)} rows by ${n(groupKeys)} keys`,
  };
  return labels[op];
}

/** How many distinct group keys, dimension rows and join-key values a sample of `rows` facts has. */
export function opsShape(rows: number): { groupKeys: number; dimRows: number; joinKeyRange: number } {
  const groupKeys = Math.max(1, Math.round(rows / 10));
  const dimRows = Math.max(1, Math.round(rows / 100));
  // a sixth of the facts name a join key the dimension table lacks, so the inner join drops some rows
  return { groupKeys, dimRows, joinKeyRange: Math.round(dimRows * 1.2) };
}

/**
 * The group-by: `SELECT gkey, count(*) AS n, sum(value) AS total, avg(value) AS mean_value, min(qty) AS lo,
 * max(qty) AS hi FROM facts GROUP BY gkey`. The join: `facts INNER JOIN dims USING (jkey)`. The group measures:
 * every fact with the same measures of its group, `SELECT *, count(*) OVER (PARTITION BY gkey) AS n, ...`.
 */
export const GROUPBY_MEASURES = ["n", "total", "mean_value", "lo", "hi"] as const;

/**
 * The quantiles: `SELECT gkey, count(*) AS n, median(value) AS median_value, quantile_cont(value, 0.9) AS p90_value
 * FROM facts GROUP BY gkey` (each engine's linear interpolation, whose last digits may differ).
 */
export const QUANTILE_MEASURES = ["n", "median_value", "p90_value"] as const;

/**
 * Where an engine's `writecsv` run writes the fact table (a header, then every row): a file of its own in the
 * system's temporary folder, removed by the job once timed.
 */
export function writtenCsvPath(engine: string): string {
  return join(tmpdir(), `tablepipe-ops-${engine}-${process.pid}.csv`);
}

/** What an ops job prints (one JSON line). */
export interface OpsReport {
  engine: string;
  op: Op;
  /** Seconds to load the input tables into the engine's memory (CSV parsed, typed). */
  loadSeconds: number;
  /** Seconds of the operation itself, on tables already in memory; its result fully materialised. */
  opSeconds: number;
  /** CPU seconds of the whole process (every thread) during the operation: less noisy on a shared machine. */
  opCpuSeconds: number;
  outputRows: number;
}
