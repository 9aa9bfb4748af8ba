import { Pipe, type PipeEngine, type Step } from "@tablepipe/core";
import { eitherSignal } from "@tablepipe/core/internal";
import {
  columnKinds,
  csvDelimiterOf,
  type PipeSourceFiles,
  type ReadReport,
  readTableWithReport,
  readTraceEntry,
  resolveSources,
  type SourcePipeEngine,
  type SourcePipeResult,
} from "@tablepipe/io";
import { duckdbFiles, duckdbFilesFormat } from "./duckdb-files";
import type { DuckDbFilesSource } from "./files-source";
import { type DuckDbPipeResult, type DuckDbRunOptions, runOnDuckDb } from "./run-on-duckdb";

/** What a run on DuckDB reports besides the table and trace: the query and where each step ran. */
export type DuckDbReport = Omit<DuckDbPipeResult<string>, "table" | "trace">;

/**
 * The DuckDB engine for `Pipe.run` and for a source pipe's `run` (`pipeFrom(files, schema).run({ engine })`):
 * the pipe's longest SQL-renderable prefix runs inside DuckDB as one query, the rest in process (see
 * {@link runOnDuckDb}, which takes the same options). A source pipe's CSV or Parquet files are read by DuckDB
 * itself with readTable's rules (`duckdbCsvFiles`, `duckdbParquetFiles`: aliases, time-stamp layouts,
 * `onInvalid`); Arrow files, a mix of formats, a `delimiter` other than the extension's, an `onProgress`
 * callback, or a schema with value rules (`.min(0)`, `.regex()`, ...) are read by readTable, then loaded.
 * `pipe.run({ engine: duckdb(), signal })` interrupts the query when `signal` is aborted (Ctrl-C with
 * `stopOnInterrupt` of @tablepipe/io), as `duckdb({ signal })` does for every run.
 * @example const { table, trace, placement } = await pipe(trips).transform(dropDuplicates).run({ engine: duckdb() });
 * @example const { table, report } = await pipeFrom("data/*.csv", TripRow).transform(dropDuplicates).run({ engine: duckdb() });
 */
export function duckdb(
  options: DuckDbRunOptions = {},
): PipeEngine<DuckDbReport> & SourcePipeEngine<DuckDbReport> {
  return {
    name: "duckdb",
    runPipe: (pipe, run) => runOnDuckDb(pipe, withSignal(options, run?.signal)),
    runSource: (files, steps) => runSourceOnDuckDb(files, steps, options),
  };
}

/** The options with the run's signal too (`pipe.run({ engine: duckdb(), signal })`). */
function withSignal(options: DuckDbRunOptions, run: AbortSignal | undefined): DuckDbRunOptions {
  const signal = eitherSignal(options.signal, run);
  return signal === undefined ? options : { ...options, signal };
}

/**
 * The files as DuckDB reads them itself, or undefined when readTable reads them: all CSV (or TSV, with the
 * extension's delimiter) or all Parquet, no progress callback, and a schema without value rules (`.min()`,
 * `.regex()`, ...: readTable checks those).
 */
function filesReadByDuckDb(files: readonly string[], source: PipeSourceFiles): DuckDbFilesSource | undefined {
  const read = source.options;
  if (files.length === 0 || read.onProgress !== undefined) return undefined;
  if (columnKinds(source.schema).some((spec) => (spec.rules?.length ?? 0) > 0)) return undefined;
  const options = {
    ...(read.aliases === undefined ? {} : { aliases: read.aliases }),
    ...(read.onInvalid === undefined ? {} : { onInvalid: read.onInvalid }),
    ...(read.zonedTimestamps === undefined ? {} : { zonedTimestamps: read.zonedTimestamps }),
  };
  const format = duckdbFilesFormat(files);
  if (format === undefined || (read.format !== undefined && read.format !== format)) return undefined;
  const delimiter = read.delimiter;
  if (
    format === "csv" &&
    delimiter !== undefined &&
    files.some((file) => csvDelimiterOf(file) !== delimiter)
  ) {
    return undefined;
  }
  return duckdbFiles(files, source.schema, options);
}

async function runSourceOnDuckDb<C extends string>(
  files: PipeSourceFiles,
  steps: readonly Step[],
  options: DuckDbRunOptions,
): Promise<SourcePipeResult<C> & DuckDbReport> {
  const resolved = await resolveSources(files.source);
  let result: DuckDbPipeResult<C>;
  let report: ReadReport;
  const source = filesReadByDuckDb(resolved, files);
  if (source !== undefined) {
    // the trace and the plan as the source pipe's own in-process run gives them
    result = await runOnDuckDb(new Pipe<C>(source.table, steps), { moveDedupes: true, ...options, source });
    report = result.read as ReadReport;
  } else {
    const read = await readTableWithReport(resolved, files.schema, files.options);
    report = read.report;
    result = await runOnDuckDb(new Pipe<C>(read.table, steps), { moveDedupes: true, ...options });
  }
  return { ...result, trace: [readTraceEntry(report, report.ms), ...result.trace], read: report, report };
}
