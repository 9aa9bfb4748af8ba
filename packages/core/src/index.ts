/**
 * @tablepipe/core: the transform contract, the pipe that chains transforms (the guide's `.transform()`), its
 * pre-flight plan and trace, and calendar and time-stamp text. No Node built-ins: it runs in Node, Deno and
 * browsers. Table IO is `@tablepipe/io`; config, CLI, logging and the Job runner are `@tablepipe/job`.
 * @packageDocumentation
 */

// Expressions: one typed tree for filters, derived columns and measures; rendered in process and to SQL.
export type { CaseBranch } from "./expr/build";
export {
  add,
  and,
  caseWhen,
  cast,
  coalesce,
  col,
  contains,
  day,
  dayOfWeek,
  div,
  eq,
  ge,
  gt,
  hour,
  isIn,
  isNotNull,
  isNull,
  le,
  length,
  lit,
  lower,
  lt,
  minute,
  month,
  mul,
  ne,
  neg,
  not,
  or,
  startsWith,
  sub,
  timestamp,
  toExpr,
  truncate,
  upper,
  year,
} from "./expr/build";
export { ExpressionError } from "./expr/errors";
export { formatExpr } from "./expr/format";
export type { Measure, MeasureFn, MeasureNode } from "./expr/measures";
export { count, countDistinct, first, last, max, mean, min, stddev, sum } from "./expr/measures";
export type {
  BinaryOp,
  CastType,
  Expr,
  ExprColumns,
  ExprInput,
  ExprNode,
  LiteralValue,
  References,
  RefsOf,
  TruncUnit,
  UnaryOp,
} from "./expr/nodes";
export { exprColumns } from "./expr/refs";
export type { SqlSortKey } from "./expr/sql";
export { toSql, toSqlOrderBy } from "./expr/sql";
export type { SqlDialect, SqlDialectName } from "./expr/sql-dialects";
export { SQL_DIALECTS } from "./expr/sql-dialects";
export { exprParam, isExprNode, measureParam } from "./expr/validate";
// Pipes: chaining, composing, tracing.
export type { CompositeDefinition, FoldSteps } from "./pipe/compose";
export { compose } from "./pipe/compose";
export { StepFailedError } from "./pipe/execute";
export type { PipeEngine, PipeResult, PipeRunOptions } from "./pipe/pipe";
export { Pipe, pipe } from "./pipe/pipe";
export type { AddsOf, RemovesOf, Step } from "./pipe/step";
export { step } from "./pipe/step";
export type { TraceEntry } from "./pipe/trace";
export { flattenTrace, formatFunnel } from "./pipe/trace";
// Row schemas: the zod object that types a table's rows (reads, row factories).
export type { RowSchema } from "./schema/row-schema";
// Time: calendar arithmetic and time-stamp text (zone-less wall clock as epoch milliseconds).
export { civilDate, daysFromCivil } from "./time/calendar";
export { formatTimestamp, isEpochMillis, parseTimestamp } from "./time/timestamp";
// Transforms: declaring one, its column params and contract, its errors.
export type { ColumnParam, ColumnParams, ColumnRole, RequiredColumnParam } from "./transform/column-params";
export { adds, needs, needsEach, removes } from "./transform/column-params";
export type { ColumnContract } from "./transform/contract";
export { columnsAfter, missingColumns, requireColumns } from "./transform/contract";
export type { TransformDefinition } from "./transform/define-transform";
export { defineTransform, verifyOutput, withStaticContract } from "./transform/define-transform";
export { ContractViolationError, MissingColumnsError, TransformParamError } from "./transform/errors";
export { describeValue, tableParam } from "./transform/params";
export type { StepSpec, Transform } from "./transform/runtime";
export type { SqlRendering, SqlStepContext } from "./transform/sql-rendering";
export type { ColumnsOf, Table } from "./transform/table";
export { isTable } from "./transform/table";
export type {
  ColumnsForRole,
  ContractFor,
  LacksColumns,
  LacksParams,
  MissingColumns,
  NeedsCheck,
  NeedsOf,
  NoFixedColumns,
  NoParams,
  OutputColumns,
  ParamsArgs,
  ParamsGiven,
  ParamsInput,
  ParamsSchema,
  RequiredColumnKeys,
  RequiredParamKeys,
  ResolvedParams,
  StaticContract,
  StepParamsArgs,
  TransformCall,
} from "./transform/types";
// Values: the one rule for a missing value.
export { isMissing } from "./values/is-missing";
