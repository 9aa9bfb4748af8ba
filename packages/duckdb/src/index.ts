/**
 * @tablepipe/duckdb: run a pipe inside DuckDB. Each step with a SQL rendering (the general transforms of
 * `@tablepipe/transforms`, or a transform given its own `sql`) becomes a CTE of one query; the longest
 * renderable prefix runs in DuckDB, the rest in process. Results equal the in-process ones (property-tested).
 * @packageDocumentation
 */

export { RENDERED_TRANSFORMS } from "@tablepipe/sql";
export type { ColumnType } from "./engine/column-types";
export { columnTypesOf } from "./engine/column-types";
export type { DuckDbOpenOptions } from "./engine/duckdb-database";
export { DuckDb } from "./engine/duckdb-database";
export type { DuckDbReport } from "./engine/duckdb-engine";
export { duckdb } from "./engine/duckdb-engine";
export { duckdbFiles } from "./engine/duckdb-files";
export type { DuckDbFileOptions, DuckDbFileSource } from "./engine/file-sources";
export { csvFile, duckdbTable, parquetFile } from "./engine/file-sources";
export type { DuckDbReadOptions } from "./engine/files-schema";
export type { DuckDbFilesSource, StreamedView } from "./engine/files-source";
export { duckdbCsvFiles } from "./engine/read-files";
export { duckdbParquetFiles } from "./engine/read-parquet-files";
export type { DuckDbPipeResult, DuckDbRunOptions, SourceRead, StepPlacement } from "./engine/run-on-duckdb";
export { runOnDuckDb } from "./engine/run-on-duckdb";
export type { DuckDbWriteFormat, DuckDbWriteOptions, DuckDbWriteResult } from "./engine/write-on-duckdb";
export { writeOnDuckDb } from "./engine/write-on-duckdb";
export type { DuckDbErrorKind } from "./errors";
export { DuckDbLoadError, DuckDbQueryError } from "./errors";
export type { DuckDbPipeSqlOptions } from "./pipe-to-sql";
export { pipeToSql } from "./pipe-to-sql";
