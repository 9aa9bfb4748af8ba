import type { DuckDBConnection } from "@duckdb/node-api";
import { schemaFromRowSchema, type TableSchema } from "@tablepipe/core";
import {
  COLUMN_TYPE,
  type ColumnAliases,
  type ColumnSpec,
  checkAliases,
  checkOnInvalid,
  checkZonedTimestamps,
  columnKinds,
  type OnInvalid,
  type ReadReport,
  type RowSchema,
  readTableWithReport,
  type ZonedTimestamps,
} from "@tablepipe/io";
import { type ColumnTable, table as makeTable } from "arquero";
import { DuckDbLoadError } from "../errors";
import type { ColumnType } from "./column-types";
import { loadTable } from "./load-table";

/** How DuckDB reads files as readTable would: column aliases, and what to do with an invalid value. */
export interface DuckDbReadOptions {
  /** Other names each schema column may have in a file (compared ignoring case, `_`, `-` and spaces). */
  readonly aliases?: ColumnAliases;
  /** `"error"` (default): the first invalid value stops the read, named; `"drop"`: its row is dropped and counted. */
  readonly onInvalid?: OnInvalid;
  /**
   * A file's time stamps with a zone (instants: DuckDB's TIMESTAMPTZ, INT96, ...): `"error"` (default) refuses the
   * column, as readTable does; `"utc"` reads each instant as its UTC wall-clock time.
   */
  readonly zonedTimestamps?: ZonedTimestamps;
}

/**
 * A files source's schema as DuckDB reads it (the column specs, their SQL types, and an empty table of them),
 * and the source as given, for messages.
 */
export interface FilesSchema {
  readonly specs: readonly ColumnSpec[];
  readonly columns: readonly (readonly [name: string, type: ColumnType])[];
  readonly table: ColumnTable;
  /** The column types readTable declares for the files' rows (the row schema's), for the steps' pre-flight. */
  readonly schema: TableSchema;
  readonly path: string;
}

/**
 * The schema of a files source read by DuckDB (`label`: the source function, for the error): refused when a
 * column has value rules (`.min(0)`, `.regex()`: DuckDB does not check them) or the aliases do not fit it.
 */
export function filesSchema(
  source: string | readonly string[],
  schema: RowSchema,
  options: DuckDbReadOptions,
  label: string,
): FilesSchema {
  checkOnInvalid(options.onInvalid, label);
  checkZonedTimestamps(options.zonedTimestamps, label);
  const specs = columnKinds(schema);
  const ruled = specs.find((spec) => (spec.rules?.length ?? 0) > 0);
  if (ruled !== undefined) {
    const words = (ruled.rules ?? []).map((rule) => rule.words).join(", ");
    throw new DuckDbLoadError(
      `${label}: column "${ruled.name}" has value rules (${words}) that DuckDB does not check: read the files with readTable (or pipeFrom(...).run({ engine: duckdb() }), which does so for such a schema)`,
    );
  }
  checkAliases(specs, options.aliases);
  const columns = specs.map((spec) => [spec.name, COLUMN_TYPE[spec.kind]] as const);
  const table = makeTable(Object.fromEntries(specs.map((spec) => [spec.name, []])));
  const path = typeof source === "string" ? source : source.join(", ");
  return { specs, columns, table, schema: schemaFromRowSchema(schema), path };
}

/**
 * The exact read: readTable reads `files` in process (naming what it refuses, dropping and counting rows with
 * `onInvalid: "drop"`), and its table is loaded into the new temporary table `relation`.
 */
export async function loadWithReadTable(
  connection: DuckDBConnection,
  relation: string,
  files: readonly string[],
  schema: RowSchema,
  options: DuckDbReadOptions,
  columns: FilesSchema["columns"],
  label: string,
): Promise<ReadReport> {
  const started = performance.now();
  const read = await readTableWithReport([...files], schema, options);
  await loadTable(connection, read.table, relation, Object.fromEntries(columns), label);
  return { ...read.report, ms: performance.now() - started };
}
