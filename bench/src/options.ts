/** The harness's command-line options: `pnpm bench -- --sizes 1M,10M --runs 3`. */
import { parseArgs } from "node:util";

/** The engines the harness can run. */
export const ENGINES = [
  "tablepipe",
  "tablepipe-parquet",
  "tablepipe-whole",
  "tablepipe-duckdb",
  "tablepipe-duckdb-parquet",
  "polars",
  "duckdb",
] as const;
/**
 * The engines run by default. Others are asked for with --engines: `tablepipe-parquet` (the job reading a
 * Parquet copy; also --parquet), `tablepipe-whole` (the job with --no-stream-read: the trips read whole,
 * then the pipe as written, dedupe first: the straightforward path), `tablepipe-duckdb` (the job with
 * `--engine duckdb`: the transform stage inside DuckDB, #13) and `tablepipe-duckdb-parquet` (the same on the
 * Parquet copy, which DuckDB reads itself).
 */
export const DEFAULT_ENGINES: readonly Engine[] = ["tablepipe", "polars", "duckdb"];
export type Engine = (typeof ENGINES)[number];

/**
 * The benchmark suites: the tip model end to end, the group-by and join of #12, and writing a table as CSV
 * (ops-spec.ts). By default the first three.
 */
export const SUITES = ["tip", "groupby", "join", "writecsv", "groupmeasures", "quantiles"] as const;
const DEFAULT_SUITES = ["tip", "groupby", "join"] as const;
export type Suite = (typeof SUITES)[number];

/** Parsed options. */
export interface BenchOptions {
  /** Row counts of the generated samples. */
  sizes: number[];
  /** Timed runs per engine and size (medians are reported). */
  runs: number;
  engines: Engine[];
  /** The suites to run, in this order per size. */
  suites: Suite[];
  /** The model `tip-model run` trains (`linear` is OLS, like the baselines). */
  model: string;
  /** Folder for generated data, run outputs and results (gitignored). */
  cache: string;
  /** Seconds after which a run is killed and reported as timed out. */
  timeoutSeconds: number;
  /** Compare the prepared tables of the engines. */
  check: boolean;
  /** `tablepipe-duckdb` and `tablepipe-duckdb-parquet`: DuckDB's memory limit (`--duckdb-memory-limit` of tip-model). */
  duckdbMemoryLimit: string;
}

export const USAGE = `pnpm bench [-- options]

  --sizes LIST     row counts of the generated samples (default 1M,10M; e.g. 100k,1M)
  --runs N         timed runs per engine and size; medians are reported (default 3)
  --engines LIST   of tablepipe,tablepipe-parquet,tablepipe-whole,tablepipe-duckdb,tablepipe-duckdb-parquet,
                   polars,duckdb (default tablepipe,polars,duckdb; tablepipe-whole is --no-stream-read, the
                   straightforward path; tablepipe-duckdb is tip-model run --engine duckdb: the transform stage
                   inside DuckDB; tablepipe-duckdb-parquet the same on a Parquet copy of the sample)
  --duckdb-memory-limit SIZE  the DuckDB engine's memory limit (default 4GB)
  --suites LIST    of tip,groupby,join,writecsv,groupmeasures,quantiles (default tip,groupby,join): the tip
                   model end to end; a group-by of N rows by N/10 keys; an N × N/100 inner join; the N-row table
                   written as CSV; the group-by's measures beside each of the N rows; the median and 90th
                   percentile by N/10 keys (tablepipe's aggregate, join, writeTable and addGroupMeasures vs polars
                   and DuckDB, on generated tables; the engines' results are checked equal, a written file as
                   each engine reads it back)
  --parquet        also time tablepipe reading a Parquet copy of the sample (tablepipe-parquet)
  --model NAME     model tip-model trains: linear (OLS, as the baselines; default), random-forest, gbt
  --cache DIR      data, outputs and results (default .bench-cache)
  --timeout S      seconds before a run is killed (default 1800)
  --no-check       skip the equality check of the prepared tables
  --help           this text`;

/** `1M` -> 1000000, `100k` -> 100000, `2500` -> 2500. */
export function parseRowCount(text: string): number {
  const match = /^(\d+(?:\.\d+)?)([kKmM]?)$/.exec(text.trim());
  if (!match) throw new Error(`--sizes: not a row count: ${JSON.stringify(text)} (e.g. 100k, 1M, 2500000)`);
  const scale = { "": 1, k: 1e3, m: 1e6 }[(match[2] as string).toLowerCase() as "" | "k" | "m"];
  return Math.round(Number(match[1]) * scale);
}

/** Parse argv (without node and script); returns undefined after printing help. */
export function parseOptions(argv: readonly string[]): BenchOptions | undefined {
  const { values } = parseArgs({
    args: [...argv].filter((a) => a !== "--"),
    options: {
      sizes: { type: "string", default: "1M,10M" },
      runs: { type: "string", default: "3" },
      engines: { type: "string", default: DEFAULT_ENGINES.join(",") },
      suites: { type: "string", default: DEFAULT_SUITES.join(",") },
      parquet: { type: "boolean", default: false },
      model: { type: "string", default: "linear" },
      cache: { type: "string", default: ".bench-cache" },
      timeout: { type: "string", default: "1800" },
      "no-check": { type: "boolean", default: false },
      "duckdb-memory-limit": { type: "string", default: "4GB" },
      help: { type: "boolean", default: false },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return undefined;
  }
  const engines = values.engines.split(",").map((e) => e.trim());
  if (values.parquet && !engines.includes("tablepipe-parquet")) engines.splice(1, 0, "tablepipe-parquet");
  for (const engine of engines) {
    if (!(ENGINES as readonly string[]).includes(engine)) {
      throw new Error(`--engines: unknown engine ${JSON.stringify(engine)} (known: ${ENGINES.join(", ")})`);
    }
  }
  const suites = values.suites.split(",").map((s) => s.trim());
  for (const suite of suites) {
    if (!(SUITES as readonly string[]).includes(suite)) {
      throw new Error(`--suites: unknown suite ${JSON.stringify(suite)} (known: ${SUITES.join(", ")})`);
    }
  }
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1)
    throw new Error(`--runs: expected a whole number >= 1, got ${values.runs}`);
  return {
    sizes: values.sizes.split(",").map(parseRowCount),
    runs,
    engines: engines as Engine[],
    suites: suites as Suite[],
    model: values.model,
    cache: values.cache,
    timeoutSeconds: Number(values.timeout),
    check: !values["no-check"],
    duckdbMemoryLimit: memoryLimit(values["duckdb-memory-limit"]),
  };
}

/** A DuckDB memory limit as tip-model takes it (`4GB`, `512MiB`). */
function memoryLimit(text: string): string {
  if (!/^\d+(\.\d+)? ?([KMGT]i?)?B$/i.test(text)) {
    throw new Error(
      `--duckdb-memory-limit: expected a size such as 4GB or 512MiB, got ${JSON.stringify(text)}`,
    );
  }
  return text;
}
