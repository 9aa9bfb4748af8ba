/** One timed run of one engine on one sample, each in its own process for a clean peak RSS. */
import { rm } from "node:fs/promises";
import { join, resolve } from "node:path";
import type { BaselineReport } from "./baseline-output";
import { measure } from "./measure";
import type { Engine } from "./options";
import { parseTablepipeLog, type TablepipeStages } from "./tablepipe-log";

/** What one run measured. */
export interface RunResult {
  engine: Engine;
  rows: number;
  ok: boolean;
  /** Why it failed (exit code, timeout, last lines of stderr). */
  failure?: string;
  seconds: number;
  peakRssBytes: number;
  /** Seconds per stage, as the engine itself reported them. */
  stages: Record<string, number>;
  /** tablepipe only: the transform funnel. */
  funnel?: TablepipeStages["funnel"];
  preparedRows?: number;
}

/** Where things are: the repo root, the built bench entry points. */
export interface Paths {
  root: string;
  benchDist: string;
}

function describeFailure(exitCode: number | null, timedOut: boolean, stderr: string, limit: number): string {
  if (timedOut) return `timed out after ${limit} s`;
  const tail = stderr
    .trim()
    .split("\n")
    .filter(
      (line) => !line.startsWith("{") || line.includes('"level":"error"') || line.includes('"level":"fatal"'),
    )
    .slice(-4)
    .join(" | ");
  return `exit ${exitCode ?? "signal"}${tail ? `: ${tail.slice(0, 400)}` : ""}`;
}

/** How the tablepipe runs are made: the model, the DuckDB engine's memory limit, and the bench's cache folder. */
export interface TablepipeRunOptions {
  readonly model: string;
  readonly duckdbMemoryLimit: string;
  /** The bench's cache folder: the CLI's compiled code is kept in its `compile-cache/`, not the user's. */
  readonly cache: string;
}

/** The command line that runs `engine` on `dataDir`, writing into `outDir`. */
function commandFor(
  engine: Engine,
  paths: Paths,
  dataDir: string,
  outDir: string,
  options: TablepipeRunOptions,
): string[] {
  if (engine.startsWith("tablepipe")) {
    return [
      join(paths.root, "packages/tip-model/dist/cli.js"),
      "run",
      "--data-dir",
      dataDir,
      "--output-dir",
      outDir,
      "--model",
      options.model,
      "--log-format",
      "json",
      ...(engine === "tablepipe-whole" ? ["--no-stream-read"] : []),
      ...(engine === "tablepipe-duckdb" || engine === "tablepipe-duckdb-parquet"
        ? [
            "--engine",
            "duckdb",
            "--duckdb-memory-limit",
            options.duckdbMemoryLimit,
            // a database file beside the outputs: DuckDB spills there (not into the working folder's .tmp)
            "--duckdb-database",
            duckdbFileOf(outDir),
          ]
        : []),
    ];
  }
  return [join(paths.benchDist, `${engine}-job.js`), dataDir, outDir];
}

/** The DuckDB database file (and its `.tmp` spill folder, `.wal`) of the tablepipe-duckdb run writing `outDir`. */
function duckdbFileOf(outDir: string): string {
  return `${outDir}.duckdb`;
}

/** Remove what a tablepipe-duckdb run writing `outDir` left beside it: its database file, log and spill folder. */
async function removeDuckDbFiles(outDir: string): Promise<void> {
  const file = duckdbFileOf(outDir);
  for (const path of [file, `${file}.wal`, `${file}.tmp`]) await rm(path, { recursive: true, force: true });
}

/** Run `engine` once on the sample in `dataDir`; outputs go to `outDir` (replaced). */
export async function runEngine(
  engine: Engine,
  rows: number,
  paths: Paths,
  dataDir: string,
  outDir: string,
  options: TablepipeRunOptions & { timeoutSeconds: number },
): Promise<RunResult> {
  await rm(outDir, { recursive: true, force: true });
  await removeDuckDbFiles(outDir);
  const run = await measure("node", commandFor(engine, paths, dataDir, outDir, options), {
    cwd: paths.root,
    timeoutSeconds: options.timeoutSeconds,
    // the CLI's first run writes its code cache there, the runs after it read it (as a user's repeated runs do)
    ...(engine.startsWith("tablepipe")
      ? { env: { TABLEPIPE_COMPILE_CACHE: resolve(paths.root, options.cache, "compile-cache") } }
      : {}),
  });
  await removeDuckDbFiles(outDir);
  const base = { engine, rows, seconds: run.seconds, peakRssBytes: run.peakRssBytes };
  if (run.exitCode !== 0 || run.timedOut) {
    return {
      ...base,
      ok: false,
      failure: describeFailure(run.exitCode, run.timedOut, run.stderr, options.timeoutSeconds),
      stages: {},
    };
  }
  if (engine.startsWith("tablepipe")) {
    const { stages, funnel, preparedRows } = parseTablepipeLog(run.stderr);
    return { ...base, ok: true, stages, funnel, ...(preparedRows === undefined ? {} : { preparedRows }) };
  }
  const last = run.stdout.trim().split("\n").at(-1) ?? "{}";
  const report = JSON.parse(last) as BaselineReport;
  return { ...base, ok: true, stages: { ...report.stages }, preparedRows: report.preparedRows };
}

/** Write tablepipe's prepared table (`tip-model prepare`, in process or `engine` duckdb) for the equality check. */
export async function writeTablepipePrepared(
  paths: Paths,
  dataDir: string,
  out: string,
  timeoutSeconds: number,
  engine: "in-process" | "duckdb" = "in-process",
): Promise<{ ok: boolean; failure?: string; seconds: number; peakRssBytes: number }> {
  const run = await measure(
    "node",
    [
      join(paths.root, "packages/tip-model/dist/cli.js"),
      "prepare",
      "--data-dir",
      dataDir,
      "--out",
      out,
      "--log-format",
      "json",
      "--engine",
      engine,
    ],
    { cwd: paths.root, timeoutSeconds },
  );
  const ok = run.exitCode === 0 && !run.timedOut;
  return {
    ok,
    seconds: run.seconds,
    peakRssBytes: run.peakRssBytes,
    ...(ok ? {} : { failure: describeFailure(run.exitCode, run.timedOut, run.stderr, timeoutSeconds) }),
  };
}
