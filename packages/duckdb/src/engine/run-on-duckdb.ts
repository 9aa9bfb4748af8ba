import { type Pipe, type PipeResult, type SqlRendering, schemaOf, type Table } from "@tablepipe/core";
import { flattenPlan, type PlannedStep, planSteps } from "@tablepipe/core/internal";
import type { ReadReport } from "@tablepipe/io";
import {
  type CompiledPipe,
  compilePipe,
  countColumn,
  type EnginePlacement,
  finishEngineRun,
  pushedDownTrace,
  ROW_ORDER_COLUMN,
} from "@tablepipe/sql";
import type { ColumnTable } from "arquero";
import { DuckDbLoadError, toQueryError } from "../errors";
import type { ColumnType } from "./column-types";
import { DuckDb } from "./duckdb-database";
import type { DuckDbFileSource } from "./file-sources";
import { inferColumnType } from "./infer-column-type";
import { loadTable } from "./load-table";
import { locateFailure } from "./locate-failure";
import { numberRowsByRowid } from "./numbered-relation";
import type { DuckDbFilesSource } from "./read-files";
import { readQuery } from "./read-result";

/** Where one primitive step ran. */
export type StepPlacement = EnginePlacement<"duckdb">;

/** Options of {@link runOnDuckDb}. */
export interface DuckDbRunOptions {
  /** An open database to run in (kept open); default: a new in-memory one, closed afterwards. */
  readonly database?: DuckDb;
  /** The memory limit of the database opened for the run (`"4GB"`), when no `database` is given. */
  readonly memoryLimit?: string;
  /**
   * Source rows up to which the steps are counted in the query's own run, each step's CTE materialised
   * (default {@link COUNT_IN_QUERY_UP_TO}); above, a second query counts them.
   */
  readonly countInQueryUpTo?: number;
  /**
   * Read this file (`csvFile`, `parquetFile`) or these files (`duckdbCsvFiles`, readTable's rules) instead of the
   * pipe's table; the pipe's table then only gives the columns (`duckdbCsvFiles(...).table` has them).
   */
  readonly source?: DuckDbFileSource | DuckDbFilesSource;
  /** Column types by name, for columns of the loaded tables (source and lookups) that numbers alone do not tell (`timestamp`, `int`). */
  readonly columnTypes?: Readonly<Record<string, ColumnType>>;
  /** SQL renderings by transform name, for transforms that have none (neither their own nor a built-in). */
  readonly renderings?: Readonly<Record<string, SqlRendering>>;
}

/** A pipe's result on DuckDB: the table and trace as in process, the query, and where each step ran. */
export interface DuckDbPipeResult<C extends string> extends PipeResult<C> {
  /** The query DuckDB ran: a CTE per pushed-down step. */
  readonly sql: string;
  /** Each primitive step, in order, with the engine that ran it. */
  readonly placement: readonly StepPlacement[];
  /** What reading the files reported (rows, dropped rows, invalid values per column), for a `duckdbCsvFiles` source. */
  readonly read?: ReadReport;
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

async function loadSources(
  db: DuckDb,
  pipe: Pipe<string>,
  compiled: CompiledPipe,
  relation: string,
  sourceTypes: Readonly<Record<string, ColumnType>>,
  options: DuckDbRunOptions,
): Promise<ReadReport | undefined> {
  const types = options.columnTypes ?? {};
  let report: ReadReport | undefined;
  if (options.source === undefined) {
    await loadTable(db.connection, pipe.source, relation, sourceTypes, "the pipe's source table");
  } else if (options.source.format === "files") {
    report = await options.source.load(db.connection, relation);
  } else {
    try {
      await db.connection.run(`CREATE TEMP TABLE "${relation}" AS ${options.source.sql}`);
    } catch (error) {
      throw toQueryError(`reading ${options.source.path}`, error);
    }
  }
  for (const [i, lookup] of compiled.lookups.entries()) {
    const lookupTypes = { ...types, ...lookup.types };
    await loadTable(db.connection, lookup.table, lookup.relation, lookupTypes, `lookup table ${i + 1}`);
  }
  return report;
}

/** A pipe planned, compiled and its sources loaded into a database, ready to query (`close` when done). */
export interface LoadedPipe {
  readonly db: DuckDb;
  readonly planned: readonly PlannedStep[];
  readonly flat: readonly PlannedStep[];
  readonly compiled: CompiledPipe;
  readonly read: ReadReport | undefined;
  /** Drop the loaded relations, and close the database when it was opened here. */
  readonly close: () => Promise<void>;
}

/**
 * Check a pipe (as `run()` does: names and, for the pipe's own table, types), compile its renderable prefix,
 * and load its source and lookup tables into DuckDB.
 */
export async function loadPipe(pipe: Pipe<string>, options: DuckDbRunOptions): Promise<LoadedPipe> {
  const columns = sourceColumns(pipe, options.source);
  if (columns.includes(ROW_ORDER_COLUMN)) {
    throw new DuckDbLoadError(`the column name "${ROW_ORDER_COLUMN}" is reserved by @tablepipe/duckdb`);
  }
  // The pre-flight checks types too when the source is the pipe's own table (a file's types are DuckDB's).
  const types = options.source === undefined ? schemaOf(pipe.source) : undefined;
  const planned = planSteps(columns, pipe.steps, "", types);
  const flat = flattenPlan(planned);
  const run = ++runs;
  const source = `tablepipe_source_${run}`;
  const sourceTypes = typesOfSource(pipe, options);
  const compiled = compilePipe(columns, flat, {
    sourceTypes,
    dialect: "duckdb",
    sourceRelation: source,
    lookupRelation: (i) => `tablepipe_lookup_${run}_${i}`,
    numberRows: numberRowsByRowid,
    renderings: options.renderings,
  });
  if (options.database !== undefined && options.memoryLimit !== undefined) {
    throw new DuckDbLoadError(
      "memoryLimit sets the limit of the database a run opens; with `database`, open it with DuckDb.open(path, { memoryLimit })",
    );
  }
  const db =
    options.database ??
    (await DuckDb.open(
      undefined,
      options.memoryLimit === undefined ? {} : { memoryLimit: options.memoryLimit },
    ));
  const close = async (): Promise<void> => {
    try {
      await dropRelations(db, compiled, source);
    } finally {
      if (options.database === undefined) db.close();
    }
  };
  try {
    const read = await loadSources(db, pipe, compiled, source, sourceTypes, options);
    return {
      db,
      planned,
      flat,
      compiled: await countingPlan(db, compiled, source, options.countInQueryUpTo ?? COUNT_IN_QUERY_UP_TO),
      read,
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

/**
 * Source rows up to which each step's CTE is materialised to count it in the query's own run: above, the
 * copies of every step (spilled to disk under a memory limit) cost more than counting in a second query.
 */
export const COUNT_IN_QUERY_UP_TO = 4_000_000;

/** The compiled pipe, without `countedSql` when the loaded source has more than `upTo` rows. */
async function countingPlan(
  db: DuckDb,
  compiled: CompiledPipe,
  source: string,
  upTo: number,
): Promise<CompiledPipe> {
  if (compiled.countedSql === undefined) return compiled;
  const counted = await readQuery(db.connection, `SELECT count(*) AS n FROM "${source}"`);
  if (Number(counted.get("n", 0)) <= upTo) return compiled;
  const { countedSql: _inQuery, ...secondQuery } = compiled;
  return secondQuery;
}

/**
 * Run a pipe inside DuckDB: the longest prefix of its steps that renders to SQL runs as one query (a CTE
 * per step), the rest in process on the result. The pipe is checked first, as by `run()`. Returns the
 * table (same column types as in process: time stamps as epoch milliseconds), the trace (rows in and out
 * per step, counted in the same run up to 4M source rows, else by a second query; milliseconds only for the
 * steps run in process), the query and
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
  const loaded = await loadPipe(pipe as Pipe<string>, options);
  const { db, planned, flat, compiled, read } = loaded;
  try {
    const { table, counts } = await queryWithCounts(db, compiled);
    const done = finishEngineRun("duckdb", planned, flat, compiled, table, pushedDownTrace(compiled, counts));
    return {
      table: done.table as Table<C>,
      trace: done.trace,
      sql: compiled.sql,
      placement: done.placement,
      ...(read === undefined ? {} : { read }),
    };
  } finally {
    await loaded.close();
  }
}

/**
 * Run the pipe's query and count each step's rows: in one run (`countedSql`, the CTEs materialised), unless
 * the result has no rows to carry the counts (then `countSql` as well).
 */
export async function queryWithCounts(
  db: DuckDb,
  compiled: CompiledPipe,
): Promise<{ table: ColumnTable; counts: Record<string, unknown> }> {
  let result: ColumnTable;
  try {
    result = await readQuery(db.connection, compiled.countedSql ?? compiled.sql);
  } catch (error) {
    throw await locateFailure(db, compiled, error);
  }
  const table = result.select(compiled.columns as string[]);
  return {
    table,
    counts: await stepCounts(db, compiled, compiled.countedSql === undefined ? undefined : result),
  };
}

/**
 * The rows of the source and of each rendered step (`n0`, `n1`, ...): read off the first row of `counted`, a
 * result of `countedSql` (its count columns ride on every row); when there is none, or it has no rows, by
 * running `countSql`.
 */
export async function stepCounts(
  db: DuckDb,
  compiled: CompiledPipe,
  counted: ColumnTable | undefined,
): Promise<Record<string, unknown>> {
  if (counted !== undefined && counted.numRows() > 0) {
    const counts: Record<string, unknown> = {};
    for (let i = 0; i <= compiled.renderedSteps; i++) counts[`n${i}`] = counted.get(countColumn(i), 0);
    return counts;
  }
  return ((await readQuery(db.connection, compiled.countSql)).objects()[0] ?? {}) as Record<string, unknown>;
}

async function dropRelations(db: DuckDb, compiled: CompiledPipe, source: string): Promise<void> {
  for (const relation of [source, ...compiled.lookups.map((l) => l.relation)]) {
    await db.connection.run(`DROP TABLE IF EXISTS "${relation}"`);
  }
}
