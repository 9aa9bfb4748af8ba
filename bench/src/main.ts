/**
 * `pnpm bench`: the tip model end to end (read → prepared → trained → written) against nodejs-polars and
 * DuckDB implementations of the same pipeline, on generated samples of 1M and 10M trips (made once with
 * `tip-model sample`, cached in .bench-cache/). Every run is its own process, timed from outside with its
 * peak RSS; engines are interleaved run by run so that machine noise hits them alike; medians are printed
 * with tablepipe's per-stage breakdown, and the three prepared tables are checked equal row for row.
 *
 * Expects `pnpm build` and the bench build to have run (scripts/bench.sh does both).
 */
import { mkdir, rm, writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { comparePrepared } from "./compare-prepared";
import { ensureParquetSample, ensureSample } from "./dataset";
import { type Paths, type RunResult, runEngine, writeTablepipePrepared } from "./engines";
import type { OpsEngineName } from "./ops/engine";
import { benchOps, type OpsResult } from "./ops-bench";
import { opsProblems, opsTable } from "./ops-report";
import type { Op } from "./ops-spec";
import { type BenchOptions, type Engine, parseOptions } from "./options";
import { OUTPUT_FILES } from "./pipeline-spec";
import {
  baselineBreakdown,
  comparisonTable,
  duckdbEngineComparison,
  parquetComparison,
  problems,
  type SizeResult,
  streamingComparison,
  tablepipeBreakdown,
} from "./report";
import { specDrift } from "./spec-drift";
import { summarise } from "./stats";

const print = (line = ""): void => {
  process.stdout.write(`${line}\n`);
};
const note = (line: string): void => {
  process.stderr.write(`bench: ${line}\n`);
};

async function checkEquality(
  paths: Paths,
  options: BenchOptions,
  dataDir: string,
  parquetDir: string | undefined,
  runDir: string,
  result: SizeResult,
): Promise<void> {
  const baselines = options.engines.filter((e) => e === "polars" || e === "duckdb");
  const onDuckDb = (["tablepipe-duckdb", "tablepipe-duckdb-parquet"] as const).filter((e) =>
    options.engines.includes(e),
  );
  if (baselines.length === 0 && onDuckDb.length === 0) return;
  const ours = join(runDir, "tablepipe-prepared.parquet");
  // the bench's own file from an earlier run (tip-model refuses to replace a file it has no record of writing)
  await rm(ours, { force: true });
  note(`writing tablepipe's prepared table (tip-model prepare) for the equality check`);
  const prepared = await writeTablepipePrepared(paths, dataDir, ours, options.timeoutSeconds);
  if (!prepared.ok) {
    result.equalityError = `tip-model prepare failed: ${prepared.failure}`;
    return;
  }
  const others: Record<string, string> = Object.fromEntries(
    baselines
      .filter(
        (e) =>
          result.summaries[e] !== undefined &&
          (result.summaries[e]?.failed ?? 1) < (result.summaries[e]?.runs ?? 0),
      )
      .map((e) => [e, join(runDir, `${e}-last`, OUTPUT_FILES.prepared)]),
  );
  for (const engine of onDuckDb) {
    const input = engine === "tablepipe-duckdb-parquet" ? (parquetDir ?? dataDir) : dataDir;
    const out = join(runDir, `${engine}-prepared.parquet`);
    await rm(out, { force: true });
    note(`writing the prepared table of ${engine} (tip-model prepare --engine duckdb) for the check`);
    const written = await writeTablepipePrepared(paths, input, out, options.timeoutSeconds, "duckdb");
    if (written.ok) others[engine] = out;
    else result.equalityError = `tip-model prepare --engine duckdb (${engine}) failed: ${written.failure}`;
  }
  result.equality = await comparePrepared(ours, others);
}

async function benchSize(paths: Paths, options: BenchOptions, rows: number): Promise<SizeResult> {
  const sample = await ensureSample(paths.root, resolve(paths.root, options.cache), rows, note);
  const onParquet = (engine: Engine): boolean =>
    engine === "tablepipe-parquet" || engine === "tablepipe-duckdb-parquet";
  const parquetDir = options.engines.some(onParquet)
    ? await ensureParquetSample(paths.root, paths.benchDist, sample.dir, note)
    : undefined;
  const runDir = resolve(paths.root, options.cache, "runs", String(rows));
  await mkdir(runDir, { recursive: true });
  const results = new Map<Engine, RunResult[]>(options.engines.map((e) => [e, []]));
  for (let run = 1; run <= options.runs; run++) {
    for (const engine of options.engines) {
      note(`${rows.toLocaleString("en-US")} rows, run ${run}/${options.runs}: ${engine}`);
      const outDir = join(runDir, run === options.runs ? `${engine}-last` : `${engine}-${run}`);
      const dataDir = onParquet(engine) ? (parquetDir ?? sample.dir) : sample.dir;
      const result = await runEngine(engine, rows, paths, dataDir, outDir, options);
      note(
        result.ok
          ? `  ${result.seconds.toFixed(2)} s, peak ${(result.peakRssBytes / 1024 ** 3).toFixed(2)} GB`
          : `  failed: ${result.failure}`,
      );
      results.get(engine)?.push(result);
    }
  }
  const size: SizeResult = {
    rows,
    csvBytes: sample.bytes,
    summaries: Object.fromEntries(options.engines.map((e) => [e, summarise(e, rows, results.get(e) ?? [])])),
  };
  if (options.check && options.engines.includes("tablepipe")) {
    try {
      await checkEquality(paths, options, sample.dir, parquetDir, runDir, size);
    } catch (error) {
      size.equalityError = (error as Error).message;
    }
  }
  return size;
}

function render(results: readonly SizeResult[], ops: readonly OpsResult[], options: BenchOptions): string[] {
  const lines: string[] = [];
  if (ops.length > 0) {
    lines.push(
      `## group-by, join, CSV write and group measures (#12), medians of ${options.runs} run(s)`,
      "",
      "Generated tables (seed 42): N facts (id, gkey with N/10 values, jkey, value, qty) and N/100 dimension rows.",
      "Seconds of the operation alone, on tables already in memory (result materialised); cpu = CPU seconds of all",
      "threads during it (polars and DuckDB use every core; tablepipe one); load = reading the CSV",
      "into the engine; peak = peak RSS of the whole process. tablepipe: `aggregate` / `join` (inner) / `writeTable`",
      "/ `addGroupMeasures`; polars: eager `groupBy().agg()` / `join` / `writeCSV` / `over()`; DuckDB: `CREATE TABLE",
      "AS` the query (the group measures: a window `OVER (PARTITION BY gkey)`) / `COPY TO` CSV.",
      "Ratio = tablepipe's seconds ÷ the baseline's.",
      "",
      ...opsTable(ops),
    );
    const opsIssues = opsProblems(ops);
    if (opsIssues.length > 0)
      lines.push("", "### problems (group-by, join, CSV write, group measures)", "", ...opsIssues);
    lines.push("");
  }
  if (results.length === 0) return lines;
  lines.push(
    `## tip model end to end (read CSV → prepared → trained → written), medians of ${options.runs} run(s)`,
    "",
    `tablepipe: \`tip-model run --model ${options.model}\`; polars and DuckDB: the same pipeline, OLS from normal equations.`,
    "Peak = peak resident set size of the whole process. Ratio = tablepipe's seconds ÷ the baseline's (below 1: faster).",
    "",
    ...comparisonTable(results),
  );
  const variants = [
    ["tablepipe", "tablepipe per stage (median seconds)"],
    [
      "tablepipe-whole",
      "tablepipe with --no-stream-read per stage (the straightforward path; median seconds)",
    ],
    ["tablepipe-parquet", "tablepipe reading Parquet per stage (median seconds)"],
    ["tablepipe-duckdb", "tablepipe on the DuckDB engine per stage (median seconds)"],
    ["tablepipe-duckdb-parquet", "tablepipe on the DuckDB engine reading Parquet per stage (median seconds)"],
  ] as const;
  for (const [engine, title] of variants) {
    const stages = tablepipeBreakdown(results, engine);
    if (stages.length > 0) lines.push("", `### ${title}`, "", ...stages);
  }
  const onDuckDb = duckdbEngineComparison(results);
  if (onDuckDb.length > 0) {
    lines.push(
      "",
      "### the tip model on the DuckDB engine (`--engine duckdb`) vs the hand-written DuckDB query",
      "",
      ...onDuckDb,
    );
  }
  const baselines = baselineBreakdown(results);
  if (baselines.length > 0) lines.push("", "### baselines per stage (median seconds)", "", ...baselines);
  const parquet = parquetComparison(results);
  if (parquet.length > 0) {
    lines.push(
      "",
      "### tablepipe from Parquet (a copy written once by `writeTable`) vs from CSV",
      "",
      ...parquet,
    );
  }
  const whole = streamingComparison(results);
  if (whole.length > 0)
    lines.push("", "### tablepipe streamed vs read whole (the straightforward path)", "", ...whole);
  const issues = problems(results);
  if (issues.length > 0) lines.push("", "### problems", "", ...issues);
  return lines;
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  if (options === undefined) return;
  const drift = specDrift();
  if (drift.length > 0) {
    throw new Error(`bench/src/pipeline-spec.ts no longer matches the tip model:\n${drift.join("\n")}`);
  }
  const benchDist = dirname(fileURLToPath(import.meta.url));
  const paths: Paths = { root: resolve(benchDist, "../.."), benchDist };
  const results: SizeResult[] = [];
  const ops: OpsResult[] = [];
  const opsToRun = options.suites.filter((s): s is Op => s !== "tip");
  const opsEngines = options.engines.filter(
    (e): e is OpsEngineName => e === "tablepipe" || e === "polars" || e === "duckdb",
  );
  for (const rows of options.sizes) {
    if (opsToRun.length > 0 && opsEngines.length > 0) {
      const cache = resolve(paths.root, options.cache);
      const opsOptions = { ops: opsToRun, engines: opsEngines, runs: options.runs, check: options.check };
      ops.push(
        ...(await benchOps(
          paths.root,
          benchDist,
          cache,
          rows,
          { ...opsOptions, timeoutSeconds: options.timeoutSeconds },
          note,
        )),
      );
    }
    if (options.suites.includes("tip")) results.push(await benchSize(paths, options, rows));
  }
  const lines = render(results, ops, options);
  print();
  for (const line of lines) print(line);
  const resultsDir = resolve(paths.root, options.cache, "results");
  await mkdir(resultsDir, { recursive: true });
  const stamp = new Date().toISOString().replaceAll(":", "-").slice(0, 19);
  await writeFile(join(resultsDir, `${stamp}.md`), `${lines.join("\n")}\n`);
  await writeFile(
    join(resultsDir, `${stamp}.json`),
    `${JSON.stringify({ options, results, ops }, null, 2)}\n`,
  );
  print();
  print(`results: ${join(resultsDir, `${stamp}.md`)} (and .json)`);
  print("model-fit benchmark (random forest, GBT): pnpm --filter @tablepipe/models bench");
}

main().catch((error: unknown) => {
  process.stderr.write(`bench: ${(error as Error).stack ?? String(error)}\n`);
  process.exitCode = 1;
});
