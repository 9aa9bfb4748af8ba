import type { DuckDBConnection } from "@duckdb/node-api";
import type { ReadReport } from "@tablepipe/io";
import type { ColumnTable } from "arquero";
import type { ColumnType } from "./column-types";

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
  /** The files, sorted as readTable sorts them. */
  readonly files: () => Promise<readonly string[]>;
  /** Read the files into a new temporary table `relation` (rows in file order); returns what readTable reports. */
  readonly load: (connection: DuckDBConnection, relation: string) => Promise<ReadReport>;
  /**
   * Define `relation` as a view that reads `files` (from `files()`, at least one) as the query using it runs
   * (nothing held), with the row-order column `rowColumn`. The view's query stops with `NEEDS_EXACT_READ`
   * (fast-csv-read.ts) on a cell only the exact read can judge: `load` the files then. `numbered: false`: the
   * rows need not be numbered; a CSV read then leaves them so, `rowColumn` a stand-in (see `streamedReadSql`).
   */
  readonly stream: (
    connection: DuckDBConnection,
    relation: string,
    rowColumn: string,
    files: readonly string[],
    numbered?: boolean,
  ) => Promise<void>;
  /**
   * True when a streamed read numbers the rows in file order on every core (Parquet's row numbers), so numbering
   * costs nothing: the `"auto"` read mode then always streams.
   */
  readonly numbersInParallel?: boolean;
}
