import type { DuckDBConnection } from "@duckdb/node-api";
import type { TableSchema } from "@tablepipe/core";
import type { ReadReport } from "@tablepipe/io";
import type { ColumnTable } from "arquero";
import type { ColumnType } from "./column-types";

/** What defining a streamed view leaves to check once a query over it has run. */
export interface StreamedView {
  /**
   * Resolves true when the view reads the files soundly; false when a choice made before the checks of the
   * files ended turns out unsound (a CSV file read with typed numbers, whose byte scan then found a byte that
   * could spell a number DuckDB reads and readTable refuses): the query's result must be dropped, and the files
   * streamed again without `ahead`. Undefined: nothing was left to check.
   */
  readonly sound?: Promise<boolean>;
  /** The optional schema columns files of the view lack, with those files (the read report's `absentColumns`). */
  readonly absentColumns?: Record<string, string[]>;
}

/**
 * CSV or Parquet files DuckDB reads itself with readTable's rules (`duckdbCsvFiles`, `duckdbParquetFiles`); `load`
 * reads them into a relation and reports.
 */
export interface DuckDbFilesSource {
  readonly format: "files";
  /** The source as given (a file, a folder, a glob, or a list of them). */
  readonly path: string;
  /** The schema's columns, in order, with their types. */
  readonly columns: readonly (readonly [name: string, type: ColumnType])[];
  /** An empty table with the schema's columns: give it to `pipe(...)` to build the steps. */
  readonly table: ColumnTable;
  /**
   * The column types readTable declares for the files' rows (the row schema's): the run checks the steps against
   * them before anything is read (a fill value of another kind, ...), as the in-process run checks readTable's table.
   */
  readonly schema?: TableSchema;
  /** The files, sorted as readTable sorts them. */
  readonly files: () => Promise<readonly string[]>;
  /** Read the files into a new temporary table `relation` (rows in file order); returns what readTable reports. */
  readonly load: (connection: DuckDBConnection, relation: string) => Promise<ReadReport>;
  /**
   * Define `relation` as a view that reads `files` (from `files()`, at least one) as the query using it runs
   * (nothing held), with the row-order column `rowColumn`. The view's query stops with `NEEDS_EXACT_READ`
   * (fast-csv-read.ts) on a cell only the exact read can judge: `load` the files then. `numbered: false`: the
   * rows need not be numbered; a CSV read then leaves them so, `rowColumn` a stand-in (see `streamedReadSql`).
   * `ahead: true`: checks of the files that would delay the query may run on beside it (a CSV file's byte scan):
   * the returned `sound` then says whether the view read them soundly (see {@link StreamedView}).
   */
  readonly stream: (
    connection: DuckDBConnection,
    relation: string,
    rowColumn: string,
    files: readonly string[],
    numbered?: boolean,
    ahead?: boolean,
  ) => Promise<StreamedView>;
  /**
   * True when a streamed read numbers the rows in file order on every core (Parquet's row numbers), so numbering
   * costs nothing: the `"auto"` read mode then always streams.
   */
  readonly numbersInParallel?: boolean;
  /**
   * True when DuckDB has no row estimate for the files as `stream` reads them (CSV read unsniffed: it guesses 42
   * rows), so a query over a streamed view keeps its joins' sides as written (`KEEP_JOIN_SIDES`): left to its
   * estimate, DuckDB builds the anti-joins of 10M taxi trips on the trips (2.3 GB and +0.6 s, against 0.9 GB).
   */
  readonly keepJoinSides?: boolean;
}
