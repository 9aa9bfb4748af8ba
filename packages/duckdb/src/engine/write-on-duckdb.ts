import type { Pipe, TraceEntry } from "@tablepipe/core";
import { type ReadReport, type RowSchema, TableWriteError, writeAtomically, writeTable } from "@tablepipe/io";
import { finishEngineRun, pushedDownTrace } from "@tablepipe/sql";
import { table as makeTable } from "arquero";
import { toQueryError } from "../errors";
import { csvCellSql, REFUSED_CELL } from "./csv-cell-sql";
import { flooredTimestamp } from "./floored-stamps";
import { rowPositionSql } from "./numbered-relation";
import { readQuery } from "./read-result";
import {
  type DuckDbRunOptions,
  type LoadedPipe,
  type LoadedRun,
  loadPipe,
  queryWithCounts,
  runLoaded,
  type SourceRead,
  type StepPlacement,
} from "./run-on-duckdb";
import { quote, sqlString } from "./sql-text";

/** The formats DuckDB writes itself. */
export type DuckDbWriteFormat = "csv" | "parquet";

/** Options of {@link writeOnDuckDb}: those of `runOnDuckDb`, and the file's format. */
export interface DuckDbWriteOptions extends DuckDbRunOptions {
  /** `"csv"` or `"parquet"`; default from the file's extension (`.csv`, `.parquet`). */
  readonly format?: DuckDbWriteFormat;
  /**
   * The result's row schema, for `writeTable` when some step runs in process and its output's types are not
   * known (a user's transform without a contract): its `z.date()` columns are written as time stamps.
   */
  readonly schema?: RowSchema;
}

/** What {@link writeOnDuckDb} did: the trace and placement as `runOnDuckDb` gives them, and the file written. */
export interface DuckDbWriteResult {
  readonly trace: readonly TraceEntry[];
  readonly sql: string;
  readonly placement: readonly StepPlacement[];
  readonly read?: ReadReport;
  readonly readBy?: SourceRead;
  readonly written: {
    readonly path: string;
    readonly format: DuckDbWriteFormat;
    readonly rows: number;
    /** `"duckdb"`: DuckDB wrote the file, the rows never passed through JavaScript; `"writeTable"`: some steps ran in process. */
    readonly by: "duckdb" | "writeTable";
  };
}

function formatOf(path: string, format: DuckDbWriteFormat | undefined): DuckDbWriteFormat {
  if (format !== undefined) return format;
  if (/\.csv$/i.test(path)) return "csv";
  if (/\.parquet$/i.test(path)) return "parquet";
  throw new TableWriteError(
    path,
    'DuckDB writes .csv and .parquet files: name the file .csv or .parquet, or pass the option format: "csv" | "parquet"',
  );
}

let results = 0;

/**
 * The result's columns as written: in Parquet, time stamps in milliseconds (TIMESTAMP(MILLIS)), floored as
 * writeTable writes them (DuckDB's cast to TIMESTAMP_MS rounds: `23:59:59.9996` would be the next day); in CSV,
 * each cell as the text writeTable writes for it (`csvCellSql`), by the type the in-process run gives the column.
 */
async function copiedColumns(
  loaded: LoadedPipe,
  relation: string,
  format: DuckDbWriteFormat,
): Promise<string> {
  const described = (await readQuery(loaded.db.connection, `DESCRIBE ${quote(relation)}`)).objects() as {
    column_name: string;
    column_type: string;
  }[];
  const typeOf = new Map(described.map((d) => [d.column_name, d.column_type]));
  const { compiled, flat } = loaded;
  const planned = compiled.renderedSteps === 0 ? loaded.schema : flat[compiled.renderedSteps - 1]?.schemaOut;
  const row = rowPositionSql(compiled.columns);
  return compiled.columns
    .map((name) => {
      const type = typeOf.get(name) ?? "";
      if (format === "csv") return csvCellSql(quote(name), name, type, planned?.[name]?.type, row);
      return type === "TIMESTAMP"
        ? `CAST(${flooredTimestamp(quote(name))} AS TIMESTAMP_MS) AS ${quote(name)}`
        : quote(name);
    })
    .join(", ");
}

/**
 * Run a pipe inside DuckDB and write its result to a CSV or Parquet file. When every step runs in DuckDB, DuckDB
 * writes the file itself (the rows never pass through JavaScript): Parquet with time stamps as TIMESTAMP(MILLIS,
 * not adjusted to UTC; a fraction of a millisecond floored, as writeTable writes it), integers as INT64; CSV
 * with a header and the text writeTable writes for each value (numbers as JavaScript writes them, `5`, `-0`,
 * `1e-7`; time stamps `2018-02-04 18:00:00`, `.sss` when the milliseconds are not zero, a finer fraction floored;
 * dates `2018-02-04`): the same bytes as writeTable's file of the in-process result. Both read back by
 * `readTable` unchanged; a value writeTable refuses (an infinity, an int past 2^53) fails the write as it does.
 * When some step has no SQL rendering, the rest runs in process and `writeTable` writes the result. Either way
 * the file is written under a temporary name and renamed into place when complete, replacing a file already at
 * `path` without a check: to keep the user's files, call it inside `out.write(name, (temporary) => ...)` of an
 * output folder (`writeOutputFolder` of `@tablepipe/io`).
 * @example await writeOnDuckDb(pipe(trips.table).transform(dropDuplicates), "out/trips.parquet", { source: trips })
 */
export async function writeOnDuckDb<C extends string>(
  pipe: Pipe<C>,
  path: string,
  options: DuckDbWriteOptions = {},
): Promise<DuckDbWriteResult> {
  const format = formatOf(path, options.format);
  const loaded = await loadPipe(pipe as Pipe<string>, options);
  const { compiled, flat } = loaded;
  const common = ({ read, readBy }: { read: ReadReport | undefined; readBy: SourceRead | undefined }) => ({
    sql: compiled.sql,
    ...(read === undefined ? {} : { read }),
    ...(readBy === undefined ? {} : { readBy }),
  });
  try {
    if (compiled.renderedSteps < flat.length) {
      const { table, counts, ...how } = await queryWithCounts(loaded);
      const done = finishEngineRun(
        "duckdb",
        loaded.planned,
        flat,
        compiled,
        table,
        pushedDownTrace(compiled, counts),
      );
      await writeTable(done.table, path, {
        format,
        ...(options.schema === undefined ? {} : { schema: options.schema }),
      });
      const written = { path, format, rows: done.table.numRows(), by: "writeTable" as const };
      return { ...common(how), trace: done.trace, placement: done.placement, written };
    }
    const { counts, ...how } = await copyWithCounts(loaded, path, format);
    const done = finishEngineRun(
      "duckdb",
      loaded.planned,
      flat,
      compiled,
      makeTable({}),
      pushedDownTrace(compiled, counts),
    );
    const rows = Number(counts[`n${compiled.renderedSteps}`]);
    return {
      ...common(how),
      trace: done.trace,
      placement: done.placement,
      written: { path, format, rows, by: "duckdb" },
    };
  } finally {
    await loaded.close();
  }
}

/**
 * Materialise the query into a temporary relation (its steps counted in the same run), then `COPY` its
 * columns to `path` (through a temporary file). Returns the counts (`n0`, `n1`, ...) and the read's report.
 */
async function copyWithCounts(
  loaded: LoadedPipe,
  path: string,
  format: DuckDbWriteFormat,
): Promise<Omit<LoadedRun<unknown>, "value">> {
  const { db } = loaded;
  const relation = `tablepipe_result_${++results}`;
  try {
    // a streamed read redone exactly runs the query again: the relation may exist from the first try
    const { counts, read, readBy } = await runLoaded(loaded, (sql) =>
      db.connection.run(`CREATE OR REPLACE TEMP TABLE ${quote(relation)} AS ${sql}`),
    );
    const list = await copiedColumns(loaded, relation, format);
    const options = format === "parquet" ? "FORMAT parquet" : "FORMAT csv, HEADER";
    await writeAtomically(path, async (temporary) => {
      try {
        await db.connection.run(
          `COPY (SELECT ${list} FROM ${quote(relation)}) TO ${sqlString(temporary)} (${options})`,
        );
      } catch (error) {
        const failed = toQueryError(`writing ${path}`, error);
        // a value writeTable refuses (csvCellSql): the error writeTable throws for it
        if (failed.kind === "invalid input" && REFUSED_CELL.test(failed.detail)) {
          throw new TableWriteError(path, failed.detail, { cause: error });
        }
        throw failed;
      }
    });
    return { counts, read, readBy };
  } finally {
    await db.connection.run(`DROP TABLE IF EXISTS ${quote(relation)}`);
  }
}
