import {
  type Pipe,
  type PipeResult,
  type SqlRendering,
  schemaOf,
  type Table,
  type TableSchema,
} from "@tablepipe/core";
import { flattenPlan, optimizePlan, type PlannedStep, planSteps } from "@tablepipe/core/internal";
import type { ReadReport } from "@tablepipe/io";
import {
  type CompiledPipe,
  columnNameClash,
  compilePipe,
  describeClash,
  type EnginePlacement,
  finishEngineRun,
  lookupTypesOver,
  pushedDownTrace,
} from "@tablepipe/sql";
import type { ColumnTable } from "arquero";
import { DuckDbLoadError, toQueryError } from "../errors";
import { cleanReadReport } from "./absent-columns";
import type { ColumnType } from "./column-types";
import { DuckDb } from "./duckdb-database";
import type { DuckDbFileSource } from "./file-sources";
import { type FilesReadMode, FilesRelation } from "./files-relation";
import type { DuckDbFilesSource } from "./files-source";
import { filteredPrefixLength, runFilteredRead } from "./filtered-read";
import { inferColumnType } from "./infer-column-type";
import { loadTable } from "./load-table";
import { locateFailure } from "./locate-failure";
import { numberRowsByRowid } from "./numbered-relation";
import { withOptimizersOff } from "./optimizers";
import { checkOwnRenderingsOnDuckDb } from "./own-renderings";
import { runCounted } from "./profiled-counts";
import { readQuery } from "./read-result";
import { takeTurn } from "./run-queue";
import { checkSessionSettings } from "./session-settings";
import { quote } from "./sql-text";
import { refuseZonedColumns } from "./zoned-columns";

/** Where one primitive step ran. */
export type StepPlacement = EnginePlacement<"duckdb">;

/** Options of {@link runOnDuckDb}. */
export interface DuckDbRunOptions {
  /**
   * An open database to run in (kept open); default: a new in-memory one, closed afterwards. Runs on one database
   * take turns (each from loading its tables to dropping them, in the order they were started).
   */
  readonly database?: DuckDb;
  /** The memory limit of the database opened for the run (`"4GB"`), when no `database` is given. */
  readonly memoryLimit?: string;
  /**
   * Read this file (`csvFile`, `parquetFile`) or these files (`duckdbCsvFiles`, `duckdbParquetFiles`: readTable's
   * rules) instead of the pipe's table; the pipe's table then only gives the columns (`duckdbCsvFiles(...).table`
   * has them).
   */
  readonly source?: DuckDbFileSource | DuckDbFilesSource;
  /**
   * How a files source (`duckdbCsvFiles`, `duckdbParquetFiles`) is read: `"table"`, into a table first (on every
   * core); `"streamed"`, as the query runs (nothing held: files larger than memory pass through; DuckDB numbers a
   * CSV's rows on one core); `"auto"` (default): streamed when the query's result ignores the rows' order, the
   * files are Parquet, or they are larger than a quarter of DuckDB's memory limit.
   */
  readonly readFiles?: FilesReadMode;
  /**
   * Run each dedupe on every column after the row-local steps that follow it (filters and derives that keep
   * every column), as a source pipe runs in process (`pipeFrom(...).run()`): the same rows in the same order,
   * but the dedupe hashes only the rows that survive them; the trace lists the steps in the order they ran.
   * Default false: the steps run, and are counted, in the pipe's order (as `pipe.run()` counts them).
   */
  readonly moveDedupes?: boolean;
  /**
   * Column types by name, for columns of the loaded tables (source and lookups) that numbers alone do not tell
   * (`timestamp`, `int`); a lookup table's declared type wins over it.
   */
  readonly columnTypes?: Readonly<Record<string, ColumnType>>;
  /** SQL renderings by transform name, for transforms that have none (neither their own nor a built-in). */
  readonly renderings?: Readonly<Record<string, SqlRendering>>;
  /**
   * Stops the run when aborted (Ctrl-C: `stopOnInterrupt` of @tablepipe/io): the database opened for the run is
   * opened with it (`DuckDb.open(path, { signal })`), so the running query is interrupted, and the run rejects
   * with the signal's reason; an aborted signal rejects before anything runs. With `database`, give the signal
   * the database was opened with (or none).
   */
  readonly signal?: AbortSignal;
}

/** A pipe's result on DuckDB: the table and trace as in process, the query, and where each step ran. */
export interface DuckDbPipeResult<C extends string> extends PipeResult<C> {
  /** The query DuckDB ran: a CTE per pushed-down step. */
  readonly sql: string;
  /** Each primitive step, in order, with the engine that ran it. */
  readonly placement: readonly StepPlacement[];
  /** What reading the files reported (rows, dropped rows, invalid values per column), for a files source. */
  readonly read?: ReadReport;
  /**
   * How a files source (`duckdbCsvFiles`, `duckdbParquetFiles`) was read: `"streamed"` as the query ran
   * (nothing held); `"filtered"`, into a table of the rows the pipe's first row-local steps keep (its filters and
   * derives that read no lookup table), those steps run with the read; or into a `"table"` first (see
   * `readFiles`; also when a streamed or filtered read met a value only readTable's exact rules judge: a blank,
   * `1_000`, a US time stamp, a fraction in a Parquet file's integer column, ...).
   */
  readonly readBy?: SourceRead;
}

/** How DuckDB read a pipe's files: as the query ran, with the pipe's first filters into a table, or into a table first. */
export type SourceRead = "streamed" | "filtered" | "table";

/** What {@link runLoaded} gives: the run's value, each step's rows, and how the source's files were read. */
export interface LoadedRun<T> {
  readonly value: T;
  readonly counts: Record<string, unknown>;
  readonly read: ReadReport | undefined;
  readonly readBy: SourceRead | undefined;
}

let runs = 0;

function sourceColumns(
  pipe: Pipe<string>,
  source: DuckDbFileSource | DuckDbFilesSource | undefined,
): readonly string[] {
  const columns = pipe.source.columnNames();
  if (source === undefined) return columns;
  const fileColumns = source.columns.map(([name]) => name);
  if (fileColumns.join("\u0000") !== columns.join("\u0000")) {
    throw new DuckDbLoadError(
      `${source.path}: the file's schema has columns ${fileColumns.join(", ")}; the pipe's table has ${columns.join(", ")}`,
    );
  }
  return columns;
}

/** The source columns' types: the file's schema, or the loaded table's (declared, else from its values). */
function typesOfSource(pipe: Pipe<string>, options: DuckDbRunOptions): Record<string, ColumnType> {
  if (options.source !== undefined) return Object.fromEntries(options.source.columns);
  const declared = options.columnTypes ?? {};
  return Object.fromEntries(
    pipe.source
      .columnNames()
      .map((name) => [name, inferColumnType(pipe.source, name, declared[name], "the pipe's source table")]),
  );
}

/** The source (a view over the files for a files source, else a table) and the lookup tables. */
async function loadSources(
  db: DuckDb,
  pipe: Pipe<string>,
  compiled: CompiledPipe,
  relation: string,
  sourceTypes: Readonly<Record<string, ColumnType>>,
  options: DuckDbRunOptions,
): Promise<FilesRelation | undefined> {
  const types = options.columnTypes ?? {};
  let files: FilesRelation | undefined;
  if (options.source === undefined) {
    await loadTable(db.connection, pipe.source, relation, sourceTypes, "the pipe's source table");
  } else if (options.source.format === "files") {
    const filtered = filteredPrefixLength(compiled) > 0;
    files = await FilesRelation.open(db, options.source, relation, options.readFiles ?? "auto", {
      filtered,
      orderFree: compiled.ignoresRowOrder,
    });
  } else {
    if (options.source.zoned !== undefined) await refuseZonedColumns(db.connection, options.source.zoned);
    try {
      await db.connection.run(`CREATE TEMP TABLE "${relation}" AS ${options.source.sql}`);
    } catch (error) {
      throw toQueryError(`reading ${options.source.path}`, error);
    }
  }
  for (const [i, lookup] of compiled.lookups.entries()) {
    const lookupTypes = lookupTypesOver(lookup.table, lookup.types, types);
    await loadTable(db.connection, lookup.table, lookup.relation, lookupTypes, `lookup table ${i + 1}`);
  }
  return files;
}

/** A pipe planned, compiled and its sources loaded into a database, ready to query (`close` when done). */
export interface LoadedPipe {
  readonly db: DuckDb;
  readonly planned: readonly PlannedStep[];
  readonly flat: readonly PlannedStep[];
  readonly compiled: CompiledPipe;
  /** The schema the plan was made from: the pipe's own table's, or a file source's row schema's (when it has one). */
  readonly schema: TableSchema | undefined;
  /** The source's files, for a files source (read as the query runs, or into a table). */
  readonly files: FilesRelation | undefined;
  /** Drop the loaded relations, and close the database when it was opened here. */
  readonly close: () => Promise<void>;
}

/**
 * Check a pipe (as `run()` does: names and, for the pipe's own table, types), compile its renderable prefix,
 * and load its source and lookup tables into DuckDB.
 */
export async function loadPipe(pipe: Pipe<string>, options: DuckDbRunOptions): Promise<LoadedPipe> {
  const columns = sourceColumns(pipe, options.source);
  // a source DuckDB cannot hold: no step could run there (a step's own clash only sends it to run in process)
  const clash = columnNameClash(columns, "duckdb");
  if (clash !== undefined)
    throw new DuckDbLoadError(describeClash(clash, "duckdb", "the pipe's source table"));
  // The pre-flight checks types too: the pipe's own table's, or those the file source's row schema declares (as
  // readTable declares them for the in-process run), before any file is read.
  const types = options.source === undefined ? schemaOf(pipe.source) : options.source.schema;
  const planned = planSteps(columns, pipe.steps, "", types);
  const flat = options.moveDedupes === true ? optimizePlan(columns, planned) : flattenPlan(planned);
  const run = ++runs;
  const source = `tablepipe_source_${run}`;
  const sourceTypes = typesOfSource(pipe, options);
  // a files source is a view (over the files, or over the table they were read into) that numbers its rows
  const filesSource = options.source?.format === "files";
  const compiled = compilePipe(columns, flat, {
    sourceTypes,
    dialect: "duckdb",
    sourceRelation: source,
    lookupRelation: (i) => `tablepipe_lookup_${run}_${i}`,
    numberRows: (relation, relationColumns) =>
      relation === source && filesSource
        ? `SELECT * FROM ${quote(relation)}`
        : numberRowsByRowid(relation, relationColumns),
    renderings: options.renderings,
    ...(options.columnTypes === undefined ? {} : { columnTypes: options.columnTypes }),
  });
  if (options.database !== undefined && options.memoryLimit !== undefined) {
    throw new DuckDbLoadError(
      "memoryLimit sets the limit of the database a run opens; with `database`, open it with DuckDb.open(path, { memoryLimit })",
    );
  }
  const { memoryLimit, signal } = options;
  if (options.database !== undefined && signal !== undefined && signal !== options.database.signal) {
    throw new DuckDbLoadError(
      "signal interrupts the database a run opens; with `database`, open it with DuckDb.open(path, { signal })",
    );
  }
  const db =
    options.database ??
    (await DuckDb.open(undefined, {
      ...(memoryLimit === undefined ? {} : { memoryLimit }),
      ...(signal === undefined ? {} : { signal }),
    }));
  // a shared database runs one pipe at a time, from its load to the drop of its relations (see run-queue.ts)
  const endTurn = options.database === undefined ? undefined : await takeTurn(db);
  if (options.database !== undefined) {
    // a database of the user's may hold settings (a collation, a default order) that would change the results;
    // checked in the run's turn (another run's result may be read on the connection until then)
    try {
      await checkSessionSettings(db);
    } catch (error) {
      endTurn?.();
      throw error;
    }
  }
  const close = async (): Promise<void> => {
    try {
      if (filesSource) await FilesRelation.drop(db, source);
      await dropRelations(db, compiled, filesSource ? undefined : source);
    } finally {
      if (options.database === undefined) db.close();
      endTurn?.();
    }
  };
  try {
    const files = await loadSources(db, pipe, compiled, source, sourceTypes, options);
    return { db, planned, flat, compiled, schema: types, files, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/**
 * Run a pipe inside DuckDB: the longest prefix of its steps that renders to SQL runs as one query (a CTE
 * per step), the rest in process on the result. The pipe is checked first, as by `run()`. Returns the
 * table (same column types as in process: time stamps as epoch milliseconds), the trace (rows in and out
 * per step, counted in the query's own run from DuckDB's profile; milliseconds only for the steps run in
 * process), the query and
 * where each step ran. DuckDB's errors become {@link DuckDbQueryError}s naming the step.
 *
 * @example
 * const { table, trace, placement } = await runOnDuckDb(pipe(trips).transform(dropDuplicates), {
 *   columnTypes: { pickup_datetime: "timestamp" },
 * });
 */
export async function runOnDuckDb<C extends string>(
  pipe: Pipe<C>,
  options: DuckDbRunOptions = {},
): Promise<DuckDbPipeResult<C>> {
  try {
    return await runLoadedPipe(pipe, options);
  } catch (error) {
    // whatever the interrupted query threw (DuckDB's INTERRUPT error, a step located after it), the stop is what happened
    options.signal?.throwIfAborted();
    throw error;
  }
}

async function runLoadedPipe<C extends string>(
  pipe: Pipe<C>,
  options: DuckDbRunOptions,
): Promise<DuckDbPipeResult<C>> {
  options.signal?.throwIfAborted();
  const loaded = await loadPipe(pipe as Pipe<string>, options);
  const { planned, flat, compiled } = loaded;
  try {
    const { table, counts, read, readBy } = await queryWithCounts(loaded);
    const trace = pushedDownTrace(compiled, counts);
    const done = finishEngineRun("duckdb", planned, flat, compiled, table, trace, loaded.schema);
    return {
      table: done.table as Table<C>,
      trace: done.trace,
      sql: compiled.sql,
      placement: done.placement,
      ...(read === undefined ? {} : { read }),
      ...(readBy === undefined ? {} : { readBy }),
    };
  } finally {
    await loaded.close();
  }
}

/** Run the loaded pipe's query for its table, each step's rows counted (see {@link runLoaded}). */
export async function queryWithCounts(
  loaded: LoadedPipe,
): Promise<Omit<LoadedRun<ColumnTable>, "value"> & { table: ColumnTable }> {
  const { value, ...rest } = await runLoaded(loaded, (sql) => readQuery(loaded.db.connection, sql));
  return { table: value, ...rest };
}

/**
 * Run `run` on the loaded pipe's query, each step's rows counted in the same run (`markedSql`, see
 * profiled-counts.ts; when DuckDB's profile does not give every count, a second query counts them), a failure
 * located at its step. A files source read into a table reads it with the pipe's first row-local steps when it
 * has some (`runFilteredRead`). A streamed or filtered read that stops (a cell only the exact read can judge,
 * a step's error) is redone into a table, then the query runs again. Returns the read's report for a files
 * source: the table read's, the filtered read's (its milliseconds include its steps'), or the streamed read's
 * files and rows (its milliseconds are the whole query's: the steps ran in the same pass).
 */
export async function runLoaded<T>(
  loaded: LoadedPipe,
  run: (sql: string) => Promise<T>,
): Promise<LoadedRun<T>> {
  const { db, compiled, files } = loaded;
  // a user's own renderings are checked once the source's relation exists: for a filtered read, when its view
  // first points at a file (pointing it at one only for the check scanned that file twice)
  // (a failure the filtered read swallows, to redo the read into a table, is met again before the query)
  let checked = false;
  const checkOwn = async (): Promise<void> => {
    if (checked) return;
    await checkOwnRenderingsOnDuckDb(db, compiled);
    checked = true;
  };
  if (files?.deferred !== undefined) {
    const prefix = filteredPrefixLength(compiled);
    const filtered = await runFilteredRead(db, compiled, files, prefix, run, checkOwn);
    if (filtered !== undefined) return { ...filtered, readBy: "filtered" };
    await files.readIntoTable();
  }
  await checkOwn();
  const streamed = files?.streamed;
  if (files === undefined || streamed === undefined) {
    const ran = await located(db, compiled, () => countedRun(db, compiled, run));
    return { ...ran, read: files?.report, readBy: files === undefined ? undefined : "table" };
  }
  // the files' checks may run on beside the query (a CSV file's byte scan): the query is interrupted, or its
  // result dropped, when they find the view unsound, and runs again over the view defined anew
  const interruptible = (sql: string) => files.interruptible(() => run(sql));
  let started: number;
  let ran: { value: T; counts: Record<string, unknown> } | undefined;
  let failure: { error: unknown } | undefined;
  do {
    started = performance.now();
    [ran, failure] = [undefined, undefined];
    try {
      ran = await countedRun(db, compiled, interruptible, files.optimizersOff);
    } catch (error) {
      failure = { error };
    }
  } while (await files.restreamIfUnsound());
  if (ran === undefined) {
    const error = failure?.error;
    if (!files.retriesExactly(error)) {
      throw await withOptimizersOff(db, files.optimizersOff, () => locateFailure(db, compiled, error));
    }
    const read = await files.readIntoTable();
    return { ...(await located(db, compiled, () => countedRun(db, compiled, run))), read, readBy: "table" };
  }
  const ms = performance.now() - started;
  const rows = Number(ran.counts.n0);
  const read = cleanReadReport(streamed, ms, rows, files.absentColumns);
  return { ...ran, read, readBy: "streamed" };
}

async function located<T>(db: DuckDb, compiled: CompiledPipe, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw await locateFailure(db, compiled, error);
  }
}

/**
 * Run `run` on the pipe's marked query (its plain query for a dialect without markers), DuckDB's optimizers
 * `off` off; returns its value and each step's rows (`n0` the source's, `n1`, ...).
 */
async function countedRun<T>(
  db: DuckDb,
  compiled: CompiledPipe,
  run: (sql: string) => Promise<T>,
  off: readonly string[] = [],
): Promise<{ value: T; counts: Record<string, unknown> }> {
  const marked = compiled.markedSql;
  if (marked === undefined) {
    const value = await run(compiled.sql);
    return { value, counts: await secondCount(db, compiled) };
  }
  const { value, counts } = await runCounted(db, compiled.renderedSteps + 1, () => run(marked), 0, off);
  return { value, counts: counts ?? (await withOptimizersOff(db, off, () => secondCount(db, compiled))) };
}

async function secondCount(db: DuckDb, compiled: CompiledPipe): Promise<Record<string, unknown>> {
  return ((await readQuery(db.connection, compiled.countSql)).objects()[0] ?? {}) as Record<string, unknown>;
}

async function dropRelations(db: DuckDb, compiled: CompiledPipe, source: string | undefined): Promise<void> {
  const lookups = compiled.lookups.map((l) => l.relation);
  for (const relation of source === undefined ? lookups : [source, ...lookups]) {
    await db.connection.run(`DROP TABLE IF EXISTS "${relation}"`);
  }
}
