/**
 * @tablepipe/sql: a pipe rendered to one SQL query, a CTE per step, in a dialect (`SQL_DIALECTS` of core). The
 * renderings of the general transforms live here, shared by the SQL engines (`@tablepipe/duckdb`, …); an engine
 * adds loading, running and reading results back. Depends on `@tablepipe/core` only.
 * @packageDocumentation
 */

export { RENDERED_TRANSFORMS } from "./built-in-renderings";
export type { ColumnNameClash } from "./column-names";
export { columnNameClash, describeClash, RESERVED_PREFIX } from "./column-names";
export type { ColumnType } from "./column-types";
export { columnTypesOf } from "./column-types";
export type { CompiledCte, CompiledPipe, CompileOptions } from "./compile-pipe";
export { compilePipe, countMarker, rowOrderedQuery, withClause } from "./compile-pipe";
export type { FailureProbe } from "./failure-probe";
export type { EnginePlacement } from "./finish-engine-run";
export { finishEngineRun, pushedDownTrace } from "./finish-engine-run";
export type { InferredColumnType } from "./infer-column-type";
export { declaredColumnType, inferColumnType } from "./infer-column-type";
export type { FailureQueries } from "./locate-failure";
export { locateFailure } from "./locate-failure";
export { lookupTypesOver } from "./lookup-load-types";
export type { DescribedColumn, DescribeQuery, EngineTypeKind } from "./own-rendering-check";
export { checkOwnRenderings, hasOwnRenderings } from "./own-rendering-check";
export type { PipeSqlOptions } from "./pipe-to-sql";
export { pipeToSql } from "./pipe-to-sql";
export { RANK_COLUMN, ROW_ORDER_COLUMN } from "./row-order";
export type { RowOrderUse } from "./row-order-use";
export { resultIgnoresRowOrder } from "./row-order-use";
