import {
  type Pipe,
  type PipeResult,
  SQL_DIALECTS,
  type SqlRendering,
  type StepFailedError,
  schemaOf,
  type Table,
} from "@tablepipe/core";
import { flattenPlan, planSteps } from "@tablepipe/core/internal";
import type { ReadReport } from "@tablepipe/io";
import {
  type CompiledPipe,
  columnNameClash,
  compilePipe,
  describeClash,
  type EnginePlacement,
  finishEngineRun,
  locateFailure,
  lookupTypesOver,
  pushedDownTrace,
  ROW_ORDER_COLUMN,
} from "@tablepipe/sql";
import type { ColumnTable } from "arquero";
import { arrowToTable, tableToArrow } from "../client/arrow";
import { interruptedError, SparkLoadError, type SparkQueryError, toSparkError } from "../client/errors";
import type { SparkRemote } from "../client/remote";
import type { SparkCallOptions } from "../client/spark-connect-client";
import type { Relation } from "../generated/spark/connect/relations_pb";
import { type ColumnType, inferColumnType } from "./column-types";
import { readSchemaFiles } from "./file-read";
import { flooredMillis, flooredZonedMillis } from "./floored-stamps";
import { explainNanosecondStamps } from "./nanosecond-stamps";
import { refuseOneColumnCsv } from "./one-column-csv";
import { checkOwnRenderingsOnSpark } from "./own-renderings";
import type { SparkSource } from "./sources";
import { SparkSession } from "./spark-session";

const quote = SQL_DIALECTS.spark.quoteIdentifier;

/** Where one primitive step ran. */
export type SparkStepPlacement = EnginePlacement<"spark">;

/** Options of {@link runOnSpark}. */
export interface SparkRunOptions {
  /** Where to run: a connection string (`sc://host:port/;token=...`; a session is opened and closed for the run) or an open session. */
  readonly remote: string | SparkRemote | SparkSession;
  /** Read this (files, a table) on Spark instead of the pipe's table; the pipe's table then only gives the columns. */
  readonly source?: SparkSource;
  /**
   * Column types by name, for columns of the shipped tables (source and lookups) that numbers alone do not tell
   * (`timestamp`, `int`); a lookup table's declared type wins over it.
   */
  readonly columnTypes?: Readonly<Record<string, ColumnType>>;
  /** SQL renderings by transform name, for transforms that have none (neither their own nor a built-in). */
  readonly renderings?: Readonly<Record<string, SqlRendering>>;
  /**
   * Stops the run when aborted: the Spark query running is interrupted (Spark Connect's `Interrupt`) and the
   * run rejects with a `SparkQueryError` of kind `interrupted`, after its views, caches and own session are
   * released; already aborted, the run throws the signal's reason before connecting.
   */
  readonly signal?: AbortSignal;
}

/** A pipe's result on Spark: the table and trace as in process, the query, and where each step ran. */
export interface SparkPipeResult<C extends string> extends PipeResult<C> {
  /** The Spark SQL query that ran: a CTE per pushed-down step. */
  readonly sql: string;
  /** Each primitive step, in order, with the engine that ran it. */
  readonly placement: readonly SparkStepPlacement[];
  /**
   * What reading the files reported, for files read with a schema (`sparkFiles(..., { schema })`): readTable's
   * report of the same files (rows, dropped rows, invalid values per column and the first three of each).
   */
  readonly read?: ReadReport;
}

const localRelation = (data: Uint8Array): Relation =>
  ({ relType: { case: "localRelation", value: { data } } }) as Relation;

const sqlRelation = (query: string): Relation => ({ relType: { case: "sql", value: { query } } }) as Relation;

/** Rows per local relation: a message stays well under Spark Connect's 128 MiB limit for a message. */
const ROWS_PER_MESSAGE = 100_000;
/** Shipped tables with more rows than this are cached on Spark for the run. */
const CACHE_ROWS = 20_000;
/** A chunk encoded larger than this is split again. */
const MAX_MESSAGE_BYTES = 48 * 1024 * 1024;

/**
 * Ship an in-memory table as the temporary view `view`, with its row positions as the row-order column: one
 * local relation (Arrow) per chunk of rows, and the view their `UNION ALL` when there are several.
 */
async function shipTable(
  session: SparkSession,
  table: ColumnTable,
  view: string,
  declared: Readonly<Record<string, ColumnType>>,
  label: string,
  call: SparkCallOptions,
): Promise<string[]> {
  const types = table.columnNames().map((name) => inferColumnType(table, name, declared[name], label));
  const encode = (start: number, end: number): Uint8Array[] => {
    const rows = BigInt64Array.from({ length: end - start }, (_, i) => BigInt(start + i));
    const part = start === 0 && end === table.numRows() ? table : table.slice(start, end);
    const data = tableToArrow(part, types, label, { [ROW_ORDER_COLUMN]: rows }, start);
    if (data.byteLength <= MAX_MESSAGE_BYTES || end - start < 2) return [data];
    const middle = start + Math.floor((end - start) / 2);
    return [...encode(start, middle), ...encode(middle, end)];
  };
  const chunks: Uint8Array[] = [];
  for (let start = 0; start === 0 || start < table.numRows(); start += ROWS_PER_MESSAGE) {
    chunks.push(...encode(start, Math.min(start + ROWS_PER_MESSAGE, table.numRows())));
  }
  if (chunks.length === 1) {
    await session.client.createView(view, localRelation(chunks[0] as Uint8Array), label, call);
    return [view];
  }
  const parts = chunks.map((_, i) => `${view}_part_${i}`);
  for (const [i, data] of chunks.entries())
    await session.client.createView(parts[i] as string, localRelation(data), label, call);
  const union = parts.map((part) => `SELECT * FROM ${quote(part)}`).join(" UNION ALL ");
  await session.client.createView(view, sqlRelation(union), label, call);
  return [view, ...parts];
}

/** A column of a source read without a schema: its name and Spark's type (a case of Spark Connect's `DataType`). */
interface SourceColumn {
  readonly name: string;
  readonly type: string;
}

/** The columns of a Spark schema (a struct), from AnalyzePlan: each name and type. */
async function sourceColumnsOnSpark(
  session: SparkSession,
  source: SparkSource,
  call: SparkCallOptions,
): Promise<SourceColumn[]> {
  const schema = await session.client
    .schema(source.relation, `reading ${source.label}`, call)
    .catch(async (error: unknown) => {
      throw await explainNanosecondStamps(error, source.relation, source.label);
    });
  if (schema?.kind.case !== "struct") return [];
  return schema.kind.value.fields.map((field) => ({
    name: field.name,
    type: field.dataType?.kind.case ?? "unknown",
  }));
}

/**
 * A column of a table or of files read without a schema as the readers have it, or undefined when it is taken as
 * it is: a DOUBLE's or FLOAT's NaN as null (its type kept), as in process NaN is a missing value (Spark would
 * count, sum and keep it as a value); a time stamp floored to the millisecond (its type kept), as readTable reads
 * a finer one (a Parquet TIMESTAMP(MICROS) that DuckDB or Spark wrote).
 */
function sourceColumnSql(column: SourceColumn): string | undefined {
  const name = quote(column.name);
  switch (column.type) {
    case "double":
    case "float":
      return `(CASE WHEN isnan(${name}) THEN NULL ELSE ${name} END) AS ${name}`;
    case "timestampNtz":
      return `${flooredMillis(name)} AS ${name}`;
    case "timestamp":
      return `${flooredZonedMillis(name)} AS ${name}`;
    default:
      return undefined;
  }
}

/**
 * Make the file or table source the view `view`, numbered in Spark's read order (files with a schema: read by
 * readTable's rules, see `readSchemaFiles`). Returns whether the run must cache `view` (so that its rows keep
 * their numbers between the queries), and the read's report for files with a schema; views it makes are added
 * to `views`, tables it caches to `cached`.
 */
async function readSource(
  session: SparkSession,
  pipe: Pipe<string>,
  source: SparkSource,
  view: string,
  views: string[],
  cached: string[],
  call: SparkCallOptions,
): Promise<{ cache: boolean; read?: ReadReport }> {
  const what = `reading ${source.label}`;
  const columns = pipe.source.columnNames();
  const onSpark = source.files === undefined ? await sourceColumnsOnSpark(session, source, call) : [];
  // files read with a schema are refused so in readSchemaFiles, once their columns are mapped
  if (source.files === undefined && source.format === "csv") {
    refuseOneColumnCsv(
      source.label,
      onSpark.map((column) => column.name),
    );
  }
  const found =
    source.files === undefined
      ? onSpark.map((column) => column.name)
      : source.files.schema.specs.map((spec) => spec.name);
  if (found.join("\u0000") !== columns.join("\u0000")) {
    throw new SparkLoadError(
      `${source.label}: Spark reads the columns ${found.join(", ")}; the pipe's table has ${columns.join(", ")}`,
    );
  }
  if (source.files !== undefined) {
    return {
      cache: false,
      read: await readSchemaFiles(session, source, source.files, view, views, cached, call),
    };
  }
  views.push(view);
  await session.client.createView(`${view}_read`, source.relation, what, call);
  const read = onSpark.map((column) => sourceColumnSql(column));
  const list = read.some((sql) => sql !== undefined)
    ? onSpark.map((column, i) => read[i] ?? quote(column.name)).join(", ")
    : "*";
  const numbered = `SELECT ${list}, monotonically_increasing_id() AS ${quote(ROW_ORDER_COLUMN)} FROM ${quote(`${view}_read`)}`;
  await session.client.createView(view, sqlRelation(numbered), what, call);
  return { cache: true };
}

/**
 * The query (or the count of each step's rows) failed: find the first CTE that fails on its own and name its
 * step; a step with a failure probe (`castColumns`) fails with the in-process error naming the row it stopped on.
 */
async function locateFailureOnSpark(
  session: SparkSession,
  compiled: CompiledPipe,
  error: unknown,
  call: SparkCallOptions,
): Promise<SparkQueryError | StepFailedError> {
  const stopped = (): boolean => call.signal?.aborted === true;
  // stopped: the interrupt is the error, and no more queries run
  if (stopped()) return toSparkError("the pipe's query", error);
  const located = await locateFailure(
    compiled,
    "spark",
    {
      run: async (sql, what) => {
        await session.client.sql(sql, what, call);
      },
      firstRow: async (sql, what) =>
        arrowToTable((await session.client.sql(sql, what, call)).batches).objects()[0] as
          | Readonly<Record<string, unknown>>
          | undefined,
      toError: toSparkError,
    },
    error,
  );
  // stopped while locating (a probe's error is dropped): the interrupt is the error
  return stopped() ? interruptedError("the pipe's query", call.signal?.reason) : located;
}

/**
 * Run a pipe on Apache Spark through Spark Connect: the longest prefix of its steps that renders to Spark SQL
 * runs as one query (a CTE per step), the rest in process on the result. In-memory tables (the source and
 * lookups) are shipped as local relations (Arrow) with their column types, time stamps as TIMESTAMP_NTZ; a
 * `source` of files or a table is read by Spark. Returns the table (column types as in process), the trace
 * (rows in and out per step from one extra count query), the query, where each step ran and, for files read
 * with a schema, readTable's report of the read.
 *
 * @example
 * const { table, trace, placement } = await runOnSpark(pipe(trips).transform(dropDuplicates), {
 *   remote: "sc://localhost:15002",
 *   columnTypes: { pickup_datetime: "timestamp" },
 * });
 */
export async function runOnSpark<C extends string>(
  pipe: Pipe<C>,
  options: SparkRunOptions,
): Promise<SparkPipeResult<C>> {
  options.signal?.throwIfAborted();
  const call: SparkCallOptions = { signal: options.signal };
  const columns = pipe.source.columnNames();
  const clash = columnNameClash(columns, "spark");
  if (clash !== undefined) throw new SparkLoadError(describeClash(clash, "spark", "the pipe's source table"));
  // the pipe's own table's schema (or the types a file source's schema declares) checks the steps' types before
  // anything is read, as run() does on readTable's table, and types the result as in process
  const schema = options.source === undefined ? schemaOf(pipe.source) : options.source.schema;
  const planned = planSteps(columns, pipe.steps, "", schema);
  const flat = flattenPlan(planned);
  const own = !(options.remote instanceof SparkSession);
  // the run's number names its views: a session opened for this run holds no other run's
  const run = options.remote instanceof SparkSession ? options.remote.nextRun() : 1;
  const sourceView = `tablepipe_${run}_source`;
  const declared = options.columnTypes ?? {};
  // the shipped source's column types, for the renderings that depend on them (castColumns, fillNull, union)
  const sourceTypes =
    options.source === undefined
      ? Object.fromEntries(
          columns.map((name) => [
            name,
            inferColumnType(pipe.source, name, declared[name], "the pipe's source table"),
          ]),
        )
      : undefined;
  const compiled = compilePipe(columns, flat, {
    dialect: "spark",
    ...(sourceTypes === undefined ? {} : { sourceTypes }),
    sourceRelation: sourceView,
    lookupRelation: (i) => `tablepipe_${run}_lookup_${i}`,
    numberRows: (relation) => `SELECT * FROM ${quote(relation)}`,
    renderings: options.renderings,
    ...(options.columnTypes === undefined ? {} : { columnTypes: options.columnTypes }),
  });
  // connected once the pipe is checked and compiled: a step refused at compile time (a join on keys that can
  // never match) opens no session and runs no query
  const session =
    options.remote instanceof SparkSession
      ? options.remote
      : await SparkSession.connect(options.remote, call);
  const views = [`${sourceView}_read`];
  const cached: string[] = [];
  let cacheSource = pipe.source.numRows() > CACHE_ROWS;
  let read: ReadReport | undefined;
  try {
    const types = options.columnTypes ?? {};
    if (options.source === undefined) {
      views.push(
        ...(await shipTable(session, pipe.source, sourceView, types, "the pipe's source table", call)),
      );
    } else {
      ({ cache: cacheSource, read } = await readSource(
        session,
        pipe as Pipe<string>,
        options.source,
        sourceView,
        views,
        cached,
        call,
      ));
    }
    for (const [i, lookup] of compiled.lookups.entries()) {
      views.push(
        ...(await shipTable(
          session,
          lookup.table,
          lookup.relation,
          lookupTypesOver(lookup.table, lookup.types, types),
          `lookup table ${i + 1}`,
          call,
        )),
      );
    }
    // a user's own renderings against their contracts, before anything is cached or run (none: no request)
    await checkOwnRenderingsOnSpark(session, compiled, call);
    // Large tables are cached: a plan holding many local rows inline is slow to optimize, and the counting
    // query reads them again; a file source too, so that its rows keep their numbers between the two queries.
    const large = [
      ...(cacheSource ? [sourceView] : []),
      ...compiled.lookups.filter((l) => l.table.numRows() > CACHE_ROWS).map((l) => l.relation),
    ];
    for (const view of large) {
      await session.client.statement(`CACHE TABLE ${quote(view)}`, `caching ${view}`, call);
      cached.push(view);
    }
    let batches: readonly Uint8Array[];
    try {
      ({ batches } = await session.client.sql(compiled.sql, "the pipe's query", call));
    } catch (error) {
      throw await locateFailureOnSpark(session, compiled, error, call);
    }
    // decoded outside: a failure to read the result is not Spark's
    const table: ColumnTable = arrowToTable(batches);
    let counted: Awaited<ReturnType<typeof session.client.sql>>;
    try {
      counted = await session.client.sql(compiled.countSql, "counting the rows of each step", call);
    } catch (error) {
      // a step whose rows the query never read (a later join with an empty table: Spark skips the plan) fails
      // when they are counted: located as a failure of the query
      throw await locateFailureOnSpark(session, compiled, error, call);
    }
    const counts = arrowToTable(counted.batches).objects()[0] as Record<string, unknown>;
    const trace = pushedDownTrace(compiled, counts);
    const done = finishEngineRun("spark", planned, flat, compiled, table, trace, schema);
    return {
      table: done.table as Table<C>,
      trace: done.trace,
      sql: compiled.sql,
      placement: done.placement,
      ...(read === undefined ? {} : { read }),
    };
  } finally {
    // never with the signal: an interrupted run still releases what it made. A cache belongs to the server, not the session: uncached always, before the session goes.
    for (const view of cached) {
      await session.client
        .statement(`UNCACHE TABLE IF EXISTS ${quote(view)}`, "uncaching")
        .catch(() => undefined);
    }
    if (own) await session.close().catch(() => undefined);
    else {
      for (const view of views) {
        await session.client
          .statement(`DROP VIEW IF EXISTS ${quote(view)}`, "dropping a view")
          .catch(() => undefined);
      }
    }
  }
}
