import type { Pipe, PipeResult, SqlRendering, Table, TraceEntry } from "@tablepipe/core";
import {
  executePlan,
  flattenPlan,
  nestTrace,
  type PlannedStep,
  planSteps,
  primitiveTraceEntry,
} from "@tablepipe/core/internal";
import { type CompiledPipe, compilePipe, ROW_ORDER_COLUMN } from "@tablepipe/sql";
import { DuckDbLoadError, toQueryError } from "../errors";
import type { ColumnType } from "./column-types";
import { DuckDb } from "./duckdb-database";
import type { DuckDbFileSource } from "./file-sources";
import { loadTable } from "./load-table";
import { locateFailure } from "./locate-failure";
import { numberRowsByRowid } from "./numbered-relation";
import { readQuery } from "./read-result";

/** Where one primitive step ran. */
export interface StepPlacement {
  /** The step's path through composed transforms (`filterData > limitHistory`). */
  readonly step: string;
  readonly engine: "duckdb" | "in-process";
}

/** Options of {@link runOnDuckDb}. */
export interface DuckDbRunOptions {
  /** An open database to run in (kept open); default: a new in-memory one, closed afterwards. */
  readonly database?: DuckDb;
  /** Read this file instead of the pipe's table; the pipe's table then only gives the columns. */
  readonly source?: DuckDbFileSource;
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
}

let runs = 0;

function sourceColumns(pipe: Pipe<string>, source: DuckDbFileSource | undefined): readonly string[] {
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

async function loadSources(
  db: DuckDb,
  pipe: Pipe<string>,
  compiled: CompiledPipe,
  relation: string,
  options: DuckDbRunOptions,
): Promise<void> {
  const types = options.columnTypes ?? {};
  if (options.source === undefined) {
    await loadTable(db.connection, pipe.source, relation, types, "the pipe's source table");
  } else {
    try {
      await db.connection.run(`CREATE TEMP TABLE "${relation}" AS ${options.source.sql}`);
    } catch (error) {
      throw toQueryError(`reading ${options.source.path}`, error);
    }
  }
  for (const [i, lookup] of compiled.lookups.entries()) {
    await loadTable(db.connection, lookup.table, lookup.relation, types, `lookup table ${i + 1}`);
  }
}

/** The trace entries of the steps DuckDB ran, from the per-CTE row counts. */
async function pushedDownTrace(db: DuckDb, compiled: CompiledPipe): Promise<TraceEntry[]> {
  const counts = (await readQuery(db.connection, compiled.countSql)).objects()[0] as Record<string, number>;
  const steps = compiled.ctes.flatMap((cte) => (cte.step === undefined ? [] : [cte.step]));
  return steps.map((step, i) =>
    primitiveTraceEntry(step, {
      rowsIn: Number(counts[`n${i}`]),
      rowsOut: Number(counts[`n${i + 1}`]),
      ms: 0,
    }),
  );
}

/**
 * Run a pipe inside DuckDB: the longest prefix of its steps that renders to SQL runs as one query (a CTE
 * per step), the rest in process on the result. The pipe is checked first, as by `run()`. Returns the
 * table (same column types as in process: time stamps as epoch milliseconds), the trace (rows in and out
 * per step, from one extra count query; milliseconds only for the steps run in process), the query and
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
  const columns = sourceColumns(pipe as Pipe<string>, options.source);
  if (columns.includes(ROW_ORDER_COLUMN)) {
    throw new DuckDbLoadError(`the column name "${ROW_ORDER_COLUMN}" is reserved by @tablepipe/duckdb`);
  }
  const planned = planSteps(columns, pipe.steps);
  const flat = flattenPlan(planned);
  const run = ++runs;
  const compiled = compilePipe(columns, flat, {
    dialect: "duckdb",
    sourceRelation: `tablepipe_source_${run}`,
    lookupRelation: (i) => `tablepipe_lookup_${run}_${i}`,
    numberRows: numberRowsByRowid,
    renderings: options.renderings,
  });
  const db = options.database ?? (await DuckDb.open());
  try {
    await loadSources(db, pipe as Pipe<string>, compiled, `tablepipe_source_${run}`, options);
    let table: Awaited<ReturnType<typeof readQuery>>;
    try {
      table = await readQuery(db.connection, compiled.sql);
    } catch (error) {
      throw await locateFailure(db, compiled, error);
    }
    const rest: readonly PlannedStep[] = flat.slice(compiled.renderedSteps);
    const pushed = await pushedDownTrace(db, compiled);
    const inProcess = executePlan(table, rest);
    const placement: StepPlacement[] = flat.map((step, i) => ({
      step: step.path,
      engine: i < compiled.renderedSteps ? "duckdb" : "in-process",
    }));
    return {
      table: inProcess.table as Table<C>,
      trace: nestTrace(
        planned,
        [...pushed, ...inProcess.trace].map((entry, i) => ({ path: (flat[i] as PlannedStep).path, entry })),
      ),
      sql: compiled.sql,
      placement,
    };
  } finally {
    await dropRelations(db, compiled, `tablepipe_source_${run}`);
    if (options.database === undefined) db.close();
  }
}

async function dropRelations(db: DuckDb, compiled: CompiledPipe, source: string): Promise<void> {
  for (const relation of [source, ...compiled.lookups.map((l) => l.relation)]) {
    await db.connection.run(`DROP TABLE IF EXISTS "${relation}"`);
  }
}
